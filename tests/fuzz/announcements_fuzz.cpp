// The announcements document, polled every 2 s (config announcements) and
// written by `kiosk announce`: parse and validate, then which ones a kiosk
// shows at times around each one's start and end, for ids and tags it targets.
#include "feed/announcements.h"
#include "fuzz_require.h"
#include "sources/document_parsers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Parsed<std::vector<Announcement>> parsed = parse_announcements_document(text, "announcements.json");
    fuzz::require(parsed.doc ? parsed.errors.empty() : !parsed.errors.empty(),
                  "announcements are accepted exactly when there are no errors");
    if (!parsed.doc) return 0;

    const std::vector<Announcement>& list = *parsed.doc;
    for (const Announcement& a : list) {
        fuzz::require(a.ends_at.unix_seconds > a.starts_at.unix_seconds, "an accepted one ends after it starts");
        fuzz::require(!a.text.zh.empty(), "an accepted one has Chinese text");
        const KioskIdentity kiosk{a.targets.empty() ? "k" : a.targets.front(), {}};
        for (std::int64_t t : {a.starts_at.unix_seconds - 1, a.starts_at.unix_seconds, a.ends_at.unix_seconds - 1,
                               a.ends_at.unix_seconds}) {
            const auto active = active_announcements(list, t, kiosk);
            for (std::size_t i = 1; i < active.size(); ++i)
                fuzz::require(active[i - 1].severity >= active[i].severity, "the most urgent comes first");
            const auto next = next_announcement_change(list, t, kiosk);
            fuzz::require(!next || *next > t, "the next change lies ahead");
        }
        fuzz::require(!active_announcements(list, a.ends_at.unix_seconds, kiosk).empty() ||
                          !active_announcements(list, a.starts_at.unix_seconds, kiosk).empty(),
                      "an announcement for this kiosk shows at its start");
    }
    merge_announcements(list, list);
    return 0;
}
