#include "widgets/theme.h"

namespace kiosk {

void Theme::apply_to_style() const {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(px(16), px(12));
    style.ItemSpacing = ImVec2(gap(), gap());
    style.FrameRounding = rounding();
    style.ScrollbarSize = 0;   // lists scroll by dragging; a scrollbar only steals touches
    style.TouchExtraPadding = ImVec2(px(4), px(4));
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(text);
    ImGui::GetStyle() = style;
}

} // namespace kiosk
