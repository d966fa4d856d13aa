// Index of this file:
// [SECTION] Helpers: kinds, languages, durations, texts
// [SECTION] The importer: its state, problems, parsing
// [SECTION] One schedule event into a session
// [SECTION] The import: read, merge, validate
// [SECTION] The entry point
#include "import/schedule_import.h"

#include "base/json_positions.h"
#include "base/time_zone.h"
#include "base/timestamp.h"
#include "base/utf8.h"
#include "feed/validator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

namespace kiosk {

namespace {

using ojson = nlohmann::ordered_json;

// [SECTION] Helpers: kinds, languages, durations, texts
// Which kind a pretalx "type" or "track" names, by keyword.
constexpr std::pair<std::string_view, std::string_view> kKindWords[] = {
    {"live", "live_stream"}, {"直播", "live_stream"}, {"ceremony", "ceremony"}, {"opening", "ceremony"},
    {"closing", "ceremony"}, {"仪式", "ceremony"},    {"开幕", "ceremony"},     {"闭幕", "ceremony"},
    {"market", "market"},    {"展销", "market"},      {"talk", "talk"},         {"lecture", "talk"},
    {"keynote", "talk"},     {"workshop", "talk"},    {"panel", "talk"},        {"讲座", "talk"},
    {"论坛", "talk"},        {"分享", "talk"},        {"报告", "talk"},
};

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Chinese when the text has a CJK character, else English.
Lang language_of(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();)
        if (next_code_point(text, pos) >= 0x2E80) return Lang::zh;
    return Lang::en;
}

std::string string_of(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return {};
}

// "01:30", "1:30" or "01:30:00" → seconds; nullopt otherwise.
std::optional<std::int64_t> parse_duration(std::string_view text) {
    std::vector<std::int64_t> parts;
    for (std::size_t pos = 0;;) {
        const std::size_t colon = std::min(text.find(':', pos), text.size());
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + colon, value);
        if (ec != std::errc() || end != text.data() + colon || value < 0 || parts.size() == 3) return std::nullopt;
        parts.push_back(value);
        if (colon == text.size()) break;
        pos = colon + 1;
    }
    if (parts.size() < 2 || parts[1] > 59 || (parts.size() == 3 && parts[2] > 59) || parts[0] > 24 * 14)
        return std::nullopt;
    return parts[0] * 3600 + parts[1] * 60 + (parts.size() == 3 ? parts[2] : 0);
}

// [issue 16: schedule changes] Whether the schedule marks the event cancelled. Neither export has a
// standard field for it (frab renders accepted events only, pretalx confirmed ones), so what tools and
// organisers write is read: frab's and pretalx's state names ("state": "canceled"/"cancelled"/"withdrawn"),
// a boolean "cancelled"/"canceled", or a title starting with a marker and a separator ("CANCELLED: …",
// "[Abgesagt] …", "【已取消】…", "取消：…"), which is cut from the title.
bool cancelled_in_schedule(const nlohmann::json& event, std::string& title) {
    const std::string state = lower_ascii(string_of(event, "state"));
    bool cancelled = state == "canceled" || state == "cancelled" || state == "withdrawn";
    for (const char* key : {"cancelled", "canceled"})
        if (const auto it = event.find(key); it != event.end() && it->is_boolean() && it->get<bool>()) cancelled = true;
    constexpr std::string_view kOpen[] = {"[", "【", "(", "（"};
    constexpr std::string_view kMarkers[] = {"cancelled", "canceled", "abgesagt", "已取消", "取消"};
    constexpr std::string_view kSeparators[] = {" ", ":", "：", "-", "–", "—", "]", "】", ")", "）", "·"};
    std::size_t pos = 0;
    for (std::string_view open : kOpen)
        if (title.compare(0, open.size(), open) == 0) pos = open.size();
    const std::string lowered = lower_ascii(title);
    for (std::string_view marker : kMarkers) {
        if (lowered.compare(pos, marker.size(), marker) != 0) continue;
        std::size_t rest = pos + marker.size();
        const std::size_t after_marker = rest;
        for (bool more = true; more;) {
            more = false;
            for (std::string_view sep : kSeparators)
                if (title.compare(rest, sep.size(), sep) == 0) rest += sep.size(), more = true;
        }
        if (rest == after_marker || rest >= title.size()) break;   // no separator, or nothing after: a real title
        title = title.substr(rest);
        return true;
    }
    return cancelled;
}

