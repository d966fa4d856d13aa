// [issue 16: schedule changes] Two feeds in a row with a moved and a cancelled
// session: headless, the schedule lists today's changes and a tap opens one;
// under Xvfb, the real program run twice on the same cache marks the change,
// and a third run (a restart) still does.
#include "app/app.h"
#include "app_options_at.h"
#include "base/embedded.h"
#include "drawn_text.h"
#include "feed/schedule_changes.h"
#include "headless_ui.h"
#include "run_kiosk.h"
#include "temp_dir.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

Session session_at(std::string id, const char* start, const char* end, const char* place) {
    Session s;
    s.id = std::move(id);
    s.title = {"场次 " + s.id, "Session " + s.id};
    s.start = *parse_iso8601(start);
    s.end = *parse_iso8601(end);
    s.location = {place, place};
    s.kind = SessionKind::talk;
    return s;
}

// The 16th's sessions as first announced, then as the next feed has them: "moved" half an hour
// later in another room, "gone" cancelled. Marked as the worker marks them.
std::shared_ptr<const Feed> second_feed_marked() {
    auto first = test_event_feed();
    first->schedule = {session_at("early", "2020-05-16T09:00:00+08:00", "2020-05-16T10:00:00+08:00", "大厅"),
                       session_at("moved", "2020-05-16T14:00:00+08:00", "2020-05-16T15:00:00+08:00", "直播间 1"),
                       session_at("gone", "2020-05-16T15:00:00+08:00", "2020-05-16T16:00:00+08:00", "直播间 2"),
                       session_at("late", "2020-05-16T19:30:00+08:00", "2020-05-16T21:00:00+08:00", "直播间 2")};
    first->index();
    ScheduleMemory memory;
    compare_with_memory(*first, memory);
    auto second = std::make_shared<Feed>(*first);
    second->schedule[1].start = *parse_iso8601("2020-05-16T14:30:00+08:00");
    second->schedule[1].end = *parse_iso8601("2020-05-16T15:30:00+08:00");
    second->schedule[1].location = {"直播间 3", "Studio 3"};
    second->schedule[2].cancelled = true;
    compare_with_memory(*second, memory);
    return second;
}

// Pixels of exactly this colour (the 已调整 badge's fill, Theme::warning).
std::size_t pixels_of(const Picture& p, unsigned char r, unsigned char g, unsigned char b) {
    std::size_t n = 0;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x) {
            const unsigned char* px = p.at(x, y);
            if (px[0] == r && px[1] == g && px[2] == b) ++n;
        }
    return n;
}

// The demo feed without stated previous times, "live-wenshui" moved an hour later to another
// hall and "market-02" cancelled when `changed`.
std::string demo_variant(bool changed) {
    nlohmann::json doc = nlohmann::json::parse(*embedded_file("config/demo-feed.json"));
    for (auto& s : doc["schedule"]) {
        for (const char* key : {"previous_start", "previous_end", "previous_location"}) s.erase(key);
        if (!changed) continue;
        if (s["id"] == "live-wenshui") {
            s["start"] = "2020-05-16T16:00:00+08:00";
            s["end"] = "2020-05-16T18:30:00+08:00";
            s["location"] = {{"zh", "文水展厅 二号直播间"}, {"en", "Wenshui exhibition hall, studio 2"}};
        }
        if (s["id"] == "market-02") s["cancelled"] = true;
    }
    return doc.dump(2);
}

} // namespace

TEST_CASE("the schedule lists today's changes and a tap on one opens its session", "[schedule_changes]") {
    const auto feed = second_feed_marked();
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}}) {
        KioskApp app(feed, app_options_at(Lang::zh, Route{ScreenId::schedule, {}}, at("2020-05-16T12:00:00+08:00")));
        HeadlessUi ui(app, w, h);
        ui.idle(0.1);
        std::set<std::string> opened;
        for (float y = 240; y < 288; y += 12)   // the chips: 232 to about 290, between the tabs and the list
            for (float x = 40; x < w - 40; x += 60) {
                ui.tap(ImVec2(x, y));
                if (app.route().screen == ScreenId::session) {
                    opened.insert(app.route().id);
                    app.back();
                    ui.idle(0.1);
                }
            }
        INFO(w << "x" << h);
        CHECK(opened == std::set<std::string>{"moved", "gone"});
    }
}

TEST_CASE("a cancelled session says 已取消 once on its page and once in its row with no audience figure", "[schedule_changes]") {
    const auto feed = second_feed_marked();
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}}) {
        INFO(w << "x" << h);
        KioskApp app(feed, app_options_at(Lang::zh, Route{ScreenId::session, "gone"}, at("2020-05-16T12:00:00+08:00")));
        HeadlessUi ui(app, w, h);
        ui.idle(0.1);
        CHECK(drawn_text_count("已取消") == 1);   // the badge, no status text repeating it
        CHECK(drawn_text_count("场次 gone") == 1);
        app.go(Route{ScreenId::schedule, {}});
        ui.idle(0.1);
        CHECK(drawn_text_count("已取消") == 2);   // its chip in 日程变更 and its row's badge
    }
}

