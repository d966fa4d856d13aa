// `kiosk announce`: adds and withdraws announcements without editing JSON; the
// file it writes always validates, a missing one is created, a broken one is
// left alone.
#include "commands/announce_command.h"

#include "commands/check_command.h"

#include "base/atomic_file.h"
#include "feed/validator.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr std::int64_t kNow = 1589630400;   // 2020-05-16T20:00:00+08:00

struct Run {
    int code;
    std::string out, err;
};

Run announce(const AnnounceOptions& o, std::int64_t now = kNow) {
    std::ostringstream out, err;
    const int code = run_announce(o, now, out, err);
    return {code, out.str(), err.str()};
}

std::vector<Announcement> read_list(const std::filesystem::path& path) {
    std::string error;
    const auto text = read_whole_file(path, 1 << 20, error);
    REQUIRE(text);
    const auto parsed = parse_announcements(*text);
    REQUIRE(parsed.ok());
    return *parsed.announcements;
}

} // namespace

TEST_CASE("announce creates the file, adds to it and withdraws by id") {
    TempDir dir;
    const std::string file = (dir / "announcements.json").string();
    AnnounceOptions o;
    o.into = file;
    o.severity = "emergency";
    o.zh = "请立即从最近的出口离开大厅";
    o.en = "Please leave the hall by the nearest exit now";
    o.minutes = 30;
    const Run first = announce(o);
    INFO(first.out << first.err);
    REQUIRE(first.code == 0);
    CHECK_THAT(first.out, Catch::Contains("added emergency-1589630400") && Catch::Contains("--withdraw emergency-1589630400"));
    auto list = read_list(file);
    REQUIRE(list.size() == 1);
    CHECK(list[0].starts_at.unix_seconds == kNow);
    CHECK(list[0].ends_at.unix_seconds == kNow + 30 * 60);
    CHECK(list[0].text.en == o.en);
    CHECK(list[0].targets.empty());

    AnnounceOptions notice;
    notice.into = file;
    notice.severity = "notice";
    notice.zh = "交城专场改到二号演播室";
    notice.targets = {"hall-1", "k3"};
    notice.id = "talk-moved";
    REQUIRE(announce(notice).code == 0);
    list = read_list(file);
    REQUIRE(list.size() == 2);
    CHECK(list[1].id == "talk-moved");
    CHECK(list[1].text.en.empty());
    CHECK(list[1].targets == std::vector<std::string>{"hall-1", "k3"});
    CHECK(list[1].ends_at.unix_seconds == kNow + 60 * 60);   // an hour unless told

    CHECK(announce(notice).code == 1);   // the same id twice: refused, nothing written
    CHECK(read_list(file).size() == 2);

    AnnounceOptions withdraw;
    withdraw.into = file;
    withdraw.withdraw = "emergency-1589630400";
    const Run gone = announce(withdraw);
    REQUIRE(gone.code == 0);
    CHECK_THAT(gone.out, Catch::Contains("withdrew emergency-1589630400"));
    list = read_list(file);
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == "talk-moved");
    const Run again = announce(withdraw);
    CHECK(again.code == 1);
    CHECK_THAT(again.out, Catch::Contains("no announcement emergency-1589630400"));
}

TEST_CASE("announce refuses what would not validate and leaves a broken file alone") {
    TempDir dir;
    const std::string file = (dir / "announcements.json").string();
    AnnounceOptions o;
    o.into = file;
    o.severity = "notice";
    o.zh = "通知";
    o.targets = {"hall 1"};   // not an id
    const Run bad = announce(o);
    CHECK(bad.code == 1);
    CHECK_THAT(bad.out, Catch::Contains("/announcements/0/targets/0") && Catch::Contains("not written"));
    CHECK_FALSE(std::filesystem::exists(file));

    std::ofstream(file) << "{\"format\": \"lvliang-kiosk-announcements/1\", \"announcements\": [}";
    o.targets.clear();
    const Run broken = announce(o);
    CHECK(broken.code == 1);
    CHECK_THAT(broken.out, Catch::Contains(file + ":1:") && Catch::Contains("not a valid announcements document"));
    std::string error;
    CHECK(read_whole_file(file, 1 << 20, error)->find("[}") != std::string::npos);   // untouched

    AnnounceOptions nothing;
    nothing.into = file;
    CHECK(announce(nothing).code == 2);   // neither add nor withdraw
}

TEST_CASE("two announcements in the same second get different ids") {
    TempDir dir;
    AnnounceOptions o;
    o.into = (dir / "a.json").string();
    o.severity = "info";
    o.zh = "一";
    REQUIRE(announce(o).code == 0);
    REQUIRE(announce(o).code == 0);
    const auto list = read_list(dir / "a.json");
    REQUIRE(list.size() == 2);
    CHECK(list[0].id != list[1].id);
}

TEST_CASE("kiosk check knows an announcements document") {
    TempDir dir;
    const auto file = dir / "a.json";
    std::ofstream(file) << "{\"format\": \"lvliang-kiosk-announcements/1\",\n \"announcements\": [{\"id\": \"x\", \"severity\": \"loud\","
                           " \"text\": \"字\", \"starts_at\": \"2020-05-16T20:00:00+08:00\", \"ends_at\": \"2020-05-16T21:00:00+08:00\"}]}";
    std::ostringstream out, err;
    CHECK(check_feed_files({file.string()}, out, err) == 1);
    CHECK_THAT(out.str(), Catch::Contains(file.string() + ":2:") && Catch::Contains("/announcements/0/severity"));
}

TEST_CASE("announce drops the announcements that have ended") {
    TempDir dir;
    AnnounceOptions o;
    o.into = (dir / "a.json").string();
    o.severity = "notice";
    o.zh = "旧";
    o.minutes = 10;
    REQUIRE(announce(o, kNow).code == 0);
    o.zh = "新";
    const Run later = announce(o, kNow + 11 * 60);   // the first ended a minute ago
    REQUIRE(later.code == 0);
    CHECK_THAT(later.out, Catch::Contains("removed 1 ended announcement"));
    const auto list = read_list(dir / "a.json");
    REQUIRE(list.size() == 1);
    CHECK(list[0].text.zh == "新");
}
