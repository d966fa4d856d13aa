#include "feed/validator_announcements.h"

#include "base/json_positions.h"
#include "feed/validator_build.h"
#include "feed/validator_members.h"

namespace kiosk {

using nlohmann::json;

void check_announcement_rules(const json& doc, ProblemSink& sink) {
    const json* list = doc.is_object() ? array_member(doc, "announcements") : nullptr;
    if (!list) return;
    IdTable ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string pointer = pointer_append("/announcements", i);
        if (!item.is_object()) continue;   // the schema said so
        check_unique(ids, item, pointer, "announcement", "公告", sink);
        const auto starts = timestamp_member(item, "starts_at", pointer, sink);
        const auto ends = timestamp_member(item, "ends_at", pointer, sink);
        if (starts && ends && ends->unix_seconds <= starts->unix_seconds)
            sink.error(pointer_append(pointer, "ends_at"),
                       "the announcement ends before or when it starts: ends_at must be after starts_at",
                       "公告的结束时间不晚于开始时间：ends_at 必须晚于 starts_at");
        const auto text = item.find("text");
        if (text != item.end() && text->is_object() && !text->contains("en"))
            sink.warning(pointer_append(pointer, "text"), "no English text: visitors reading English see the Chinese",
                         "没有英文文本：英文界面的观众将看到中文");
    }
}

std::vector<Announcement> build_announcements(const json& doc) {
    std::vector<Announcement> out;
    const auto list = doc.find("announcements");
    if (list == doc.end() || !list->is_array()) return out;
    for (const json& item : *list) {
        Announcement a;
        a.id = item.value("id", "");
        parse_severity(item.value("severity", "info"), a.severity);
        a.text = text_from_json(item.at("text"));
        a.starts_at = parse_iso8601(item.value("starts_at", "")).value_or(Timestamp{});
        a.ends_at = parse_iso8601(item.value("ends_at", "")).value_or(Timestamp{});
        if (const auto targets = item.find("targets"); targets != item.end() && targets->is_array())
            for (const json& t : *targets)
                if (t.is_string()) a.targets.push_back(t.get<std::string>());
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace kiosk
