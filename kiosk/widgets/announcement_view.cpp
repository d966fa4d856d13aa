#include "widgets/announcement_view.h"

#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace kiosk {

namespace {

constexpr float kBannerHeight = 88;   // at 1080p: one line of heading text with room around it

// High contrast on purpose: dark text on amber for notices, white on deep blue for information.
constexpr ImU32 kNoticeFill = IM_COL32(255, 196, 0, 255);
constexpr ImU32 kNoticeText = IM_COL32(20, 16, 10, 255);
constexpr ImU32 kInfoFill = IM_COL32(16, 52, 110, 255);
constexpr ImU32 kInfoText = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kEmergencyFill = IM_COL32(140, 0, 0, 255);     // white on it: contrast ratio about 9:1
constexpr ImU32 kEmergencyText = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kEmergencyLabel = IM_COL32(255, 221, 0, 255);

// `text` wrapped at `width` in `font` scaled to `size`: the lines, each without its break.
std::vector<std::string> wrapped_lines(ImFont* font, float size, float width, const std::string& text) {
    std::vector<std::string> lines;
    const char* at = text.c_str();
    const char* const end = at + text.size();
    while (at < end) {
        const char* wrap = font->CalcWordWrapPositionA(size / font->FontSize, at, end, width);
        if (wrap == at) wrap = at + 1;   // a glyph wider than the line: never stall
        lines.emplace_back(at, wrap);
        while (wrap < end && (*wrap == ' ' || *wrap == '\n')) ++wrap;
        at = wrap;
    }
    return lines;
}

struct Block {
    ImFont* font;
    float size;
    ImU32 colour;
    std::vector<std::string> lines;
    float gap_after;
    float height() const { return size * 1.25f * static_cast<float>(lines.size()) + gap_after; }
};

} // namespace

float announcement_banners_height(const Theme& theme, std::size_t count) {
    return theme.px(kBannerHeight) * static_cast<float>(std::min(count, kMaxBanners));
}

void draw_announcement_banners(ImDrawList* dl, const Theme& theme, Lang lang, ImVec2 display,
                               const std::vector<const Announcement*>& banners) {
    const float h = theme.px(kBannerHeight);
    float bottom = display.y;
    for (std::size_t i = 0; i < banners.size() && i < kMaxBanners; ++i, bottom -= h) {
        const Announcement& a = *banners[i];
        const bool notice = a.severity == AnnouncementSeverity::notice;
        const ImRect r(ImVec2(0, bottom - h), ImVec2(display.x, bottom));
        dl->AddRectFilled(r.Min, r.Max, notice ? kNoticeFill : kInfoFill);
        dl->AddLine(ImVec2(r.Min.x, r.Min.y), ImVec2(r.Max.x, r.Min.y), notice ? kNoticeText : kInfoText, theme.px(2));
        const ImU32 colour = notice ? kNoticeText : kInfoText;
        const std::string label = ui_text(notice ? "announcement_notice" : "announcement_info", lang);
        float x = theme.margin();
        const ImVec2 label_size = text_size(theme.fonts.heading, label);
        const ImRect badge(ImVec2(x, r.Min.y + theme.px(14)), ImVec2(x + label_size.x + theme.px(28), r.Max.y - theme.px(14)));
        dl->AddRect(badge.Min, badge.Max, colour, theme.rounding(), 0, theme.px(3));
        draw_text_centered(dl, theme.fonts.heading, badge, colour, label);
        x = badge.Max.x + theme.px(24);
        const std::string& text = a.text.in(lang);
        const std::string line = fit_line(theme.fonts.heading, text, display.x - x - theme.margin());
        draw_text(dl, theme.fonts.heading, ImVec2(x, r.Min.y + (h - theme.fonts.heading->FontSize) * 0.5f), colour, line);
    }
}

void draw_announcement_takeover(ImDrawList* dl, const Theme& theme, ImVec2 display, const Announcement& emergency) {
    dl->AddRectFilled(ImVec2(0, 0), display, kEmergencyFill);
    const float frame = theme.px(24);
    dl->AddRect(ImVec2(frame, frame), ImVec2(display.x - frame, display.y - frame), kEmergencyLabel, 0, 0, theme.px(8));
    const float width = display.x - 2 * theme.px(96);
    // Each language in its own faces; the bilingual label's Latin part from the Latin face.
    ImFont* title = theme.fonts_for(Lang::zh).title;
    ImFont* en_title = theme.fonts_for(Lang::en).title;
    const float size = title->FontSize, zh_size = std::round(size * 1.5f);   // the Chinese read from across a hall
    const std::string label = ui_text("announcement_emergency", Lang::zh) + "  " + ui_text("announcement_emergency", Lang::en);
    const Block blocks[] = {
        {en_title, size, kEmergencyLabel, wrapped_lines(en_title, size, width, label), theme.px(64)},
        {title, zh_size, kEmergencyText, wrapped_lines(title, zh_size, width, emergency.text.zh), theme.px(48)},
        {en_title, size, kEmergencyText, wrapped_lines(en_title, size, width, emergency.text.en), 0},
    };
    float total = 0;
    for (const Block& b : blocks) total += b.height();
    float y = std::max(theme.px(96), std::round((display.y - total) * 0.45f));   // a little above the middle
    for (const Block& b : blocks) {
        for (const std::string& line : b.lines) {
            const float w = b.font->CalcTextSizeA(b.size, FLT_MAX, 0, line.c_str()).x;
            dl->AddText(b.font, b.size, ImVec2(std::round((display.x - w) * 0.5f), y), b.colour, line.c_str());
            y += b.size * 1.25f;
        }
        y += b.gap_after;
    }
}

} // namespace kiosk
