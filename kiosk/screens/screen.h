// What every screen is given for one frame, and the interface each screen
// implements. Screens draw from the feed snapshot only: no I/O, no parsing.
#pragma once

#include "base/time_zone.h"
#include "feed/announcements.h"
#include "feed/live_summary.h"
#include "feed/localized_text.h"
#include "feed/model.h"
#include "service/airtime_scheduler.h"
#include "service/play_log.h"
#include "service/reach_band.h"
#include "service/usage_stats.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

class ImageDemand;   // image_view.h
class SearchIndex;   // search/search_index.h

// map_route is the walk from this kiosk to an area: "map:AREA_ID" on the command line.
enum class ScreenId { home, schedule, session, catalogue, county, product, live, attract, search, map, map_route };

// Where the visitor is: a screen and, for detail screens, the id it shows.
struct Route {
    ScreenId screen = ScreenId::home;
    std::string id;   // session, county, product or (map_route) area id; for search the letters typed
    std::string tab;  // [order links] product: the order platform tab to open on ("product:ID@jd"); "" = the first
    Route() = default;
    // Route{screen, id} as before the tab existed, without a missing-initializer warning at each.
    Route(ScreenId screen_, std::string id_ = {}, std::string tab_ = {})
        : screen(screen_), id(std::move(id_)), tab(std::move(tab_)) {}
    friend bool operator==(const Route&, const Route&) = default;
};

// "home", "schedule", "county:jiaocheng", "product:jc-jujube", "product:jc-jujube@jd", "search",
// "search:jcjz", "map", "map:studio-3"… (the --screen flag). Search letters are lowercase a–z and
// digits, at most 32; after a product's "@" comes an order platform id (feed/order_platforms.h).
bool parse_route(std::string_view text, Route& out);
std::string route_name(const Route& route);

// Whether the data on screen is still current (the sources answer).
struct Freshness {
    bool feed_offline = false;
    bool live_offline = false;
    std::optional<std::chrono::system_clock::time_point> data_time;   // newest confirmed data
};

class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void go(const Route& route) = 0;
    virtual void back() = 0;
    // The current screen's route changes in place (the search screen's letters), so
    // that coming back to it returns to what it showed; no history, no statistics.
    virtual void replace(const Route& route) = 0;
};

// Where this kiosk stands on the feed's venue plan (config kiosk_location, kiosk_heading, route_url).
struct KioskPlace {
    std::string location;     // walkway node id; "" = nowhere
    int heading = 0;          // degrees clockwise from plan-north, ahead of a visitor facing the screen
    std::string route_url;    // the organisers' web map template (service/route_link.h); "" = no route QR
};

struct FrameContext {
    const Feed& feed;
    const LiveStats& live;
    const Theme& theme;
    const TimeZone& zone;         // the event's zone: all times shown in it
    Lang lang;
    std::int64_t now_unix;        // wall-clock seconds (pinned by --now)
    double now;                   // monotonic seconds, for animations
    Navigator& nav;
    TouchInput& touch;
    ImDrawList* draw;             // the screen's draw list
    ImVec2 origin;                // the area below the top bar
    ImVec2 size;
    const Freshness& freshness;   // live numbers are marked "not live" when live_offline
    const LiveTrend& trend;       // live totals sampled since the kiosk started
    UsageCounter* usage = nullptr;   // organisers' statistics: screens report what visitors saw
    ImageDemand* images = nullptr;   // told of each picture drawn, so it gets loaded; null: nobody listens
    const SearchIndex* search = nullptr;   // the feed's search index, built with it on the worker; null: none
    const KioskPlace* place = nullptr;   // null: the kiosk stands nowhere on the plan
    // The announcements shown now, the emergency first (feed/announcements.h); the app draws
    // their banners below the screen's area and an emergency over it. Null: none.
    const std::vector<Announcement>* announcements = nullptr;
    // The attract loop's fair turns by county (service/airtime_scheduler.h); null: feed order.
    AirtimeScheduler* airtime = nullptr;
    PlayLog* play_log = nullptr;   // told what the attract loop has on air; null: no log
    // [Issue 19] Where the display's rows are above the floor (config panel_*); null: not known.
    const ReachBand* reach_band = nullptr;
    // [Issue 19] The 无障碍 / Accessible mode is on: the theme's text is 1.5×, its palette high-contrast, and
    // origin/size lie inside the reach band (the app draws a title above it).
    bool accessible = false;
    // [Issue 19] In the accessible mode, the room above the reach band (under the mode's line) where a screen
    // may draw what is looked at and never touched (a QR code, a picture, a name); empty otherwise.
    ImRect above;
    // Set by a screen that drew in `above`; when none did, the app draws a title there.
    bool above_drawn = false;
};

inline constexpr double kNoChange = std::numeric_limits<double>::infinity();

class Screen {
public:
    virtual ~Screen() = default;
    // Called when the visitor arrives (route.id says which item).
    virtual void enter(const Route& route) { (void)route; }
    virtual void draw(FrameContext& frame) = 0;
    // Seconds until this screen changes by itself (an animation, a countdown).
    virtual double seconds_until_change(std::int64_t now_unix, double now) const {
        (void)now_unix;
        (void)now;
        return kNoChange;
    }
};

} // namespace kiosk
