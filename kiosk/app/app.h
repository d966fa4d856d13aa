// The kiosk application: holds the current feed snapshot, the language and
// where the visitor is; draws the top bar and the current screen; returns to
// the attract loop when nobody has touched the screen for a while.
#pragma once

#include "admin/admin_hooks.h"
#include "admin/admin_panel.h"
#include "admin/corner_hold.h"
#include "app/held_data.h"
#include "app/still_there.h"
#include "base/time_zone.h"
#include "feed/model.h"
#include "platform/runner.h"
#include "screens/screen.h"
#include "search/indexed_feed.h"
#include "service/display_hours.h"
#include "service/status_report.h"
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
    // Replaces `list` and returns true when the announcements document published a new one.
    virtual bool take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) {
        (void)list;
        return false;
    }
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
    KioskIdentity identity;                   // kiosk_id and kiosk_tags: which announcements are meant for it
    // Called on the UI thread whenever the announcements shown change (the status files, kiosk.prom).
    std::function<void(const std::vector<ShownAnnouncement>&)> announcements_shown;
    DisplayHours display_hours;               // when the display is on (display_hours); empty: always
    double wake_seconds = 600;                // outside them, a touch keeps it on this long (wake_minutes)
    PlayLog* play_log = nullptr;              // the attract loop's play log; null: none
    // Each county's attract-loop seconds of today's play log: a restarted kiosk goes on fairly.
    std::vector<std::pair<std::string, std::int64_t>> airtime_seed;
    double untouched_at_start = 0;            // --untouched: seconds of idle time already passed at the first frame
    // [Issue 19] The panel's visible area and height above the floor (config panel_*): the reach band.
    PanelGeometry panel;
    bool accessible = false;                  // --accessible: start in the 无障碍 / Accessible mode (the idle reset ends it)
};

// [Issue 19] How much longer the idle times are in the accessible mode (the reset and the Still there? countdown).
inline constexpr double kAccessibleIdleFactor = 3;

// Why the display is on (KioskApp::wake_reason): none means it sleeps.
enum class WakeReason { none, hours, touch, emergency };

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
    void set_fonts(const FontSet& fonts, float pixel_scale) override;
    bool update(double now, bool& new_text) override;
    bool glyphs_ready() override;
    void draw(double now) override;
    double seconds_until_change(double now) const override;
    bool busy_loading() const override;
    void release_gpu() override;
    void key_pressed(int key, int mods) override { keys_pressed_.emplace_back(key, mods); }
    void set_render_stats(const RenderStats& stats) override { render_stats_ = stats; }
    std::optional<int> exit_code() const override { return exit_code_; }
    std::uint64_t image_texture_bytes() const override;
    bool display_wanted(double now) override;
    void input_while_asleep(double now) override;

    // The hook for announcements: while an emergency shows, the display stays on (and a
    // sleeping one wakes at the runner's next pass: call wake_ui() from another thread).
    void hold_awake_for_emergency(bool active) { emergency_awake_ = active; }
    // Why the display is on at `now` (runner seconds), or none.
    WakeReason wake_reason(double now) const;
    // Navigator
    void go(const Route& route) override;
    void back() override;
    void replace(const Route& route) override;

    const Route& route() const { return route_; }
    // [Issue 17] Whether new data waits off screen for an atlas holding its glyphs.
    bool holds_new_data() const { return !held_.empty(); }
    const Feed& feed() const { return *feed_; }
    const SearchIndex* search() const { return search_.get(); }
    const LiveStats& live() const { return *live_; }
    const LiveTrend& trend() const { return trend_; }
    Lang lang() const { return lang_; }
    Lang default_lang() const { return options_.lang; }
    const AdminPanel& admin() const { return admin_; }
    // [Issue 19] Whether the last frame showed the 还在吗？/ Still there? countdown.
    bool still_there_shown() const { return still_there_drawn_ > 0; }
    // [Issue 19] The 无障碍 / Accessible mode: 1.5× text (once the atlas has it), the high-contrast palette,
    // every control inside the reach band, idle times × kAccessibleIdleFactor. The button toggles it; the
    // idle reset (and the display going to sleep) switches it off.
    bool accessible() const { return accessible_; }
    void set_accessible(bool on);
    // Where the last frame drew the 无障碍 / Accessible button (empty: none, e.g. the attract loop).
    const ImRect& accessible_button() const { return accessible_button_; }
    // The reach band of the last frame's display (from AppOptions::panel).
    const ReachBand& reach_band() const { return reach_band_; }
    const Theme& theme() const { return theme_; }
    // Every rectangle the next frames ask a touch about goes to `into` (null: stop); see TouchInput::record_targets.
    // `clip`: the targets are also cut to its clip rect at the time (what shows of a scrolled list's rows).
    void record_touch_targets(std::vector<TouchTarget>* into, const ImDrawList* clip = nullptr) { touch_.record_targets(into, clip); }
    // The idle time now: idle_seconds, × kAccessibleIdleFactor in the accessible mode.
    double idle_seconds() const { return still_there_now().idle_seconds(); }
    std::int64_t now_unix() const;
    // The announcements on the visitor screens now, the emergency first.
    const std::vector<Announcement>& shown_announcements() const { return shown_; }
    // An emergency covers every visitor screen (a sleeping display must wake for it).
    bool emergency_shown() const {
        return !shown_.empty() && shown_.front().severity == AnnouncementSeverity::emergency;
    }

