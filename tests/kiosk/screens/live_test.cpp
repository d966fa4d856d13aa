// The live dashboard and the attract loop, headless and under Xvfb: idle leads
// to the attract loop, the waking touch only goes Home, the dashboard counts
// up on new totals and draws with no live data, previews render.
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "platform/frame_damage.h"
#include "run_kiosk.h"
#include "test_feeds.h"
#include "widgets/live_view.h"
#include "widgets/ui_strings.h"

#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>

using namespace kiosk;
using namespace kiosk::test;

namespace {

AppOptions options_at(const char* iso_now, Route start = {}) {
    AppOptions options;
    options.pinned_now = parse_iso8601(iso_now)->unix_seconds;
    options.start = std::move(start);
    return options;
}

// Publishes the live stats the test hands it, once.
class TestSource final : public SnapshotSource {
public:
    void publish(std::shared_ptr<const LiveStats> live) { pending_ = std::move(live); }
    bool take_new(IndexedFeed&, std::shared_ptr<const LiveStats>& live) override {
        if (!pending_) return false;
        live = std::move(pending_);
        return true;
    }

private:
    std::shared_ptr<const LiveStats> pending_;
};

// The demo's live screen at 22:00:05 on 16 May (the 交城 sale just ended), never idle, its live stats
// taken from `source` as the test publishes them.
struct LiveScreenRig {
    std::shared_ptr<const Feed> feed = demo_feed();
    KioskApp app;
    TestSource source;
    HeadlessUi ui;
    LiveScreenRig() : app(feed, options()), ui(with_source(app, source)) {}
    static AppOptions options() {
        AppOptions o = options_at("2020-05-16T22:00:05+08:00", Route{ScreenId::live, {}});
        o.idle_seconds = 1e9;
        return o;
    }
    static KioskApp& with_source(KioskApp& app, TestSource& source) {
        app.set_source(&source);
        return app;
    }
};

std::shared_ptr<const LiveStats> scaled_live(const LiveStats& base, std::int64_t percent, std::int64_t updated_at) {
    auto live = std::make_shared<LiveStats>(base);
    for (SessionLive& s : live->sessions)
        for (PlatformLive& p : s.platforms) {
            p.viewers = p.viewers * percent / 100;
            p.orders = p.orders * percent / 100;
            p.revenue_fen = p.revenue_fen * percent / 100;
        }
    live->updated_at.unix_seconds = updated_at;
    return live;
}

} // namespace

TEST_CASE("untouched for idle_seconds, the kiosk shows the attract loop") {
    KioskApp app(demo_feed(), options_at("2020-05-16T20:30:00+08:00"));
    HeadlessUi ui(app);
    ui.idle(80, 0.25);
    CHECK(app.route().screen == ScreenId::home);
    ui.idle(11, 0.25);
    CHECK(app.route().screen == ScreenId::attract);
}

TEST_CASE("the touch that ends the attract loop goes Home and fires nothing under the finger") {
    KioskApp app(demo_feed(), options_at("2020-05-16T20:30:00+08:00"));
    HeadlessUi ui(app);
    const ImVec2 live_tile(800, 500);   // the 直播战报 entry on Home at 1920×1080: the third of six
    ui.idle(91, 0.25);
    REQUIRE(app.route().screen == ScreenId::attract);
    ui.tap(live_tile);
    CHECK(app.route().screen == ScreenId::home);
    // The same tap on Home does open the live screen: the finger was on the tile.
    ui.tap(live_tile);
    CHECK(app.route().screen == ScreenId::live);
}

TEST_CASE("the attract loop switches slides: still between switches, animating while it fades") {
    KioskApp app(demo_feed(), options_at("2020-05-16T20:30:00+08:00", Route{ScreenId::attract, {}}));
    HeadlessUi ui(app);
    ui.idle(1.0);
    const double measured_at = ui.now();
    const double wait = app.seconds_until_change(measured_at);
    CHECK(wait > 6.0);
    CHECK(wait < 7.5);
    // Into the next slide's fade-in.
    while (ui.now() < measured_at + wait + 0.2) ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false, 0.05);
    CHECK(app.seconds_until_change(ui.now()) == 0.0);
    ui.idle(1.0, 0.05);
    CHECK(app.seconds_until_change(ui.now()) > 5.0);
    CHECK(app.route().screen == ScreenId::attract);
}

TEST_CASE("the live screen draws with no live stats and asks for no frames until the running sale ends") {
    auto feed = std::make_shared<Feed>(*demo_feed());
    feed->live = LiveStats{};
    AppOptions options = options_at("2020-05-16T20:30:00+08:00", Route{ScreenId::live, {}});
    options.idle_seconds = 1e9;
    KioskApp app(feed, options);
    HeadlessUi ui(app);
    REQUIRE_NOTHROW(ui.idle(0.5));
    CHECK(app.route().screen == ScreenId::live);
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);
    // Nothing counts or ticks: the next change is the end of the 交城 live sale at 22:00.
    const double wait = app.seconds_until_change(ui.now());
    CHECK(wait <= 5400.0);
    CHECK(wait > 5390.0);
}

