// The kiosk's health for monitoring, written every 15 s into status_dir:
//
// status.json, one object:
//   version          "0.1.0"
//   time             when written, UTC ISO 8601 ("2020-05-16T12:00:15Z"); time_unix the same in seconds
//   uptime_seconds   since the program started
//   kiosk_mode       true in kiosk mode
//   frames_drawn     since start (an idle kiosk draws none)
//   resident_bytes   resident memory (/proc/self/statm)
//   texture_bytes    GPU textures: font atlas, product pictures and the rotated screen's buffer
//   feed, live       each source: null when not configured, else
//                    {location, age_seconds (null without data), offline, consecutive_errors,
//                     last_error ("" when the last fetch worked), fetches, updates, rejected,
//                     last_success (UTC ISO 8601 or null)}
//
// kiosk.prom, the Prometheus text format (node_exporter's textfile collector):
//   kiosk_info{version}  kiosk_uptime_seconds  kiosk_frames_drawn_total  kiosk_resident_memory_bytes
//   kiosk_texture_memory_bytes  and per configured source (label source="feed"|"live"):
//   kiosk_source_age_seconds (only with data)  kiosk_source_offline  kiosk_source_consecutive_errors
//   kiosk_source_fetches_total  kiosk_source_updates_total  kiosk_source_rejected_total
//   [Issue 16] with the live source: kiosk_live_anomalies_total{kind="decrease"|"spike"}, the holds the live
//   guard started (a figure lower than shown; a jump beyond live_spike_factor times the recent rate)
#pragma once

#include "sources/document_source.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct HealthSnapshot {
    std::string version;
    std::chrono::system_clock::time_point time;
    double uptime_seconds = 0;
    bool kiosk_mode = false;
    std::uint64_t frames_drawn = 0;
    std::uint64_t resident_bytes = 0;
    std::uint64_t texture_bytes = 0;
    std::optional<SourceStatus> feed, live;   // nullopt: not configured
    std::array<std::uint64_t, 2> live_anomalies{};   // [Issue 16] holds started by kind: decrease, spike
};

std::string format_status_json(const HealthSnapshot& s);
std::string format_status_prometheus(const HealthSnapshot& s);

// "feed ok (12 s old) · live offline (no data) · 123.4 MB": the systemd STATUS= line.
std::string format_status_line(const HealthSnapshot& s);

// "2020-05-16T12:00:15Z".
std::string format_utc_iso(std::chrono::system_clock::time_point t);

} // namespace kiosk
