// The map and route screens read back by OCR: each rendered under Xvfb in zh
// and en, landscape and portrait, turned grey and doubled in size, then read by
// tesseract; the area names the plan draws must be among what it reads, and on
// the English map the booth names its key lists. A feed without a venue and a
// blank picture read none of them, so the check can fail.
#include "base/embedded.h"
#include "run_kiosk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace kiosk::test;

namespace {

// `png` as grey at twice the size (bilinear): tesseract reads 14–20 px Chinese far better at 2×.
bool write_grey_doubled(const std::filesystem::path& png, const std::filesystem::path& out) {
    Picture p;
    if (!load_picture(png, p)) return false;
    const int w = p.width * 2, h = p.height * 2;
    std::vector<unsigned char> grey(static_cast<std::size_t>(w) * h);
    const auto lum = [&](int x, int y) {
        const unsigned char* c = p.at(std::min(x, p.width - 1), std::min(y, p.height - 1));
        return 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
    };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float sx = std::max(0.0f, (x + 0.5f) / 2 - 0.5f), sy = std::max(0.0f, (y + 0.5f) / 2 - 0.5f);
            const int x0 = static_cast<int>(sx), y0 = static_cast<int>(sy);
            const float fx = sx - x0, fy = sy - y0;
            const float v = (lum(x0, y0) * (1 - fx) + lum(x0 + 1, y0) * fx) * (1 - fy) +
                            (lum(x0, y0 + 1) * (1 - fx) + lum(x0 + 1, y0 + 1) * fx) * fy;
            grey[static_cast<std::size_t>(y) * w + x] = static_cast<unsigned char>(v + 0.5f);
        }
    return stbi_write_png(out.c_str(), w, h, 1, grey.data(), w) != 0;
}

// What tesseract reads in `png` (sparse text: labels scattered over a plan), with spaces and line
// breaks removed: Chinese comes back with spaces between characters, English names are matched without.
std::string ocr(const std::filesystem::path& png, const std::string& lang, std::string& raw) {
    const auto grey = png.parent_path() / (png.stem().string() + "-ocr.png");
    if (!write_grey_doubled(png, grey)) return {};
    raw.clear();
    FILE* pipe = popen(("tesseract '" + grey.string() + "' stdout -l " + lang + " --psm 11 2>/dev/null").c_str(), "r");
    if (!pipe) return {};
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) raw.append(buffer, n);
    pclose(pipe);
    std::string squeezed;
    for (char c : raw)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\f') squeezed += c;
    return squeezed;
}

std::string without_spaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

// Those of `names` found in `text` (both without spaces).
std::vector<std::string> found(const std::string& text, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& n : names)
        if (text.find(without_spaces(n)) != std::string::npos) out.push_back(n);
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// The names each page must show, none of them a legend entry or the route's destination, and those
// that OCR reads reliably at the sizes drawn (tried at 1920×1080 and 1080×1920, map and route). Chinese
// at 20–30 px reads less surely: 交城展厅 often comes back as 交城展正 or 交城展国, so its first three
// characters stand for it (交城展位, the booth's label, is a name on the plan too).
const std::vector<std::string> kEnglishNames{"Main hall", "Jiaocheng exhibition hall"};
const std::vector<std::string> kChineseNames{"主会场", "交城展"};
// In portrait the route's plan is zoomed in on the route (issue 19): the halls at the floor's far side are out
// of view, and the places along the walk from the entrance to the stairs are named instead. In Chinese the
// plan's 医务室 and 服务台 are drawn whole at the body size (28 px, clear of the route line) yet tesseract reads
// 务 as 力饼 or drops it, so the walk's start stands for them: 入口 in the plan's 你在这里 · 入口 marker (the
// steps under the plan do not name it; 楼梯 would be read from the steps even without a plan).
const std::vector<std::string> kEnglishAlongRoute{"First aid", "Service desk"};
const std::vector<std::string> kChineseAlongRoute{"入口"};
// The English map numbers the booths (too long for them at a readable size) and names them in its key.
const std::vector<std::string> kEnglishBooths{"Jiaocheng booth", "Wenshui booth", "Lishi booth",  "Linxian booth",
                                              "Lanxian booth",   "Fenyang booth", "Xiaoyi booth", "Zhongyang booth",
                                              "Liulin booth",    "Xingxian booth"};

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

