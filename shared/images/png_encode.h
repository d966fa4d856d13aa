// Screen pixels → PNG bytes, for screenshots, the preview's pictures and the
// status directory's screen picture. libpng with zlib at level 3 and the Up
// filter: on a 1080p screen of the kiosk several times faster than
// stb_image_write (kiosk_bench --only preview prints both), and level 6 would
// take twice as long for a tenth less. Pure function of its inputs: safe on any
// worker thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

// RGBA8 pixels in memory: `rows` top-down rows of `width` pixels, `stride` bytes from one row's
// start to the next (negative for GL's bottom-up rows: `pixels` then points at the top row).
struct RgbaView {
    const std::uint8_t* pixels = nullptr;
    int width = 0, height = 0;
    std::ptrdiff_t stride = 0;
};

struct PngEncodeOptions {
    bool opaque = true;     // drop alpha (a screen is opaque): RGB, a quarter less to compress
    int zlib_level = 3;     // 1 fastest … 9 smallest
};

// The PNG file's bytes; nullopt with the reason in *error (an empty or oversized picture, libpng's own).
std::optional<std::string> encode_png(const RgbaView& image, const PngEncodeOptions& options = {}, std::string* error = nullptr);

} // namespace kiosk
