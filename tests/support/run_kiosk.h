// Runs the built kiosk program (under xvfb-run for screenshots) and loads PNGs.
#pragma once

#include "temp_dir.h"

#include <stb_image.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

namespace kiosk::test {

struct Picture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
    const unsigned char* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Distinct colours in a region, every `step`th pixel: a blank region has one or two.
inline std::size_t colours_in(const Picture& p, int x0, int y0, int x1, int y1, int step = 1) {
    std::set<std::uint32_t> seen;
    for (int y = y0; y < y1; y += step)
        for (int x = x0; x < x1; x += step) {
            const unsigned char* px = p.at(x, y);
            seen.insert(static_cast<std::uint32_t>(px[0]) << 16 | px[1] << 8 | px[2]);
        }
    return seen.size();
}

// Pixels in a region much darker than the page (ink), every `step`th pixel.
inline std::size_t dark_pixels_in(const Picture& p, int x0, int y0, int x1, int y1, int step = 1) {
    std::size_t n = 0;
    for (int y = y0; y < y1; y += step)
        for (int x = x0; x < x1; x += step) {
            const unsigned char* px = p.at(x, y);
            if (px[0] + px[1] + px[2] < 3 * 110) ++n;
        }
    return n;
}

inline const char* const kUnderXvfb = "xvfb-run -a -s '-screen 0 1920x1080x24'";
inline const char* const kWithoutDisplay = "env -u DISPLAY -u WAYLAND_DISPLAY";

// The program's exit code; its output goes to `log` when given. `prefix` runs
// it under Xvfb, without a display, or as it is ("").
inline int run_kiosk(const std::string& args, const std::string& prefix, const std::string& log = {}) {
    std::string command = prefix + " '" + KIOSK_BINARY + "' " + args;
    if (!log.empty()) command += " >'" + log + "' 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::string out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

// What zbarimg reads in a PNG: one line per symbol; "" when it finds none.
inline std::string zbar_read(const std::filesystem::path& png) {
    const std::string command = "zbarimg --nodbus -q --raw '" + png.string() + "' 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return "(popen failed)";
    std::string out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
    if (!out.empty() && out.back() == '\n') out.pop_back();   // --raw ends each symbol with one
    return out;
}

inline bool load_picture(const std::filesystem::path& path, Picture& out) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &out.width, &out.height, &channels, 4);
    if (!data) return false;
    out.rgba.assign(data, data + static_cast<std::size_t>(out.width) * out.height * 4);
    stbi_image_free(data);
    return true;
}

} // namespace kiosk::test