struct Shot {
    std::string screen, lang, size;
    std::vector<std::string> expect;
};

} // namespace

TEST_CASE("OCR reads the area names on the map and the route in zh and en, landscape and portrait", "[xvfb][map][ocr]") {
    const auto dir = temp_dir("map-ocr");
    std::vector<Shot> shots;
    for (const char* size : {"1920x1080", "1080x1920"}) {
        shots.push_back({"map", "en", size, kEnglishNames + kEnglishBooths});
        shots.push_back({"map", "zh", size, kChineseNames});
        // The route to studio 3 starts on 1F, where none of these is its destination.
        const bool portrait = std::string(size) == "1080x1920";
        shots.push_back({"map:studio-3", "en", size, portrait ? kEnglishAlongRoute : kEnglishNames});
        shots.push_back({"map:studio-3", "zh", size, portrait ? kChineseAlongRoute : kChineseNames});
    }
    for (const Shot& s : shots) {
        const std::string name = s.screen.substr(0, 3) + (s.screen.size() > 3 ? "-route" : "") + "-" + s.lang + "-" + s.size;
        const auto png = dir / (name + ".png");
        INFO(name);
        REQUIRE(run_kiosk("--screen " + s.screen + " --lang " + s.lang + " --size " + s.size +
                              " --now 2020-05-16T20:30:00+08:00 --screenshot '" + png.string() + "'",
                          kUnderXvfb, (dir / (name + ".log")).string()) == 0);
        std::string raw;
        const std::string text = ocr(png, s.lang == "zh" ? "chi_sim" : "eng", raw);
        const auto seen = found(text, s.expect);
        std::printf("OCR %s: found %zu of %zu: %s\nOCR %s read: %s\n", name.c_str(), seen.size(), s.expect.size(),
                    joined(seen).c_str(), name.c_str(), text.c_str());
        INFO("OCR read: " << raw);
        CHECK(seen == s.expect);
    }
}

TEST_CASE("OCR finds none of the area names on a feed without a venue or on a blank picture", "[xvfb][map][ocr]") {
    const auto dir = temp_dir("map-ocr-none");
    // The demo feed without its venue and the references into it.
    auto feed = nlohmann::json::parse(*kiosk::embedded_file("config/demo-feed.json"));
    feed.erase("venue");
    for (auto& c : feed["counties"]) c.erase("booth_area");
    for (auto& s : feed["schedule"]) s.erase("area");
    const auto feed_path = dir / "no-venue.json";
    std::ofstream(feed_path) << feed.dump(2);
    for (const char* lang : {"en", "zh"}) {
        const std::string name = std::string("no-venue-") + lang;
        const auto png = dir / (name + ".png");
        REQUIRE(run_kiosk("--feed '" + feed_path.string() + "' --screen map --lang " + lang +
                              " --size 1920x1080 --now 2020-05-16T20:30:00+08:00 --screenshot '" + png.string() + "'",
                          kUnderXvfb, (dir / (name + ".log")).string()) == 0);
        std::string raw;
        const std::string text = ocr(png, lang == std::string("zh") ? "chi_sim" : "eng", raw);
        std::printf("OCR %s read: %s\n", name.c_str(), text.c_str());
        CHECK_FALSE(text.empty());   // OCR ran and read the page (the no-map message, the top bar)
        CHECK(found(text, lang == std::string("zh") ? kChineseNames + kChineseAlongRoute
                                                    : kEnglishNames + kEnglishBooths + kEnglishAlongRoute).empty());
    }
    const auto blank = dir / "blank.png";
    const std::vector<unsigned char> white(1920 * 1080 * 3, 255);
    REQUIRE(stbi_write_png(blank.c_str(), 1920, 1080, 3, white.data(), 1920 * 3));
    std::string raw;
    CHECK(found(ocr(blank, "eng", raw), kEnglishNames + kEnglishBooths + kEnglishAlongRoute).empty());
    CHECK(found(ocr(blank, "chi_sim", raw), kChineseNames + kChineseAlongRoute).empty());
}
