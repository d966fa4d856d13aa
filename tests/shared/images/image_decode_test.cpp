#include "images/image_decode.h"

#include <catch2/catch.hpp>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

using namespace kiosk;

namespace {

using Bytes = std::vector<std::uint8_t>;

void append(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

Bytes png(int w, int h, const Bytes& rgba) {
    Bytes out;
    REQUIRE(stbi_write_png_to_func(append, &out, w, h, 4, rgba.data(), w * 4) != 0);
    return out;
}

Bytes jpeg(int w, int h, const Bytes& rgba) {
    Bytes out;
    REQUIRE(stbi_write_jpg_to_func(append, &out, w, h, 4, rgba.data(), 95) != 0);
    return out;
}

Bytes solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
    Bytes rgba;
    for (int i = 0; i < w * h; ++i) rgba.insert(rgba.end(), {r, g, b, a});
    return rgba;
}

DecodedImage must_decode(const Bytes& bytes, int max_w, int max_h) {
    std::string error;
    auto img = decode_image(bytes, max_w, max_h, &error);
    INFO(error);
    REQUIRE(img);
    REQUIRE(img->rgba.size() == static_cast<std::size_t>(img->width) * img->height * 4);
    return *img;
}

std::string decode_error(const Bytes& bytes, const ImageLimits& limits = {}) {
    std::string error;
    CHECK_FALSE(decode_image(bytes, 256, 256, &error, limits));
    return error;
}

std::uint32_t crc32(const std::uint8_t* p, std::size_t n) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void put_be32(Bytes& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// A PNG signature and a valid IHDR chunk, and nothing else: enough for the header check.
Bytes png_header_only(std::uint32_t w, std::uint32_t h, std::uint8_t colour_type) {
    Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    put_be32(out, 13);
    const std::size_t type_at = out.size();
    out.insert(out.end(), {'I', 'H', 'D', 'R'});
    put_be32(out, w);
    put_be32(out, h);
    out.insert(out.end(), {8, colour_type, 0, 0, 0});
    put_be32(out, crc32(&out[type_at], out.size() - type_at));
    return out;
}

double to_linear(double s) { return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4); }
double to_srgb(double l) { return l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055; }

} // namespace

TEST_CASE("Small PNGs decode to their exact pixels", "[image_decode]") {
    const Bytes rgba = {255, 0, 0, 255,  0, 255, 0, 128,  0, 0, 255, 0,
                        10, 20, 30, 255,  40, 50, 60, 255,  70, 80, 90, 255};
    const DecodedImage img = must_decode(png(3, 2, rgba), 100, 100);
    CHECK(img.width == 3);
    CHECK(img.height == 2);
    CHECK(img.rgba == rgba);
}

TEST_CASE("JPEGs decode to RGBA and shrink to fit", "[image_decode]") {
    const Bytes file = jpeg(64, 32, solid(64, 32, 200, 100, 50));
    const DecodedImage full = must_decode(file, 64, 64);
    CHECK(full.width == 64);
    CHECK(full.height == 32);
    const DecodedImage small = must_decode(file, 16, 16);
    CHECK(small.width == 16);
    CHECK(small.height == 8);
    for (std::size_t i = 0; i < small.rgba.size(); i += 4) {
        CHECK(std::abs(small.rgba[i] - 200) <= 3);
        CHECK(std::abs(small.rgba[i + 1] - 100) <= 3);
        CHECK(std::abs(small.rgba[i + 2] - 50) <= 3);
        CHECK(small.rgba[i + 3] == 255);
    }
}

TEST_CASE("Shrinking averages area in linear light", "[image_decode]") {
    SECTION("a black and white checkerboard becomes an even mid grey") {
        Bytes rgba;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                const std::uint8_t v = (x + y) % 2 ? 255 : 0;
                rgba.insert(rgba.end(), {v, v, v, 255});
            }
        const DecodedImage img = must_decode(png(64, 64, rgba), 8, 8);
        REQUIRE(img.width == 8);
        const auto grey = static_cast<int>(std::lround(to_srgb(0.5) * 255));   // 188, not 128
        for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
            CHECK(img.rgba[i] == grey);
            CHECK(img.rgba[i + 1] == grey);
            CHECK(img.rgba[i + 3] == 255);
        }
    }
    SECTION("two colour halves stay separate and their mean is kept") {
        Bytes rgba;
        for (int y = 0; y < 50; ++y)
            for (int x = 0; x < 100; ++x)
                rgba.insert(rgba.end(), {std::uint8_t(x < 50 ? 255 : 0), 0, std::uint8_t(x < 50 ? 0 : 255), 255});
        const DecodedImage two = must_decode(png(100, 50, rgba), 2, 2);
        REQUIRE(two.width == 2);
        REQUIRE(two.height == 1);
        CHECK(two.rgba == Bytes{255, 0, 0, 255, 0, 0, 255, 255});
        const DecodedImage one = must_decode(png(100, 50, rgba), 1, 1);
        const auto half = static_cast<std::uint8_t>(std::lround(to_srgb(0.5) * 255));
        CHECK(one.rgba == Bytes{half, 0, half, 255});
    }
    SECTION("non-integer ratios weigh partly covered pixels by their share") {
        const Bytes rgba = {255, 0, 0, 255,  0, 255, 0, 255,  0, 0, 255, 255};   // R G B → 2 pixels
        const DecodedImage img = must_decode(png(3, 1, rgba), 2, 2);
        REQUIRE(img.width == 2);
        REQUIRE(img.height == 1);
        const auto two_thirds = static_cast<std::uint8_t>(std::lround(to_srgb(2.0 / 3) * 255));
        const auto one_third = static_cast<std::uint8_t>(std::lround(to_srgb(1.0 / 3) * 255));
        CHECK(img.rgba == Bytes{two_thirds, one_third, 0, 255, 0, one_third, two_thirds, 255});
    }
    SECTION("transparent pixels lend no colour") {
        const Bytes rgba = {255, 0, 0, 0,  0, 0, 255, 255};
        const DecodedImage img = must_decode(png(2, 1, rgba), 1, 1);
        CHECK(img.rgba == Bytes{0, 0, 255, 128});
        const DecodedImage clear = must_decode(png(2, 1, {9, 9, 9, 0, 9, 9, 9, 0}), 1, 1);
        CHECK(clear.rgba == Bytes{0, 0, 0, 0});
    }
    CHECK(to_linear(to_srgb(0.25)) == Approx(0.25));
}