// Sets one language of a feed text, keeping the other one the feed has.
void merge_text(ojson& session, const char* key, Lang lang, const std::string& value) {
    if (value.empty()) return;
    ojson text = ojson::object();
    if (session.contains(key)) {
        const ojson& old = session[key];
        if (old.is_string()) text["zh"] = old;
        else if (old.is_object()) text = old;
    }
    text[std::string(lang_code(lang))] = value;
    session[key] = std::move(text);
}

// [SECTION] The importer: its state, problems, parsing
struct SourceEvent {
    std::string pointer;   // in the schedule file
    std::int64_t start = 0;
    ojson session;
};

class ScheduleImporter {
public:
    ScheduleImporter(std::string_view schedule, std::string_view feed, std::string_view schedule_name,
                     std::string_view feed_name)
        : schedule_text_(schedule), feed_text_(feed), schedule_name_(schedule_name), feed_name_(feed_name) {}
    ImportResult run();

private:
    void problem(bool in_schedule, const std::string& pointer, std::string en, std::string zh,
                 Severity severity = Severity::error) {
        Problem p;
        p.severity = severity;
        p.pointer = pointer;
        const std::string_view text = in_schedule ? schedule_text_ : feed_text_;
        const auto found = pointer.empty() ? decltype(locate_pointers(text, {})){} : locate_pointers(text, {pointer});
        if (auto it = found.find(pointer); it != found.end()) {
            const TextPosition at = LineIndex(text).at(it->second);
            p.line = at.line;
            p.column = at.column;
        }
        p.message_en = std::move(en);
        p.message_zh = std::move(zh);
        result_.problems.push_back({std::string(in_schedule ? schedule_name_ : feed_name_), std::move(p)});
        errors_ += severity == Severity::error;
    }
    template <typename Json>
    std::optional<Json> parse(bool in_schedule) {
        const std::string_view text = in_schedule ? schedule_text_ : feed_text_;
        // The parser recurses per nesting level: refuse absurd depth before it sees the text.
        if (const auto deep = find_depth_excess(text, ParseLimits{}.max_depth)) {
            problem(in_schedule, "", "nested too deeply at byte " + std::to_string(*deep + 1),
                    "嵌套层级过深（第 " + std::to_string(*deep + 1) + " 字节）");
            return std::nullopt;
        }
        try {
            return Json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            Problem p;
            const TextPosition at = LineIndex(text).at(e.byte > 0 ? e.byte - 1 : 0);
            p.line = at.line;
            p.column = at.column;
            p.message_en = "not valid JSON";
            p.message_zh = "不是有效的 JSON";
            result_.problems.push_back({std::string(in_schedule ? schedule_name_ : feed_name_), std::move(p)});
            ++errors_;
            return std::nullopt;
        }
    }
    void import_event(const nlohmann::json& event, const std::string& pointer, const std::string& room,
                      const std::string& day_date);

    std::string_view schedule_text_, feed_text_, schedule_name_, feed_name_;
    ImportResult result_;
    std::size_t errors_ = 0;
    std::optional<TimeZone> zone_;   // the conference's, for events written without an offset
    std::map<std::string, ojson> existing_;   // the feed's sessions by id
    std::vector<SourceEvent> events_;
};

