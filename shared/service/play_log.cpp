#include "service/play_log.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "service/usage_stats.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

namespace kiosk {

namespace {

constexpr std::int64_t kMaxEntrySeconds = 86400;   // a line longer than a day is not one the kiosk writes
constexpr std::size_t kMaxIdBytes = 200;
constexpr std::int64_t kEarliest = 946684800;    // 2000-01-01: a kiosk's clock before that is not set
constexpr std::int64_t kLatest = 4102444800;     // 2100-01-01

std::int64_t unix_of(std::chrono::system_clock::time_point t) {
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::chrono::system_clock::time_point point_of(std::int64_t unix_seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds));
}

// An id as the feed allows them: not empty, no control characters, not too long.
bool plain_id(const std::string& id) {
    if (id.empty() || id.size() > kMaxIdBytes) return false;
    for (const unsigned char c : id)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

} // namespace

void PlayLog::close(std::int64_t now) {
    if (!on_air_) return;
    on_air_->to = std::max(now, on_air_->from);   // a clock set back ends it where it began
    if (on_air_->to > on_air_->from) done_.push_back(std::move(*on_air_));
    on_air_.reset();
}

void PlayLog::showing(std::string county, std::string product, std::chrono::system_clock::time_point now) {
    std::lock_guard lock(mutex_);
    const std::int64_t t = unix_of(now);
    close(t);
    on_air_ = PlayEntry{t, t, std::move(county), std::move(product)};
}

void PlayLog::stop(std::chrono::system_clock::time_point now) {
    std::lock_guard lock(mutex_);
    close(unix_of(now));
}

std::vector<PlayEntry> PlayLog::take(std::chrono::system_clock::time_point now) {
    std::lock_guard lock(mutex_);
    const std::int64_t t = unix_of(now);
    std::optional<PlayEntry> going_on = on_air_;
    close(t);
    if (going_on) {
        going_on->from = std::max(t, going_on->from);
        on_air_ = std::move(going_on);
    }
    std::vector<PlayEntry> out;
    out.swap(done_);
    return out;
}

std::string format_play_line(const PlayEntry& entry, const TimeZone& zone) {
    const nlohmann::ordered_json line = {
        {"from", format_local_iso(point_of(entry.from), zone)},
        {"to", format_local_iso(point_of(entry.to), zone)},
        {"county", entry.county},
        {"product", entry.product},
    };
    return line.dump() + "\n";
}

std::optional<PlayEntry> parse_play_line(std::string_view line, std::string& error) {
    const auto json = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        error = "not a JSON object";
        return std::nullopt;
    }
    PlayEntry entry;
    for (const char* key : {"from", "to", "county", "product"}) {
        const auto it = json.find(key);
        if (it == json.end() || !it->is_string()) {
            error = std::string("\"") + key + "\" missing or not a string";
            return std::nullopt;
        }
    }
    const auto from = parse_iso8601(json["from"].get<std::string>());
    const auto to = parse_iso8601(json["to"].get<std::string>());
    if (!from || !to) {
        error = std::string("\"") + (from ? "to" : "from") + "\" is not an ISO 8601 time with an offset";
        return std::nullopt;
    }
    entry.from = from->unix_seconds;
    entry.to = to->unix_seconds;
    if (entry.from < kEarliest || entry.to > kLatest) {
        error = "times must lie between 2000 and 2100";
        return std::nullopt;
    }
    if (entry.to <= entry.from || entry.to - entry.from > kMaxEntrySeconds) {
        error = "\"to\" must be after \"from\", at most a day";
        return std::nullopt;
    }
    entry.county = json["county"].get<std::string>();
    entry.product = json["product"].get<std::string>();
    if (!plain_id(entry.county) || !plain_id(entry.product)) {
        error = "\"county\" and \"product\" must be ids (1 to 200 bytes, no control characters)";
        return std::nullopt;
    }
    return entry;
}

std::string play_file_name(std::int64_t unix_seconds, const TimeZone& zone) {
    const LocalTime l = zone.to_local(unix_seconds);
    char name[40];
    std::snprintf(name, sizeof name, "play-%04d-%02d-%02d.jsonl", l.year, l.month, l.day);
    return name;
}

std::vector<PlayEntry> split_at_midnight(const PlayEntry& entry, const TimeZone& zone) {
    std::vector<PlayEntry> out;
    PlayEntry rest = entry;
    while (rest.to > rest.from) {
        const LocalTime l = zone.to_local(rest.from);
        const std::int64_t midnight = rest.from + 86400 - (l.hour * 3600 + l.minute * 60 + l.second);
        if (rest.to <= midnight) break;
        PlayEntry piece = rest;
        piece.to = midnight;
        out.push_back(std::move(piece));
        rest.from = midnight;
    }
    if (rest.to > rest.from) out.push_back(std::move(rest));
    return out;
}

bool append_play(const std::filesystem::path& dir, const std::vector<PlayEntry>& entries, const TimeZone& zone,
                 std::string& error) {
    if (entries.empty()) return true;
    std::map<std::string, std::string> by_file;   // file name -> its lines, in order
    for (const PlayEntry& entry : entries)
        for (const PlayEntry& piece : split_at_midnight(entry, zone))
            by_file[play_file_name(piece.from, zone)] += format_play_line(piece, zone);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    bool ok = true;
    for (const auto& [name, text] : by_file) ok = append_file_synced(dir / name, text, error) && ok;
    return ok;
}

std::vector<std::pair<std::string, std::int64_t>> play_seconds_today(const std::filesystem::path& dir,
                                                                     std::int64_t now_unix, const TimeZone& zone) {
    std::map<std::string, std::int64_t> seconds;
    std::ifstream in(dir / play_file_name(now_unix, zone));
    std::string line, error;
    while (std::getline(in, line))
        if (const auto entry = parse_play_line(line, error)) seconds[entry->county] += entry->to - entry->from;
    return {seconds.begin(), seconds.end()};
}

} // namespace kiosk
