// Schedule and session screens: taps open sessions, drags scroll and open
// nothing, day tabs switch the list, countdown wording; under Xvfb, the
// session screen's QR code decodes to exactly its watch link.
// Index of this file:
// [SECTION] Fixtures: a long feed, the schedule at a moment
// [SECTION] Taps, drags, day tabs, portrait
// [SECTION] Countdowns, times in the event's zone, QR modules
// [SECTION] The real program under Xvfb: QR codes scanned
#include "app/app.h"
#include "app_options_at.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "run_kiosk.h"
#include "screens/session_text.h"
#include "test_feeds.h"
#include "widgets/qr_view.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <optional>

using namespace kiosk;
using namespace kiosk::test;

// [SECTION] Fixtures: a long feed, the schedule at a moment
namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

Timestamp stamp(std::int64_t unix_seconds) { return Timestamp{unix_seconds, 480, true}; }

// Five event days; the 16th has 24 half-hour sessions (longer than any
// screen), the other days two each. Ids say day and order: "d16-03".
std::shared_ptr<const Feed> long_feed() {
    auto feed = kiosk::test::test_event_feed();
    feed->counties.push_back(County{"jiaocheng", {"交城县", "Jiaocheng County"}, {}, {}, {}, {}, 1});
    const std::int64_t day15 = at("2020-05-15T00:00:00+08:00");
    for (int day = 15; day <= 19; ++day) {
        const int count = day == 16 ? 24 : 2;
        for (int i = 0; i < count; ++i) {
            Session s;
            char id[16];
            std::snprintf(id, sizeof id, "d%d-%02d", day, i);
            s.id = id;
            s.title = {std::string("场次 ") + id, std::string("Session ") + id};
            const std::int64_t start = day15 + (day - 15) * 86400 + 8 * 3600 + i * 1800;   // from 08:00
            s.start = stamp(start);
            s.end = stamp(start + 1800);
            s.location = {"吕梁广场", "Lüliang Square"};
            s.county = i % 2 ? "jiaocheng" : "";
            s.kind = i % 2 ? SessionKind::live_stream : SessionKind::talk;
            feed->schedule.push_back(std::move(s));
        }
    }
    feed->index();
    return feed;
}

struct ScheduleAt {
    KioskApp app;
    HeadlessUi ui;
    ScheduleAt(const char* now, int width = 1920, int height = 1080)
        : app(long_feed(), app_options_at(Lang::zh, Route{ScreenId::schedule, {}}, at(now))), ui(app, width, height) {
        ui.idle(0.1);
    }
    // The session a tap at `pos` opens ("" when it opens none), then back to the schedule.
    std::string open_at(ImVec2 pos) {
        ui.tap(pos);
        if (app.route().screen != ScreenId::session) return {};
        std::string id = app.route().id;
        app.back();
        ui.idle(0.1);
        return id;
    }
};

// 1080p layout: top bar 96 px, day tabs 120–216, list from 232 with 128 px rows.
constexpr float kFirstRowY = 290, kTabY = 168;
float tab_x(int index) { return 32 + index * (361 + 12) + 180; }

} // namespace

// [SECTION] Taps, drags, day tabs, portrait
TEST_CASE("tapping a session row opens its session screen", "[schedule]") {
    ScheduleAt s("2020-05-16T07:00:00+08:00");
    s.ui.tap(ImVec2(960, kFirstRowY));
    CHECK(s.app.route() == Route{ScreenId::session, "d16-00"});
    s.app.back();
    s.ui.idle(0.1);
    CHECK(s.open_at(ImVec2(960, kFirstRowY + 128)) == "d16-01");
}