// [SECTION] One schedule event into a session
void ScheduleImporter::import_event(const nlohmann::json& event, const std::string& pointer, const std::string& room,
                                    const std::string& day_date) {
    if (!event.is_object()) {
        problem(true, pointer, "an event must be an object", "每个日程项应为对象");
        return;
    }
    std::string id = string_of(event, "id");
    if (id.empty()) id = string_of(event, "guid");
    if (id.empty()) {
        problem(true, pointer, "the event has neither id nor guid", "日程项缺少 id 和 guid");
        return;
    }
    // The start: `date` with its offset; else day and "HH:MM" in the conference's zone.
    std::optional<Timestamp> start = parse_iso8601(string_of(event, "date"));
    const std::string hhmm = string_of(event, "start");
    if (!start && zone_ && hhmm.size() == 5) {
        if (auto local = parse_iso8601(day_date + "T" + hhmm + ":00Z")) {
            const int guess = zone_->offset_seconds_at(local->unix_seconds);
            const int offset = zone_->offset_seconds_at(local->unix_seconds - guess);
            start = Timestamp{local->unix_seconds - offset, offset / 60, true};
        }
    }
    if (!start) {
        problem(true, pointer_append(pointer, "date"),
                "no start time: date must be ISO 8601 with an offset, e.g. 2020-05-16T19:30:00+08:00",
                "缺少开始时间：date 应为带时区偏移的 ISO 8601 时间，例如 2020-05-16T19:30:00+08:00");
        return;
    }
    const auto duration = parse_duration(string_of(event, "duration"));
    if (!duration) {
        problem(true, pointer_append(pointer, "duration"), "duration must be HH:MM, e.g. 01:30",
                "duration 应写成 HH:MM，例如 01:30");
        return;
    }
    Timestamp end = *start;
    end.unix_seconds += *duration;

    const auto old = existing_.find(id);
    ojson session = old != existing_.end() ? old->second : ojson::object();
    session["id"] = id;
    std::string title = string_of(event, "title");
    if (cancelled_in_schedule(event, title)) session["cancelled"] = true;   // kept, marked 已取消
    else session.erase("cancelled");
    const std::string language = lower_ascii(string_of(event, "language"));
    const Lang lang = language.rfind("zh", 0) == 0 ? Lang::zh : language.rfind("en", 0) == 0 ? Lang::en : language_of(title);
    merge_text(session, "title", lang, title);
    session["start"] = format_iso8601(*start);
    session["end"] = format_iso8601(end);
    merge_text(session, "location", language_of(room), room);
    std::string speakers;
    if (event.contains("persons") && event["persons"].is_array())
        for (const auto& person : event["persons"]) {
            std::string name = string_of(person, "public_name");
            if (name.empty()) name = string_of(person, "name");
            if (name.empty()) name = string_of(person, "full_public_name");
            if (!name.empty()) speakers += (speakers.empty() ? "" : lang == Lang::zh ? "、" : ", ") + name;
        }
    std::string description = string_of(event, "abstract");
    if (description.empty()) description = string_of(event, "description");
    if (!speakers.empty())
        description = (lang == Lang::zh ? "主讲：" : "With ") + speakers + (description.empty() ? "" : "\n\n" + description);
    merge_text(session, "description", lang, description);
    const std::string kind_text = lower_ascii(string_of(event, "type") + " " + string_of(event, "track"));
    for (const auto& [word, kind] : kKindWords)
        if (kind_text.find(word) != std::string::npos) {
            session["kind"] = std::string(kind);
            break;
        }
    events_.push_back({pointer, start->unix_seconds, std::move(session)});
}

