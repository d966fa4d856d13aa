// What the last headless frame drew as text: a run of glyphs is found by their
// texture corners in the draw lists, whatever font, size or position drew it.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::test {

// One run of a text's visible glyphs drawn one after another: where its first glyph's quad starts
// and its size (ImGui's: a line's height, scaled from the font's own size).
struct DrawnTextRun {
    ImVec2 at;
    float size = 0;
};

// Each run of `text`'s visible glyphs that the last frame drew, in any font of the atlas: one entry per time it was drawn.
inline std::vector<DrawnTextRun> drawn_runs_of(const std::string& text) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImDrawData* data = ImGui::GetDrawData();
    // English fonts share the Chinese fonts' Han glyphs: a run found through both counts once.
    std::map<std::pair<int, int>, DrawnTextRun> found;   // (draw list, first vertex) → run
    for (const ImFont* font : atlas->Fonts) {
        std::vector<const ImFontGlyph*> glyphs;
        for (const char* s = text.c_str(); *s;) {
            unsigned int c = 0;
            s += ImTextCharFromUtf8(&c, s, nullptr);
            const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
            if (!g) { glyphs.clear(); break; }
            if (g->Visible) glyphs.push_back(g);
        }
        if (glyphs.empty()) continue;
        for (int i = 0; i < data->CmdListsCount; ++i) {
            const ImVector<ImDrawVert>& vtx = data->CmdLists[i]->VtxBuffer;
            for (int v = 0; v + 4 * int(glyphs.size()) <= vtx.Size; ++v) {
                bool all = true;
                for (std::size_t k = 0; k < glyphs.size() && all; ++k) {
                    const ImDrawVert* q = &vtx[v + 4 * int(k)];
                    all = q[0].uv.x == glyphs[k]->U0 && q[0].uv.y == glyphs[k]->V0 && q[2].uv.x == glyphs[k]->U1 &&
                          q[2].uv.y == glyphs[k]->V1;
                }
                if (!all) continue;
                const ImDrawVert* q = &vtx[v];   // the first glyph's quad
                found.emplace(std::make_pair(i, v),
                              DrawnTextRun{q[0].pos, (q[2].pos.y - q[0].pos.y) / (glyphs[0]->Y1 - glyphs[0]->Y0) * font->FontSize});
            }
        }
    }
    std::vector<DrawnTextRun> runs;
    for (const auto& [at, run] : found) runs.push_back(run);
    return runs;
}

// The size of each run of `text` the last frame drew (drawn_runs_of).
inline std::vector<float> drawn_text_sizes(const std::string& text) {
    std::vector<float> sizes;
    for (const DrawnTextRun& run : drawn_runs_of(text)) sizes.push_back(run.size);
    return sizes;
}

// How many times the last frame drew `text`'s visible glyphs one after another, in any font of the atlas.
inline int drawn_text_count(const std::string& text) { return static_cast<int>(drawn_text_sizes(text).size()); }

// Whether the last frame drew `text` at all.
inline bool drew_text(const std::string& text) { return drawn_text_count(text) > 0; }

} // namespace kiosk::test