TEST_CASE("a 200 px drag on the session list scrolls it and opens nothing", "[schedule]") {
    ScheduleAt s("2020-05-16T07:00:00+08:00");
    const ImVec2 point(960, 560);   // inside the third row
    const std::string before = s.open_at(point);
    REQUIRE(before.rfind("d16-", 0) == 0);

    s.ui.drag(point, ImVec2(0, -200), 12, /*hold_before_release=*/true);
    CHECK(s.app.route().screen == ScreenId::schedule);
    const std::string after = s.open_at(point);
    INFO(before << " then " << after);
    REQUIRE(after.rfind("d16-", 0) == 0);
    const int moved = std::stoi(after.substr(4)) - std::stoi(before.substr(4));
    CHECK(moved >= 1);   // later rows moved up under the finger: 200 px is one or two 128 px rows
    CHECK(moved <= 2);

    // A fling opens nothing either, and the list coasts: the screen asks for frames.
    s.ui.drag(point, ImVec2(0, -300), 6);
    CHECK(s.app.route().screen == ScreenId::schedule);
    s.ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
    CHECK(s.app.seconds_until_change(s.ui.now()) == 0);
    s.ui.idle(4);
    CHECK(s.app.route().screen == ScreenId::schedule);
    CHECK(s.app.seconds_until_change(s.ui.now()) > 0);
}

TEST_CASE("a day tab shows that day's sessions", "[schedule]") {
    ScheduleAt s("2020-05-16T07:00:00+08:00");
    CHECK(s.open_at(ImVec2(960, kFirstRowY)) == "d16-00");
    s.ui.tap(ImVec2(tab_x(2), kTabY));
    CHECK(s.app.route().screen == ScreenId::schedule);
    CHECK(s.open_at(ImVec2(960, kFirstRowY)) == "d17-00");
    CHECK(s.open_at(ImVec2(960, kFirstRowY + 128)) == "d17-01");
    CHECK(s.open_at(ImVec2(960, kFirstRowY + 256)).empty());   // the 17th has two
    s.ui.tap(ImVec2(tab_x(4), kTabY));
    CHECK(s.open_at(ImVec2(960, kFirstRowY)) == "d19-00");
}

TEST_CASE("the schedule opens on the event's current day, in the event's zone", "[schedule]") {
    {   // 01:00 on the 17th in Lüliang is still the 16th in UTC and on most PCs.
        ScheduleAt during("2020-05-17T01:00:00+08:00");
        CHECK(during.open_at(ImVec2(960, kFirstRowY)) == "d17-00");
    }
    {   // Before the event: the first day (one ImGui context at a time).
        ScheduleAt before("2020-05-01T12:00:00+08:00");
        CHECK(before.open_at(ImVec2(960, kFirstRowY)) == "d15-00");
    }
}

TEST_CASE("the schedule works in portrait, where day tabs and rows differ", "[schedule]") {
    ScheduleAt s("2020-05-16T07:00:00+08:00", 1080, 1920);
    // Portrait (issue 19): rows of 176 px from 120 (24 sessions: no room to grow); five 193 px tabs at the bottom of
    // the area, which ends at the accessible strip: 1768–1896 less the strip's height.
    CHECK(s.open_at(ImVec2(540, 200)) == "d16-00");
    CHECK(s.open_at(ImVec2(540, 200 + 176)) == "d16-01");
    s.ui.tap(ImVec2(32 + 3 * (193 + 12) + 96, 1832 - kAccessibleStripHeight));
    CHECK(s.open_at(ImVec2(540, 200)) == "d18-00");
}

TEST_CASE("the session screen's county button opens the county", "[schedule]") {
    KioskApp app(long_feed(), app_options_at(Lang::en, Route{ScreenId::session, "d16-01"}, at("2020-05-16T07:00:00+08:00")));
    HeadlessUi ui(app);
    ui.idle(0.1);
    // Badge row, title, day and time, location, then the county button (no QR: no watch link).
    bool opened = false;
    for (float y = 300; y < 700 && !opened; y += 16) {
        ui.tap(ImVec2(120, y));
        opened = app.route().screen == ScreenId::county;
    }
    CHECK(opened);
    CHECK(app.route() == Route{ScreenId::county, "jiaocheng"});
}

