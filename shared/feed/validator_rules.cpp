// Index of this file:
// [SECTION] Web addresses and pictures
// [SECTION] Times and dates
// [SECTION] The event, its sessions and products
// [SECTION] Live statistics
// [SECTION] The entry points: a feed, a live-stats document
#include "feed/validator_rules.h"

#include "feed/validator_announcements.h"
#include "feed/validator_links.h"
#include "feed/validator_members.h"
#include "feed/validator_venue.h"

#include "base/json_positions.h"
#include "base/text.h"
#include "base/time_zone.h"
#include "base/timestamp.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kiosk {

namespace {

using nlohmann::json;

// [SECTION] Web addresses and pictures
// A scheme ("ftp:", "data:") as opposed to a local path. One letter before
// the colon is a Windows drive, which counts as a path.
bool has_scheme(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        ++i;
    return i >= 2 && i < s.size() && s[i] == ':' && std::isalpha(static_cast<unsigned char>(s[0]));
}

// Items of one section without an image. Reported one by one when few; as
// one line when many, so a feed without photos (like the demo) stays readable.
struct MissingImages {
    const char* section;   // "/products"
    const char* what_en;   // "product"
    const char* whats_en;  // "products"
    const char* what_zh;   // "商品"
    std::vector<std::pair<std::string, std::string>> items;   // pointer, id

    static constexpr std::size_t kListed = 5;

    void report(ProblemSink& sink) const {
        if (items.size() <= kListed) {
            for (const auto& [pointer, id] : items)
                sink.warning(pointer, std::string("the ") + what_en + " has no image; a placeholder is shown",
                             std::string("该") + what_zh + "没有图片，将显示占位图");
            return;
        }
        std::string ids;
        for (std::size_t i = 0; i < kListed; ++i) ids += (i ? ", " : "") + items[i].second;
        const std::string more = std::to_string(items.size() - kListed);
        sink.warning(section,
                     std::to_string(items.size()) + " " + whats_en + " have no image (" + ids + " and " + more +
                         " more); placeholders are shown",
                     std::to_string(items.size()) + " 个" + what_zh + "没有图片（" + ids + " 等，另有 " + more +
                         " 个），将显示占位图");
    }
};

// An image is a web address or a local file path; empty or absent is noted in `missing`.
void check_image(const json& item, const std::string& pointer, MissingImages& missing, ProblemSink& sink) {
    const std::string image_pointer = pointer_append(pointer, "image");
    if (sink.has_error_at(image_pointer)) return;
    const std::string* image = string_member(item, "image", pointer, sink);
    if (!image || image->empty()) {
        const std::string* id = raw_string_member(item, "id");
        missing.items.emplace_back(pointer, id ? *id : pointer);
        return;
    }
    if (has_scheme(*image) && !is_web_address(*image))
        sink.error(image_pointer,
                   "image " + quote(*image) +
                       " must be a https:// or http:// address without spaces, or a local file path",
                   "图片 " + quote_zh(*image) + " 必须是不含空格的 https:// 或 http:// 网址，或本地文件路径");
}

// [SECTION] Times and dates
std::optional<std::int64_t> date_member(const json& item, const char* key, const std::string& pointer,
                                        ProblemSink& sink) {
    const std::string* text = string_member(item, key, pointer, sink);
    if (!text) return std::nullopt;
    auto days = parse_date(*text);
    if (!days)
        sink.error(pointer_append(pointer, key),
                   "not a date: " + quote(*text) + "; write YYYY-MM-DD, e.g. 2020-05-15",
                   "日期格式错误：" + quote_zh(*text) + "；应为 YYYY-MM-DD，例如 2020-05-15");
    return days;
}

// [SECTION] The event, its sessions and products
struct EventDays {
    std::optional<std::int64_t> first, last;
    std::optional<TimeZone> zone;   // the event's; days are counted in it, as the kiosk shows them