TEST_CASE("the live screen counts up on higher totals and drops at once on a correction") {
    LiveScreenRig rig;
    const std::shared_ptr<const Feed>& feed = rig.feed;
    KioskApp& app = rig.app;
    TestSource& source = rig.source;
    HeadlessUi& ui = rig.ui;
    ui.idle(0.2);
    const std::int64_t updated = feed->live.updated_at.unix_seconds;
    // "Updated just now" becomes "Updated 10 s ago" within 5 s, not every second; the first totals
    // do not animate. (Whole seconds of the kiosk's clock: a slow run, as under the sanitizers, is a
    // second further on.)
    CHECK(app.seconds_until_change(ui.now()) >= 3.0);
    CHECK(app.seconds_until_change(ui.now()) <= 5.0);

    source.publish(scaled_live(feed->live, 120, updated + 3));
    ui.idle(0.1);
    CHECK(app.seconds_until_change(ui.now()) == kCountUpFrameSeconds);   // counting up, 20 frames a second
    ui.idle(1.2);
    CHECK(app.seconds_until_change(ui.now()) > 0.0);    // landed

    source.publish(scaled_live(feed->live, 90, updated + 4));
    ui.idle(1.0 / 60);
    CHECK(app.seconds_until_change(ui.now()) > 0.0);    // a correction jumps, no animation
}

TEST_CASE("updated_ago says seconds, then minutes, then the time") {
    const TimeZone zone = TimeZone::fixed_offset(8 * 3600);
    const Timestamp at = *parse_iso8601("2020-05-16T19:00:00+08:00");
    const std::int64_t t = at.unix_seconds;
    CHECK(updated_ago(at, t + 3, zone, Lang::zh) == "刚刚更新");   // seconds in tens
    CHECK(updated_ago(at, t + 27, zone, Lang::zh) == "20 秒前更新");
    CHECK(updated_ago(at, t + 59, zone, Lang::en) == "Updated 50 s ago");
    CHECK(updated_ago(at, t + 75, zone, Lang::zh) == "1 分钟前更新");
    CHECK(updated_ago(at, t + 75, zone, Lang::en) == "Updated 1 min ago");
    CHECK(updated_ago(at, t - 30, zone, Lang::en) == "Updated just now");
    CHECK(updated_ago(at, t + 2 * 3600, zone, Lang::zh) == "更新于 19:00");
    CHECK(updated_ago(at, t + 6 * 3600, zone, Lang::en) == "Updated Sat 16 May 19:00");
    CHECK(updated_ago(Timestamp{}, t, zone, Lang::en).empty());

    CHECK(seconds_until_updated_ago_changes(at, t + 3, zone) == 7.0);
    CHECK(seconds_until_updated_ago_changes(at, t + 27, zone) == 3.0);
    CHECK(seconds_until_updated_ago_changes(at, t - 30, zone) == 40.0);
    CHECK(seconds_until_updated_ago_changes(at, t + 75, zone) == 45.0);
    CHECK(seconds_until_updated_ago_changes(at, t + 2 * 3600, zone) == 3 * 3600.0);   // until local midnight
    CHECK(seconds_until_updated_ago_changes(Timestamp{}, t, zone) == kNoChange);
}

TEST_CASE("the live figures say Not live when the live source stopped answering") {
    const TimeZone zone = TimeZone::fixed_offset(8 * 3600);
    LiveStats live;
    live.sessions.emplace_back();
    live.updated_at = *parse_iso8601("2020-05-16T19:00:00+08:00");
    const std::int64_t t = live.updated_at.unix_seconds;

    LiveFreshness fresh = live_freshness(live, false, t + 13, zone, Lang::en);
    CHECK(fresh.text == "Updated 10 s ago");
    CHECK_FALSE(fresh.stale);
    fresh = live_freshness(live, true, t + 13, zone, Lang::en);
    CHECK(fresh.text == "Not live · Updated 10 s ago");
    CHECK(fresh.stale);
    CHECK(live_freshness(live, true, t + 13, zone, Lang::zh).text == "非实时数据 · 10 秒前更新");
    CHECK(live_freshness(live, false, t + 121, zone, Lang::en).stale);   // answering, but the figures are old
    CHECK(live_freshness(LiveStats{}, true, t, zone, Lang::en).text == "Not live · " + ui_text("live_no_data", Lang::en));
}

TEST_CASE("the live and attract screens render in both languages, landscape and portrait", "[xvfb]") {
    const auto dir = temp_dir("live-screens");
    for (const char* screen : {"live", "attract"})
        for (const char* lang : {"zh", "en"})
            for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}}) {
                const std::string name = std::string(screen) + "-" + lang + "-" + std::to_string(w) + "x" + std::to_string(h);
                const auto png = dir / (name + ".png");
                const auto log = dir / (name + ".log");
                std::filesystem::remove(png);
                INFO(name);
                const int code = run_kiosk(std::string("--screen ") + screen + " --lang " + lang + " --size " +
                                               std::to_string(w) + "x" + std::to_string(h) +
                                               " --now 2020-05-16T21:30:00+08:00 --screenshot '" + png.string() + "'",
                                           kUnderXvfb, log.string());
                INFO(read_text(log));
                REQUIRE(code == 0);
                Picture pic;
                REQUIRE(load_picture(png, pic));
                CHECK(pic.width == w);
                CHECK(pic.height == h);
                CHECK(colours_in(pic, 0, 0, pic.width, pic.height, 2) > 50);
                CHECK(dark_pixels_in(pic, 0, 0, pic.width, pic.height, 2) > 2000);
            }
}

