// The UI reports what visitors saw: screen views, product opens and order-QR
// shows, once per visit however many frames are drawn.
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::shared_ptr<const Feed> demo() {
    static const FeedParseResult parsed = parse_feed(*embedded_file("config/demo-feed.json"));
    return parsed.feed;
}

std::uint64_t count_of(const std::map<std::string, std::uint64_t, std::less<>>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
}

} // namespace

TEST_CASE("product visits count a view an open and one QR show per visit") {
    UsageCounter usage;
    AppOptions o;
    o.usage = &usage;
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    ui.idle(0.2);
    app.go(Route{ScreenId::product, "jc-junzao"});
    ui.idle(0.5);   // many frames: still one show
    app.back();
    ui.idle(0.1);
    app.go(Route{ScreenId::product, "jc-junzao"});
    ui.idle(0.1);
    app.go(Route{ScreenId::product, "ws-shaji-yinliao"});   // sold out: no QR code shown
    ui.idle(0.1);
    const UsageBatch batch = usage.take(std::chrono::system_clock::now());
    CHECK(count_of(batch.screen_views, "product") == 3);
    CHECK(count_of(batch.screen_views, "home") == 1);   // the back; the start screen is not a visit
    CHECK(count_of(batch.product_opens, "jc-junzao") == 2);
    CHECK(count_of(batch.product_opens, "ws-shaji-yinliao") == 1);
    CHECK(count_of(batch.qr_shows, "jc-junzao") == 2);
    CHECK(count_of(batch.qr_shows, "ws-shaji-yinliao") == 0);
}

TEST_CASE("a visitor's tap that opens a screen is counted") {
    UsageCounter usage;
    AppOptions o;
    o.usage = &usage;
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    ui.idle(0.2);
    ui.tap(ImVec2(1920 - 32 - 2 * 120 - 8 - 24 - 75, 48));   // Home in the top bar, already home: nothing
    CHECK(usage.take(std::chrono::system_clock::now()).empty());
    app.go(Route{ScreenId::schedule, {}});
    ui.tap(ImVec2(1920 - 32 - 2 * 120 - 8 - 24 - 75, 48));   // Home from the schedule
    const UsageBatch batch = usage.take(std::chrono::system_clock::now());
    CHECK(app.route().screen == ScreenId::home);
    CHECK(count_of(batch.screen_views, "schedule") == 1);
    CHECK(count_of(batch.screen_views, "home") == 1);
}