// [SECTION] The import: read, merge, validate
ImportResult ScheduleImporter::run() {
    const auto schedule = parse<nlohmann::json>(true);
    auto feed = parse<ojson>(false);
    if (!schedule || !feed) return std::move(result_);
    if (!feed->is_object() || !feed->contains("event")) {
        problem(false, "", "not a feed: it has no event (make one with kiosk import-csv, or start from the demo feed)",
                "不是 feed：缺少 event（可用 kiosk import-csv 生成，或从示例 feed 开始）");
        return std::move(result_);
    }
    const nlohmann::json* conference = nullptr;
    if (schedule->is_object() && schedule->contains("schedule") && (*schedule)["schedule"].is_object() &&
        (*schedule)["schedule"].contains("conference"))
        conference = &(*schedule)["schedule"]["conference"];
    if (!conference || !conference->is_object() || !conference->contains("days") || !(*conference)["days"].is_array()) {
        problem(true, "", "not a pretalx or frab schedule.json: schedule.conference.days is missing",
                "不是 pretalx 或 frab 的 schedule.json：缺少 schedule.conference.days");
        return std::move(result_);
    }
    std::string zone_error;
    const std::string zone_name = string_of(*conference, "time_zone_name");
    if (!zone_name.empty()) zone_ = TimeZone::load(zone_name, &zone_error);
    if (feed->contains("schedule") && (*feed)["schedule"].is_array())
        for (const ojson& s : (*feed)["schedule"])
            if (s.is_object() && s.contains("id") && s["id"].is_string()) existing_[s["id"].get<std::string>()] = s;

    const auto& days = (*conference)["days"];
    std::size_t rooms_seen = 0;
    for (std::size_t d = 0; d < days.size(); ++d) {
        const std::string day_pointer = pointer_append("/schedule/conference/days", d);
        const auto& day = days[d];
        if (!day.is_object() || !day.contains("rooms") || !day["rooms"].is_object()) {
            problem(true, day_pointer, "a day needs a rooms object", "每天应有 rooms 对象");
            continue;
        }
        for (const auto& [room, events] : day["rooms"].items()) {
            ++rooms_seen;
            const std::string room_pointer = pointer_append(pointer_append(day_pointer, "rooms"), room);
            if (!events.is_array()) {
                problem(true, room_pointer, "a room's events must be a list", "每个会场的日程应为数组");
                continue;
            }
            for (std::size_t e = 0; e < events.size(); ++e) {
                const std::string where = string_of(events[e], "room");
                import_event(events[e], pointer_append(room_pointer, e), where.empty() ? room : where,
                             string_of(day, "date"));
            }
        }
    }
    if (errors_ > 0) return std::move(result_);

    std::stable_sort(events_.begin(), events_.end(), [](const SourceEvent& a, const SourceEvent& b) {
        return a.start < b.start;
    });
    ojson sessions = ojson::array();
    std::size_t kept = 0;
    for (const SourceEvent& e : events_) {
        kept += existing_.erase(e.session["id"].get<std::string>());
        sessions.push_back(e.session);
    }
    (*feed)["schedule"] = std::move(sessions);
    result_.notes.push_back(std::string(schedule_name_) + ": " +
                            std::to_string(events_.size()) + " events on " + std::to_string(days.size()) +
                            " days in " + std::to_string(rooms_seen) + " day-rooms; " + std::to_string(kept) +
                            " replace sessions of the same id, " + std::to_string(existing_.size()) +
                            " sessions not in the schedule are dropped");
    std::string text = feed->dump(2) + "\n";
    const FeedParseResult checked = parse_feed(text);
    for (const Problem& p : checked.problems) {
        // A session's problem is shown at the schedule event it came from.
        constexpr std::string_view kPrefix = "/schedule/";
        std::size_t index = 0;
        if (p.pointer.rfind(kPrefix, 0) == 0 &&
            std::from_chars(p.pointer.data() + kPrefix.size(), p.pointer.data() + p.pointer.size(), index).ec ==
                std::errc() &&
            index < events_.size()) {
            const std::size_t rest = p.pointer.find('/', kPrefix.size());
            problem(true, events_[index].pointer,
                    (rest == std::string::npos ? "" : p.pointer.substr(rest + 1) + ": ") + p.message_en,
                    p.message_zh, p.severity);
        } else {
            problem(false, p.pointer, p.message_en, p.message_zh, p.severity);
        }
    }
    if (checked.ok()) result_.feed_json = std::move(text);
    return std::move(result_);
}

} // namespace

// [SECTION] The entry point
ImportResult import_schedule(std::string_view schedule_json, std::string_view feed_json, std::string_view schedule_name,
                             std::string_view feed_name) {
    return ScheduleImporter(schedule_json, feed_json, schedule_name, feed_name).run();
}

} // namespace kiosk
