// The catalogue, county and session pages in portrait (issue 19), headless: on a 1080×1920
// panel what they draw reaches the lower tenth when there is enough to show; the card grids
// take the fewest columns whose rows all fit and grow their cards to fill the height (many
// products scroll at three columns as before); a session's county's products fill the room
// under its description and each opens its page.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_extent.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/catalogue_parts.h"
#include "screens/session_layout.h"
#include "test_feeds.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

const char* const kEvening = "2020-05-16T20:30:00+08:00";
const ImVec2 kOrigin(0, 96);                      // below the top bar at 1080p
const ImVec2 kPortraitArea(1080, 1920 - 96);

// The lowest point `route` draws on a 1080×1920 panel in `lang`, as a share of the height.
float drawn_share(const Route& route, Lang lang) {
    KioskApp app(demo_feed(), app_options_at(lang, route, at(kEvening)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    return drawn_bottom(Theme{}.background) / 1920.0f;
}

} // namespace

TEST_CASE("Catalogue county and session pages in portrait draw down to the lower tenth in zh and en", "[portrait]") {
    const Route routes[] = {Route{ScreenId::catalogue}, Route{ScreenId::county, "wenshui"}, Route{ScreenId::county, "jiaocheng"},
                            Route{ScreenId::session, "live-wenshui"}, Route{ScreenId::session, "live-jiaocheng"}};
    for (const Route& route : routes)
        for (const Lang lang : {Lang::zh, Lang::en}) {
            INFO(route_name(route) << (lang == Lang::zh ? " zh" : " en"));
            CHECK(drawn_share(route, lang) >= 0.9f);
        }
}

TEST_CASE("Portrait card grids take the fewest columns that fit and fill the height with larger cards", "[portrait][catalogue]") {
    const Theme t;
    for (const int count : {1, 2, 6, 10, 12}) {
        INFO(count << " products");
        const CardGrid g = product_card_grid(t, kOrigin, kPortraitArea, count);
        CHECK(g.card.x >= t.touch_min());
        CHECK(g.card.y >= t.touch_min());
        CHECK(product_card_picture_ratio(t, g, kPortraitArea) >= 0.62f);
        CHECK(product_card_picture_ratio(t, g, kPortraitArea) <= 1.0f);
        CHECK(g.content_height() <= g.viewport.GetHeight() + 1);   // no scrolling: all rows in view
        if (count >= 4) CHECK(g.content_height() >= g.viewport.GetHeight() - 2 * g.rows());   // and they fill it
    }
    CHECK(product_card_grid(t, kOrigin, kPortraitArea, 6).columns == 2);    // Wenshui: three rows of two
    CHECK(product_card_grid(t, kOrigin, kPortraitArea, 10).columns == 3);   // Jiaocheng: four rows of three
    const CardGrid many = product_card_grid(t, kOrigin, kPortraitArea, 40);   // too many: three columns scrolling
    CHECK(many.columns == 3);
    CHECK(product_card_picture_ratio(t, many, kPortraitArea) == 0.62f);
    CHECK(many.content_height() > many.viewport.GetHeight());
    const CardGrid counties = county_tile_grid(t, kOrigin, kPortraitArea, 10);
    CHECK(counties.columns == 3);
    CHECK(counties.content_height() >= counties.viewport.GetHeight() - 2 * counties.rows());
    CHECK(county_tile_picture_ratio(t, counties, kPortraitArea) > 0.56f);
}

TEST_CASE("Landscape card grids keep their columns and picture shapes", "[landscape][catalogue]") {
    const Theme t;
    const ImVec2 area(1920, 1080 - 96);
    const CardGrid products = product_card_grid(t, kOrigin, area, 6);
    CHECK(products.columns == 5);
    CHECK(product_card_picture_ratio(t, products, area) == 0.62f);
    CHECK(county_tile_picture_ratio(t, county_tile_grid(t, kOrigin, area, 10), area) == 0.56f);
}

TEST_CASE("A tap on a grown portrait card opens its product", "[portrait][catalogue]") {
    KioskApp app(demo_feed(), app_options_at(Lang::zh, Route{ScreenId::county, "wenshui"}, at(kEvening)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    const std::vector<const Product*> products = app.feed().products_of("wenshui");
    const CardGrid g = product_card_grid(Theme{}, kOrigin, kPortraitArea, static_cast<int>(products.size()));
    const int last = static_cast<int>(products.size()) - 1;
    ui.tap(g.rect(last, 0).GetCenter());
    CHECK(app.route() == Route{ScreenId::product, products.back()->id});
}

TEST_CASE("A session page in portrait shows its county's products under the description and each opens", "[portrait][session]") {
    const Theme t;
    // The cards' rows: as many as the products need and the room holds, none in a room too low for one.
    const float text_h = product_card_text_height(t);
    const SessionCards one = session_product_cards(t, ImRect(32, 1400, 1048, 1888), 6, text_h);
    CHECK(one.rows == 1);
    CHECK(one.rect(2).Max.x <= 1048);
    CHECK(one.rect(0).GetHeight() >= t.touch_min());
    CHECK(session_product_cards(t, ImRect(32, 1000, 1048, 1888), 6, text_h).rows == 2);
    CHECK(session_product_cards(t, ImRect(32, 1000, 1048, 1888), 2, text_h).rows == 1);
    CHECK(session_product_cards(t, ImRect(32, 1700, 1048, 1888), 6, text_h).rows == 0);

    KioskApp app(demo_feed(), app_options_at(Lang::en, Route{ScreenId::session, "live-wenshui"}, at(kEvening)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    // The cards sit at the bottom of the page (above the strip); a tap near the bottom of each of the three columns opens a Wenshui product.
    for (const float x : {180.0f, 540.0f, 900.0f}) {
        INFO("x " << x);
        ui.tap(ImVec2(x, 1820 - kAccessibleStripHeight));   // the area ends at the accessible strip
        REQUIRE(app.route().screen == ScreenId::product);
        const Product* p = app.feed().product(app.route().id);
        REQUIRE(p);
        CHECK(p->county == "wenshui");
        app.back();
        ui.idle(0.1);
    }
}
