// [Issue 19] No text runs into other text: every visitor screen of the demo event at a pinned clock, zh and en,
// landscape 1920×1080 and portrait 1080×1920, with and without the accessible mode (its 1.5× fonts), drawn headless;
// the glyphs' quads of each run of text (one line of one draw, cut to its clip rect) must not overlap those of another
// run by more than kSlackPx in both directions. A failure names the screen, language, orientation and both texts.
#include "app/app.h"
#include "app_options_at.h"
#include "headless_ui.h"
#include "test_feeds.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kNow = "2020-05-16T20:30:00+08:00";   // during the 交城 live sale: something on air
constexpr float kSlackPx = 2;   // glyph boxes of neighbours may touch (a descender over the next line's accent)

// One line of one text draw: its glyphs' quads, cut to the clip rect.
struct GlyphRun {
    std::string text;
    std::vector<ImRect> glyphs;
    ImRect box{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
};

// The runs of text the last frame drew: a glyph continues a run when its vertices follow the last glyph's in the
// same draw list (one AddText) and it lies further along the same line; a line that wraps starts a new run.
std::vector<GlyphRun> glyph_runs() {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImDrawData* data = ImGui::GetDrawData();
    std::map<std::pair<float, float>, const ImFontGlyph*> glyph_at;   // a glyph's top-left texture corner → the glyph
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) glyph_at.emplace(std::make_pair(g.U0, g.V0), &g);
    std::vector<GlyphRun> runs;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        std::set<unsigned> seen;
        unsigned last_first = 0;
        bool in_run = false;
        float pen = 0, space = 0;   // where the last glyph's advance ends; a third of its line
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId != atlas->TexID) continue;
            const ImRect clip(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w);
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                unsigned first = UINT_MAX;
                for (unsigned k = 0; k < 3; ++k)
                    first = std::min(first, cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)]);
                if (first + 3 >= static_cast<unsigned>(list->VtxBuffer.Size) || !seen.insert(first).second) continue;
                const ImDrawVert& a = list->VtxBuffer[static_cast<int>(first)];
                const ImDrawVert& c = list->VtxBuffer[static_cast<int>(first + 2)];
                const auto found = glyph_at.find({a.uv.x, a.uv.y});
                if (found == glyph_at.end() || c.uv.x == a.uv.x) continue;   // a fill or a textured line, not a glyph
                const ImFontGlyph& glyph = *found->second;
                const float scale = (c.pos.y - a.pos.y) / (glyph.Y1 - glyph.Y0);   // drawn size / the atlas's
                ImRect quad(a.pos, c.pos);
                quad.ClipWithFull(clip);
                if (quad.GetWidth() <= 0 || quad.GetHeight() <= 0) { in_run = false; continue; }   // clipped away
                GlyphRun* run = in_run && !runs.empty() ? &runs.back() : nullptr;
                if (run) {
                    const ImRect& prev = run->glyphs.back();
                    const bool follows = first == last_first + 4 && quad.Min.x >= prev.Min.x &&
                                         quad.Min.y < prev.Max.y && quad.Max.y > prev.Min.y &&
                                         quad.Min.x - prev.Max.x < quad.GetHeight() * 1.5f;
                    if (!follows) run = nullptr;
                    else if (a.pos.x - glyph.X0 * scale - pen > space) run->text += ' ';   // a space has no quad
                }
                if (!run) run = &runs.emplace_back();
                char utf8[5] = {};
                ImTextCharToUtf8(utf8, glyph.Codepoint);
                run->text += utf8;
                run->glyphs.push_back(quad);
                run->box.Add(quad);
                last_first = first;
                in_run = true;
                pen = a.pos.x + (glyph.AdvanceX - glyph.X0) * scale;
                space = glyph.AdvanceX * scale / 4;
            }
        }
    }
    return runs;
}

// How far two runs' glyphs overlap (the largest overlap of two of their glyphs), or nothing beyond the slack.
bool overlap(const GlyphRun& a, const GlyphRun& b, ImVec2& by) {
    if (!a.box.Overlaps(b.box)) return false;
    by = ImVec2(0, 0);
    for (const ImRect& p : a.glyphs)
        for (const ImRect& q : b.glyphs) {
            const float w = std::min(p.Max.x, q.Max.x) - std::max(p.Min.x, q.Min.x);
            const float h = std::min(p.Max.y, q.Max.y) - std::max(p.Min.y, q.Min.y);
            if (w > kSlackPx && h > kSlackPx && w * h > by.x * by.y) by = ImVec2(w, h);
        }
    return by.x > 0;
}

