// Fair airtime in the attract loop: counties take turns by their weights,
// featured products first within each, and over eight simulated hours (visitors
// interrupting, a restart mid-hour seeded from the play log) every county gets
// its share of every full hour within ±5%, and the play log holds every second
// once.
#include "service/airtime_scheduler.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "feed/validator.h"
#include "service/airtime_report.h"
#include "service/play_log.h"
#include "temp_dir.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr std::int64_t kNine = 1589590800;   // 2020-05-16T09:00:00+08:00
constexpr std::int64_t kHour = 3600;

std::chrono::system_clock::time_point at(std::int64_t unix_seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds));
}

// The demo counties with organiser weights: Jiaocheng 3, Linxian 2, the rest 1.
std::vector<AirtimeCounty> weighted_demo_counties() {
    auto counties = airtime_counties(*demo_feed());
    for (AirtimeCounty& c : counties) c.weight = c.id == "jiaocheng" ? 3 : c.id == "linxian" ? 2 : 1;
    return counties;
}

// Each county's seconds of the play log's entries inside [from, to).
std::map<std::string, std::int64_t> seconds_within(const std::vector<PlayEntry>& log, std::int64_t from, std::int64_t to) {
    std::map<std::string, std::int64_t> out;
    for (const PlayEntry& e : log) {
        const std::int64_t a = std::max(e.from, from), b = std::min(e.to, to);
        if (b > a) out[e.county] += b - a;
    }
    return out;
}

std::vector<PlayEntry> read_log(const std::filesystem::path& path) {
    std::string error;
    const auto text = read_whole_file(path, 1 << 26, error);
    REQUIRE(text);
    std::vector<PlayEntry> out;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
        const auto entry = parse_play_line(line, error);
        REQUIRE(entry);
        out.push_back(*entry);
    }
    return out;
}

// One run of the kiosk from `from` to `to` on a simulated clock: 8 s slides, a
// visitor every 7 minutes for 100 s, the status writer's take every 15 s. Returns
// the seconds it had a county on air.
std::int64_t simulate(std::int64_t from, std::int64_t to, const std::filesystem::path& dir, const TimeZone& zone) {
    AirtimeScheduler scheduler;
    for (const auto& [county, seconds] : play_seconds_today(dir, from, zone)) scheduler.credit(county, static_cast<double>(seconds));
    scheduler.set_counties(weighted_demo_counties());
    PlayLog log;
    std::int64_t on_air = 0, slide_end = from, next_take = from + 15, next_visitor = from + 7 * 60 - (from % 420);
    std::int64_t slide_start = -1;   // -1: nothing on air
    std::string error;
    for (std::int64_t t = from; t < to; ++t) {
        if (t == next_visitor) {   // a touch: the slide ends, 100 s of visitor
            if (slide_start >= 0) on_air += t - slide_start;
            scheduler.stop(static_cast<double>(t));
            log.stop(at(t));
            slide_start = -1;
            slide_end = t + 100;
            next_visitor += 420;
        }
        if (t == slide_end) {
            if (slide_start >= 0) on_air += t - slide_start;
            const auto slot = scheduler.next(static_cast<double>(t));
            REQUIRE(slot);
            log.showing(slot->county, slot->product, at(t));
            slide_start = t;
            slide_end = t + 8;
        }
        if (t == next_take) {
            REQUIRE(append_play(dir, log.take(at(t)), zone, error));
            next_take += 15;
        }
    }
    if (slide_start >= 0) on_air += to - slide_start;
    log.stop(at(to));   // a clean stop: the writer's last round
    REQUIRE(append_play(dir, log.take(at(to)), zone, error));
    return on_air;
}

} // namespace

TEST_CASE("airtime: counties take turns in feed order and each shows its featured products first") {
    const auto counties = airtime_counties(*demo_feed());
    REQUIRE(counties.size() == 10);
    CHECK(counties[0].products[0] == "jc-junzao");
    CHECK(counties[0].products[1] == "jc-tiaoliaomian");   // the second featured one before the rest
    CHECK(counties[1].products == std::vector<std::string>{"ws-xiaomi", "ws-mianfen", "ws-houtougu", "ws-jidan"});   // no sold-out ones

    AirtimeScheduler s;
    s.set_counties(counties);
    std::vector<std::string> first_round;
    for (int i = 0; i < 10; ++i) first_round.push_back(s.next(8.0 * i)->county);
    CHECK(first_round == std::vector<std::string>{"jiaocheng", "wenshui", "lishi", "linxian", "lanxian", "fenyang", "xiaoyi",
                                                  "zhongyang", "liulin", "xingxian"});
    CHECK(s.next(80)->product == "jc-tiaoliaomian");   // Jiaocheng's second turn: its second product
}