TEST_CASE("more changes than two rows of chips hold end in a +N chip", "[schedule_changes]") {
    auto first = test_event_feed();
    for (int i = 0; i < 12; ++i) {   // "Session a" … "Session l": no title the start of another
        const std::string hour = std::to_string(10 + i % 8);
        first->schedule.push_back(session_at(std::string(1, char('a' + i)), ("2020-05-16T" + hour + ":00:00+08:00").c_str(),
                                             ("2020-05-16T" + hour + ":30:00+08:00").c_str(), "大厅"));
    }
    first->index();
    ScheduleMemory memory;
    compare_with_memory(*first, memory);
    auto second = std::make_shared<Feed>(*first);
    for (Session& s : second->schedule) s.cancelled = true;
    compare_with_memory(*second, memory);
    KioskApp app(second, app_options_at(Lang::en, Route{ScreenId::schedule, {}}, at("2020-05-16T09:00:00+08:00")));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    int chips = 0;
    for (int i = 0; i < 12; ++i)   // a chip draws the title and the time in one run; a row draws them apart
        chips += drew_text("Session " + std::string(1, char('a' + i)) + "  " + std::to_string(10 + i % 8) + ":00");
    INFO(chips << " chips");
    CHECK(chips >= 2);
    CHECK(chips < 12);
    CHECK(drew_text("+" + std::to_string(12 - chips) + " more"));
}

TEST_CASE("no changes, no changes list: the first row stays where it was", "[schedule_changes]") {
    auto feed = test_event_feed();
    feed->schedule = {session_at("only", "2020-05-16T14:00:00+08:00", "2020-05-16T15:00:00+08:00", "大厅")};
    feed->index();
    KioskApp app(feed, app_options_at(Lang::en, Route{ScreenId::schedule, {}}, at("2020-05-16T12:00:00+08:00")));
    HeadlessUi ui(app);
    ui.idle(0.1);
    ui.tap(ImVec2(960, 290));   // the first row, right under the tabs
    CHECK(app.route() == Route{ScreenId::session, "only"});
}

TEST_CASE("two feeds in a row mark the moved and cancelled sessions on screen, and a restart keeps the mark", "[xvfb]") {
    TempDir dir;
    const auto feed = dir / "feed.json";
    const auto shot = [&](const std::string& cache, const std::string& screen, const std::string& lang,
                          const std::string& size, const std::string& png) {
        const int code = run_kiosk("--feed '" + feed.string() + "' --cache-dir '" + (dir / cache).string() + "' --screen " + screen +
                                       " --lang " + lang + " --size " + size + " --now 2020-05-16T12:00:00+08:00 --screenshot '" +
                                       (dir / png).string() + "'",
                                   kUnderXvfb, (dir / (png + ".log")).string());
        INFO(read_text(dir / (png + ".log")));
        REQUIRE(code == 0);
        Picture p;
        REQUIRE(load_picture(dir / png, p));
        return p;
    };
    std::ofstream(feed) << demo_variant(false);
    const Picture before = shot("cache", "schedule", "zh", "1920x1080", "before.png");
    std::ofstream(feed) << demo_variant(true);
    const Picture after = shot("cache", "schedule", "zh", "1920x1080", "after.png");
    const Picture restarted = shot("cache", "schedule", "zh", "1920x1080", "restarted.png");
    const Picture fresh = shot("fresh-cache", "schedule", "zh", "1920x1080", "fresh.png");   // never saw the first feed

    const auto badge = [](const Picture& p) { return pixels_of(p, 160, 82, 0); };   // Theme::warning, the 已调整 fill
    INFO("before " << badge(before) << ", after " << badge(after) << ", restarted " << badge(restarted) << ", fresh "
                   << badge(fresh));
    CHECK(badge(after) > badge(before) + 400);    // 已调整 on the chip and the row
    CHECK(badge(after) > badge(fresh) + 400);     // a kiosk that never saw the old time cannot mark it
    CHECK(restarted.rgba == after.rgba);          // the restart remembers: the same picture

    // The session page: the old time and place struck through, in both languages and orientations.
    for (const auto& [lang, size] : std::vector<std::pair<std::string, std::string>>{{"zh", "1920x1080"}, {"en", "1080x1920"}}) {
        const Picture marked = shot("cache", "session:live-wenshui", lang, size, "session-" + lang + ".png");
        const Picture unmarked = shot("fresh-cache", "session:live-wenshui", lang, size, "session-fresh-" + lang + ".png");
        INFO(lang << " " << size);
        CHECK(badge(marked) > badge(unmarked) + 200);
    }
}
