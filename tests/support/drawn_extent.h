// Where the last headless frame drew: the lowest point of anything drawn in a colour other
// than the background, each vertex held to its command's clip rectangle (what reaches the screen).
// The foreground list is left out: it holds only the 无障碍 / Accessible button floating over every screen.
#pragma once

#include <imgui.h>

#include <algorithm>

namespace kiosk::test {

// The lowest y the last frame drew at in a colour other than `background` (fully transparent
// fringes left out); 0 when nothing was drawn.
inline float drawn_bottom(ImU32 background) {
    const ImDrawData* data = ImGui::GetDrawData();
    float bottom = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        if (list == ImGui::GetForegroundDrawList()) continue;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned int i = 0; i < cmd.ElemCount; ++i) {
                const ImDrawVert& v = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                if (v.col == background || (v.col & IM_COL32_A_MASK) == 0) continue;
                if (v.pos.x < cmd.ClipRect.x || v.pos.x > cmd.ClipRect.z || v.pos.y < cmd.ClipRect.y) continue;
                bottom = std::max(bottom, std::min(v.pos.y, cmd.ClipRect.w));
            }
        }
    }
    return bottom;
}

} // namespace kiosk::test