TEST_CASE("airtime: weights share the turns and a county that joins late is owed one slide at most") {
    AirtimeScheduler s(8);
    s.set_counties({{"a", 2, {"a1"}}, {"b", 1, {"b1"}}, {"c", 1, {"c1"}}});
    std::map<std::string, int> turns;
    for (int i = 0; i < 400; ++i) ++turns[s.next(8.0 * i)->county];
    CHECK(turns["a"] == 200);
    CHECK(turns["b"] == 100);
    CHECK(turns["c"] == 100);

    s.set_counties({{"a", 2, {"a1"}}, {"b", 1, {"b1"}}, {"c", 1, {"c1"}}, {"d", 1, {"d1"}}});
    turns.clear();
    for (int i = 400; i < 410; ++i) ++turns[s.next(8.0 * i)->county];
    CHECK(turns["d"] <= 3);   // not ten turns in a row to catch up on the hour it missed
    CHECK(AirtimeScheduler().next(0) == std::nullopt);
}

TEST_CASE("airtime: over eight simulated hours with a restart mid-hour every county gets its share of every hour within 5 percent") {
    TempDir dir;
    std::string error;
    const auto zone = TimeZone::load("Asia/Shanghai", &error);
    REQUIRE(zone);
    const std::int64_t restart = kNine + 3 * kHour + 37 * 60 + 13;   // mid-hour, mid-slide
    const std::int64_t on_air = simulate(kNine, restart, dir.path(), *zone) +
                                simulate(restart + 20, kNine + 8 * kHour, dir.path(), *zone);   // 20 s to start again

    const auto log = read_log(dir / "play-2020-05-16.jsonl");
    std::int64_t logged = 0;
    for (const PlayEntry& e : log) logged += e.to - e.from;
    CHECK(logged == on_air);   // no second lost, none twice
    for (std::size_t i = 1; i < log.size(); ++i) REQUIRE(log[i].from >= log[i - 1].to);   // nothing overlaps

    const auto counties = weighted_demo_counties();
    double weights = 0;
    for (const AirtimeCounty& c : counties) weights += c.weight;
    for (int hour = 0; hour < 8; ++hour) {
        const auto seconds = seconds_within(log, kNine + hour * kHour, kNine + (hour + 1) * kHour);
        std::int64_t total = 0;
        for (const auto& [county, s] : seconds) total += s;
        for (const AirtimeCounty& c : counties) {
            const double share = static_cast<double>(total) * c.weight / weights;
            const double got = static_cast<double>(seconds.count(c.id) ? seconds.at(c.id) : 0);
            INFO("hour " << hour << " county " << c.id << ": " << got << " s of " << total << ", share " << share);
            CHECK(std::abs(got - share) <= 0.05 * share);
        }
    }
    // The report counts the same seconds.
    const AirtimeReport report = build_airtime_report(dir.path(), *parse_date("2020-05-16"), *parse_date("2020-05-16"), *demo_feed());
    CHECK(report.totals.attract_seconds == on_air);
    CHECK(report.problems.empty());
}

TEST_CASE("airtime: without the play log a restart would start the round again at the first county") {
    // The check the seeding exists for: a restarted scheduler seeded with the day so far goes on where it was.
    AirtimeScheduler before;
    before.set_counties({{"a", 1, {"a1"}}, {"b", 1, {"b1"}}, {"c", 1, {"c1"}}});
    before.next(0);
    before.next(8);
    before.stop(16);   // a and b had their turn
    AirtimeScheduler after;
    after.credit("a", before.seconds("a"));
    after.credit("b", before.seconds("b"));
    after.set_counties({{"a", 1, {"a1"}}, {"b", 1, {"b1"}}, {"c", 1, {"c1"}}});
    CHECK(after.next(16)->county == "c");
}