// [SECTION] Countdowns, times in the event's zone, QR modules
TEST_CASE("countdowns and time left read as the brief says, in whole minutes rounded up", "[schedule]") {
    Session s;
    s.start = stamp(at("2020-05-16T19:30:00+08:00"));
    s.end = stamp(at("2020-05-16T22:00:00+08:00"));
    const TimeZone zone = *TimeZone::load("Asia/Shanghai", nullptr);
    const std::int64_t before = at("2020-05-16T18:25:00+08:00");
    CHECK(starts_in_text(s, zone, before, Lang::zh) == "19:30 开始 · 还有 1 小时 5 分");
    CHECK(starts_in_text(s, zone, before, Lang::en) == "starts in 1 h 5 min");
    CHECK(starts_in_text(s, zone, before + 1, Lang::en) == "starts in 1 h 5 min");   // 1 h 4 min 59 s
    CHECK(starts_in_text(s, zone, at("2020-05-16T19:29:59+08:00"), Lang::en) == "starts in 1 min");
    CHECK(starts_in_text(s, zone, at("2020-05-16T18:30:00+08:00"), Lang::zh) == "19:30 开始 · 还有 1 小时");
    CHECK(starts_in_text(s, zone, at("2020-05-14T17:00:00+08:00"), Lang::en) == "starts in 2 d 2 h");   // days drop minutes
    const std::int64_t during = at("2020-05-16T21:35:00+08:00");
    CHECK(time_left_text(s, during, Lang::zh) == "还剩 25 分钟");
    CHECK(time_left_text(s, during, Lang::en) == "25 min left");
    CHECK(time_left_text(s, at("2020-05-16T20:30:00+08:00"), Lang::zh) == "还剩 1 小时 30 分");

    // The shown minute changes when the remaining time crosses a whole minute.
    CHECK(seconds_until_countdown_ticks(s.end.unix_seconds, during) == 60);
    CHECK(seconds_until_countdown_ticks(s.end.unix_seconds, during + 20) == 40);
    CHECK(seconds_until_countdown_ticks(s.end.unix_seconds + 7, during) == 7);
}

TEST_CASE("session times show in the event's zone, not the PC's", "[schedule]") {
    Session s;
    s.start = stamp(at("2020-05-16T11:30:00Z"));   // 19:30 in Lüliang
    s.end = stamp(at("2020-05-16T14:00:00Z"));
    CHECK(time_range(s, *TimeZone::load("Asia/Shanghai", nullptr)) == "19:30–22:00");
}

TEST_CASE("QR modules are whole pixels, at least 6 px at 1080p, filling the box when they can", "[qr_view]") {
    const auto qr = encode_qr("https://example.com/live/live-jiaocheng");
    REQUIRE(qr);
    CHECK(qr_module_px(*qr, 520, 1.0f) == 520 / qr->size);
    CHECK(qr_side_px(*qr, qr_module_px(*qr, 520, 1.0f)) <= 520);
    CHECK(qr_module_px(*qr, 100, 1.0f) == 6);    // a box too small still gets scannable modules
    CHECK(qr_module_px(*qr, 100, 2.0f) == 12);   // 4K
    CHECK(qr_module_px(*qr, 100, 0.74f) == 5);   // 1280×800: ceil(6 × 0.74)

    QrCache cache;
    const QrMatrix* a = cache.get("https://example.com/a");
    REQUIRE(a);
    const std::vector<std::uint8_t> a_modules = a->dark;
    CHECK(cache.get("https://example.com/a") == a);   // the same matrix, not encoded again
    REQUIRE(cache.get("https://example.com/b"));
    CHECK(cache.get("https://example.com/b")->dark != a_modules);
    CHECK(cache.get(std::string(3000, 'x')) == nullptr);   // too long for a QR code
}

// [SECTION] The real program under Xvfb: QR codes scanned

