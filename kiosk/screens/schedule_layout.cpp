#include "screens/schedule_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kNarrowRow = 176;   // time and badges, title, place
constexpr float kAboutGap = 8;      // between the place line and the description

} // namespace

ImRect ScheduleTabs::tab(int index) const {
    const float x = block.Min.x + static_cast<float>(index % per_row) * (tab_w + gap);
    const float y = block.Min.y + static_cast<float>(index / per_row) * (tab_h + gap);
    return ImRect(ImVec2(x, y), ImVec2(x + tab_w, y + tab_h));
}

ScheduleTabs schedule_tabs(const Theme& t, const ImRect& area, int days, bool portrait) {
    ScheduleTabs tabs;
    tabs.gap = t.px(12);
    tabs.tab_h = t.px(portrait ? 128 : 96);
    if (days <= 0) {
        const float y = portrait ? area.Max.y : area.Min.y;
        tabs.block = ImRect(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y));
        return tabs;
    }
    const float min_w = t.px(170);
    tabs.per_row = std::clamp(static_cast<int>((area.GetWidth() + tabs.gap) / (min_w + tabs.gap)), 1, days);
    tabs.tab_w = std::floor((area.GetWidth() - tabs.gap * static_cast<float>(tabs.per_row - 1)) / static_cast<float>(tabs.per_row));
    const int rows = (days + tabs.per_row - 1) / tabs.per_row;
    const float height = static_cast<float>(rows) * tabs.tab_h + static_cast<float>(rows - 1) * tabs.gap;
    const float top = portrait ? area.Max.y - t.px(24) - height : area.Min.y;
    tabs.block = ImRect(ImVec2(area.Min.x, top), ImVec2(area.Max.x, top + height));
    return tabs;
}

float schedule_row_height(const Theme& t, float list_width, float list_height, std::size_t sessions, bool portrait,
                          float about_line_h, int max_about_lines) {
    // Rows hold lines of text: 1.5× as high where the accessible mode's 1.5× fonts draw them.
    if (!portrait) return t.text_px(list_width >= t.px(1200) ? 128 : kNarrowRow);
    const float plain = t.text_px(kNarrowRow);
    const float most = plain + t.px(kAboutGap) + about_line_h * static_cast<float>(std::max(0, max_about_lines));
    if (sessions == 0) return plain;
    return std::floor(std::clamp(list_height / static_cast<float>(sessions), plain, most));
}

int schedule_about_lines(const Theme& t, float row_h, float about_line_h, int max_about_lines) {
    if (about_line_h <= 0) return 0;
    const float room = row_h - t.text_px(kNarrowRow) - t.px(kAboutGap);
    return std::clamp(static_cast<int>(std::floor(room / about_line_h + 0.001f)), 0, std::max(0, max_about_lines));
}

} // namespace kiosk