std::vector<std::string> overlaps(const std::string& where, const std::vector<GlyphRun>& runs) {
    std::vector<std::string> out;
    std::set<std::string> said;
    for (std::size_t i = 0; i < runs.size(); ++i)
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            ImVec2 by;
            if (!overlap(runs[i], runs[j], by)) continue;
            char measure[96];
            std::snprintf(measure, sizeof measure, " overlap by %.0f x %.0f px at (%.0f,%.0f)", static_cast<double>(by.x),
                          static_cast<double>(by.y), static_cast<double>(runs[j].box.Min.x), static_cast<double>(runs[j].box.Min.y));
            const std::string line = where + ": \"" + runs[i].text + "\" and \"" + runs[j].text + "\"" + measure;
            if (said.insert(line).second) out.push_back(line);
        }
    return out;
}

// The visitor screens: the audit's, and more session, county, product and search pages (long names, many results).
const char* const kScreens[] = {
    "home", "schedule", "session:live-jiaocheng", "session:opening", "session:talk-livecommerce", "catalogue",
    "county:jiaocheng", "county:zhongyang", "product:jc-junzao", "product:jc-junzao-gift", "product:jc-zaojiahetao",
    "live", "attract", "search", "search:jcjz", "search:j", "search:x", "map", "map:booth-jiaocheng",
};

// Every screen in `lang` on `display`, one app for them all; what overlapped, one line each; `runs` counts the runs seen.
std::vector<std::string> overlaps_on_all(Lang lang, ImVec2 display, bool accessible, std::size_t& runs) {
    AppOptions options = app_options_at(lang, Route{}, parse_iso8601(kNow)->unix_seconds);
    options.kiosk_location = "entrance";
    options.accessible = accessible;
    KioskApp app(demo_feed(), options);
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    ui.idle(0.05);
    std::vector<std::string> found;
    for (const char* screen : kScreens) {
        if (accessible && std::string_view(screen) == "attract") continue;   // the idle reset that starts it ends the mode
        Route route;
        REQUIRE(parse_route(screen, route));
        app.go(route);
        ui.idle(0.1);
        REQUIRE(app.accessible() == accessible);
        const std::string where = std::string(screen) + (lang == Lang::zh ? " zh " : " en ") +
                                  (display.y > display.x ? "portrait" : "landscape") + (accessible ? " accessible" : "");
        const std::vector<GlyphRun> drawn = glyph_runs();
        runs += drawn.size();
        for (std::string& line : overlaps(where, drawn)) found.push_back(std::move(line));
    }
    return found;
}

} // namespace

TEST_CASE("the overlap check finds two texts drawn over each other and passes lines of one wrapped text", "[text_overlap]") {
    KioskApp app(demo_feed(), app_options_at(Lang::en, Route{}, parse_iso8601(kNow)->unix_seconds));
    HeadlessUi ui(app);
    ui.idle(0.05);
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const float size = font->FontSize;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(1920, 1080), IM_COL32_WHITE);
    const float wrap = font->CalcTextSizeA(size, FLT_MAX, 0, "Junzao ju").x;
    dl->AddText(font, size, ImVec2(100, 100), IM_COL32_BLACK, "Junzao jujubes", nullptr, wrap);   // wraps once
    dl->AddText(font, size, ImVec2(100, 100 + size * 1.5f), IM_COL32_BLACK, "Price");   // into the wrapped line
    dl->AddText(font, size, ImVec2(600, 100), IM_COL32_BLACK, "apart");
    dl->AddText(font, size, ImVec2(600, 100 + size), IM_COL32_BLACK, "below");   // the next line: touching at most
    dl->PushClipRect(ImVec2(1000, 100), ImVec2(1400, 100 + size));
    dl->AddText(font, size, ImVec2(1000, 100 + size * 0.6f), IM_COL32_BLACK, "cut");   // mostly clipped away…
    dl->PopClipRect();
    dl->AddText(font, size, ImVec2(1000, 100 + size * 1.05f), IM_COL32_BLACK, "under");   // …so no overlap
    ImGui::Render();
    const std::vector<GlyphRun> runs = glyph_runs();
    const std::vector<std::string> found = overlaps("made-up en landscape", runs);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rfind("made-up en landscape: \"", 0) == 0);
    CHECK(found[0].find("\"jujubes\" and \"Price\" overlap by ") != std::string::npos);
    const auto has = [&](const std::string& text) {
        return std::any_of(runs.begin(), runs.end(), [&](const GlyphRun& r) { return r.text == text; });
    };
    for (const GlyphRun& r : runs) UNSCOPED_INFO("run \"" << r.text << "\"");
    CHECK(has("Junzao"));   // wrapped: each line a run of its own
    CHECK(has("apart"));
    CHECK(has("below"));
}

TEST_CASE("no text overlaps other text on any visitor screen in zh and en landscape and portrait with and without the accessible mode", "[text_overlap]") {
    std::size_t runs = 0;
    for (const bool accessible : {false, true})
        for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
            for (const Lang lang : {Lang::zh, Lang::en})
                for (const std::string& failure : overlaps_on_all(lang, display, accessible, runs)) FAIL_CHECK(failure);
    CHECK(runs > 2000);   // the walk saw the screens' text (a walker that broke would pass on nothing)
}
