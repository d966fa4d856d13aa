// English draws Latin letters and Western punctuation from Noto Sans, Han from
// the CJK face; Chinese keeps the CJK face's full-width punctuation (issue 19).
#include "app/app.h"
#include "base/embedded.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "font_test_context.h"
#include "headless_ui.h"
#include "platform/font_keeper.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kText = "The “Queen of Jujubes”: deep red… 交城骏枣「红枣」，“好”";

GlyphSource texts() {
    return [](FontGlyphs& glyphs) {
        glyphs.all.add(kText);
        glyphs.display.add(kText);
    };
}

FontFaces both_faces() {
    std::string error;
    const auto cjk = find_cjk_font(error);
    REQUIRE(cjk);
    const auto latin = find_latin_font(error);
    INFO(error);
    REQUIRE(latin);   // fonts-noto-core, installed by deploy/setup.sh
    return FontFaces(*cjk, latin);
}

const ImFontGlyph& glyph(const ImFont* font, unsigned codepoint) {
    const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint));
    REQUIRE(g);
    return *g;
}

} // namespace

TEST_CASE("English fonts draw curly quotes Latin-narrow while Chinese fonts keep them full-width") {
    FontTestContext context;
    FontKeeper fonts(both_faces(), 1.0f);
    std::string error;
    REQUIRE(fonts.build_now(texts(), error));
    const FontSet& set = fonts.atlas().fonts();
    const std::pair<const ImFont*, const ImFont*> sizes[] = {
        {set.zh.body, set.en.body}, {set.zh.heading, set.en.heading}, {set.zh.title, set.en.title}};
    for (const auto& [zh, en] : sizes) {
        INFO("font size " << zh->FontSize);
        CHECK(en != zh);
        CHECK(en->FontSize == zh->FontSize);   // the same line height: layouts do not move
        for (unsigned quote : {0x201Cu, 0x201Du}) {
            INFO("U+" << std::hex << quote);
            CHECK(glyph(zh, quote).AdvanceX >= 0.65f * zh->FontSize);   // full width (an em is 0.69 of the size)
            CHECK(glyph(en, quote).AdvanceX <= 0.3f * en->FontSize);    // Latin: about a third of an em
        }
        CHECK(glyph(en, 0x2026).AdvanceX < 0.9f * glyph(zh, 0x2026).AdvanceX);   // the ellipsis: Latin, narrower
        // Latin letters on the Chinese face's baseline: the bottom of an A within a pixel.
        CHECK(std::abs(glyph(en, 'A').Y1 - glyph(zh, 'A').Y1) <= 1.0f);
    }
}

TEST_CASE("English fonts draw Han and full-width Chinese punctuation with the Chinese fonts' glyphs") {
    FontTestContext context;
    FontKeeper fonts(both_faces(), 1.0f);
    std::string error;
    REQUIRE(fonts.build_now(texts(), error));
    const FontSet& set = fonts.atlas().fonts();
    for (unsigned c : {0x4EA4u /*交*/, 0x67A3u /*枣*/, 0x300Cu /*「*/, 0xFF0Cu /*，*/}) {
        INFO("U+" << std::hex << c);
        const ImFontGlyph& zh = glyph(set.zh.body, c);
        const ImFontGlyph& en = glyph(set.en.body, c);   // no fallback box
        CHECK(en.Visible);
        CHECK((en.U0 == zh.U0 && en.V0 == zh.V0 && en.U1 == zh.U1 && en.V1 == zh.V1));   // one copy in the texture
        CHECK(en.AdvanceX == zh.AdvanceX);
        CHECK(en.Y0 == zh.Y0);
    }
}

TEST_CASE("without a Latin face English uses the Chinese fonts as before") {
    FontTestContext context;
    std::string error;
    const auto cjk = find_cjk_font(error);
    REQUIRE(cjk);
    FontKeeper fonts(FontFaces(*cjk), 1.0f);
    REQUIRE(fonts.build_now(texts(), error));
    const FontSet& set = fonts.atlas().fonts();
    CHECK(set.en.body == set.zh.body);
    CHECK(set.en.number == set.zh.number);
    CHECK(ImGui::GetIO().Fonts->Fonts.Size == 4);
}

TEST_CASE("the English product page draws its quotes from the Latin face and the Chinese page from the CJK face") {
    const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(demo.ok());
    for (Lang lang : {Lang::en, Lang::zh}) {
        AppOptions options;
        options.lang = lang;
        options.start = Route{ScreenId::product, "jc-junzao"};
        KioskApp app(demo.feed, options);
        HeadlessUi ui(app);
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
        const FontSet& set = ui.fonts().atlas().fonts();
        const ImFont* want = lang == Lang::en ? set.en.body : set.zh.body;
        const ImFont* other = lang == Lang::en ? set.zh.body : set.en.body;
        INFO(lang_code(lang));
        // The quote glyph of the language's body font is in the draw lists, the other font's is not.
        const auto drew_glyph = [](const ImFont* font, unsigned c) {
            const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
            const ImDrawData* data = ImGui::GetDrawData();
            for (int i = 0; g && i < data->CmdListsCount; ++i)
                for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
                    if (v.uv.x == g->U0 && v.uv.y == g->V0) return true;
            return false;
        };
        CHECK(drew_glyph(want, 0x201C));   // both descriptions quote: “Queen of Jujubes”, “枣后”
        CHECK_FALSE(drew_glyph(other, 0x201C));
        CHECK(drew_glyph(want, lang == Lang::en ? 'Q' : 0x67A3));
    }
}
