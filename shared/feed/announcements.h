// Announcements to visitors (issue 15): a banner (info, notice) or a
// full-screen takeover (emergency) on the kiosks they target, from starts_at
// until ends_at. In the feed ("announcements") or a document of their own
// (config announcements; parse_announcements in feed/validator.h). Which ones
// a kiosk shows now is a pure function of the list, the time and the kiosk.
#pragma once

#include "base/timestamp.h"
#include "feed/localized_text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// In the order of urgency: a higher one is shown first.
enum class AnnouncementSeverity { info, notice, emergency };

std::string_view severity_key(AnnouncementSeverity severity);              // "info", "notice", "emergency"
bool parse_severity(std::string_view key, AnnouncementSeverity& out);       // false when unknown

struct Announcement {
    std::string id;
    AnnouncementSeverity severity = AnnouncementSeverity::info;
    LocalizedText text;                 // zh always; en optional
    Timestamp starts_at, ends_at;       // shown while starts_at <= now < ends_at
    std::vector<std::string> targets;   // kiosk ids or tags; empty: every kiosk
    friend bool operator==(const Announcement& a, const Announcement& b) {
        return a.id == b.id && a.severity == b.severity && a.text.zh == b.text.zh && a.text.en == b.text.en &&
               a.starts_at.unix_seconds == b.starts_at.unix_seconds && a.ends_at.unix_seconds == b.ends_at.unix_seconds &&
               a.targets == b.targets;
    }
};

// Who a kiosk is, as announcement targets name it (config kiosk_id, kiosk_tags).
struct KioskIdentity {
    std::string id;
    std::vector<std::string> tags;
};

// Whether `a` is meant for this kiosk: no targets, or one naming its id or one of its tags.
bool targets_kiosk(const Announcement& a, const KioskIdentity& kiosk);

// The feed's own and the separate document's, one per id: the document's wins (it is polled more often).
std::vector<Announcement> merge_announcements(const std::vector<Announcement>& from_feed,
                                              const std::vector<Announcement>& from_document);

// Those this kiosk shows at `now_unix`: started, not ended, targeting it; emergency
// first, then notice, then info; within one severity the latest start first, then by id.
std::vector<Announcement> active_announcements(const std::vector<Announcement>& list, std::int64_t now_unix,
                                               const KioskIdentity& kiosk);

// The next instant after `now_unix` at which one for this kiosk starts or ends
// (the frame policy's wake-up); nullopt when none will.
std::optional<std::int64_t> next_announcement_change(const std::vector<Announcement>& list, std::int64_t now_unix,
                                                     const KioskIdentity& kiosk);

} // namespace kiosk
