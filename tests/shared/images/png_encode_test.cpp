// PNG bytes from pixels, and files written on a worker: what is written decodes to the
// pixels given (top-down or GL's bottom-up rows, opaque or with alpha), a picture that
// is not one is refused with a reason, and a file that cannot be written is named.
#include "images/png_encode.h"
#include "images/png_file_writer.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <stb_image.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

// A picture whose every pixel differs from its neighbours: a swapped row or channel shows.
std::vector<std::uint8_t> pattern(int w, int h) {
    std::vector<std::uint8_t> rgba;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            rgba.insert(rgba.end(), {std::uint8_t(x * 7 + y), std::uint8_t(y * 13), std::uint8_t(x ^ y), std::uint8_t(100 + x)});
    return rgba;
}

struct Decoded {
    int width = 0, height = 0, channels = 0;
    std::vector<std::uint8_t> rgba;
};

Decoded decode(const std::string& png) {
    Decoded d;
    unsigned char* p = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()), int(png.size()), &d.width,
                                             &d.height, &d.channels, 4);
    REQUIRE(p != nullptr);
    d.rgba.assign(p, p + std::size_t(d.width) * d.height * 4);
    stbi_image_free(p);
    return d;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("an opaque PNG decodes to the pixels given with alpha 255 and RGB channels only", "[png]") {
    const int w = 37, h = 23;
    const auto rgba = pattern(w, h);
    std::string error;
    const auto png = encode_png(RgbaView{rgba.data(), w, h, w * 4}, {}, &error);
    REQUIRE(png);
    const Decoded d = decode(*png);
    CHECK((d.width == w && d.height == h));
    CHECK(d.channels == 3);
    for (std::size_t i = 0; i < rgba.size(); i += 4) {
        INFO("pixel " << i / 4);
        REQUIRE(d.rgba[i] == rgba[i]);
        REQUIRE(d.rgba[i + 1] == rgba[i + 1]);
        REQUIRE(d.rgba[i + 2] == rgba[i + 2]);
        REQUIRE(d.rgba[i + 3] == 255);
    }
}

TEST_CASE("a PNG with alpha keeps it, and GL's bottom-up rows come out top-down", "[png]") {
    const int w = 16, h = 9;
    const auto rgba = pattern(w, h);
    PngEncodeOptions with_alpha;
    with_alpha.opaque = false;
    const auto png = encode_png(RgbaView{rgba.data(), w, h, w * 4}, with_alpha);
    REQUIRE(png);
    CHECK(decode(*png).rgba == rgba);

    std::vector<std::uint8_t> bottom_up;   // the same picture as glReadPixels gives it
    for (int y = h - 1; y >= 0; --y) bottom_up.insert(bottom_up.end(), rgba.begin() + y * w * 4, rgba.begin() + (y + 1) * w * 4);
    const auto flipped = encode_png(RgbaView{bottom_up.data() + (h - 1) * w * 4, w, h, -w * 4}, with_alpha);
    REQUIRE(flipped);
    CHECK(decode(*flipped).rgba == rgba);
}

TEST_CASE("encode_png refuses a picture that is not one and says why", "[png]") {
    const auto rgba = pattern(4, 4);
    std::string error;
    CHECK_FALSE(encode_png(RgbaView{rgba.data(), 0, 4, 16}, {}, &error));
    CHECK(error == "PNG: no picture to encode (0×4)");
    CHECK_FALSE(encode_png(RgbaView{nullptr, 4, 4, 16}, {}, &error));
    CHECK_FALSE(encode_png(RgbaView{rgba.data(), 4, 4, 8}, {}, &error));
    CHECK(error == "PNG: rows overlap (stride 8)");
    CHECK_FALSE(encode_png(RgbaView{rgba.data(), 40000, 1, 160000}, {}, &error));
}

TEST_CASE("the file writer writes every queued picture before finish returns and names a file it cannot write", "[png]") {
    const auto dir = test::temp_dir("png-writer");
    const int w = 64, h = 48;
    PngFileWriter writer(1);   // one waiting at most: submit must block, not drop
    for (int i = 0; i < 6; ++i) writer.submit((dir / ("p" + std::to_string(i) + ".png")).string(), pattern(w, h), w, h, false);
    writer.submit((dir / "missing" / "deeper" / "x.png").string(), pattern(w, h), w, h, false);
    writer.submit((dir / "short.png").string(), std::vector<std::uint8_t>(10), w, h, false);
    const std::vector<std::string> failures = writer.finish();
    for (int i = 0; i < 6; ++i) {
        INFO("p" << i);
        const Decoded d = decode(read_file(dir / ("p" + std::to_string(i) + ".png")));
        CHECK((d.width == w && d.height == h));
    }
    REQUIRE(failures.size() == 2);
    CHECK(failures[0].find("missing/deeper/x.png") != std::string::npos);
    CHECK(failures[1].find("short.png: 10 bytes are not a 64×48 picture") != std::string::npos);
    CHECK(writer.finish().empty());   // reported once
}
