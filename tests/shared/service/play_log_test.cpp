// The attract loop's play log: what was on air from when to when, cut at each
// take and continued, split at midnight into each day's file, and its lines read
// back; broken lines are refused with a reason.
#include "service/play_log.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr std::int64_t kEight = 1589630400;   // 2020-05-16T20:00:00+08:00

std::chrono::system_clock::time_point at(std::int64_t unix_seconds, int ms = 0) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds) + std::chrono::milliseconds(ms));
}

const TimeZone kZone = TimeZone::fixed_offset(8 * 3600);

} // namespace

TEST_CASE("play log: a take cuts what is on air and goes on from there so every second counts once") {
    PlayLog log;
    log.showing("jiaocheng", "jc-junzao", at(kEight, 400));
    log.showing("wenshui", "ws-xiaomi", at(kEight + 8, 700));
    auto taken = log.take(at(kEight + 15));
    REQUIRE(taken.size() == 2);
    CHECK(taken[0] == PlayEntry{kEight, kEight + 8, "jiaocheng", "jc-junzao"});
    CHECK(taken[1] == PlayEntry{kEight + 8, kEight + 15, "wenshui", "ws-xiaomi"});
    log.stop(at(kEight + 16, 900));
    taken = log.take(at(kEight + 30));
    REQUIRE(taken.size() == 1);
    CHECK(taken[0] == PlayEntry{kEight + 15, kEight + 16, "wenshui", "ws-xiaomi"});
    CHECK(log.take(at(kEight + 45)).empty());   // nothing on air: nothing logged
    log.showing("lishi", "ls-guamian", at(kEight + 50));
    CHECK(log.take(at(kEight + 40)).empty());   // the clock set back: no entry that ends before it starts
}

TEST_CASE("play log: lines round-trip and an entry over midnight goes half into each day's file") {
    const PlayEntry e{kEight, kEight + 8, "jiaocheng", "jc-junzao"};
    const std::string line = format_play_line(e, kZone);
    CHECK(line == "{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"jiaocheng\","
                  "\"product\":\"jc-junzao\"}\n");
    std::string error;
    CHECK(parse_play_line(line.substr(0, line.size() - 1), error) == e);

    const std::int64_t midnight = kEight + 4 * 3600;
    TempDir dir;
    REQUIRE(append_play(dir.path(), {PlayEntry{midnight - 5, midnight + 3, "wenshui", "ws-xiaomi"}}, kZone, error));
    const auto before = read_whole_file(dir / "play-2020-05-16.jsonl", 4096, error);
    const auto after = read_whole_file(dir / "play-2020-05-17.jsonl", 4096, error);
    REQUIRE(before);
    REQUIRE(after);
    CHECK(before->find("\"to\":\"2020-05-17T00:00:00+08:00\"") != std::string::npos);
    CHECK(after->find("\"from\":\"2020-05-17T00:00:00+08:00\",\"to\":\"2020-05-17T00:00:03+08:00\"") != std::string::npos);
    const auto today = play_seconds_today(dir.path(), midnight + 10, kZone);
    REQUIRE(today.size() == 1);
    CHECK(today[0].second == 3);
}

TEST_CASE("play log: broken lines are refused and say why") {
    const std::pair<const char*, const char*> cases[] = {
        {"", "not a JSON object"},
        {"{\"from\":", "not a JSON object"},
        {"[1,2]", "not a JSON object"},
        {"{\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"a\",\"product\":\"b\"}", "\"from\" missing"},
        {"{\"from\":1,\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"a\",\"product\":\"b\"}", "\"from\" missing or not a string"},
        {"{\"from\":\"2020-05-16T20:00:00\",\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"a\",\"product\":\"b\"}",
         "\"from\" is not an ISO 8601 time"},
        {"{\"from\":\"2020-05-16T20:00:08+08:00\",\"to\":\"2020-05-16T20:00:00+08:00\",\"county\":\"a\",\"product\":\"b\"}",
         "after \"from\""},
        {"{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-18T20:00:00+08:00\",\"county\":\"a\",\"product\":\"b\"}",
         "at most a day"},
        {"{\"from\":\"1970-01-01T00:00:00Z\",\"to\":\"1970-01-01T00:00:08Z\",\"county\":\"a\",\"product\":\"b\"}", "between 2000"},
        {"{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"\",\"product\":\"b\"}",
         "must be ids"},
        {"{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"a\",\"product\":\"b\\n\"}",
         "must be ids"},
    };
    for (const auto& [line, reason] : cases) {
        INFO(line);
        std::string error;
        CHECK_FALSE(parse_play_line(line, error));
        CHECK_THAT(error, Catch::Contains(reason));
    }
}
