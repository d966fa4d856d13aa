// The kiosk application: holds the current feed snapshot, the language and
// where the visitor is; draws the top bar and the current screen; returns to
// the attract loop when nobody has touched the screen for a while.
#pragma once

#include "admin/admin_hooks.h"
#include "admin/admin_panel.h"
#include "admin/corner_hold.h"
#include "base/time_zone.h"
#include "feed/model.h"
#include "platform/runner.h"
#include "screens/screen.h"
#include "search/indexed_feed.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace kiosk {

class ImageTextures;

// Where new snapshots come from (the feed pipeline; tests give their own).
class SnapshotSource {
public:
    virtual ~SnapshotSource() = default;
    // Replaces the pointers and returns true when newer data was published. A new feed
    // comes with its search index (a feed without one leaves search empty until one comes).
    virtual bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) = 0;
    // Whether the sources still answer; drives the offline badge.
    virtual Freshness freshness() const { return {}; }
};

struct AppOptions {
    Lang lang = Lang::zh;
    Route start = {};
    std::optional<std::int64_t> pinned_now;   // --now: the wall clock stands at this instant
    double idle_seconds = 90;                 // untouched this long: back Home, then the attract loop
    AdminHooks admin = {};
    UsageCounter* usage = nullptr;            // organisers' statistics; null: not counted
    std::string kiosk_location;               // the walkway node this kiosk stands at (config kiosk_location)
    int kiosk_heading = 0;                    // degrees clockwise from plan-north ahead of the visitor (kiosk_heading)
    std::string route_url;                    // the organisers' web map template for route QR codes (route_url)
};

class KioskApp final : public RunnerApp, public Navigator {
public:
    KioskApp(IndexedFeed feed, AppOptions options);
    // Builds the feed's search index here, on the calling thread: for tests and the preview command.
    KioskApp(std::shared_ptr<const Feed> feed, AppOptions options);
    ~KioskApp() override;

    void set_source(SnapshotSource* source) { source_ = source; }
    // Feed pictures; without, every picture shows its placeholder.
    void set_images(ImageTextures* images) { images_ = images; }
    // Where the wall clock (unix seconds) comes from; the system's unless set (tests, the soak's simulated clock).
    void set_wall_clock(std::function<std::int64_t()> clock) { wall_clock_ = std::move(clock); }

    // RunnerApp
    GlyphSource glyph_source() const override;
    void set_fonts(const FontRoles& fonts, float pixel_scale) override;
    bool update(double now, bool& new_text) override;
    void draw(double now) override;
    double seconds_until_change(double now) const override;
    bool busy_loading() const override;
    void release_gpu() override;
    void key_pressed(int key, int mods) override { keys_pressed_.emplace_back(key, mods); }
    void set_render_stats(const RenderStats& stats) override { render_stats_ = stats; }
    std::optional<int> exit_code() const override { return exit_code_; }
    std::uint64_t image_texture_bytes() const override;

    // Navigator
    void go(const Route& route) override;
    void back() override;
    void replace(const Route& route) override;

    const Route& route() const { return route_; }
    const Feed& feed() const { return *feed_; }
    const SearchIndex* search() const { return search_.get(); }
    const LiveStats& live() const { return *live_; }
    const LiveTrend& trend() const { return trend_; }
    Lang lang() const { return lang_; }
    Lang default_lang() const { return options_.lang; }
    const AdminPanel& admin() const { return admin_; }
    std::int64_t now_unix() const;

private:
    Screen& screen_for(ScreenId id);
    void draw_top_bar(ImDrawList* dl, const ImRect& bar, double now);
    void load_zone();
    void check_location();   // logs once per change when kiosk_location is not on the feed's venue plan
    bool take_new_data(bool& new_text);   // update()'s part for the snapshot source
    void entered();   // the visitor arrived at route_: the screen learns it, the statistics count it
    // The hidden admin entrances (corner hold, Ctrl+Alt+A); the panel while it is open (app_admin.cpp).
    void check_admin_entrances(double now);
    // Between frames: the PIN check's answer, a command's result, the sources' status moved. True when shown anew.
    bool update_admin(double now);
    void draw_admin(ImDrawList* dl, ImVec2 display, double now);
    void run_admin_command(AdminCommand command);

    std::shared_ptr<const Feed> feed_;
    std::shared_ptr<const SearchIndex> search_;        // feed_'s, built with it on the worker
    std::shared_ptr<const LiveStats> live_;            // what the screens show
    std::shared_ptr<const LiveStats> live_document_;   // from the separate live source, when there is one
    SnapshotSource* source_ = nullptr;
    ImageTextures* images_ = nullptr;
    AppOptions options_;
    Lang lang_;
    Theme theme_;
    TimeZone zone_;
    TouchInput touch_;
    Route route_;
    std::vector<Route> history_;
    std::map<ScreenId, std::unique_ptr<Screen>> screens_;
    std::int64_t pinned_offset_ = 0;
    std::function<std::int64_t()> wall_clock_;
    bool first_frame_ = true;
    Freshness freshness_;
    LiveTrend trend_{720};   // recorded on every live update, whichever screen shows
    AdminPanel admin_;
    CornerHold corner_hold_;
    RenderStats render_stats_;
    std::optional<int> exit_code_;
    std::vector<std::pair<int, int>> keys_pressed_;   // since the last frame: key, mods
    bool admin_result_unshown_ = false;   // a command ran after its frame was drawn
    std::uint64_t admin_status_seen_ = 0; // the sources' status the panel last drew
    std::string location_note_;           // the kiosk_location message last logged
    KioskPlace place_;                    // from the options, for the screens
};

} // namespace kiosk
