// Announcements on the visitor screens (issue 15): shown when they start and
// gone when they end, by the clock alone and with no frames in between; an
// emergency covers the screen and takes every touch; each shown, ended and
// withdrawn one goes to the visitors' statistics and the status callback.
#include "app/app.h"
#include "headless_ui.h"
#include "service/display_hours.h"
#include "service/play_log.h"
#include "test_feeds.h"

#include <GLFW/glfw3.h>   // key codes

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr std::int64_t kStart = 1589630400;   // 2020-05-16T20:00:00+08:00

// The announcements document as the pipeline would hand it over.
class AnnouncementFeed final : public SnapshotSource {
public:
    bool take_new(IndexedFeed&, std::shared_ptr<const LiveStats>&) override { return false; }
    bool take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) override {
        if (!fresh_) return false;
        fresh_ = false;
        list = list_;
        return true;
    }
    void publish(std::vector<Announcement> list) {
        list_ = std::make_shared<const std::vector<Announcement>>(std::move(list));
        fresh_ = true;
    }

private:
    std::shared_ptr<const std::vector<Announcement>> list_;
    bool fresh_ = false;
};

Announcement make(std::string id, AnnouncementSeverity severity, std::int64_t from, std::int64_t to,
                  std::vector<std::string> targets = {}) {
    Announcement a;
    a.id = std::move(id);
    a.severity = severity;
    a.text = {"请立即从最近的出口离开大厅", "Please leave the hall by the nearest exit now"};
    a.starts_at = Timestamp{from, 480, true};
    a.ends_at = Timestamp{to, 480, true};
    a.targets = std::move(targets);
    return a;
}

std::uint64_t count_of(const UsageBatch& batch, const std::string& key) {
    const auto it = batch.announcements.find(key);
    return it == batch.announcements.end() ? 0 : it->second;
}

struct Rig {
    UsageCounter usage;
    PlayLog play;
    AnnouncementFeed source;
    std::int64_t clock = kStart - 3;
    std::vector<std::vector<ShownAnnouncement>> reports;
    std::unique_ptr<KioskApp> app;

    explicit Rig(KioskIdentity identity = {"k1", {"hall-1"}}, DisplayHours hours = {}) {
        AppOptions o;
        o.display_hours = std::move(hours);
        o.wake_seconds = 0.2;   // the start counts as a touch: asleep soon after
        o.usage = &usage;
        o.play_log = &play;
        o.identity = std::move(identity);
        o.idle_seconds = 3600;
        o.announcements_shown = [this](const std::vector<ShownAnnouncement>& shown) { reports.push_back(shown); };
        app = std::make_unique<KioskApp>(demo_feed(), o);
        app->set_source(&source);
        app->set_wall_clock([this] { return clock; });
    }
};

// Steps the UI as the runner does for `seconds` of idle, the wall clock moving with it.
int step_idle(HeadlessUi& ui, Rig& rig, double seconds) {
    int drawn = 0;
    const double dt = 1.0 / 30.0;
    for (double t = 0; t < seconds; t += dt) {
        const double before = ui.now();
        drawn += ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false, dt);
        if (std::floor(ui.now()) != std::floor(before)) ++rig.clock;   // one wall second per UI second
    }
    return drawn;
}

} // namespace

TEST_CASE("an announcement shows when it starts and leaves when it ends, by the clock alone") {
    Rig rig;
    HeadlessUi ui(*rig.app);
    rig.source.publish({make("notice-1", AnnouncementSeverity::notice, kStart, kStart + 5)});
    step_idle(ui, rig, 1.0);
    CHECK(rig.app->shown_announcements().empty());   // not yet
    const int before_start = step_idle(ui, rig, 1.0);
    CHECK(before_start == 0);                          // nothing changes: no frames

    step_idle(ui, rig, 2.2);                           // the clock passes starts_at
    REQUIRE(rig.app->shown_announcements().size() == 1);
    REQUIRE_FALSE(rig.reports.empty());
    CHECK(rig.reports.back().size() == 1);
    CHECK(rig.reports.back()[0].severity == "notice");
    const int while_shown = step_idle(ui, rig, 2.0);
    CHECK(while_shown == 0);                           // a banner that stands still draws no frames

    const int frames_at_end = step_idle(ui, rig, 2.0);   // ends_at passes
    CHECK(rig.app->shown_announcements().empty());
    CHECK(frames_at_end >= 1);                          // the end is drawn
    CHECK(rig.reports.back().empty());
    const UsageBatch batch = rig.usage.take(std::chrono::system_clock::now());
    CHECK(count_of(batch, "shown:notice-1") == 1);
    CHECK(count_of(batch, "ended:notice-1") == 1);
}

