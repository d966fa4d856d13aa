// Home in portrait and landscape, headless: in portrait (issue 19) what Home draws reaches
// the bottom of a 1080×1920 panel, the large entries sit in the lower part at no less than
// the touch-target minimum and each opens its screen, today's sessions and the featured
// products show; landscape keeps its row of entries under the live strip.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_extent.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/home_layout.h"
#include "test_feeds.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

// During the 交城 live sale (a product on air) and on the morning of the same day (none).
const char* const kEvening = "2020-05-16T20:30:00+08:00";
const char* const kMorning = "2020-05-16T09:00:00+08:00";

const ImVec2 kPortrait(1080, 1920), kLandscape(1920, 1080);
const ImVec2 kOrigin(0, 96);   // below the top bar: 96 px at 1080p (app.cpp kTopBarHeight)
// How low Home draws in landscape at kEvening (the on-air card's bottom, zh and en): measured after the
// portrait layout, whose landscape PNGs are byte-identical to those before it; measured again (0.9588 before)
// with the 无障碍 / Accessible button's strip under the screen (issue 19: 88 px less for Home).
const float kLandscapeEveningShare = 0.8977f;

// Home's entry tiles at `display`, as the screen lays them out (`top` only matters in landscape).
std::vector<ImRect> tiles_at(ImVec2 display, float top, int count) {
    Theme theme;
    theme.scale = std::min(display.x, display.y) / 1080.0f;
    return home_entry_tiles(theme, kOrigin, ImVec2(display.x, display.y - kOrigin.y - theme.px(kAccessibleStripHeight)), top, count);
}

// How low Home draws at `display`, in `lang`, at `iso_now`, as a share of the height.
float drawn_share(ImVec2 display, Lang lang, const char* iso_now) {
    KioskApp app(demo_feed(), app_options_at(lang, Route{}, at(iso_now)));
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    ui.idle(0.1);
    return drawn_bottom(Theme{}.background) / display.y;
}

} // namespace

TEST_CASE("Home in portrait draws down to the lower tenth of a 1080x1920 panel in zh and en", "[home][portrait]") {
    for (const Lang lang : {Lang::zh, Lang::en})
        for (const char* now : {kEvening, kMorning}) {
            INFO((lang == Lang::zh ? "zh " : "en ") << now);
            CHECK(drawn_share(kPortrait, lang, now) >= 0.9f);
        }
}

TEST_CASE("Home in landscape keeps its layout: the entries one row under the live strip", "[home][landscape]") {
    const std::vector<ImRect> tiles = tiles_at(kLandscape, 400, 6);
    REQUIRE(tiles.size() == 6);
    for (const ImRect& r : tiles) {
        CHECK(r.Min.y == 400);
        CHECK(r.GetHeight() == 240);
    }
    CHECK(tiles.back().Max.x == Approx(1920 - 32));
    // Today's sessions beside the product on air end where they did before the portrait layout.
    for (const Lang lang : {Lang::zh, Lang::en}) {
        INFO((lang == Lang::zh ? "zh" : "en"));
        CHECK(drawn_share(kLandscape, lang, kEvening) == Approx(kLandscapeEveningShare).margin(0.002));
    }
}

TEST_CASE("Home's portrait entries are large and in the lower half and each opens its screen", "[home][portrait]") {
    const std::vector<ImRect> tiles = tiles_at(kPortrait, 0, 6);   // the demo feed has a venue: six entries
    const ScreenId expected[] = {ScreenId::schedule, ScreenId::catalogue, ScreenId::live, ScreenId::attract,
                                 ScreenId::map, ScreenId::search};
    REQUIRE(tiles.size() == 6);
    Theme theme;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        INFO("entry " << i);
        CHECK(tiles[i].GetWidth() >= theme.touch_min());
        CHECK(tiles[i].GetHeight() >= theme.touch_min());
        CHECK(tiles[i].GetHeight() > 240);   // larger than landscape's
        CHECK(tiles[i].Min.y >= kPortrait.y * 0.5f);
        CHECK(tiles[i].Max.y <= kPortrait.y);
        KioskApp app(demo_feed(), app_options_at(Lang::zh, Route{}, at(kEvening)));
        HeadlessUi ui(app, 1080, 1920);
        ui.idle(0.1);
        ui.tap(tiles[i].GetCenter());
        CHECK(app.route().screen == expected[i]);
    }
}

TEST_CASE("Home in portrait shows every session of the day and the featured products", "[home][portrait]") {
    // Nothing on air (the demo names a product all day): the room the card took goes to the featured products.
    auto feed = std::make_shared<Feed>(*demo_feed());
    for (SessionLive& s : feed->live.sessions) s.on_air_product.clear();
    KioskApp app(feed, app_options_at(Lang::zh, Route{}, at(kMorning)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    // The four sessions of 16 May by their times, which only their rows show.
    for (const char* times : {"09:00–18:00", "10:00–11:00", "15:00–17:30", "19:30–22:00"}) {
        INFO(times);
        CHECK(drew_text(times));
    }
    int featured = 0;
    for (const Product& p : feed->products)
        if (p.featured && !p.sold_out && drew_text(p.name.zh)) ++featured;
    CHECK(featured >= 4);
}

TEST_CASE("Home's entries fit a short narrow area in rows of three and a short wide one in a row", "[home][accessible]") {
    Theme theme;   // the accessible mode's band on a portrait panel: 1080 wide, ~560 high below the top bar
    const ImVec2 origin(0, 1270), band(1080, 560);
    const float top = origin.y + 144;   // under the live strip
    const std::vector<ImRect> narrow = home_entry_tiles(theme, origin, band, top, 6);
    REQUIRE(narrow.size() == 6);
    CHECK(narrow[0].Min.y == narrow[2].Min.y);
    CHECK(narrow[3].Min.y > narrow[0].Max.y);   // a second row
    for (const ImRect& r : narrow) {
        CHECK(r.GetWidth() >= 260);
        CHECK(r.GetHeight() >= theme.touch_min());
        CHECK(r.Max.y <= origin.y + band.y);   // nothing under the area's foot (the strip)
    }
    // The same band on a landscape panel keeps one row, shortened to the room left.
    const std::vector<ImRect> wide = home_entry_tiles(theme, ImVec2(0, 430), ImVec2(1920, 560), 430 + 144, 6);
    for (const ImRect& r : wide) {
        CHECK(r.Min.y == 430 + 144);
        CHECK(r.Max.y <= 430 + 560);
    }
}

TEST_CASE("Home in the accessible mode draws the event's lines above the reach band and its entries in it", "[home][accessible]") {
    for (const ImVec2 display : {kLandscape, kPortrait}) {
        AppOptions options = app_options_at(Lang::en, Route{}, at(kEvening));
        options.accessible = true;
        KioskApp app(demo_feed(), options);
        HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
        ui.idle(0.1);
        INFO(display.x << "x" << display.y);
        const float band_top = app.reach_band().top();
        const std::vector<DrawnTextRun> venue = drawn_runs_of("Incubator");   // the venue line: Home's alone
        REQUIRE_FALSE(venue.empty());
        for (const DrawnTextRun& run : venue) CHECK(run.at.y < band_top);
        const std::vector<DrawnTextRun> entry = drawn_runs_of("Schedule");
        REQUIRE_FALSE(entry.empty());
        for (const DrawnTextRun& run : entry) CHECK(run.at.y > band_top);
    }
}
