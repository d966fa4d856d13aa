// Test helper: small encoded pictures made on the spot (stb_image_write), and
// broken ones: a truncated file and a PNG header claiming 30000×30000 pixels.
#pragma once

#include <stb_image_write.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kiosk::test {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

inline std::vector<std::uint8_t> solid_pixels(int w, int h, Rgb c) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < px.size(); i += 3) {
        px[i] = c.r;
        px[i + 1] = c.g;
        px[i + 2] = c.b;
    }
    return px;
}

inline void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

inline std::string png_of(int w, int h, Rgb c) {
    std::string out;
    const auto px = solid_pixels(w, h, c);
    stbi_write_png_to_func(append_bytes, &out, w, h, 3, px.data(), w * 3);
    return out;
}

// Top half `top`, bottom half `bottom`: shows which way up a picture is drawn.
inline std::string png_split(int w, int h, Rgb top, Rgb bottom) {
    std::string out;
    auto px = solid_pixels(w, h, top);
    const auto lower = solid_pixels(w, h - h / 2, bottom);
    std::copy(lower.begin(), lower.end(), px.begin() + static_cast<std::ptrdiff_t>(h / 2) * w * 3);
    stbi_write_png_to_func(append_bytes, &out, w, h, 3, px.data(), w * 3);
    return out;
}

inline std::string jpeg_of(int w, int h, Rgb c) {
    std::string out;
    const auto px = solid_pixels(w, h, c);
    stbi_write_jpg_to_func(append_bytes, &out, w, h, 3, px.data(), 95);
    return out;
}

// A well-formed PNG header and IHDR for a w×h RGBA picture, and no pixel data.
inline std::string png_header_claiming(std::uint32_t w, std::uint32_t h) {
    std::string out("\x89PNG\r\n\x1a\n", 8);
    auto be32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
    };
    be32(13);
    out += "IHDR";
    be32(w);
    be32(h);
    out += std::string("\x08\x06\x00\x00\x00", 5);   // 8 bits, RGBA, deflate, no filter, no interlace
    be32(0);                                          // CRC (stb does not check it)
    return out;
}

// The first third of a real PNG: the header is fine, the pixel data cut off.
inline std::string truncated_png(int w, int h, Rgb c) {
    const std::string whole = png_of(w, h, c);
    return whole.substr(0, whole.size() / 3);
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace kiosk::test
