// The attract loop's play log: which county's product was on air, from when to
// when, for the organisers' airtime report (service/airtime_report.h). The
// attract screen says what it shows; the status writer takes the entries every
// 15 s, the one on air cut at that instant and continued from it, and appends
// them as JSON lines to data_dir/play-YYYY-MM-DD.jsonl (the day in the event's
// zone; an entry over midnight is split there). Whole seconds, each entry starts
// where the last one was cut: a restart loses at most the last 15 s and counts
// nothing twice.
//
// A line: {"from":"2020-05-16T20:00:00+08:00","to":"2020-05-16T20:00:08+08:00",
//          "county":"jiaocheng","product":"jc-junzao"}
#pragma once

#include "base/time_zone.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct PlayEntry {
    std::int64_t from = 0, to = 0;   // unix seconds, to > from
    std::string county, product;
    friend bool operator==(const PlayEntry&, const PlayEntry&) = default;
};

// Thread-safe: the UI thread says what is on air, the status writer's thread takes entries.
class PlayLog {
public:
    // `product` of `county` is on air from `now`; what was on air before ends there.
    void showing(std::string county, std::string product, std::chrono::system_clock::time_point now);
    // Nothing of a county on air from `now` (the live slide, or a visitor touched).
    void stop(std::chrono::system_clock::time_point now);
    // The entries ended since the last take, and the one on air cut at `now` (it goes on from `now`).
    std::vector<PlayEntry> take(std::chrono::system_clock::time_point now);

private:
    void close(std::int64_t now);

    std::mutex mutex_;
    std::vector<PlayEntry> done_;
    std::optional<PlayEntry> on_air_;   // `to` unset
};

// The entry as one JSON line (with the newline), times local to `zone`.
std::string format_play_line(const PlayEntry& entry, const TimeZone& zone);

// One line of a play log (without its newline); nullopt with `error` saying what is wrong.
std::optional<PlayEntry> parse_play_line(std::string_view line, std::string& error);

// "play-2020-05-16.jsonl": the file for the local day of `unix_seconds` in `zone`.
std::string play_file_name(std::int64_t unix_seconds, const TimeZone& zone);

// The entry in pieces that each lie within one local day of `zone`.
std::vector<PlayEntry> split_at_midnight(const PlayEntry& entry, const TimeZone& zone);

// Appends the entries to their days' files in `dir` (made if missing), one write
// per file, then fsyncs. False with `error` naming the file.
bool append_play(const std::filesystem::path& dir, const std::vector<PlayEntry>& entries, const TimeZone& zone,
                 std::string& error);

// The seconds of each county in today's file of `dir` (the local day of `now_unix`):
// what a restarted kiosk's scheduler is seeded with. Bad lines are skipped.
std::vector<std::pair<std::string, std::int64_t>> play_seconds_today(const std::filesystem::path& dir,
                                                                     std::int64_t now_unix, const TimeZone& zone);

} // namespace kiosk
