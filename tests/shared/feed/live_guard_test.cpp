// The live guard (issue 16, "live figures that never lie"): the fixture sequences of
// tests/data/live-guard/ (a decrease, a corrected decrease, a spike confirmed and not,
// a stale platform, a platform missing), each document through the real parser, then
// the figures, marks and started holds expected after it; the summed trend; save/load.
#include "feed/live_guard.h"
#include "feed/live_summary.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace kiosk;
using nlohmann::json;

namespace {

json read_fixture(const std::string& name) {
    std::ifstream in(std::string(TEST_DATA_DIR) + "/live-guard/" + name + ".json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

LiveStats parsed(const json& doc) {
    const LiveParseResult r = parse_live(doc.dump());
    for (const Problem& p : r.problems) INFO(p.message_en);
    REQUIRE(r.ok());
    return *r.live;
}

const char* hold_key(LiveHold h) { return h == LiveHold::none ? "none" : h == LiveHold::decrease ? "decrease" : "spike"; }

const PlatformLive* find_platform(const LiveStats& live, const std::string& path) {
    const auto slash = path.find('/');
    for (const SessionLive& s : live.sessions)
        if (s.session == path.substr(0, slash))
            for (const PlatformLive& p : s.platforms)
                if (p.platform == path.substr(slash + 1)) return &p;
    return nullptr;
}

void check_step(const LiveStats& shown, const std::vector<LiveAnomaly>& started, const json& expect) {
    if (expect.contains("totals")) {
        const LiveTotals t = live_totals(shown);
        CHECK(json::array({t.viewers, t.orders, t.revenue_fen}) == expect["totals"]);
    }
    if (expect.contains("holds"))
        for (const auto& [path, holds] : expect["holds"].items()) {
            INFO(path);
            const PlatformLive* p = find_platform(shown, path);
            REQUIRE(p);
            CHECK(json::array({hold_key(p->holds[0]), hold_key(p->holds[1]), hold_key(p->holds[2])}) == holds);
        }
    if (expect.contains("started")) {
        json kinds = json::array();
        for (const LiveAnomaly& a : started) kinds.push_back(live_anomaly_key(a.kind));
        CHECK(kinds == expect["started"]);
    }
    if (expect.contains("stale_at"))
        for (const auto& [when, paths] : expect["stale_at"].items()) {
            INFO(when);
            const std::int64_t now = parse_iso8601(when)->unix_seconds;
            json grey = json::array();
            for (const SessionLive& s : shown.sessions)
                for (const PlatformLive& p : s.platforms)
                    if (live_platform_stale(p, now)) grey.push_back(s.session + "/" + p.platform);
            CHECK(grey == paths);
        }
}

void run_sequence(const std::string& name) {
    const json seq = read_fixture(name);
    LiveGuard guard(LiveGuardOptions{seq.value("spike_factor", 10.0), 60, 720});
    int step = 0;
    for (const json& s : seq.at("steps")) {
        INFO(name << " step " << step++);
        std::vector<LiveAnomaly> started;
        const LiveStats shown = guard.apply(parsed(s.at("doc")), &started);
        check_step(shown, started, s.at("expect"));
    }
}

} // namespace

TEST_CASE("live guard: a decrease is held at the shown figure, marked under review and reported once", "[live_guard]") {
    run_sequence("decrease");
}

TEST_CASE("live guard: a decrease the document marks corrected is shown as is", "[live_guard]") {
    run_sequence("corrected-decrease");
}

TEST_CASE("live guard: a spike is held until the next document confirms it", "[live_guard]") {
    run_sequence("spike-confirmed");
}

TEST_CASE("live guard: a spike the next document does not confirm is never shown", "[live_guard]") {
    run_sequence("spike-not-confirmed");
}

TEST_CASE("live guard: a platform not updated for over twice its cadence is stale", "[live_guard]") {
    run_sequence("stale-platform");
}

TEST_CASE("live guard: a platform missing from a document is held at its last figures", "[live_guard]") {
    run_sequence("missing-platform");
}

TEST_CASE("live guard: a spike factor of 0 takes every rise", "[live_guard]") {
    json seq = read_fixture("spike-confirmed");
    LiveGuard guard(LiveGuardOptions{0, 60, 720});
    LiveStats shown;
    for (std::size_t i = 0; i < 4; ++i) shown = guard.apply(parsed(seq["steps"][i]["doc"]));
    CHECK(live_totals(shown).viewers == 460600);
}

TEST_CASE("live guard: the trend sums each session's history and what was shown, never falling", "[live_guard]") {
    const json doc = json::parse(R"({"format": "lvliang-kiosk-feed/1", "live": {"sessions": [
      {"session": "a", "platforms": [{"platform": "douyin", "viewers": 300, "orders": 30, "revenue_fen": 3000,
                                      "updated_at": "2020-05-16T20:30:00+08:00"}],
       "history": [{"at": "2020-05-16T19:30:00+08:00", "viewers": 0, "orders": 0, "revenue_fen": 0},
                   {"at": "2020-05-16T20:00:00+08:00", "viewers": 100, "orders": 10, "revenue_fen": 1000}]},
      {"session": "b", "platforms": [{"platform": "jd", "viewers": 50, "orders": 5, "revenue_fen": 500,
                                      "updated_at": "2020-05-16T20:15:00+08:00"}]}]}})");
    const LiveStats doc_only = parsed(doc);
    REQUIRE(doc_only.trend.size() == 4);   // the parser alone: 19:30, 20:00, 20:15, 20:30
    CHECK(doc_only.trend[2].revenue_fen == 1000 + 500);
    CHECK(doc_only.trend[3].revenue_fen == 3000 + 500);

    LiveGuard guard;
    LiveStats shown = guard.apply(doc_only);
    CHECK(shown.trend == doc_only.trend);
    // A later document without history: the evening's curve stays, the new point joins it.
    json later = doc;
    later["live"]["sessions"][0].erase("history");
    later["live"]["sessions"][0]["platforms"][0]["revenue_fen"] = 4000;
    later["live"]["sessions"][0]["platforms"][0]["updated_at"] = "2020-05-16T20:31:00+08:00";
    shown = guard.apply(parsed(later));
    REQUIRE(shown.trend.size() == 5);
    CHECK(shown.trend.front().unix_seconds == parse_iso8601("2020-05-16T19:30:00+08:00")->unix_seconds);
    CHECK(shown.trend.back().revenue_fen == 4000 + 500);
    for (std::size_t i = 1; i < shown.trend.size(); ++i) CHECK(shown.trend[i].revenue_fen >= shown.trend[i - 1].revenue_fen);

    SECTION("a restarted kiosk loads what it saw: the curve and the figures shown") {
        LiveGuard restarted;
        REQUIRE(restarted.load(guard.save()));
        json lower = later;
        lower["live"]["sessions"][0]["platforms"][0]["revenue_fen"] = 3500;   // lower than shown before the restart
        lower["live"]["sessions"][0]["platforms"][0]["updated_at"] = "2020-05-16T20:32:00+08:00";
        std::vector<LiveAnomaly> started;
        const LiveStats after = restarted.apply(parsed(lower), &started);
        CHECK(live_totals(after).revenue_fen == 4000 + 500);
        REQUIRE(started.size() == 1);
        CHECK(started[0].kind == LiveAnomalyKind::decrease);
        CHECK(after.trend.size() == 6);
        CHECK(after.trend.front().unix_seconds == shown.trend.front().unix_seconds);
    }
    SECTION("a damaged saved state is refused and changes nothing") {
        LiveGuard other;
        CHECK_FALSE(other.load("{\"format\": \"lvliang-kiosk-live-seen/1\", \"sessions\": [{\"session\": 3}]}"));
        CHECK_FALSE(other.load("not json"));
        CHECK(other.save() == LiveGuard().save());
    }
}

TEST_CASE("live guard: the trend stays within its capacity, first and last points kept", "[live_guard]") {
    std::vector<LivePoint> one;
    for (int i = 0; i < 5000; ++i) one.push_back({1000 + i, i, i, i});
    const auto sum = sum_live_series({one}, 100);
    REQUIRE(sum.size() == 100);
    CHECK(sum.front().unix_seconds == 1000);
    CHECK(sum.back().unix_seconds == 5999);
}

TEST_CASE("live guard: each hold is described for the log with where, which figure and both values", "[live_guard]") {
    const std::string line = describe_live_anomaly({LiveAnomalyKind::decrease, "live-jiaocheng", "douyin", "orders", 3820, 3790});
    CHECK_THAT(line, Catch::Contains("live-jiaocheng") && Catch::Contains("douyin") && Catch::Contains("3820") &&
                         Catch::Contains("3790") && Catch::Contains("数据校正中"));
}