TEST_CASE("a withdrawn announcement leaves at once and is logged as withdrawn") {
    Rig rig;
    rig.clock = kStart + 10;
    HeadlessUi ui(*rig.app);
    rig.source.publish({make("info-1", AnnouncementSeverity::info, kStart, kStart + 3600)});
    step_idle(ui, rig, 0.2);
    REQUIRE(rig.app->shown_announcements().size() == 1);
    rig.source.publish({});
    CHECK(ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false));   // the change is drawn in the next frame
    CHECK(rig.app->shown_announcements().empty());
    const UsageBatch batch = rig.usage.take(std::chrono::system_clock::now());
    CHECK(count_of(batch, "withdrawn:info-1") == 1);
    CHECK(count_of(batch, "ended:info-1") == 0);
}

TEST_CASE("announcements show only on the kiosks they target, the emergency first") {
    Rig here({"k1", {"hall-1"}});
    Rig there({"k2", {"hall-2"}});
    for (Rig* rig : {&here, &there}) {
        rig->clock = kStart + 10;
        rig->source.publish({make("for-hall-1", AnnouncementSeverity::notice, kStart, kStart + 60, {"hall-1"}),
                             make("for-k2", AnnouncementSeverity::info, kStart, kStart + 60, {"k2"}),
                             make("evacuate", AnnouncementSeverity::emergency, kStart, kStart + 60)});
    }
    {
        HeadlessUi ui(*here.app);
        step_idle(ui, here, 0.2);
    }
    {
        HeadlessUi ui(*there.app);
        step_idle(ui, there, 0.2);
    }
    REQUIRE(here.app->shown_announcements().size() == 2);
    CHECK(here.app->shown_announcements()[0].id == "evacuate");
    CHECK(here.app->shown_announcements()[1].id == "for-hall-1");
    CHECK(here.app->emergency_shown());
    REQUIRE(there.app->shown_announcements().size() == 2);
    CHECK(there.app->shown_announcements()[1].id == "for-k2");
}

TEST_CASE("an emergency covers the visitor screens and takes their touches, but not the admin panel") {
    Rig rig;
    rig.clock = kStart + 10;
    HeadlessUi ui(*rig.app);
    rig.app->go(Route{ScreenId::schedule, {}});
    rig.source.publish({make("evacuate", AnnouncementSeverity::emergency, kStart, kStart + 60)});
    step_idle(ui, rig, 0.2);
    REQUIRE(rig.app->emergency_shown());
    ui.tap(ImVec2(100, 48));   // where Back is in the top bar: covered
    CHECK(rig.app->route().screen == ScreenId::schedule);
    rig.source.publish({});
    step_idle(ui, rig, 0.2);
    CHECK_FALSE(rig.app->emergency_shown());
    ui.tap(ImVec2(100, 48));   // uncovered: Back works again
    CHECK(rig.app->route().screen == ScreenId::home);
}

TEST_CASE("an expired announcement never shows, and the feed's own show too") {
    {
        Rig rig;
        rig.clock = kStart + 100;
        HeadlessUi ui(*rig.app);
        rig.source.publish({make("old", AnnouncementSeverity::emergency, kStart - 60, kStart)});
        step_idle(ui, rig, 0.2);
        CHECK(rig.app->shown_announcements().empty());
        CHECK(rig.usage.take(std::chrono::system_clock::now()).announcements.empty());
    }
    auto feed = std::make_shared<Feed>(*demo_feed());
    feed->announcements = {make("from-feed", AnnouncementSeverity::info, kStart, kStart + 600)};
    feed->index();   // the copy's own lookups
    AppOptions o;
    o.identity = {"k1", {}};
    KioskApp app(std::shared_ptr<const Feed>(feed), o);
    app.set_wall_clock([] { return kStart + 5; });
    HeadlessUi ui(app);
    ui.idle(0.1);
    REQUIRE(app.shown_announcements().size() == 1);
    CHECK(app.shown_announcements()[0].id == "from-feed");
}

TEST_CASE("the admin panel raises a templated announcement on this kiosk alone and withdraws it") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        DYNAMIC_SECTION(width << "x" << height) {
            Rig rig({"k7", {}});
            rig.clock = kStart;
            HeadlessUi ui(*rig.app, width, height);
            rig.app->key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);   // access open: no PIN in tests
            ui.idle(0.1);
            REQUIRE(rig.app->admin().view() == AdminView::panel);
            const AdminPanelLayout& layout = rig.app->admin().panel_layout();
            for (const ImRect& r : layout.templates) {   // on screen and large enough for a finger
                CHECK(r.Min.x >= 0);
                CHECK(r.Max.x <= width);
                CHECK(r.Max.y <= height);
                CHECK(r.GetHeight() >= 64);
            }
            ui.tap(layout.templates[static_cast<int>(AnnouncementTemplate::evacuate)].GetCenter());
            REQUIRE(rig.app->shown_announcements().size() == 1);
            const Announcement& a = rig.app->shown_announcements()[0];
            CHECK(a.id == "local-evacuate");
            CHECK(a.severity == AnnouncementSeverity::emergency);
            CHECK(a.targets == std::vector<std::string>{"k7"});
            CHECK_FALSE(a.text.zh.empty());
            CHECK_FALSE(a.text.en.empty());
            CHECK(rig.app->admin().is_open());   // the panel stays over the takeover for staff

            ui.tap(layout.templates[static_cast<int>(AnnouncementTemplate::lost_child)].GetCenter());
            CHECK(rig.app->shown_announcements().size() == 2);
            ui.tap(layout.templates[static_cast<int>(AnnouncementTemplate::evacuate)].GetCenter());   // lit: withdraws
            REQUIRE(rig.app->shown_announcements().size() == 1);
            CHECK(rig.app->shown_announcements()[0].id == "local-lost-child");
            const UsageBatch batch = rig.usage.take(std::chrono::system_clock::now());
            CHECK(count_of(batch, "shown:local-evacuate") == 1);
            CHECK(count_of(batch, "withdrawn:local-evacuate") == 1);
        }
    }
}

