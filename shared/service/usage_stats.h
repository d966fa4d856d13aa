// What visitors looked at, counted for the organisers: screen views, product
// detail opens and order-QR shows per product and per order platform (a visitor
// who switches from the Taobao code to the JD one saw two codes). The UI only reports events;
// the status writer takes one batch every 15 s and appends it as one JSON
// line to data_dir/stats-YYYY-MM-DD.jsonl (the date in the event's zone).
// No personal data: counts per batch only, no finer times, no identities.
//
// A line: {"from":"2020-05-16T20:00:00+08:00","to":"2020-05-16T20:00:15+08:00",
//          "screen_views":{"home":2,"product":1},"product_opens":{"jc-junzao":1},
//          "qr_shows":{"jc-junzao":2},"qr_platforms":{"jc-junzao":{"jd":1,"taobao":1}}}
// Batches without events write no line. While announcements come and go a line also has
// "announcements":{"shown:evacuate-1":1,"ended:evacuate-1":1,"withdrawn:talk-moved":1}
// (feed/announcements.h): what the visitor screens showed, by announcement id.
// When visitors open something from the search results, "search_opens":{"product:jc-junzao":1,
// "county:jiaocheng":1,"session:s1":1}; when they ask the way, "routes":{"booth-jiaocheng":1}
// (by venue area id); when visitors switch the 无障碍 / Accessible mode on, "accessible_mode":N. `kiosk report` counts both per county (service/airtime_report.h).
#pragma once

#include "base/time_zone.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace kiosk {

struct UsageBatch {
    std::chrono::system_clock::time_point from, to;
    std::map<std::string, std::uint64_t, std::less<>> screen_views;    // by screen: home, schedule, product…
    std::map<std::string, std::uint64_t, std::less<>> product_opens;   // by product id
    std::map<std::string, std::uint64_t, std::less<>> qr_shows;        // by product id, all platforms
    // [order links] the same shows by product id, then platform id ("web" for an unknown host).
    std::map<std::string, std::map<std::string, std::uint64_t, std::less<>>, std::less<>> qr_platforms;
    std::map<std::string, std::uint64_t, std::less<>> announcements;   // "shown:ID", "ended:ID", "withdrawn:ID"
    std::map<std::string, std::uint64_t, std::less<>> search_opens;    // "product:ID", "county:ID", "session:ID"
    std::map<std::string, std::uint64_t, std::less<>> routes;          // by venue area id
    std::uint64_t accessible_mode = 0;   // [Issue 19] times a visitor switched the 无障碍 / Accessible mode on
    bool empty() const {
        return screen_views.empty() && product_opens.empty() && qr_shows.empty() && announcements.empty() &&
               search_opens.empty() && routes.empty() && accessible_mode == 0;
    }
};

// Thread-safe: the UI thread counts, the status writer's thread takes batches.
class UsageCounter {
public:
    explicit UsageCounter(std::chrono::system_clock::time_point start = std::chrono::system_clock::now());

    void screen_view(std::string_view screen);
    void product_open(std::string_view product_id);
    // One order code shown: a product page counts each platform's code once per visit.
    void qr_shown(std::string_view product_id, std::string_view platform_id);
    // An announcement appeared on or left the visitor screens: `event` is "shown", "ended" or "withdrawn".
    void announcement(std::string_view event, std::string_view announcement_id);
    // A search result opened: `kind` is "product", "county" or "session".
    void search_open(std::string_view kind, std::string_view id);
    // The way to a venue area shown.
    void route_shown(std::string_view area_id);
    // [Issue 19] A visitor switched the 无障碍 / Accessible mode on.
    void accessible_mode_on();

    // The counts since the last take (or the start), and a fresh batch from `now`.
    // A clock set back during the batch gives from = to = now (the counts are kept).
    UsageBatch take(std::chrono::system_clock::time_point now);

private:
    std::mutex mutex_;
    UsageBatch current_;
};

// The batch as one JSON line (with the newline), times local to `zone`.
std::string format_usage_line(const UsageBatch& batch, const TimeZone& zone);

// "stats-2020-05-16.jsonl": the file for the local day of `when` in `zone`.
std::string usage_file_name(std::chrono::system_clock::time_point when, const TimeZone& zone);

// Appends a non-empty batch's line to its day's file in `dir` (made if
// missing) in one write, then fsyncs. False with `error` naming the file.
bool append_usage(const std::filesystem::path& dir, const UsageBatch& batch, const TimeZone& zone, std::string& error);

// "2020-05-16T20:00:15+08:00".
std::string format_local_iso(std::chrono::system_clock::time_point when, const TimeZone& zone);

} // namespace kiosk