namespace {

// Screenshots of several sessions in one Xvfb server (starting one costs more than a frame).
void screenshot_sessions(const std::vector<std::string>& ids, const std::filesystem::path& dir, const std::string& size,
                         const std::string& lang, const std::string& feed_args = {}) {
    std::string script;
    for (const std::string& id : ids)
        script += "'" + std::string(KIOSK_BINARY) + "' " + feed_args + " --screen session:" + id + " --lang " + lang + " --size " + size +
                  " --now 2020-05-16T20:30:00+08:00 --screenshot '" + (dir / (id + ".png")).string() + "' || exit 1; ";
    const auto log = dir / "log.txt";
    const std::string command =
        std::string(kUnderXvfb) + " sh -c \"" + script + "\" >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    INFO(read_text(log));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

} // namespace

TEST_CASE("every demo session's QR code scans to exactly its watch link and no link means no code", "[xvfb]") {
    const auto feed = demo_feed();
    std::vector<std::string> with_link, without_link;
    for (const Session& s : feed->schedule) (s.watch_url.empty() ? without_link : with_link).push_back(s.id);
    REQUIRE(with_link.size() >= 3);
    REQUIRE_FALSE(without_link.empty());
    const std::vector<std::string> without = {without_link.front(), without_link.back()};

    const auto dir = temp_dir("session-qr");
    std::vector<std::string> all = with_link;
    all.insert(all.end(), without.begin(), without.end());
    for (const std::string& id : all) std::filesystem::remove(dir / (id + ".png"));
    screenshot_sessions(all, dir, "1280x800", "zh");

    for (const std::string& id : with_link) {
        INFO(id);
        // [Issue 16] 交城's page also carries the on-air product's code: its first order link (the demo's on_air_product).
        const std::string on_air = id == "live-jiaocheng" ? feed->product("jc-junzao")->order_links.front().url + "\n" : "";
        CHECK(zbar_read(dir / (id + ".png")) == on_air + feed->session(id)->watch_url);
    }
    for (const std::string& id : without) {
        INFO(id);
        REQUIRE(std::filesystem::exists(dir / (id + ".png")));
        CHECK(zbar_read(dir / (id + ".png")).empty());
    }
}

TEST_CASE("the watch QR code scans in English, portrait and 1080p too", "[xvfb]") {
    const auto feed = demo_feed();
    const Session* live = feed->session("live-jiaocheng");
    REQUIRE(live);
    REQUIRE_FALSE(live->watch_url.empty());
    for (const auto& [size, lang] : std::vector<std::pair<std::string, std::string>>{{"1920x1080", "en"}, {"1080x1920", "zh"}}) {
        const auto dir = temp_dir("session-qr-" + size + lang);
        std::filesystem::remove(dir / (live->id + ".png"));
        screenshot_sessions({live->id}, dir, size, lang);
        INFO(size << " " << lang);
        CHECK(zbar_read(dir / (live->id + ".png")) == feed->product("jc-junzao")->order_links.front().url + "\n" + live->watch_url);   // [Issue 16] on air too
    }
}

TEST_CASE("a plain http watch link shows no QR code", "[xvfb]") {
    // The feed format allows http://, but the kiosk only offers https links to phones.
    nlohmann::json doc = nlohmann::json::parse(*embedded_file("config/demo-feed.json"));
    std::string id;
    for (auto& session : doc["schedule"])
        if (session.contains("watch_url")) {
            id = session["id"].get<std::string>();
            session["watch_url"] = "http://example.com/live/" + id;
            break;
        }
    REQUIRE_FALSE(id.empty());
    const auto dir = temp_dir("session-qr-http");
    const auto feed = dir / "feed.json";
    std::ofstream(feed) << doc.dump(2);
    std::filesystem::remove(dir / (id + ".png"));
    screenshot_sessions({id}, dir, "1280x800", "en", "--feed '" + feed.string() + "'");
    REQUIRE(std::filesystem::exists(dir / (id + ".png")));
    CHECK(zbar_read(dir / (id + ".png")).empty());
}