TEST_CASE("count-up frames only when a figure's text changes: none for a rise its rounding hides") {
    LiveFigures figures;
    figures.set(LiveTotals{1101400, 5000, 100000000}, 0.0);   // 110.14万 viewers, 5,000 orders, ¥100万
    CHECK(std::isinf(figures.seconds_until_text_changes(0.0, Lang::zh)));

    figures.set(LiveTotals{1101437, 5000, 100000000}, 1.0);   // +37 viewers: still 110.14万
    CHECK(figures.animating(1.0));
    CHECK(std::isinf(figures.seconds_until_text_changes(1.0, Lang::zh)));

    figures.set(LiveTotals{1101437, 5001, 100000000}, 3.0);   // +1 order shows when the count-up lands
    const double wait = figures.seconds_until_text_changes(3.0, Lang::zh);
    CHECK(wait > 0.9);
    CHECK(wait < 1.1);
    CHECK(figures.texts(3.0 + wait, Lang::zh)[1] != figures.texts(3.0, Lang::zh)[1]);

    figures.set(LiveTotals{2202874, 5001, 100000000}, 5.0);   // doubled: new digits at once
    CHECK(figures.seconds_until_text_changes(5.0, Lang::zh) == Approx(kCountUpFrameSeconds));
}

namespace {

// The demo's live stats with the bench's step (side_by_side.py's live server) taken `step` times: the
// first platform of the first session up by 37 viewers, an order and ¥39.90 each; the kiosk records its
// own trend (a sample per update).
std::shared_ptr<const LiveStats> stepped_live(const LiveStats& base, std::int64_t step, std::int64_t updated_at) {
    auto live = std::make_shared<LiveStats>(base);
    live->trend.clear();
    PlatformLive& p = live->sessions.at(0).platforms.at(0);
    p.viewers += 37 * step;
    p.orders += step;
    p.revenue_fen += 3990 * step;
    live->updated_at.unix_seconds = updated_at;
    return live;
}

// Where the trend's fill (the theme's live colour at alpha 40, drawn nowhere else) lies in the draw data.
ImRect trend_fill_box(const ImDrawData& data) {
    const ImU32 fill = (Palette{}.live & ~IM_COL32_A_MASK) | (40u << IM_COL32_A_SHIFT);
    ImRect box(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer)
            if (v.col == fill) box.Add(v.pos);
    return box;
}

} // namespace

TEST_CASE("live updates a second redraw the figures that change: not the bars for sub-pixel shifts and the trend at most every 5 s") {
    LiveScreenRig rig;
    const std::shared_ptr<const Feed>& feed = rig.feed;
    TestSource& source = rig.source;
    HeadlessUi& ui = rig.ui;
    const std::int64_t updated = feed->live.updated_at.unix_seconds;
    FrameDamage damage;
    source.publish(stepped_live(feed->live, 0, updated));
    ui.idle(0.2);
    CHECK(damage.compare(*ImGui::GetDrawData(), 1920, 1080).size() == 1);   // the first frame: everything
    source.publish(stepped_live(feed->live, 1, updated + 1));   // two samples: the trend is a line
    ui.step_idle(1.0);
    damage.compare(*ImGui::GetDrawData(), 1920, 1080);
    const ImRect trend = trend_fill_box(*ImGui::GetDrawData());
    REQUIRE(trend.GetArea() > 50000);

    const int updates = 20;
    int frames = 0, trend_frames = 0;
    long other_area = 0;   // damaged pixels outside the trend's rows
    for (int i = 2; i < 2 + updates; ++i) {
        source.publish(stepped_live(feed->live, i, updated + i));
        for (double t = 0; t < 1.0; t += 1.0 / 60) {
            if (!ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false, 1.0 / 60)) continue;
            ++frames;
            bool touches_trend = false;
            for (const DamageRect& r : damage.compare(*ImGui::GetDrawData(), 1920, 1080)) {
                if (r.y1 > trend.Min.y && r.y0 < trend.Max.y) touches_trend = true;
                else other_area += static_cast<long>(r.width()) * r.height();
            }
            trend_frames += touches_trend;
        }
    }
    INFO("frames " << frames << ", with the trend " << trend_frames << ", other damaged pixels " << other_area);
    // Each update draws a frame, and a count-up a few more while new digits come.
    CHECK(frames >= updates);
    CHECK(frames <= 3 * updates);
    // 20 s of updates: the trend takes new samples 4 times (every 5 s), not 20.
    CHECK(trend_frames >= 3);
    CHECK(trend_frames <= 5);
    // Besides the trend: the digits that change, ~13,500 px an update here; with the bars redrawn for their
    // sub-pixel shifts it was ~68,000.
    CHECK(other_area <= 25000L * updates);
}
