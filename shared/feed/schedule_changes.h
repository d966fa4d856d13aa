// [issue 16: schedule changes] Sessions that moved or were cancelled. Pure:
// the feed's worker compares each new feed with what earlier feeds announced
// (ScheduleMemory, kept in the cache by sources/schedule_keeper.h so a restart
// remembers it), and the screens ask which marks to show today.
#pragma once

#include "feed/model.h"
#include "base/time_zone.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The session's plan as it stands now.
PreviousPlan plan_of(const Session& s);
bool same_time(const PreviousPlan& a, const PreviousPlan& b);
// The same area id and the same place text in both languages.
bool same_place(const PreviousPlan& a, const PreviousPlan& b);

// Whether the session's start or end, or its place, differs from its previous plan.
bool time_changed(const Session& s);
bool place_changed(const Session& s);

// Running at `now`, or the next to start after it: never a cancelled session.
bool session_running(const Session& s, std::int64_t now);
bool session_upcoming(const Session& s, std::int64_t now);

// What earlier feeds of the same event from the same source announced: each session's first plan.
struct ScheduleMemory {
    std::string event;                              // the source and memory_event_key() these belong to
    std::map<std::string, PreviousPlan> first_seen;   // by session id
};

// Identifies the event (its days, zone and Chinese title): a feed for another event starts afresh.
std::string memory_event_key(const Event& event);

// Marks `feed`'s sessions whose time or place differs from what `memory` holds
// (a `previous` the feed states itself wins) and remembers the first plan of
// sessions seen for the first time (their stated `previous` if any). A memory
// of another event or `source` (the feed's path or URL) is dropped first.
// Returns true when `memory` changed and should be saved.
bool compare_with_memory(Feed& feed, ScheduleMemory& memory, std::string_view source = {});

// The memory as a small JSON document, and back; nullopt with `error` for a damaged one.
std::string memory_to_json(const ScheduleMemory& memory);
std::optional<ScheduleMemory> memory_from_json(std::string_view text, std::string& error);

// A session's change mark (moved or cancelled) shows until the end of the
// event-local day of its start (the later of the old and new one when it moved).
bool change_mark_shown(const Session& s, const TimeZone& zone, std::int64_t now);

// Today's changes for the schedule screen's list: moved or cancelled sessions
// whose old or new start falls on today (in the event's zone), in time order.
std::vector<const Session*> todays_changes(const Feed& feed, const TimeZone& zone, std::int64_t now);

} // namespace kiosk
