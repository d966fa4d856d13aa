// Live totals, breakdowns by platform and county, merged top products, and
// the bounded trend history.
#include "feed/live_summary.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace kiosk;

namespace {

PlatformLive platform(const char* key, const char* zh, std::int64_t viewers, std::int64_t orders, std::int64_t fen) {
    PlatformLive p;
    p.platform = key;
    p.name = LocalizedText{zh, key};
    p.viewers = viewers;
    p.orders = orders;
    p.revenue_fen = fen;
    return p;
}

Feed two_county_feed() {
    Feed feed;
    Session a;
    a.id = "live-a";
    a.county = "jiaocheng";
    Session b;
    b.id = "live-b";
    b.county = "wenshui";
    feed.schedule = {a, b};
    feed.counties = {County{"jiaocheng", {"交城", "Jiaocheng"}, {}, {}, {}, {}, 1}, County{"wenshui", {"文水", "Wenshui"}, {}, {}, {}, {}, 1}};
    feed.live.sessions = {
        SessionLive{"live-a", {platform("douyin", "抖音", 400, 30, 10000), platform("jd", "京东", 80, 7, 2600)},
                    {TopProduct{"jujube", 20, 8000}, TopProduct{"millet", 5, 1000}}, {}, {}},
        SessionLive{"live-b", {platform("douyin", "抖音", 100, 12, 5000)}, {TopProduct{"drink", 9, 9000}, TopProduct{"millet", 4, 900}}, {}, {}},
        SessionLive{"no-such-session", {platform("kuaishou", "快手", 600, 1, 100)}, {}, {}, {}},
    };
    feed.index();
    return feed;
}

} // namespace

TEST_CASE("live totals add every platform of every session") {
    const Feed feed = two_county_feed();
    CHECK(live_totals(feed.live) == LiveTotals{1180, 50, 17700});
    CHECK(live_totals(LiveStats{}) == LiveTotals{});
}

TEST_CASE("live totals saturate instead of overflowing") {
    LiveStats live;
    live.sessions = {SessionLive{"s", {platform("a", "a", std::numeric_limits<std::int64_t>::max(), 1, 1),
                                       platform("b", "b", 5, 1, 1)}, {}, {}, {}}};
    CHECK(live_totals(live).viewers == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("the platform breakdown merges a platform across sessions, most viewers first") {
    const Feed feed = two_county_feed();
    const auto shares = live_by_platform(feed.live);
    REQUIRE(shares.size() == 3);
    CHECK(shares[0].key == "kuaishou");
    CHECK(shares[1].key == "douyin");
    CHECK(shares[1].name.zh == "抖音");
    CHECK(shares[1].totals == LiveTotals{500, 42, 15000});
    CHECK(shares[2].key == "jd");
}

TEST_CASE("the county breakdown follows each session's county, unknown sessions count as other") {
    const Feed feed = two_county_feed();
    const auto shares = live_by_county(feed.live, feed);
    REQUIRE(shares.size() == 3);
    CHECK(shares[0].key == "jiaocheng");
    CHECK(shares[0].name.en == "Jiaocheng");
    CHECK(shares[0].totals.revenue_fen == 12600);
    CHECK(shares[1].key == "wenshui");
    CHECK(shares[1].totals.revenue_fen == 5000);
    CHECK(shares[2].key.empty());
    CHECK(shares[2].name.empty());
    CHECK(shares[2].totals.viewers == 600);
}

TEST_CASE("top products merge across sessions, largest revenue first") {
    const Feed feed = two_county_feed();
    const auto top = live_top_products(feed.live);
    REQUIRE(top.size() == 3);
    CHECK(top[0].product == "drink");
    CHECK(top[1].product == "jujube");
    CHECK(top[2].product == "millet");
    CHECK(top[2].orders == 9);
    CHECK(top[2].revenue_fen == 1900);
}

TEST_CASE("the trend keeps samples in order and replaces one from the same second or earlier") {
    LiveTrend trend(10);
    trend.record(100, {1, 1, 1});
    trend.record(105, {2, 2, 2});
    trend.record(105, {3, 3, 3});
    REQUIRE(trend.samples().size() == 2);
    CHECK(trend.samples()[1].totals.viewers == 3);
    trend.record(90, {4, 4, 4});   // the clock went back: times must stay increasing
    REQUIRE(trend.samples().size() == 2);
    CHECK(trend.samples()[1].unix_seconds == 105);
    CHECK(trend.samples()[1].totals.viewers == 4);
}

TEST_CASE("a full trend thins out but still spans from the first sample to the newest") {
    LiveTrend trend(720);
    for (std::int64_t i = 0; i < 10000; ++i) trend.record(1000 + i * 5, {i, i, i});
    const auto& s = trend.samples();
    CHECK(s.size() <= 720);
    CHECK(s.size() >= 360);
    CHECK(s.front().unix_seconds == 1000);
    CHECK(s.back().unix_seconds == 1000 + 9999 * 5);
    for (std::size_t i = 1; i < s.size(); ++i) CHECK(s[i - 1].unix_seconds < s[i].unix_seconds);
}

TEST_CASE("the running live session and the next instant that changes it") {
    Feed feed;
    Session talk;
    talk.id = "talk";
    talk.kind = SessionKind::talk;
    talk.start.unix_seconds = 100;
    talk.end.unix_seconds = 500;
    Session live;
    live.id = "live";
    live.kind = SessionKind::live_stream;
    live.start.unix_seconds = 200;
    live.end.unix_seconds = 300;
    feed.schedule = {talk, live};
    feed.index();
    CHECK(running_live_session(feed, 150) == nullptr);   // only a talk runs
    CHECK(next_live_boundary(feed, 150) == 200);
    REQUIRE(running_live_session(feed, 200) != nullptr);
    CHECK(running_live_session(feed, 200)->id == "live");
    CHECK(next_live_boundary(feed, 200) == 300);
    CHECK(running_live_session(feed, 300) == nullptr);   // the end is exclusive
    CHECK(next_live_boundary(feed, 300) == std::numeric_limits<std::int64_t>::max());
}