TEST_CASE("Shrinking keeps the aspect ratio and never enlarges", "[image_decode]") {
    struct Case { int w, h, max_w, max_h, want_w, want_h; };
    for (const Case c : {Case{300, 200, 100, 100, 100, 67}, Case{200, 300, 100, 100, 67, 100},
                         Case{1000, 10, 100, 100, 100, 1}, Case{3, 1000, 50, 50, 1, 50},
                         Case{10, 10, 100, 100, 10, 10}, Case{640, 480, 320, 1000, 320, 240},
                         Case{640, 480, 1000, 120, 160, 120}}) {
        INFO(c.w << "x" << c.h << " into " << c.max_w << "x" << c.max_h);
        const DecodedImage img = must_decode(png(c.w, c.h, solid(c.w, c.h, 1, 2, 3)), c.max_w, c.max_h);
        CHECK(img.width == c.want_w);
        CHECK(img.height == c.want_h);
        CHECK(Bytes(img.rgba.begin(), img.rgba.begin() + 4) == Bytes{1, 2, 3, 255});
    }
}

TEST_CASE("Oversized images are refused before decoding", "[image_decode]") {
    CHECK(decode_error(png_header_only(30000, 30000, 0)) == "30000×30000 exceeds 8192 px");
    CHECK(decode_error(png_header_only(8193, 16, 0)) == "8193×16 exceeds 8192 px");
    // RGBA at this size also trips stb's own limit, which hides the size: it is read from IHDR.
    CHECK(decode_error(png_header_only(30000, 30000, 6)) == "30000×30000 exceeds 8192 px");
    CHECK(decode_error(png_header_only(100, 100, 5)) == "corrupt PNG header (100×100)");   // no colour type 5
    CHECK(decode_error(png(200, 10, solid(200, 10, 0, 0, 0)), ImageLimits{100, 1024 * 1024}) ==
          "200×10 exceeds 100 px");
    const Bytes file = png(64, 64, solid(64, 64, 5, 5, 5));
    CHECK(decode_error(file, ImageLimits{8192, file.size() - 1}).find("exceeds") != std::string::npos);
    CHECK(decode_error(Bytes(20u * 1024 * 1024 + 1, 0)) == "image file of 20.0 MB exceeds 20.0 MB");
}

// Found by fuzz_image (tests/fuzz/corpus/image/crash-pgm-16bit): stb reads past its buffer
// converting a 16-bit PGM. Formats the feed guide does not promise never reach stb.
TEST_CASE("Only PNG, JPEG, GIF and BMP reach the decoder", "[image_decode]") {
    const std::string pgm16 = "P5\n6 6\n65535\n" + std::string(72, '~');
    const std::string tga = {0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 32, 8, 1, 2, 3, 4};
    const std::string ppm = "P6\n1 1\n255\nabc";
    for (const std::string& file : {pgm16, tga, ppm}) {
        INFO(file.substr(0, 2));
        CHECK(decode_error(Bytes(file.begin(), file.end())) == "not an image: only PNG, JPEG, GIF and BMP are shown");
    }
    const std::string gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, '\x80', 0, 0, 1, 2, 3, 4, 5, 6,
                             ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D', 1, 0, ';'};
    const auto img = must_decode(Bytes(gif.begin(), gif.end()), 8, 8);
    CHECK(img.width == 1);
    CHECK(Bytes(img.rgba.begin(), img.rgba.end()) == Bytes{1, 2, 3, 255});
}

