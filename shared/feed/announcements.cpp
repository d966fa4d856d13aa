#include "feed/announcements.h"

#include <algorithm>
#include <tuple>

namespace kiosk {

std::string_view severity_key(AnnouncementSeverity severity) {
    switch (severity) {
    case AnnouncementSeverity::info: return "info";
    case AnnouncementSeverity::notice: return "notice";
    case AnnouncementSeverity::emergency: return "emergency";
    }
    return "info";
}

bool parse_severity(std::string_view key, AnnouncementSeverity& out) {
    for (AnnouncementSeverity s : {AnnouncementSeverity::info, AnnouncementSeverity::notice, AnnouncementSeverity::emergency})
        if (severity_key(s) == key) {
            out = s;
            return true;
        }
    return false;
}

bool targets_kiosk(const Announcement& a, const KioskIdentity& kiosk) {
    if (a.targets.empty()) return true;
    for (const std::string& target : a.targets)
        if (target == kiosk.id || std::find(kiosk.tags.begin(), kiosk.tags.end(), target) != kiosk.tags.end()) return true;
    return false;
}

std::vector<Announcement> merge_announcements(const std::vector<Announcement>& from_feed,
                                              const std::vector<Announcement>& from_document) {
    std::vector<Announcement> out = from_document;
    for (const Announcement& a : from_feed)
        if (std::none_of(from_document.begin(), from_document.end(), [&](const Announcement& d) { return d.id == a.id; }))
            out.push_back(a);
    return out;
}

std::vector<Announcement> active_announcements(const std::vector<Announcement>& list, std::int64_t now_unix,
                                               const KioskIdentity& kiosk) {
    std::vector<Announcement> out;
    for (const Announcement& a : list)
        if (a.starts_at.unix_seconds <= now_unix && now_unix < a.ends_at.unix_seconds && targets_kiosk(a, kiosk))
            out.push_back(a);
    std::sort(out.begin(), out.end(), [](const Announcement& a, const Announcement& b) {
        return std::tuple(-static_cast<int>(a.severity), -a.starts_at.unix_seconds, std::string_view(a.id)) <
               std::tuple(-static_cast<int>(b.severity), -b.starts_at.unix_seconds, std::string_view(b.id));
    });
    return out;
}

std::optional<std::int64_t> next_announcement_change(const std::vector<Announcement>& list, std::int64_t now_unix,
                                                     const KioskIdentity& kiosk) {
    std::optional<std::int64_t> next;
    for (const Announcement& a : list) {
        if (!targets_kiosk(a, kiosk)) continue;
        for (std::int64_t t : {a.starts_at.unix_seconds, a.ends_at.unix_seconds})
            if (t > now_unix && (!next || t < *next)) next = t;
    }
    return next;
}

} // namespace kiosk
