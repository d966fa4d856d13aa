#include "widgets/still_there_view.h"

#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <string>

namespace kiosk {

namespace {

constexpr float kBandHeight = 560;     // at 1080p: question, number, hint and button with room around them
constexpr float kButtonWidth = 760;    // at 1080p, narrower on a narrow display
constexpr float kNumberDiameter = 150;

ImRect band_rect(const Theme& theme, ImVec2 display, float area_top) {
    // Taller when the text is (the accessible mode's 1.5×): question, ring, hint and button never overlap.
    float h = theme.px(kBandHeight);
    if (theme.fonts.title && theme.fonts.body)
        h = std::max(h, theme.px(40 + 16 + kNumberDiameter + 16 + 24 + kStillThereButtonHeight + 40) +
                            theme.fonts.title->FontSize * 1.2f + theme.fonts.body->FontSize * 1.3f);
    const float top = std::max(area_top, area_top + (display.y - area_top - h) * 0.5f);
    return ImRect(ImVec2(0, top), ImVec2(display.x, top + h));
}

} // namespace

ImRect still_there_button(const Theme& theme, ImVec2 display, float top) {
    const ImRect band = band_rect(theme, display, top);
    const float w = std::min(theme.px(kButtonWidth), display.x - 2 * theme.margin());
    const float h = theme.px(kStillThereButtonHeight);
    const float x = (display.x - w) * 0.5f;
    const float y = band.Max.y - theme.px(40) - h;
    return ImRect(ImVec2(x, y), ImVec2(x + w, y + h));
}

void draw_still_there(ImDrawList* dl, const Theme& theme, Lang lang, ImVec2 display, int seconds_left, int seconds_total,
                      float top) {
    dl->AddRectFilled(ImVec2(0, 0), display, IM_COL32(20, 12, 10, 170));   // the page beneath stays visible, dimmed
    const ImRect band = band_rect(theme, display, top);
    dl->AddRectFilled(band.Min, band.Max, theme.card);
    dl->AddRectFilled(band.Min, ImVec2(band.Max.x, band.Min.y + theme.px(10)), theme.bar);
    dl->AddRectFilled(ImVec2(band.Min.x, band.Max.y - theme.px(10)), band.Max, theme.bar);

    float y = band.Min.y + theme.px(40);
    const std::string& question = ui_text("still_there", lang);
    const float qh = theme.fonts.title->FontSize * 1.2f;
    draw_text_centered(dl, theme.fonts.title, ImRect(ImVec2(0, y), ImVec2(display.x, y + qh)), theme.text, question);
    y += qh + theme.px(16);

    // The seconds in a ring that empties as they run out.
    const float d = theme.px(kNumberDiameter);
    const ImVec2 centre(display.x * 0.5f, y + d * 0.5f);
    dl->AddCircleFilled(centre, d * 0.5f, theme.highlight, 64);
    const float start = -IM_PI * 0.5f;
    const float part = std::clamp(static_cast<float>(seconds_left) / static_cast<float>(std::max(1, seconds_total)), 0.0f, 1.0f);
    dl->PathArcTo(centre, d * 0.5f - theme.px(6), start, start + 2 * IM_PI * part, 64);
    dl->PathStroke(theme.bar, 0, theme.px(10));
    const std::string number = std::to_string(seconds_left);
    draw_text_centered(dl, theme.fonts.number, ImRect(ImVec2(centre.x - d, centre.y - d * 0.5f), ImVec2(centre.x + d, centre.y + d * 0.5f)),
                       theme.bar, number);
    y += d + theme.px(16);

    const std::string hint = fit_line(theme.fonts.body, ui_text("still_there_hint", lang), display.x - 2 * theme.margin());
    const float hh = theme.fonts.body->FontSize * 1.3f;
    draw_text_centered(dl, theme.fonts.body, ImRect(ImVec2(0, y), ImVec2(display.x, y + hh)), theme.text_muted, hint);

    const ImRect button = still_there_button(theme, display, top);
    dl->AddRectFilled(ImVec2(button.Min.x, button.Min.y + theme.px(4)), ImVec2(button.Max.x, button.Max.y + theme.px(4)),
                      IM_COL32(0, 0, 0, 40), theme.rounding());
    dl->AddRectFilled(button.Min, button.Max, theme.bar, theme.rounding());
    draw_text_centered(dl, theme.fonts.title, button, theme.bar_text,
                       fit_line(theme.fonts.title, ui_text("still_here", lang), button.GetWidth() - 2 * theme.px(24)));
}

} // namespace kiosk
