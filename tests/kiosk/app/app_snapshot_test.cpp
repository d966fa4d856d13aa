// How the app takes snapshots between frames: the separate live document wins
// over the feed's own live part, and survives feed updates; the trend records
// every live update whatever screen is showing.
#include "app/app.h"
#include "base/embedded.h"
#include "feed/live_summary.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

std::shared_ptr<const Feed> demo() { return parse_feed(*embedded_file("config/demo-feed.json")).feed; }

std::shared_ptr<const LiveStats> live_with_viewers(std::int64_t viewers, std::int64_t updated_at) {
    auto live = std::make_shared<LiveStats>();
    SessionLive session;
    session.session = "live-jiaocheng";
    PlatformLive platform;
    platform.platform = "douyin";
    platform.viewers = viewers;
    platform.updated_at.unix_seconds = updated_at;
    platform.updated_at.valid = true;
    session.platforms.push_back(platform);
    live->sessions.push_back(session);
    live->updated_at = platform.updated_at;
    return live;
}

struct ScriptedSource : SnapshotSource {
    std::shared_ptr<const Feed> next_feed;
    std::shared_ptr<const LiveStats> next_live;
    bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) override {
        if (!next_feed && !next_live) return false;
        if (next_feed) feed = index_feed(std::move(next_feed));
        if (next_live) live = std::move(next_live);
        next_feed.reset();
        next_live.reset();
        return true;
    }
};

std::int64_t viewers(const LiveStats& live) { return live_totals(live).viewers; }

} // namespace

TEST_CASE("the separate live document wins over the feed's live part and survives feed updates") {
    const auto feed = demo();
    REQUIRE(feed);
    KioskApp app(feed, {});
    ScriptedSource source;
    app.set_source(&source);
    bool new_text = false;
    CHECK(viewers(app.live()) == viewers(feed->live));   // the feed's own live part to begin with

    source.next_live = live_with_viewers(777, 1589632200);
    CHECK(app.update(1.0, new_text));
    CHECK(viewers(app.live()) == 777);

    const auto edited = demo();   // an organiser's edit of the main feed
    source.next_feed = edited;
    CHECK_FALSE(app.update(2.0, new_text));   // held until the atlas holds its glyphs
    CHECK(new_text);
    CHECK(&app.feed() == feed.get());
    CHECK(app.glyphs_ready());                // the runner's word that it does
    CHECK(&app.feed() == edited.get());
    CHECK(viewers(app.live()) == 777);
    CHECK_FALSE(app.update(3.0, new_text));   // nothing new: nothing to draw
}

TEST_CASE("the trend records every live update while another screen shows") {
    KioskApp app(demo(), {});
    ScriptedSource source;
    app.set_source(&source);
    bool new_text = false;
    const std::size_t before = app.trend().samples().size();
    for (int i = 1; i <= 5; ++i) {
        source.next_live = live_with_viewers(1000 * i, 1589637600 + 2 * i);   // after the demo's 22:00 figures
        app.update(i, new_text);
    }
    REQUIRE(app.trend().samples().size() == before + 5);
    CHECK(app.trend().samples().back().totals.viewers == 5000);
    CHECK(app.route().screen == ScreenId::home);
}
