// Product photos from the feed: bytes (PNG, JPEG, GIF, BMP, …) → RGBA8, shrunk
// to the size the screen shows. Checks dimensions before decoding, so a
// hostile or mistaken upload cannot make the kiosk allocate gigabytes.
// Pure function of its inputs: safe on any worker thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk {

struct ImageLimits {
    int max_side = 8192;                              // pixels, either dimension, before downscaling
    std::size_t max_input_bytes = 20u * 1024 * 1024;  // the encoded file
};

struct DecodedImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;   // width * height * 4, row-major, straight (not premultiplied) alpha
};

// False for bytes that must not reach stb_image: a format the feed guide does not
// promise (it takes PNG, JPEG, GIF, BMP), or a JPEG whose Huffman tables overrun
// Debian 12's stb. Check before any stbi_* call on untrusted bytes.
bool safe_for_stb(std::span<const std::uint8_t> bytes);

// Decodes and, when larger, shrinks to fit max_width × max_height keeping the
// aspect ratio (never enlarges). The shrink is an area average in linear light
// with alpha weighting, so thin lines and transparent edges keep their colour.
// nullopt with a reason in *error, e.g. "30000×30000 exceeds 8192 px", "not an image: …".
std::optional<DecodedImage> decode_image(std::span<const std::uint8_t> bytes, int max_width, int max_height,
                                         std::string* error, const ImageLimits& limits = {});

} // namespace kiosk