TEST_CASE("an emergency over the animated attract loop draws no frames until something changes") {
    Rig rig;
    rig.clock = kStart + 10;
    HeadlessUi ui(*rig.app);
    rig.app->go(Route{ScreenId::attract, {}});
    const int animating = step_idle(ui, rig, 2.0);
    rig.source.publish({make("evacuate", AnnouncementSeverity::emergency, kStart, kStart + 60)});
    step_idle(ui, rig, 0.5);
    REQUIRE(rig.app->emergency_shown());
    const int covered = step_idle(ui, rig, 2.0);
    INFO("attract alone: " << animating << " frames in 2 s");
    CHECK(covered == 0);
}

TEST_CASE("an emergency over the attract loop is no airtime: the play log ends the slide when it covers and goes on after") {
    Rig rig;
    rig.clock = kStart + 10;
    HeadlessUi ui(*rig.app);
    rig.app->go(Route{ScreenId::attract, {}});
    step_idle(ui, rig, 3.0);
    rig.source.publish({make("evacuate", AnnouncementSeverity::emergency, kStart, kStart + 600)});
    step_idle(ui, rig, 0.5);
    REQUIRE(rig.app->emergency_shown());
    const std::int64_t covered_by = rig.clock;
    step_idle(ui, rig, 20.0);   // longer than two slides: none of it is any county's
    const auto wall = [](std::int64_t unix) { return std::chrono::system_clock::time_point(std::chrono::seconds(unix)); };
    const std::vector<PlayEntry> before = rig.play.take(wall(rig.clock));
    REQUIRE_FALSE(before.empty());
    for (const PlayEntry& e : before) {
        INFO(e.county << " " << e.from << "–" << e.to);
        CHECK(e.to <= covered_by);
    }

    rig.source.publish({});   // withdrawn: the loop shows again, and its slides count from then
    const std::int64_t uncovered_from = rig.clock;
    step_idle(ui, rig, 3.0);
    REQUIRE_FALSE(rig.app->emergency_shown());
    const std::vector<PlayEntry> after = rig.play.take(wall(rig.clock));
    REQUIRE(after.size() == 1);
    CHECK(after[0].from >= uncovered_from);
    CHECK(after[0].to == rig.clock);
}

TEST_CASE("an emergency wakes a display asleep outside its hours and it sleeps again after") {
    DisplayHours hours;
    REQUIRE(read_display_hours(nlohmann::json{{"daily", "09:00-18:00"}}, hours).empty());   // 20:00 is outside
    Rig rig({"k1", {}}, hours);
    HeadlessUi ui(*rig.app);
    step_idle(ui, rig, 0.5);
    REQUIRE_FALSE(rig.app->display_wanted(ui.now()));
    CHECK(rig.app->wake_reason(ui.now()) == WakeReason::none);
    rig.source.publish({make("evacuate-1", AnnouncementSeverity::emergency, kStart - 10, kStart + 3)});
    step_idle(ui, rig, 0.5);
    CHECK(rig.app->wake_reason(ui.now()) == WakeReason::emergency);
    CHECK(rig.app->display_wanted(ui.now()));
    step_idle(ui, rig, 6.0);   // its end passes
    CHECK(rig.app->shown_announcements().empty());
    CHECK_FALSE(rig.app->display_wanted(ui.now()));
}

TEST_CASE("a notice does not wake a sleeping display") {
    DisplayHours hours;
    REQUIRE(read_display_hours(nlohmann::json{{"daily", "09:00-18:00"}}, hours).empty());
    Rig rig({"k1", {}}, hours);
    HeadlessUi ui(*rig.app);
    rig.source.publish({make("notice-2", AnnouncementSeverity::notice, kStart - 10, kStart + 60)});
    step_idle(ui, rig, 1.0);
    CHECK(rig.app->shown_announcements().size() == 1);
    CHECK_FALSE(rig.app->display_wanted(ui.now()));
}