    // The calendar day of an instant in the event's zone (in the offset it was
    // written with when the zone is unknown: that is already reported).
    std::int64_t local_day(const Timestamp& t) const {
        if (zone) return zone->day_number_at(t.unix_seconds);
        const std::int64_t local = t.unix_seconds + t.offset_minutes * 60;
        return local >= 0 ? local / 86400 : (local - 86399) / 86400;
    }
};

EventDays check_event(const json& doc, ProblemSink& sink) {
    EventDays days;
    const auto it = doc.find("event");
    if (it == doc.end() || !it->is_object()) return days;
    const json& event = *it;
    days.first = date_member(event, "first_day", "/event", sink);
    days.last = date_member(event, "last_day", "/event", sink);
    if (days.first && days.last && *days.last < *days.first) {
        sink.error("/event/last_day",
                   "the last day " + format_date(*days.last) + " is before the first day " + format_date(*days.first),
                   "结束日期 " + format_date(*days.last) + " 早于开始日期 " + format_date(*days.first));
        days = {};
    }
    const std::string* zone = string_member(event, "time_zone", "/event", sink);
    if (zone) days.zone = TimeZone::load(*zone, nullptr);   // refuses "..", absolute paths, non-TZif files
    if (zone && !days.zone)
        sink.error("/event/time_zone", "unknown time zone " + quote(*zone) + ": use an IANA name such as Asia/Shanghai",
                   "未知时区 " + quote_zh(*zone) + "：请使用 IANA 时区名，例如 Asia/Shanghai");
    return days;
}

// [issue 16: schedule changes] previous_start/previous_end: times, the old end after the old start;
// a warning when they state no change at all (nothing would be marked).
void check_previous_plan(const json& session, const std::string& pointer, const std::optional<Timestamp>& start,
                         const std::optional<Timestamp>& end, ProblemSink& sink) {
    const bool has_start = session.contains("previous_start"), has_end = session.contains("previous_end");
    if (!has_start && !has_end) return;
    const auto old_start = has_start ? timestamp_member(session, "previous_start", pointer, sink) : start;
    const auto old_end = has_end ? timestamp_member(session, "previous_end", pointer, sink) : end;
    if (!old_start || !old_end) return;
    if (old_end->unix_seconds <= old_start->unix_seconds) {
        sink.error(pointer_append(pointer, has_end ? "previous_end" : "previous_start"),
                   "the previous time ends before or when it starts: previous_end must be after previous_start "
                   "(a missing one is the current start or end)",
                   "原定时间的结束不晚于开始：previous_end 必须晚于 previous_start（未写的一项按现在的 start 或 end 计）");
        return;
    }
    if (start && end && old_start->unix_seconds == start->unix_seconds && old_end->unix_seconds == end->unix_seconds &&
        !session.contains("previous_location"))
        sink.warning(pointer_append(pointer, has_start ? "previous_start" : "previous_end"),
                     "the previous time is the same as start and end: the session is not marked as changed",
                     "原定时间与现在的 start、end 相同：该场次不会标为已调整");
}

void check_session(const json& session, const std::string& pointer, const IdTable* counties, const VenueIds& venue,
                   const EventDays& days, ProblemSink& sink) {
    check_reference(counties, session, "county", pointer, "counties", "county", "县区", sink);
    check_area_reference(venue, session, "area", pointer, sink);
    check_url(session, "watch_url", pointer, sink);
    const auto start = timestamp_member(session, "start", pointer, sink);
    const auto end = timestamp_member(session, "end", pointer, sink);
    check_previous_plan(session, pointer, start, end, sink);
    if (start && end && end->unix_seconds <= start->unix_seconds) {
        if (end->unix_seconds < start->unix_seconds)
            sink.error(pointer_append(pointer, "end"), "the session ends before it starts", "场次的结束时间早于开始时间");
        else
            sink.error(pointer_append(pointer, "end"), "the session ends the moment it starts; end must be after start",
                       "场次的结束时间等于开始时间；结束时间必须晚于开始时间");
        return;
    }
    if (!days.first || !days.last) return;
    const std::string range_en = format_date(*days.first) + " to " + format_date(*days.last);
    const std::string range_zh = format_date(*days.first) + " 至 " + format_date(*days.last);
    if (start && (days.local_day(*start) < *days.first || days.local_day(*start) > *days.last)) {
        sink.warning(pointer_append(pointer, "start"),
                     "starts on " + format_date(days.local_day(*start)) + ", outside the event's days " + range_en,
                     "开始日期 " + format_date(days.local_day(*start)) + " 不在活动日期 " + range_zh + " 之内");
    } else if (end) {
        Timestamp last_moment = *end;
        last_moment.unix_seconds -= 1;   // ending at midnight still belongs to the day before
        if (days.local_day(last_moment) > *days.last)
            sink.warning(pointer_append(pointer, "end"),
                         "ends on " + format_date(days.local_day(last_moment)) + ", after the event's days " + range_en,
                         "结束日期 " + format_date(days.local_day(last_moment)) + " 晚于活动日期 " + range_zh);
    }
}

void check_product(const json& product, const std::string& pointer, const IdTable* counties, MissingImages& missing,
                   OrderLinkNotes& links, ProblemSink& sink) {
    check_reference(counties, product, "county", pointer, "counties", "county", "县区", sink);
    check_image(product, pointer, missing, sink);
    check_url(product, "order_url", pointer, sink);
    check_order_links(product, pointer, links, sink);
    if (bool_member(product, "featured") && bool_member(product, "sold_out"))
        sink.warning(pointer_append(pointer, "sold_out"), "a featured product is sold out",
                     "推荐商品已售罄");
}

// [SECTION] Live statistics
// [Issue 16, live figures] A session's on-air product and history: the product
// known (when the products are), history times real and in order, figures not falling.
void check_live_additions(const json& entry, const std::string& pointer, const IdTable* products, ProblemSink& sink) {
    check_reference(products, entry, "on_air_product", pointer, "products", "product", "商品", sink);
    const json* history = array_member(entry, "history");
    if (!history) return;
    std::optional<Timestamp> previous;
    const json* previous_point = nullptr;
    for (std::size_t k = 0; k < history->size(); ++k) {
        const json& point = (*history)[k];
        const std::string point_pointer = pointer_append(pointer_append(pointer, "history"), k);
        const auto at = timestamp_member(point, "at", point_pointer, sink);
        if (!at) continue;
        if (previous && at->unix_seconds <= previous->unix_seconds) {
            sink.warning(pointer_append(point_pointer, "at"),
                         "history point is not later than the one before it; the kiosk sorts them by time",
                         "历史数据点的时间不晚于前一个点；看板将按时间排序");
        } else if (previous_point) {
            for (const char* key : {"viewers", "orders", "revenue_fen"}) {
                const json* now = number_member(point, key);
                const json* before = number_member(*previous_point, key);
                if (now && before && now->is_number_integer() && before->is_number_integer() &&
                    now->get<std::int64_t>() < before->get<std::int64_t>())
                    sink.warning(pointer_append(point_pointer, key),
                                 std::string(key) + " falls from the point before; cumulative figures only grow, the "
                                 "kiosk's curve stays at the higher one",
                                 std::string(key) + " 低于前一个点；累计数据只增不减，看板曲线保持较高值");
            }
        }
        previous = at;
        previous_point = &point;
    }
}

// The live section; `sessions` and `products` are null when not known (a
// live-only document, or a feed whose section is missing).
void check_live(const json& live, const IdTable* sessions, const IdTable* products, ProblemSink& sink) {
    const json* entries = array_member(live, "sessions");
    if (!entries) return;
    IdTable seen_sessions;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const json& entry = (*entries)[i];
        const std::string pointer = pointer_append("/live/sessions", i);
        if (const std::string* id = string_member(entry, "session", pointer, sink)) {
            const auto [first, inserted] = seen_sessions.emplace(*id, pointer);
            if (!inserted)
                sink.error(pointer_append(pointer, "session"),
                           "live stats for session " + quote(*id) + " appear twice (first at " + first->second + ")",
                           "场次 " + quote_zh(*id) + " 的直播数据重复（首次出现在 " + first->second + "）");
            else
                check_reference(sessions, entry, "session", pointer, "schedule", "session", "场次", sink);
        }
        if (const json* platforms = array_member(entry, "platforms")) {
            IdTable seen_platforms;
            for (std::size_t j = 0; j < platforms->size(); ++j) {
                const json& platform = (*platforms)[j];
                const std::string platform_pointer = pointer_append(pointer_append(pointer, "platforms"), j);
                timestamp_member(platform, "updated_at", platform_pointer, sink);
                const std::string* key = string_member(platform, "platform", platform_pointer, sink);
                if (!key) continue;
                const auto [first, inserted] = seen_platforms.emplace(*key, platform_pointer);
                if (!inserted)
                    sink.error(pointer_append(platform_pointer, "platform"),
                               "platform " + quote(*key) + " appears twice in this session (first at " + first->second + ")",
                               "平台 " + quote_zh(*key) + " 在本场次中重复（首次出现在 " + first->second + "）");
            }
        }
        if (const json* top = array_member(entry, "top_products")) {
            for (std::size_t k = 0; k < top->size(); ++k)
                check_reference(products, (*top)[k], "product", pointer_append(pointer_append(pointer, "top_products"), k),
                                "products", "product", "商品", sink);
        }
        check_live_additions(entry, pointer, products, sink);   // [Issue 16, live figures]
    }
}

} // namespace

