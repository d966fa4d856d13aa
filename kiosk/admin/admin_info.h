// What the admin panel reports, and its lines as staff read them: version,
// uptime, each source's last fetch, cache age, fonts, memory, frame rate.
#pragma once

#include "base/time_zone.h"
#include "feed/localized_text.h"
#include "platform/runner.h"
#include "sources/document_source.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Gathered by the app for each frame the panel shows.
struct AdminInfo {
    std::string version;
    double uptime_seconds = 0;
    std::optional<SourceStatus> feed, live;   // nullopt: that source is not configured
    std::optional<std::chrono::system_clock::time_point> cache_written;   // the cached feed document
    RenderStats render;
    std::uint64_t resident_bytes = 0;
};

struct InfoLine {
    std::string label;   // "" continues the line above
    std::string value;
    bool warning = false;
};

std::vector<InfoLine> admin_info_lines(const AdminInfo& info, Lang lang, const TimeZone& zone,
                                       std::chrono::system_clock::time_point now);

// "3 d 4 h", "1 h 23 min", "5 min 12 s", "40 s".
std::string format_uptime(double seconds);

} // namespace kiosk
