// The kiosk's health for monitoring, written every 15 s into status_dir:
//
// status.json, one object:
//   version          "0.1.0"
//   kiosk_id         config kiosk_id (the host name by default); kiosk_tags its tags (an array)
//   time             when written, UTC ISO 8601 ("2020-05-16T12:00:15Z"); time_unix the same in seconds
//   uptime_seconds   since the program started
//   kiosk_mode       true in kiosk mode
//   frames_drawn     since start (an idle kiosk draws none)
//   resident_bytes   resident memory (/proc/self/statm)
//   texture_bytes    GPU textures: font atlas, product pictures and the rotated screen's buffer
//   display_asleep   true outside the display hours (display_hours), the panel off or black
//   screen_picture   null until one was written, else {file ("screen.png", in status_dir), time (UTC ISO 8601),
//                    age_seconds}: a small PNG of what the panel shows (screen_picture_seconds)
//   feed, live       each source: null when not configured, else
//                    {location, age_seconds (null without data), offline, consecutive_errors,
//                     last_error ("" when the last fetch worked), fetches, updates, rejected,
//                     last_success (UTC ISO 8601 or null)}
//   announcements    null when not configured (its source as for feed and live), and
//   announcements_shown  what the visitor screens show now: [{id, severity, since (UTC ISO 8601)}],
//                    the emergency first (feed/announcements.h)
//
// kiosk.prom, the Prometheus text format (node_exporter's textfile collector); every sample
// carries the label kiosk="<kiosk_id>" (when set), so one Prometheus tells a fleet apart:
//   kiosk_info{version,tags}  (tags: kiosk_tags joined with ",")  kiosk_uptime_seconds
//   kiosk_start_time_seconds (Unix time of the start: a restart changes it, even one in a crash loop
//   whose uptime never grows)  kiosk_frames_drawn_total  kiosk_resident_memory_bytes
//   kiosk_texture_memory_bytes  kiosk_last_touch_time_seconds (Unix time of the last touch; none
//   before the first)  kiosk_display_asleep (0 or 1)  kiosk_screen_picture_age_seconds (only once
//   one was written)  and per configured source (label source="feed"|"live"):
//   kiosk_source_age_seconds (only with data)  kiosk_source_offline  kiosk_source_consecutive_errors
//   kiosk_source_fetches_total  kiosk_source_updates_total  kiosk_source_rejected_total
//   (source="announcements" too when configured), and
//   kiosk_announcement_active{severity="info"|"notice"|"emergency"}: how many are shown now
//   [Issue 16] with the live source: kiosk_live_anomalies_total{kind="decrease"|"spike"}, the holds the live
//   guard started (a figure lower than shown; a jump beyond live_spike_factor times the recent rate)
#pragma once

#include "sources/document_source.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// One announcement on the visitor screens now (the UI reports them; see AnnouncementStatus).
struct ShownAnnouncement {
    std::string id;
    std::string severity;   // "info", "notice" or "emergency"
    std::chrono::system_clock::time_point since;
    friend bool operator==(const ShownAnnouncement&, const ShownAnnouncement&) = default;
};

// The file name of the screen picture in status_dir.
inline constexpr const char* kScreenPictureFile = "screen.png";

struct ScreenPictureStatus {
    std::string file;                              // in status_dir
    std::chrono::system_clock::time_point time;    // when written
};

struct HealthSnapshot {
    std::string version;
    std::chrono::system_clock::time_point time;
    double uptime_seconds = 0;
    std::chrono::system_clock::time_point start_time;   // taken once at start: fleet monitoring counts restarts by it
    std::optional<std::chrono::system_clock::time_point> last_touch;   // nullopt: nobody touched it since the start
    bool kiosk_mode = false;
    std::uint64_t frames_drawn = 0;
    std::uint64_t resident_bytes = 0;
    std::uint64_t texture_bytes = 0;
    bool display_asleep = false;
    std::optional<ScreenPictureStatus> screen_picture;   // nullopt: none written yet
    std::optional<SourceStatus> feed, live;   // nullopt: not configured
    std::optional<SourceStatus> announcements; // the announcements document; nullopt: not configured
    std::string kiosk_id;
    std::vector<std::string> kiosk_tags;
    std::vector<ShownAnnouncement> shown;       // the announcements on screen now
    std::array<std::uint64_t, 2> live_anomalies{};   // [Issue 16] holds started by kind: decrease, spike
};

std::string format_status_json(const HealthSnapshot& s);
std::string format_status_prometheus(const HealthSnapshot& s);

// "feed ok (12 s old) · live offline (no data) · 123.4 MB": the systemd STATUS= line.
std::string format_status_line(const HealthSnapshot& s);

// "2020-05-16T12:00:15Z".
std::string format_utc_iso(std::chrono::system_clock::time_point t);

} // namespace kiosk