// [SECTION] The entry points: a feed, a live-stats document
void check_feed_rules(const json& doc, ProblemSink& sink) {
    if (!doc.is_object()) return;
    const EventDays days = check_event(doc, sink);

    IdTable counties, products, sessions;
    const json* county_list = array_member(doc, "counties");
    if (county_list) {
        MissingImages missing{"/counties", "county", "counties", "县区", {}};
        for (std::size_t i = 0; i < county_list->size(); ++i) {
            const std::string pointer = pointer_append("/counties", i);
            check_unique(counties, (*county_list)[i], pointer, "county", "县区", sink);
            check_image((*county_list)[i], pointer, missing, sink);
        }
        missing.report(sink);
    }

    const IdTable* known_counties = county_list ? &counties : nullptr;
    const VenueIds venue = check_venue_rules(doc, known_counties, sink);
    if (county_list)
        for (std::size_t i = 0; i < county_list->size(); ++i)
            check_area_reference(venue, (*county_list)[i], "booth_area", pointer_append("/counties", i), sink);
    std::unordered_map<std::string, std::size_t> products_per_county;
    const json* product_list = array_member(doc, "products");
    if (const json* list = product_list) {
        MissingImages missing{"/products", "product", "products", "商品", {}};
        OrderLinkNotes links;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append("/products", i);
            check_unique(products, (*list)[i], pointer, "product", "商品", sink);
            check_product((*list)[i], pointer, known_counties, missing, links, sink);
            if (const std::string* county = string_member((*list)[i], "county", pointer, sink))
                ++products_per_county[*county];
        }
        missing.report(sink);
        links.report(sink);
    }

    if (county_list && product_list) {
        for (std::size_t i = 0; i < county_list->size(); ++i) {
            const std::string pointer = pointer_append("/counties", i);
            const std::string* id = raw_string_member((*county_list)[i], "id");
            if (id && counties.at(*id) == pointer && !products_per_county.count(*id))
                sink.warning(pointer, "county " + quote(*id) + " has no products",
                             "县区 " + quote_zh(*id) + " 没有商品");
        }
    }

    const json* schedule_list = array_member(doc, "schedule");
    if (const json* list = schedule_list) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append("/schedule", i);
            check_unique(sessions, (*list)[i], pointer, "session", "场次", sink);
            check_session((*list)[i], pointer, known_counties, venue, days, sink);
        }
    }

    if (const auto live = doc.find("live"); live != doc.end() && live->is_object())
        check_live(*live, schedule_list ? &sessions : nullptr, product_list ? &products : nullptr, sink);
    check_announcement_rules(doc, sink);
}

void check_live_rules(const json& doc, ProblemSink& sink) {
    if (!doc.is_object()) return;
    if (const auto live = doc.find("live"); live != doc.end() && live->is_object())
        check_live(*live, nullptr, nullptr, sink);
}

} // namespace kiosk