private:
    Screen& screen_for(ScreenId id);
    void draw_top_bar(ImDrawList* dl, const ImRect& bar, double now);
    // [Issue 19] Above the reach band in the accessible mode: its background and, when tall, the mode's line;
    // returns the room left for the screen (FrameContext::above).
    ImRect draw_accessible_heading(ImDrawList* dl, const ImRect& area);
    // The event's title, large, in `area` (when the screen drew nothing there; on a short heading under the
    // mode's line); touching nothing.
    void draw_accessible_title(ImDrawList* dl, ImRect area);
    // Whether the heading's room `rest` is tall enough to keep the mode's line over what a screen draws.
    bool accessible_heading_tall(const ImRect& rest) const;
    // The accessibility symbol and 无障碍模式 at the top of `area`; returns the room under them.
    ImRect draw_accessible_mode_line(ImDrawList* dl, const ImRect& area);
    // [Issue 19] The 无障碍 / Accessible button in its strip under the screen: a tap toggles the mode.
    void check_accessible_button(const ImRect& strip);
    const StillThere& still_there_now() const { return accessible_ ? still_there_accessible_ : still_there_; }
    void load_zone();
    void check_location();   // logs once per change when kiosk_location is not on the feed's venue plan
    bool take_new_data(bool& new_text);   // update()'s part for the snapshot source
    // [Issue 17] Data that may bring new characters is held (held_data.h) and new_text set; what the fonts hold shows.
    void take_announcement_document(bool& new_text);
    void show_feed(IndexedFeed indexed);                    // the feed's part of take_new_data and glyphs_ready
    void show_live(std::shared_ptr<const LiveStats> live);   // the live document (null: the feed's own figures)
    // update()'s part for the announcements: which are shown now (time, targets, the lists);
    // logs and reports each shown, ended or withdrawn one. True when what is shown changed.
    bool update_announcements(bool& new_text);
    void report_announcement(const Announcement& a, const char* event);
    // The banners and the emergency's takeover over the visitor screen `frame` shows.
    void draw_announcements(const FrameContext& frame, ImVec2 display);
    // The Still there? countdown over the screen when the idle reset is near; the seconds it reads (0: none).
    int draw_still_there_overlay(ImDrawList* dl, ImVec2 display, double now);
    void entered();   // the visitor arrived at route_: the screen learns it, the statistics count it
    void end_attract_airtime();   // the attract loop's slide leaves the screen: its county's airtime and play log entry end now
    // [Issue 19] An emergency hides the attract loop: its slide ends when the takeover comes, a new one starts after.
    void note_emergency_cover(bool covered);
    // The hidden admin entrances (corner hold, Ctrl+Alt+A); the panel while it is open (app_admin.cpp).
    void check_admin_entrances(double now);
    // Between frames: the PIN check's answer, a command's result, the sources' status moved. True when shown anew.
    bool update_admin(double now);
    void draw_admin(ImDrawList* dl, ImVec2 display, double now);
    void run_admin_command(AdminCommand command);
    void toggle_local_announcement(AnnouncementTemplate which);   // the panel's templates (app_admin.cpp)

    std::shared_ptr<const Feed> feed_;
    std::shared_ptr<const SearchIndex> search_;        // feed_'s, built with it on the worker
    HeldData held_;                                    // taken, not shown until the atlas holds its glyphs
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
    std::shared_ptr<const std::vector<Announcement>> announcement_document_;   // the separate document's; null: none yet
    std::vector<Announcement> local_announcements_;   // raised from the admin panel on this kiosk alone
    std::vector<Announcement> announcements_;   // the feed's, the document's and the local ones, merged
    std::vector<Announcement> shown_;           // active_announcements() of them now
    std::map<std::string, std::chrono::system_clock::time_point> shown_since_;   // by id
    bool emergency_awake_ = false;        // hold_awake_for_emergency
    double awake_until_ = -1;             // a touch keeps the display on until then (runner seconds)
    double touch_seen_ = 0;               // the last touch draw() counted for awake_until_
    bool asleep_ = false;                 // display_wanted said no last time
    AirtimeScheduler airtime_;            // the attract loop's turns, kept while visitors use the kiosk
    double last_now_ = 0;                 // the latest frame's runner seconds: when a visitor left the attract loop
    StillThere still_there_;              // when the idle countdown shows (from options_.idle_seconds)
    int still_there_drawn_ = 0;           // what the last frame's countdown read (0: none); a touch then only dismisses it
    // [Issue 19] The accessible mode.
    StillThere still_there_accessible_;   // its idle times, × kAccessibleIdleFactor
    bool accessible_ = false;
    bool large_fonts_wanted_ = false;     // the glyph source asks for the 1.5× sizes (from the first switch-on)
    bool large_fonts_requested_ = false;  // update() has told the runner (new_text) to build them
    ImRect accessible_button_;            // where the last frame drew the button
    bool accessible_button_held_ = false;
    ReachBand reach_band_{PanelGeometry{}, 1920, 1080};
    bool emergency_covering_ = false;     // the last frame was the emergency's takeover (note_emergency_cover)
};

} // namespace kiosk
