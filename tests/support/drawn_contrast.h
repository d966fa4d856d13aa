// [Issue 19] What the last headless frame drew as text, run by run, with the colour each run
// was drawn in and what lies beneath it: every earlier fill under the glyph's centre (inside its
// command's clip rectangle) laid over the window background in draw order. A picture beneath
// (a command with another texture than the font atlas) is unknown: the run is then measured
// against both a black and a white picture under whatever was laid over it (a scrim).
#pragma once

#include "widgets/contrast.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImRect, ImTextCharToUtf8

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::test {

// One run of glyphs drawn one after another in one colour on one background, on one line.
struct DrawnRun {
    std::string text;
    ImRect box;                // the glyphs' quads together
    ImU32 colour = 0;          // as drawn (alpha included)
    ImU32 under_dark = 0;      // the opaque background beneath, a picture there taken as black
    ImU32 under_light = 0;     // … as white (the same as under_dark with no picture beneath)
    bool on_picture() const { return under_dark != under_light; }
    // The lowest contrast of the run's colour over whatever the background may be.
    double contrast() const {
        const ImU32 dark_fg = blend_over(colour, under_dark), light_fg = blend_over(colour, under_light);
        if (!on_picture()) return contrast_ratio(dark_fg, under_dark);
        const double lo = relative_luminance(under_dark), hi = relative_luminance(under_light);
        const double fg = relative_luminance(dark_fg);
        if (fg >= std::min(lo, hi) && fg <= std::max(lo, hi)) return 1.0;   // some picture matches the text
        return std::min(contrast_ratio(dark_fg, under_dark), contrast_ratio(light_fg, under_light));
    }
};

namespace drawn_contrast_detail {

// A triangle of a solid fill, the colours at its corners (a gradient's differ), in draw order.
struct Fill {
    ImVec2 p[3];
    ImU32 col[3];
    ImVec4 clip;
    bool picture;   // drawn with another texture: unknown colours
};

// Barycentric weights of `q` in the triangle; false when outside.
inline bool weights(const ImVec2 p[3], ImVec2 q, float w[3]) {
    const float d = (p[1].y - p[2].y) * (p[0].x - p[2].x) + (p[2].x - p[1].x) * (p[0].y - p[2].y);
    if (std::fabs(d) < 1e-6f) return false;
    w[0] = ((p[1].y - p[2].y) * (q.x - p[2].x) + (p[2].x - p[1].x) * (q.y - p[2].y)) / d;
    w[1] = ((p[2].y - p[0].y) * (q.x - p[2].x) + (p[0].x - p[2].x) * (q.y - p[2].y)) / d;
    w[2] = 1 - w[0] - w[1];
    const float eps = -1e-4f;
    return w[0] >= eps && w[1] >= eps && w[2] >= eps;
}

inline ImU32 mix(const ImU32 col[3], const float w[3]) {
    float c[4] = {0, 0, 0, 0};
    for (int k = 0; k < 3; ++k)
        for (int ch = 0; ch < 4; ++ch) c[ch] += w[k] * static_cast<float>((col[k] >> (8 * ch)) & 0xFF);
    const auto b = [&](int ch) { return static_cast<unsigned>(std::clamp(std::lround(c[ch]), 0L, 255L)); };
    return IM_COL32(b(0), b(1), b(2), b(3));
}

inline bool inside(const ImVec4& clip, ImVec2 q) { return q.x >= clip.x && q.x < clip.z && q.y >= clip.y && q.y < clip.w; }

// Fills by cells of the screen, for the glyphs' look-ups.
class FillGrid {
public:
    static constexpr float kCell = 64;
    explicit FillGrid(ImVec2 display)
        : cols_(static_cast<int>(display.x / kCell) + 1), rows_(static_cast<int>(display.y / kCell) + 1),
          cells_(static_cast<std::size_t>(cols_ * rows_)) {}
    void add(std::size_t index, const Fill& f) {
        float x0 = std::min({f.p[0].x, f.p[1].x, f.p[2].x}), x1 = std::max({f.p[0].x, f.p[1].x, f.p[2].x});
        float y0 = std::min({f.p[0].y, f.p[1].y, f.p[2].y}), y1 = std::max({f.p[0].y, f.p[1].y, f.p[2].y});
        x0 = std::max(x0, f.clip.x), y0 = std::max(y0, f.clip.y), x1 = std::min(x1, f.clip.z), y1 = std::min(y1, f.clip.w);
        if (x1 < x0 || y1 < y0) return;
        for (int r = cell(y0, rows_); r <= cell(y1, rows_); ++r)
            for (int c = cell(x0, cols_); c <= cell(x1, cols_); ++c) cells_[static_cast<std::size_t>(r * cols_ + c)].push_back(index);
    }
    const std::vector<std::size_t>& at(ImVec2 q) const {
        return cells_[static_cast<std::size_t>(cell(q.y, rows_) * cols_ + cell(q.x, cols_))];
    }

private:
    static int cell(float v, int n) { return std::clamp(static_cast<int>(v / kCell), 0, n - 1); }
    int cols_, rows_;
    std::vector<std::vector<std::size_t>> cells_;
};

} // namespace drawn_contrast_detail

// The runs of text the last frame drew over a window of `background`, in draw order.
inline std::vector<DrawnRun> drawn_text_runs(ImU32 background) {
    using namespace drawn_contrast_detail;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImDrawData* data = ImGui::GetDrawData();
    std::map<std::pair<float, float>, unsigned> glyph_at;   // a glyph's top-left texture corner → its character
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) glyph_at.emplace(std::make_pair(g.U0, g.V0), g.Codepoint);
    const ImVec2 white = atlas->TexUvWhitePixel;
    const auto is_white = [&](const ImDrawVert& v) { return v.uv.x == white.x && v.uv.y == white.y; };

    std::vector<Fill> fills;
    FillGrid grid(data->DisplaySize);
    std::vector<DrawnRun> runs;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        std::vector<bool> glyph_seen(static_cast<std::size_t>(list->VtxBuffer.Size), false);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const bool picture = cmd.TextureId != atlas->TexID;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                unsigned idx[3];
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k) {
                    idx[k] = cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + static_cast<unsigned>(k))];
                    v[k] = &list->VtxBuffer[static_cast<int>(idx[k])];
                }
                if (picture || (is_white(*v[0]) && is_white(*v[1]) && is_white(*v[2]))) {
                    // An anti-aliased fringe (a corner fully transparent) blends into the edge: not a background.
                    if (!picture && ((v[0]->col & IM_COL32_A_MASK) == 0 || (v[1]->col & IM_COL32_A_MASK) == 0 ||
                                     (v[2]->col & IM_COL32_A_MASK) == 0))
                        continue;
                    fills.push_back(Fill{{v[0]->pos, v[1]->pos, v[2]->pos}, {v[0]->col, v[1]->col, v[2]->col}, cmd.ClipRect, picture});
                    grid.add(fills.size() - 1, fills.back());
                    continue;
                }
                // A glyph's quad: four vertices from its top-left, two triangles; taken once, at the first.
                const unsigned first = std::min({idx[0], idx[1], idx[2]});
                if (first + 3 >= static_cast<unsigned>(list->VtxBuffer.Size) || glyph_seen[first]) continue;
                const ImDrawVert& a = list->VtxBuffer[static_cast<int>(first)];
                const ImDrawVert& c = list->VtxBuffer[static_cast<int>(first + 2)];
                const auto found = glyph_at.find({a.uv.x, a.uv.y});
                if (found == glyph_at.end()) continue;   // a textured line, not text
                glyph_seen[first] = true;
                const ImRect quad(a.pos, c.pos);
                const ImVec2 centre = quad.GetCenter();
                if (!inside(cmd.ClipRect, centre)) continue;   // clipped away
                ImU32 dark = background, light = background;
                for (std::size_t f : grid.at(centre)) {
                    const Fill& fill = fills[f];
                    float w[3];
                    if (!inside(fill.clip, centre) || !weights(fill.p, centre, w)) continue;
                    if (fill.picture) {
                        dark = IM_COL32(0, 0, 0, 255), light = IM_COL32(255, 255, 255, 255);
                        continue;
                    }
                    const ImU32 col = mix(fill.col, w);
                    dark = blend_over(col, dark), light = blend_over(col, light);
                }
                char utf8[5] = {};
                ImTextCharToUtf8(utf8, found->second);
                DrawnRun* last = runs.empty() ? nullptr : &runs.back();
                const bool same_line = last && quad.Min.y < last->box.Max.y && quad.Max.y > last->box.Min.y &&
                                       quad.Min.x >= last->box.Min.x && quad.Min.x - last->box.Max.x < quad.GetHeight() * 1.5f;
                if (last && same_line && last->colour == a.col && last->under_dark == dark && last->under_light == light) {
                    if (quad.Min.x - last->box.Max.x > quad.GetHeight() * 0.2f) last->text += ' ';   // a space has no quad
                    last->text += utf8;
                    last->box.Add(quad);
                } else {
                    runs.push_back(DrawnRun{utf8, quad, a.col, dark, light});
                }
            }
        }
    }
    return runs;
}

} // namespace kiosk::test
