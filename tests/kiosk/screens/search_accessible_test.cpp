// [Issue 19] The search screen in the 无障碍 / Accessible mode, headless: its keys whole at their least size in the
// mode's 1.5× text (清空 / Clear as a word, backspace as its ⌫ icon), zh and en, landscape and portrait; on a
// portrait panel the best results read above the band and one-line rows that hold more results in it.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_text.h"
#include "headless_ui.h"
#include "test_feeds.h"
#include "search/search_index.h"
#include "service/reach_band.h"
#include "widgets/ui_strings.h"

#include <catch2/catch.hpp>

#include <cfloat>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kEvening = "2020-05-16T20:30:00+08:00";

// One frame of search:LETTERS at `display` in `lang`, the mode on or off, its touch targets recorded.
struct SearchFrame {
    KioskApp app;
    HeadlessUi ui;
    std::vector<TouchTarget> targets;
    SearchFrame(const std::string& letters, ImVec2 display, Lang lang, bool accessible = true)
        : app(demo_feed(), options(letters, lang, accessible)), ui(app, static_cast<int>(display.x), static_cast<int>(display.y)) {
        ui.idle(0.05);
        shoot();
    }
    static AppOptions options(const std::string& letters, Lang lang, bool accessible) {
        AppOptions o = app_options_at(lang, Route{ScreenId::search, letters}, parse_iso8601(kEvening)->unix_seconds);
        o.accessible = accessible;
        o.kiosk_location = "entrance";
        return o;
    }
    void shoot() {
        targets.clear();
        app.record_touch_targets(&targets, ImGui::GetBackgroundDrawList());
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
        app.record_touch_targets(nullptr);
    }
    const TouchTarget& named(const std::string& name) const {
        for (const TouchTarget& t : targets)
            if (t.name == name && t.kind == TouchTarget::control) return t;
        FAIL("no target named " << name);
        return targets.front();
    }
};

// Whether a vertex's texture corner lies in one of the atlas's glyphs (text), rather than its white pixel or lines (shapes).
bool glyph_uv(ImVec2 uv) {
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible && uv.x >= g.U0 && uv.x <= g.U1 && uv.y >= g.V0 && uv.y <= g.V1) return true;
    return false;
}

// The vertices of shapes (no glyph's) drawn inside `r` in `colour`.
int shape_vertices_in(const ImRect& r, ImU32 colour) {
    const ImDrawData* data = ImGui::GetDrawData();
    int n = 0;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            n += v.col == colour && r.Contains(v.pos) && !glyph_uv(v.uv);
    return n;
}

// The names of the products `letters` finds, best first (the search screen's first kind).
std::vector<std::string> product_names(const KioskApp& app, const std::string& letters, Lang lang) {
    std::vector<std::string> names;
    const SearchResults found = app.search()->find(letters, 30);
    for (const SearchHit& hit : found.of(SearchKind::product))
        names.push_back(app.feed().product(std::string(hit.id))->name.in(lang));
    return names;
}

// The result cards wholly in view below `top` (the band): their names among `names`.
std::vector<const TouchTarget*> whole_results(const std::vector<TouchTarget>& targets, const std::vector<std::string>& names, float top) {
    std::vector<const TouchTarget*> whole;
    for (const TouchTarget& t : targets)
        if (t.kind == TouchTarget::control && t.rect.Min.y >= top && t.visible.GetHeight() == t.rect.GetHeight() &&
            std::find(names.begin(), names.end(), t.name) != names.end())
            whole.push_back(&t);
    return whole;
}

const char* name_of(ImVec2 display) { return display.x > display.y ? "landscape" : "portrait"; }

} // namespace

TEST_CASE("In the accessible mode no search key ellipsises: Clear whole in the mode's text and backspace drawn as its icon", "[search][accessible]") {
    for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
        for (const Lang lang : {Lang::zh, Lang::en}) {
            SearchFrame f("jcjz", display, lang);
            INFO(name_of(display) << (lang == Lang::zh ? " zh" : " en"));
            const Theme& t = f.app.theme();
            REQUIRE(t.large_fonts_shown());
            const TouchTarget& clear = f.named(ui_text("key_clear", lang));
            const TouchTarget& back = f.named(ui_text("key_backspace", lang));   // named by its word for the audit and tests
            for (const DrawnTextRun& dots : drawn_runs_of("…")) {
                INFO("… drawn at " << dots.at.x << "," << dots.at.y);
                CHECK_FALSE(clear.rect.Contains(dots.at));
                CHECK_FALSE(back.rect.Contains(dots.at));
            }
            bool clear_whole = false;   // 清空 / Clear in the body font's full (1.5×) size inside its key
            for (const DrawnTextRun& run : drawn_runs_of(ui_text("key_clear", lang)))
                clear_whole |= clear.rect.Contains(run.at) && run.size >= t.fonts.body->FontSize - 0.5f;
            CHECK(clear_whole);
            CHECK(shape_vertices_in(back.rect, t.bar_text) >= 8);   // the ⌫ outline and its × in the label's colour
            CHECK(back.rect.GetWidth() >= t.touch_min());
        }
}

TEST_CASE("In the accessible mode a portrait search lists its best results above the band and more result rows in it", "[search][accessible]") {
    for (const Lang lang : {Lang::zh, Lang::en}) {
        SearchFrame f("j", ImVec2(1080, 1920), lang);   // 33 found: 17 products, a county, 6 sessions, 9 places
        INFO((lang == Lang::zh ? "zh" : "en"));
        const float top = f.app.reach_band().top();
        const std::vector<std::string> products = product_names(f.app, "j", lang);
        REQUIRE(products.size() == 17);
        // Above the band, read only: the first products' names in the heading font, and how many more the list holds.
        std::size_t above = 0;
        for (std::size_t i = 0; i < products.size(); ++i)
            for (const DrawnTextRun& run : drawn_runs_of(products[i]))
                if (run.at.y < top && run.size >= f.app.theme().fonts.heading->FontSize - 0.5f) {
                    CHECK(i == above);   // best first, none left out between
                    ++above;
                    break;
                }
        CHECK(above >= 2);
        CHECK(drew_text(ui_text_n("search_more_below", lang, std::to_string(products.size() - above))));
        for (const TouchTarget& t : f.targets)   // nothing above the band answers a touch
            if (std::find(products.begin(), products.end(), t.name) != products.end()) CHECK(t.visible.Min.y >= top);
        // In the band: one-line rows, each at least the least target high; before, one result of two lines showed whole.
        const std::vector<const TouchTarget*> whole = whole_results(f.targets, products, top);
        CHECK(whole.size() >= 2);
        for (const TouchTarget* t : whole) CHECK(t->rect.GetHeight() >= f.app.reach_band().min_target_px());
    }
}

TEST_CASE("In the accessible mode a landscape search keeps its two-line result rows and its heading alone above the band", "[search][accessible]") {
    SearchFrame f("j", ImVec2(1920, 1080), Lang::en);
    const float top = f.app.reach_band().top();
    const std::vector<std::string> products = product_names(f.app, "j", Lang::en);
    const std::vector<const TouchTarget*> whole = whole_results(f.targets, products, top);
    REQUIRE(whole.size() >= 2);
    const Theme& t = f.app.theme();
    for (const TouchTarget* r : whole) CHECK(r->rect.GetHeight() >= t.fonts.heading->FontSize + t.fonts.body->FontSize);
    for (const DrawnTextRun& run : drawn_runs_of(products[0])) CHECK(run.at.y >= top);   // no room for results above
}
