#include "service/usage_stats.h"

#include "base/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kiosk {

namespace {

std::int64_t unix_of(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

void count(std::map<std::string, std::uint64_t, std::less<>>& m, std::string_view key) {
    auto it = m.find(key);
    if (it == m.end()) m.emplace(std::string(key), 1);
    else ++it->second;
}

} // namespace

std::string format_local_iso(std::chrono::system_clock::time_point when, const TimeZone& zone) {
    const LocalTime l = zone.to_local(unix_of(when));
    const int offset = std::abs(l.offset_seconds) / 60;
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", l.year, l.month, l.day, l.hour,
                  l.minute, l.second, l.offset_seconds < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

UsageCounter::UsageCounter(std::chrono::system_clock::time_point start) { current_.from = start; }

void UsageCounter::screen_view(std::string_view screen) {
    std::lock_guard lock(mutex_);
    count(current_.screen_views, screen);
}

void UsageCounter::product_open(std::string_view product_id) {
    std::lock_guard lock(mutex_);
    count(current_.product_opens, product_id);
}

void UsageCounter::qr_shown(std::string_view product_id, std::string_view platform_id) {
    std::lock_guard lock(mutex_);
    count(current_.qr_shows, product_id);
    auto product = current_.qr_platforms.find(product_id);
    if (product == current_.qr_platforms.end()) product = current_.qr_platforms.try_emplace(std::string(product_id)).first;
    count(product->second, platform_id);
}

void UsageCounter::announcement(std::string_view event, std::string_view announcement_id) {
    std::lock_guard lock(mutex_);
    count(current_.announcements, std::string(event) + ":" + std::string(announcement_id));
}

void UsageCounter::accessible_mode_on() {
    std::lock_guard lock(mutex_);
    ++current_.accessible_mode;
}

void UsageCounter::search_open(std::string_view kind, std::string_view id) {
    std::lock_guard lock(mutex_);
    count(current_.search_opens, std::string(kind) + ":" + std::string(id));
}

void UsageCounter::route_shown(std::string_view area_id) {
    std::lock_guard lock(mutex_);
    count(current_.routes, area_id);
}

UsageBatch UsageCounter::take(std::chrono::system_clock::time_point now) {
    std::lock_guard lock(mutex_);
    UsageBatch out = std::move(current_);
    out.to = now;
    if (out.from > now) out.from = now;   // the clock was set back: never a line that ends before it starts
    current_ = UsageBatch{};
    current_.from = now;
    return out;
}

std::string format_usage_line(const UsageBatch& batch, const TimeZone& zone) {
    nlohmann::ordered_json line = {
        {"from", format_local_iso(batch.from, zone)},
        {"to", format_local_iso(batch.to, zone)},
        {"screen_views", batch.screen_views},
        {"product_opens", batch.product_opens},
        {"qr_shows", batch.qr_shows},
        {"qr_platforms", batch.qr_platforms},
    };
    if (!batch.announcements.empty()) line["announcements"] = batch.announcements;   // only while they come and go
    if (!batch.search_opens.empty()) line["search_opens"] = batch.search_opens;
    if (!batch.routes.empty()) line["routes"] = batch.routes;
    if (batch.accessible_mode != 0) line["accessible_mode"] = batch.accessible_mode;
    return line.dump() + "\n";
}

std::string usage_file_name(std::chrono::system_clock::time_point when, const TimeZone& zone) {
    const LocalTime l = zone.to_local(unix_of(when));
    char name[40];
    std::snprintf(name, sizeof name, "stats-%04d-%02d-%02d.jsonl", l.year, l.month, l.day);
    return name;
}

bool append_usage(const std::filesystem::path& dir, const UsageBatch& batch, const TimeZone& zone, std::string& error) {
    if (batch.empty()) return true;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto path = dir / usage_file_name(batch.to, zone);
    return append_file_synced(path, format_usage_line(batch, zone), error);
}

} // namespace kiosk
