#include "widgets/image_view.h"

#include "widgets/widgets.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace kiosk {

namespace {

struct Picture {
    ImTextureID texture = nullptr;
    ImVec2 size;
};

std::unordered_map<std::string, Picture>& pictures() {
    static std::unordered_map<std::string, Picture> map;
    return map;
}

// Muted earth and festival tones that carry white text.
constexpr ImU32 kPalette[] = {
    IM_COL32(178, 64, 52, 255),  IM_COL32(190, 118, 38, 255), IM_COL32(112, 132, 58, 255),
    IM_COL32(46, 118, 108, 255), IM_COL32(66, 98, 148, 255),  IM_COL32(128, 78, 128, 255),
    IM_COL32(156, 92, 66, 255),  IM_COL32(84, 108, 78, 255),
};

// The first character of `text` (a whole UTF-8 sequence), ASCII letters upper-cased.
std::string first_character(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty()) return {};
    const auto lead = static_cast<unsigned char>(text.front());
    std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    n = std::min(n, text.size());
    std::string out(text.substr(0, n));
    if (n == 1 && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a), cb = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t,
                                                 ca.z + (cb.z - ca.z) * t, ca.w + (cb.w - ca.w) * t));
}

void draw_placeholder(ImDrawList* dl, const Theme& theme, const ImRect& r, const ImagePlaceholder& p,
                      float rounding, ImDrawFlags corners) {
    const ImU32 base = placeholder_color(p.key);
    dl->AddRectFilled(r.Min, r.Max, base, rounding, corners);
    // A lighter ring round a darker disc, the initial on it: reads as "picture to come", not as an error
    // (the disc darker than the tile, issue 19: the initial reads on it at the theme's min_contrast).
    const ImVec2 c = r.GetCenter();
    ImFont* font = theme.fonts.title;
    const float radius = std::min(std::min(r.GetWidth(), r.GetHeight()) * 0.32f, font->FontSize * 1.1f);
    dl->AddCircleFilled(c, radius * 1.35f, mix(base, IM_COL32_WHITE, 0.10f), 64);
    constexpr ImU32 kInitial = IM_COL32(255, 250, 240, 255);
    ImU32 disc = mix(base, IM_COL32_BLACK, 0.15f);
    for (int i = 0; i < 16 && contrast_ratio(kInitial, disc) < theme.min_contrast; ++i) disc = mix(disc, IM_COL32_BLACK, 0.15f);
    dl->AddCircleFilled(c, radius, disc, 64);
    const std::string initial = first_character(p.label);
    if (initial.empty()) return;
    const ImVec2 size = text_size(font, initial);
    draw_text(dl, font, ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), kInitial, initial);
}

} // namespace

void set_image_texture(const std::string& url, ImTextureID texture, ImVec2 size) {
    if (texture == nullptr || size.x <= 0 || size.y <= 0) pictures().erase(url);
    else pictures()[url] = Picture{texture, size};
}

void clear_image_textures() { pictures().clear(); }

ImU32 placeholder_color(std::string_view key) {
    std::uint32_t h = 2166136261u;   // FNV-1a: stable across runs and builds, unlike std::hash
    for (const char ch : key) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
    return kPalette[h % (sizeof kPalette / sizeof kPalette[0])];
}

bool draw_image(ImDrawList* dl, const Theme& theme, ImageDemand* demand, const std::string& url, const ImRect& r,
                const ImagePlaceholder& placeholder, float rounding, ImDrawFlags corners) {
    if (demand && !url.empty()) demand->drawn(url, r.GetWidth(), r.GetHeight());
    const auto it = url.empty() ? pictures().end() : pictures().find(url);
    if (it == pictures().end()) {
        draw_placeholder(dl, theme, r, placeholder, rounding, corners);
        return false;
    }
    // Cover: crop the picture's longer side so it fills `r` without stretching.
    const Picture& pic = it->second;
    const float box_aspect = r.GetWidth() / std::max(1.0f, r.GetHeight());
    const float pic_aspect = pic.size.x / pic.size.y;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (pic_aspect > box_aspect) {
        const float keep = box_aspect / pic_aspect;
        uv0.x = (1 - keep) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        const float keep = pic_aspect / box_aspect;
        uv0.y = (1 - keep) * 0.5f;
        uv1.y = 1 - uv0.y;
    }
    dl->AddImageRounded(pic.texture, r.Min, r.Max, uv0, uv1, IM_COL32_WHITE, rounding, corners);
    return true;
}

} // namespace kiosk
