// [Issue 19] Every text/ground pair the screens use: ≥ 4.5:1 in the normal palette (WCAG AA),
// ≥ 7:1 in the accessible mode's high-contrast one (AAA); switching back restores the palette.
#include "widgets/theme.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("contrast ratios are WCAG's", "[theme][contrast]") {
    CHECK(contrast_ratio(IM_COL32_BLACK, IM_COL32_WHITE) == Approx(21));
    CHECK(contrast_ratio(IM_COL32_WHITE, IM_COL32_WHITE) == Approx(1));
    CHECK(contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32_WHITE) == Approx(4.54).margin(0.02));   // the AA grey
}

TEST_CASE("every text pair of the normal palette reaches 4.5 to 1", "[theme][contrast]") {
    const Theme theme;
    for (const TextPair& p : text_pairs(theme)) {
        INFO(p.name);
        CHECK(contrast_ratio(p.ink, p.ground) >= 4.5f);
    }
}

TEST_CASE("every text pair of the high-contrast palette reaches 7 to 1 and switching back restores it", "[theme][contrast]") {
    Theme theme;
    const Theme normal;
    theme.use_high_contrast(true);
    CHECK(theme.high_contrast);
    CHECK(theme.text != normal.text);
    for (const TextPair& p : text_pairs(theme)) {
        INFO(p.name);
        CHECK(contrast_ratio(p.ink, p.ground) >= 7.0f);
    }
    theme.use_high_contrast(false);
    const std::vector<TextPair> back = text_pairs(theme), before = text_pairs(normal);
    REQUIRE(back.size() == before.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        INFO(back[i].name);
        CHECK(back[i].ink == before[i].ink);
        CHECK(back[i].ground == before[i].ground);
    }
}