// Found by fuzz_image (tests/fuzz/corpus/image/crash-jpeg-huffman): Debian 12's stb writes
// past a Huffman table whose code counts add up to more than 256.
TEST_CASE("A JPEG whose Huffman table has more than 256 codes never reaches stb", "[image_decode]") {
    const Bytes photo = jpeg(16, 16, solid(16, 16, 200, 100, 50));
    REQUIRE(safe_for_stb(photo));
    const Bytes dht = {0xFF, 0xC4};
    Bytes bad = photo;
    const auto table = std::search(bad.begin(), bad.end(), dht.begin(), dht.end());
    REQUIRE(table != bad.end());
    table[5] = 200;   // the first two of the sixteen code counts, after FF C4, length, class/id
    table[6] = 100;
    CHECK_FALSE(safe_for_stb(bad));
    CHECK(decode_error(bad) == "corrupt JPEG: a Huffman table is too large or missing");
    // The same bytes inside an APP segment are data, not a table.
    Bytes app = {0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x17, 0xFF, 0xC4, 0x00, 0x20, 0x00};   // APP1 of 21 bytes
    app.resize(app.size() + 16, 0xFF);
    app.insert(app.end(), photo.begin() + 2, photo.end());
    CHECK(safe_for_stb(app));
    CHECK(must_decode(app, 64, 64).width == 16);
}

// Found by fuzz_image (tests/fuzz/corpus/image/crash-jpeg-undefined-huffman-table): Debian 12's stb
// decodes a scan with a Huffman table no DHT segment defined, reading uninitialised memory as indexes.
TEST_CASE("A JPEG scan that uses a Huffman table never defined never reaches stb", "[image_decode]") {
    std::ifstream in(SOURCE_DIR "/tests/fuzz/corpus/image/crash-jpeg-undefined-huffman-table", std::ios::binary);
    const Bytes found((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(found.size() > 100);
    CHECK_FALSE(safe_for_stb(found));
    CHECK(decode_error(found) == "corrupt JPEG: a Huffman table is too large or missing");

    const Bytes photo = jpeg(16, 16, solid(16, 16, 200, 100, 50));
    REQUIRE(safe_for_stb(photo));
    // The scan header names each component's DC and AC tables: point one at table 3, which no DHT defines.
    const Bytes sos = {0xFF, 0xDA};
    Bytes bad = photo;
    const auto scan = std::search(bad.begin(), bad.end(), sos.begin(), sos.end());
    REQUIRE(scan != bad.end());
    scan[6] = 0x33;   // after FF DA, length, component count and the first component's id
    CHECK_FALSE(safe_for_stb(bad));
}

// Found by fuzz_image (tests/fuzz/corpus/image/crash-bmp-height-0): stb takes a BMP of height 0.
TEST_CASE("A picture with no pixels is refused", "[image_decode]") {
    Bytes bmp;
    REQUIRE(stbi_write_bmp_to_func(append, &bmp, 2, 2, 4, solid(2, 2, 9, 9, 9).data()) != 0);
    must_decode(bmp, 8, 8);
    std::fill(bmp.begin() + 22, bmp.begin() + 26, 0);   // BITMAPINFOHEADER height
    CHECK(decode_error(bmp) == "corrupt image: 2×0 pixels");
}

TEST_CASE("Corrupt, truncated and non-image bytes are refused with a reason", "[image_decode]") {
    const std::string text = "<html>404 Not Found</html>";
    CHECK(decode_error(Bytes(text.begin(), text.end())).rfind("not an image: ", 0) == 0);
    CHECK(decode_error(Bytes{}) == "not an image: the file is empty");

    Bytes noisy;
    std::uint32_t seed = 12345;
    for (int i = 0; i < 64 * 64 * 4; ++i) {
        seed = seed * 1664525u + 1013904223u;
        noisy.push_back(static_cast<std::uint8_t>(seed >> 24));
    }
    const Bytes file = png(64, 64, noisy);
    for (std::size_t cut : {file.size() / 2, file.size() - 20, std::size_t{40}}) {
        INFO("PNG cut to " << cut << " of " << file.size() << " bytes");
        CHECK(decode_error(Bytes(file.begin(), file.begin() + cut)).rfind("truncated or corrupt image: ", 0) == 0);
    }
    const Bytes photo = jpeg(64, 64, noisy);
    const Bytes half_photo(photo.begin(), photo.begin() + photo.size() / 2);
    CHECK(decode_error(half_photo).rfind("truncated or corrupt image: ", 0) == 0);
    CHECK(decode_error(jpeg(8193, 2, solid(8193, 2, 0, 0, 0))) == "8193×2 exceeds 8192 px");

    // stb checks no CRCs, but a broken zlib header in the first IDAT is caught.
    Bytes damaged = file;
    const std::string idat = "IDAT";
    const auto at = std::search(damaged.begin(), damaged.end(), idat.begin(), idat.end());
    REQUIRE(at != damaged.end());
    at[4] ^= 0xFF;
    CHECK(decode_error(damaged).rfind("truncated or corrupt image: ", 0) == 0);

    std::string error;
    CHECK_FALSE(decode_image(file, 0, 10, &error));
    CHECK(error == "target size 0×10 is not positive");
}
