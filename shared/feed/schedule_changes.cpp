#include "feed/schedule_changes.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiosk {

namespace {

using nlohmann::json;

constexpr std::string_view kMemoryFormat = "lvliang-kiosk-schedule-memory/1";
constexpr std::size_t kMaxRemembered = 20'000;   // beyond a feed's 5,000 sessions: only the current ones are kept

json text_json(const LocalizedText& t) { return json{{"zh", t.zh}, {"en", t.en}}; }

// A member's string, "" when missing or not a string (json::value would throw on another type).
std::string string_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

LocalizedText text_of(const json& j) {
    LocalizedText t;
    if (!j.is_object()) return t;
    t.zh = string_at(j, "zh");
    t.en = string_at(j, "en");
    return t;
}

std::optional<Timestamp> time_of(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return parse_iso8601(it->get<std::string>());
}

} // namespace

PreviousPlan plan_of(const Session& s) { return PreviousPlan{s.start, s.end, s.location, s.area}; }

bool same_time(const PreviousPlan& a, const PreviousPlan& b) {
    return a.start.unix_seconds == b.start.unix_seconds && a.end.unix_seconds == b.end.unix_seconds;
}

bool same_place(const PreviousPlan& a, const PreviousPlan& b) {
    return a.area == b.area && a.location.zh == b.location.zh && a.location.en == b.location.en;
}

bool time_changed(const Session& s) { return s.previous && !same_time(*s.previous, plan_of(s)); }
bool place_changed(const Session& s) { return s.previous && !same_place(*s.previous, plan_of(s)); }

bool session_running(const Session& s, std::int64_t now) {
    return !s.cancelled && s.start.unix_seconds <= now && now < s.end.unix_seconds;
}

bool session_upcoming(const Session& s, std::int64_t now) { return !s.cancelled && s.start.unix_seconds > now; }

std::string memory_event_key(const Event& event) {
    return event.first_day + "/" + event.last_day + "/" + event.time_zone + "/" + event.title.zh;
}

bool compare_with_memory(Feed& feed, ScheduleMemory& memory, std::string_view source) {
    bool changed = false;
    const std::string key = std::string(source) + "\n" + memory_event_key(feed.event);
    if (memory.event != key) {   // another event (or none yet): nothing earlier applies
        changed = !memory.first_seen.empty() || !memory.event.empty();
        memory = ScheduleMemory{key, {}};
    }
    for (Session& s : feed.schedule) {
        const auto known = memory.first_seen.find(s.id);
        if (known == memory.first_seen.end()) {
            memory.first_seen.emplace(s.id, s.previous ? *s.previous : plan_of(s));
            changed = true;
            continue;
        }
        if (s.previous) continue;   // the feed says what it was: that is shown
        const PreviousPlan now = plan_of(s);
        if (!same_time(known->second, now) || !same_place(known->second, now)) s.previous = known->second;
    }
    if (memory.first_seen.size() > kMaxRemembered) {   // keep what the current feed still names
        std::map<std::string, PreviousPlan> kept;
        for (const Session& s : feed.schedule)
            if (auto it = memory.first_seen.find(s.id); it != memory.first_seen.end()) kept.insert(*it);
        memory.first_seen.swap(kept);
        changed = true;
    }
    return changed;
}

std::string memory_to_json(const ScheduleMemory& memory) {
    json sessions = json::object();
    for (const auto& [id, plan] : memory.first_seen)
        sessions[id] = json{{"start", format_iso8601(plan.start)},
                            {"end", format_iso8601(plan.end)},
                            {"location", text_json(plan.location)},
                            {"area", plan.area}};
    const json doc{{"format", kMemoryFormat}, {"event", memory.event}, {"sessions", std::move(sessions)}};
    return doc.dump(1, ' ', false, json::error_handler_t::replace);
}

std::optional<ScheduleMemory> memory_from_json(std::string_view text, std::string& error) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || string_at(doc, "format") != kMemoryFormat || !doc.contains("event") ||
        !doc["event"].is_string() || !doc.contains("sessions") || !doc["sessions"].is_object()) {
        error = "not a schedule memory (" + std::string(kMemoryFormat) + ")";
        return std::nullopt;
    }
    ScheduleMemory memory;
    memory.event = doc["event"].get<std::string>();
    for (const auto& [id, plan] : doc["sessions"].items()) {
        if (!plan.is_object()) continue;
        const auto start = time_of(plan, "start"), end = time_of(plan, "end");
        if (!start || !end) continue;   // one damaged entry costs only that session's memory
        const auto location = plan.find("location");
        memory.first_seen[id] =
            PreviousPlan{*start, *end, location != plan.end() ? text_of(*location) : LocalizedText{}, string_at(plan, "area")};
    }
    error.clear();
    return memory;
}

bool change_mark_shown(const Session& s, const TimeZone& zone, std::int64_t now) {
    const bool moved = time_changed(s) || place_changed(s);
    if (!moved && !s.cancelled) return false;
    std::int64_t last_day = zone.day_number_at(s.start.unix_seconds);
    if (moved) last_day = std::max(last_day, zone.day_number_at(s.previous->start.unix_seconds));
    return zone.day_number_at(now) <= last_day;
}

std::vector<const Session*> todays_changes(const Feed& feed, const TimeZone& zone, std::int64_t now) {
    const std::int64_t today = zone.day_number_at(now);
    std::vector<const Session*> out;
    for (const Session& s : feed.schedule) {
        const bool moved = time_changed(s) || place_changed(s);
        if (!moved && !s.cancelled) continue;
        const bool on_today = zone.day_number_at(s.start.unix_seconds) == today ||
                              (moved && zone.day_number_at(s.previous->start.unix_seconds) == today);
        if (on_today) out.push_back(&s);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Session* a, const Session* b) { return a->start.unix_seconds < b->start.unix_seconds; });
    return out;
}

} // namespace kiosk
