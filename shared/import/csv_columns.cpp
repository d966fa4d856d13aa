// Index of this file:
// [SECTION] The columns of each sheet, and the words for kinds
// [SECTION] Dates, flags
// [SECTION] Headers, cells, tags, prices
// [SECTION] Polygons, split numbers, order links
// [SECTION] One cell as JSON
#include "import/csv_columns.h"

#include "base/text.h"
#include "base/timestamp.h"
#include "feed/order_platforms.h"
#include "feed/problems.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <utility>
#include <vector>

namespace kiosk {

namespace {

using K = CellKind;

// [SECTION] The columns of each sheet, and the words for kinds

constexpr CsvColumn kCounty[] = {
    {"id", K::id, "id", "编号", true},
    {"name", K::text_zh, "name_zh", "名称", true},
    {"name", K::text_en, "name_en", "英文名称", true},
    {"blurb", K::text_zh, "blurb_zh", "简介"},
    {"blurb", K::text_en, "blurb_en", "英文简介"},
    {"image", K::plain, "image", "图片"},
    {"booth_area", K::id, "booth_area", "展位"},
    {"search_terms", K::terms, "search_terms", "搜索别名"},
};

constexpr CsvColumn kProduct[] = {
    {"id", K::id, "id", "编号", true},
    {"county", K::county, "county", "县区", true},
    {"name", K::text_zh, "name_zh", "名称", true},
    {"name", K::text_en, "name_en", "英文名称", true},
    {"producer", K::text_zh, "producer_zh", "生产企业"},
    {"producer", K::text_en, "producer_en", "英文生产企业"},
    {"price_fen", K::price, "price", "价格", true},
    {"unit", K::text_zh, "unit_zh", "规格", true},
    {"unit", K::text_en, "unit_en", "英文规格", true},
    {"image", K::plain, "image", "图片"},
    {"order_url", K::plain, "order_url", "下单链接"},
    {"order_links", K::order_links, "order_links", "各平台下单链接"},
    {"tags", K::tags_zh, "tags_zh", "标签"},
    {"tags", K::tags_en, "tags_en", "英文标签"},
    {"featured", K::flag, "featured", "推荐"},
    {"sold_out", K::flag, "sold_out", "售罄"},
    {"description", K::text_zh, "description_zh", "介绍"},
    {"description", K::text_en, "description_en", "英文介绍"},
    {"search_terms", K::terms, "search_terms", "搜索别名"},
};

constexpr CsvColumn kSchedule[] = {
    {"id", K::id, "id", "编号", true},
    {"title", K::text_zh, "title_zh", "标题", true},
    {"title", K::text_en, "title_en", "英文标题", true},
    {"start", K::time, "start", "开始时间", true},
    {"end", K::time, "end", "结束时间", true},
    {"location", K::text_zh, "location_zh", "地点"},
    {"location", K::text_en, "location_en", "英文地点"},
    {"county", K::county, "county", "县区"},
    {"kind", K::kind, "kind", "类型"},
    {"description", K::text_zh, "description_zh", "介绍"},
    {"description", K::text_en, "description_en", "英文介绍"},
    {"watch_url", K::plain, "watch_url", "观看链接"},
    {"area", K::id, "area", "区域"},
    {"search_terms", K::terms, "search_terms", "搜索别名"},
};

constexpr CsvColumn kArea[] = {
    {"id", K::id, "id", "编号", true},
    {"name", K::text_zh, "name_zh", "名称", true},
    {"name", K::text_en, "name_en", "英文名称", true},
    {"kind", K::area_kind, "kind", "类型", true},
    {"floor", K::id, "floor", "楼层", true},
    {"polygon", K::polygon, "polygon", "轮廓", true},
    {"door", K::id, "door", "门", true},
    {"county", K::county, "county", "县区"},
    {"search_terms", K::terms, "search_terms", "搜索别名"},
};

// Area kinds as organisers write them.
constexpr std::pair<std::string_view, std::string_view> kAreaKinds[] = {
    {"hall", "hall"},       {"展厅", "hall"},        {"会场", "hall"},        {"booth", "booth"},
    {"展位", "booth"},      {"studio", "studio"},    {"直播间", "studio"},    {"stage", "stage"},
    {"舞台", "stage"},      {"market", "market"},    {"展销区", "market"},    {"service_desk", "service_desk"},
    {"服务台", "service_desk"}, {"toilet", "toilet"}, {"卫生间", "toilet"},   {"洗手间", "toilet"},
    {"厕所", "toilet"},     {"entrance", "entrance"}, {"入口", "entrance"},   {"exit", "exit"},
    {"出口", "exit"},       {"first_aid", "first_aid"}, {"急救", "first_aid"}, {"医务室", "first_aid"},
    {"lift", "lift"},       {"电梯", "lift"},        {"stairs", "stairs"},    {"楼梯", "stairs"},
};

// Session kinds as organisers write them.
constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
    {"live_stream", "live_stream"}, {"直播", "live_stream"}, {"直播带货", "live_stream"},
    {"ceremony", "ceremony"},       {"仪式", "ceremony"},   {"开幕式", "ceremony"}, {"闭幕式", "ceremony"},
    {"talk", "talk"},               {"讲座", "talk"},       {"论坛", "talk"},       {"分享", "talk"},
    {"market", "market"},           {"展销", "market"},     {"市集", "market"},
    {"other", "other"},             {"其他", "other"},
};

// [SECTION] Dates, flags

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view what) {
    return text.substr(pos, what.size()) == what;
}

// Reads one or more digits at `pos` into `value` (at most 9 of them).
bool read_number(std::string_view text, std::size_t& pos, int& value) {
    const std::size_t first = pos;
    value = 0;
    while (pos < text.size() && pos - first < 9 && text[pos] >= '0' && text[pos] <= '9') value = value * 10 + (text[pos++] - '0');
    return pos > first;
}

// "2020-05-16 19:30", "2020/5/16 19:30:00", "2020-05-16T19:30" as a local time in `zone`.
std::optional<Timestamp> parse_local_time(std::string_view text, const TimeZone& zone) {
    std::size_t pos = 0;
    int year, month, day, hour, minute, second = 0;
    if (!read_number(text, pos, year) || pos >= text.size() || (text[pos] != '-' && text[pos] != '/')) return std::nullopt;
    const char date_separator = text[pos++];
    if (!read_number(text, pos, month) || pos >= text.size() || text[pos++] != date_separator) return std::nullopt;
    if (!read_number(text, pos, day) || pos >= text.size() || (text[pos] != ' ' && text[pos] != 'T')) return std::nullopt;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) ++pos;
    if (!read_number(text, pos, hour) || pos >= text.size() || text[pos++] != ':') return std::nullopt;
    if (!read_number(text, pos, minute)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':' && !read_number(text, ++pos, second)) return std::nullopt;
    if (pos != text.size() || year < 1970 || year > 9999 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    const auto days = parse_date(date);
    if (!days) return std::nullopt;
    const std::int64_t local = *days * 86400 + hour * 3600 + minute * 60 + second;
    // The offset in effect then: guess from the local time, then settle on the instant's own.
    const int guess = zone.offset_seconds_at(local);
    const int offset = zone.offset_seconds_at(local - guess);
    Timestamp t;
    t.unix_seconds = local - offset;
    t.offset_minutes = offset / 60;
    t.valid = true;
    return t;
}

std::optional<bool> parse_flag(const std::string& cell) {
    static const std::array<std::string_view, 9> yes = {"是", "y", "yes", "true", "1", "x", "√", "✓", "有"};
    static const std::array<std::string_view, 7> no = {"否", "n", "no", "false", "0", "无", "-"};
    const std::string lower = normalize_header(cell);
    for (std::string_view y : yes)
        if (lower == y) return true;
    for (std::string_view n : no)
        if (lower == n) return false;
    return std::nullopt;
}

} // namespace

// [SECTION] Headers, cells, tags, prices

std::span<const CsvColumn> county_columns() { return kCounty; }
std::span<const CsvColumn> product_columns() { return kProduct; }
std::span<const CsvColumn> schedule_columns() { return kSchedule; }
std::span<const CsvColumn> area_columns() { return kArea; }

std::string trim_cell(std::string_view text) {
    constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";
    for (;;) {
        if (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
        else if (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        else if (starts_with_at(text, 0, kFullWidthSpace)) text.remove_prefix(kFullWidthSpace.size());
        else if (text.size() >= 3 && text.substr(text.size() - 3) == kFullWidthSpace) text.remove_suffix(3);
        else break;
    }
    return std::string(text);
}

std::string normalize_header(std::string_view header) {
    std::string text = trim_cell(header);
    for (std::string_view open : {"(", "（", "["}) {
        const std::size_t at = text.find(open);
        if (at != std::string::npos && at > 0) text = trim_cell(text.substr(0, at));
    }
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::vector<std::string> split_tags(std::string_view cell) {
    std::vector<std::string> tags;
    std::string current;
    auto flush = [&] {
        std::string tag = trim_cell(current);
        if (!tag.empty()) tags.push_back(std::move(tag));
        current.clear();
    };
    for (std::size_t i = 0; i < cell.size();) {
        if (starts_with_at(cell, i, "、") || starts_with_at(cell, i, "；")) {
            flush();
            i += 3;
        } else if (cell[i] == ';' || cell[i] == '|' || cell[i] == '\n' || cell[i] == '\r') {
            flush();
            ++i;
        } else {
            current += cell[i++];
        }
    }
    flush();
    return tags;
}

std::optional<std::int64_t> parse_price_fen(std::string_view text, std::string& why_en, std::string& why_zh) {
    std::string cell = trim_cell(text);
    std::string_view s = cell;
    for (std::string_view currency : {"¥", "￥", "RMB", "CNY"})
        if (s.substr(0, currency.size()) == currency) s.remove_prefix(currency.size());
    for (std::string_view suffix : {"元", "RMB"})
        if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) s.remove_suffix(suffix.size());
    const std::string rest = trim_cell(s);
    s = rest;
    if (s.empty()) {
        why_en = "the price is empty";
        why_zh = "价格为空";
        return std::nullopt;
    }
    if (s[0] == '-') {
        why_en = "the price is negative";
        why_zh = "价格不能为负数";
        return std::nullopt;
    }
    std::int64_t yuan = 0;
    int digits = 0, group = -1;   // group: digits since the last thousands comma, -1 before any
    std::size_t i = 0;
    for (; i < s.size() && s[i] != '.'; ++i) {
        if (s[i] == ',' && digits > 0 && (group == -1 ? digits <= 3 : group == 3)) {
            group = 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9' || digits >= 13) break;
        yuan = yuan * 10 + (s[i] - '0');
        ++digits;
        if (group >= 0) ++group;
    }
    std::int64_t fen = 0;
    int decimals = 0;
    bool ok = digits > 0 && (group == -1 || group == 3);
    if (ok && i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            fen = fen * 10 + (s[i] - '0');
            ++decimals;
            if (decimals > 2) break;
        }
        if (decimals > 2) {
            why_en = "the price has more than two decimals (fen are the smallest unit)";
            why_zh = "价格的小数超过两位（最小单位为分）";
            return std::nullopt;
        }
        ok = decimals > 0;
    }
    if (!ok || i != s.size()) {
        why_en = "not a price: write it in yuan, e.g. 68, 68.00 or ¥68.00";
        why_zh = "不是价格：请以元为单位填写，例如 68、68.00 或 ¥68.00";
        return std::nullopt;
    }
    if (decimals == 1) fen *= 10;
    return yuan * 100 + fen;
}

// [SECTION] Polygons, split numbers, order links

namespace {

// A decimal number in metres: "12", "-3.5", "20.25"; the whole text.
std::optional<double> parse_metres(std::string_view text) {
    std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
    const std::size_t digits_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    const bool whole = i > digits_start;
    if (i < text.size() && text[i] == '.') {
        const std::size_t fraction_start = ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == fraction_start) return std::nullopt;
    } else if (!whole) {
        return std::nullopt;
    }
    if (i != text.size() || text.size() > 12) return std::nullopt;
    double value = 0;   // from_chars: the decimal point whatever the locale
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// "12 4", "12,4", "12, 4" → the two numbers.
std::optional<std::pair<double, double>> parse_point(std::string_view text) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : std::string(text) + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!current.empty()) parts.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (parts.size() != 2) return std::nullopt;
    const auto x = parse_metres(parts[0]), y = parse_metres(parts[1]);
    if (!x || !y) return std::nullopt;
    return std::make_pair(*x, *y);
}

} // namespace

std::optional<nlohmann::ordered_json> parse_polygon(std::string_view text, std::string& why_en, std::string& why_zh) {
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    std::string current;
    int number = 0;
    const auto point_done = [&]() {
        const std::string point = trim_cell(current);
        current.clear();
        if (point.empty()) return true;   // "…; 20 4;" ends with a separator
        ++number;
        if (auto xy = parse_point(point)) {
            points.push_back({xy->first, xy->second});
            return true;
        }
        why_en = "point " + std::to_string(number) + ", \"" + shorten(point) +
                 "\", is not \"x y\" in metres; write the outline as \"x1 y1; x2 y2; x3 y3\"";
        why_zh = "第 " + std::to_string(number) + " 个点“" + shorten(point) + "”不是以米为单位的“x y”；轮廓请写成“x1 y1; x2 y2; x3 y3”";
        return false;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (starts_with_at(text, i, "；")) {
            if (!point_done()) return std::nullopt;
            i += 3;
        } else if (text[i] == ';' || text[i] == '\n' || text[i] == '\r') {
            if (!point_done()) return std::nullopt;
            ++i;
        } else {
            current += text[i++];
        }
    }
    if (!point_done()) return std::nullopt;
    return points;
}

std::optional<std::size_t> likely_split_number(const std::vector<std::string>& cells) {
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t j = 0; j + 1 < cells.size(); ++j) {
        const std::string left = trim_cell(cells[j]), right = trim_cell(cells[j + 1]);
        // "280", "280.00", "280元": three digits, then the end or anything but a digit.
        if (left.empty() || !is_digit(left.back()) || right.size() < 3) continue;
        if (is_digit(right[0]) && is_digit(right[1]) && is_digit(right[2]) && (right.size() == 3 || !is_digit(right[3])))
            return j;
    }
    return std::nullopt;
}

namespace {

// [order links] The platform an organiser wrote: id, Chinese or English name, any case.
const OrderPlatform* written_platform(std::string_view text) {
    const std::string key = normalize_header(text);
    for (const OrderPlatform& p : order_platforms())
        if (key == p.id || key == p.name_zh || key == normalize_header(p.name_en)) return &p;
    return nullptr;
}

std::string platform_choices() {
    std::string out;
    for (const OrderPlatform& p : order_platforms()) out += (out.empty() ? "" : ", ") + std::string(p.id) + " (" + std::string(p.name_zh) + ")";
    return out;
}

} // namespace

std::optional<nlohmann::ordered_json> parse_order_links(std::string_view text, std::string& why_en, std::string& why_zh) {
    nlohmann::ordered_json links = nlohmann::ordered_json::array();
    for (const std::string& entry : split_tags(text)) {
        std::size_t at = std::string::npos;
        for (std::size_t i = 0; i + 4 <= entry.size() && at == std::string::npos; ++i)
            if (normalize_header(entry.substr(i, 4)) == "http" && (i == 0 || !std::isalnum(static_cast<unsigned char>(entry[i - 1])))) at = i;
        if (at == std::string::npos) {
            why_en = "\"" + shorten(entry) + "\" has no link: write the platform, then the URL, e.g. 淘宝 https://…; 京东 https://…";
            why_zh = "“" + shorten(entry) + "”中没有链接：请先写平台，再写链接，例如 淘宝 https://…；京东 https://…";
            return std::nullopt;
        }
        std::string name = trim_cell(entry.substr(0, at));
        while (!name.empty() && (name.back() == ':' || name.back() == '=')) name = trim_cell(name.substr(0, name.size() - 1));
        if (name.size() >= 3 && name.compare(name.size() - 3, 3, "：") == 0) name = trim_cell(name.substr(0, name.size() - 3));
        nlohmann::ordered_json link = nlohmann::ordered_json::object();
        if (!name.empty()) {
            const OrderPlatform* platform = written_platform(name);
            if (!platform) {
                why_en = "unknown order platform \"" + shorten(name) + "\": use one of " + platform_choices();
                why_zh = "未知的下单平台“" + shorten(name) + "”：可用 " + platform_choices();
                return std::nullopt;
            }
            link["platform"] = std::string(platform->id);
        }
        link["url"] = trim_cell(entry.substr(at));
        links.push_back(std::move(link));
    }
    return links;
}

// [SECTION] One cell as JSON

std::optional<nlohmann::ordered_json> convert_cell(const CsvColumn& column, const std::string& cell,
                                                   const CellContext& context, std::string& why_en,
                                                   std::string& why_zh) {
    switch (column.kind) {
    case K::price:
        if (auto fen = parse_price_fen(cell, why_en, why_zh)) return *fen;
        return std::nullopt;
    case K::flag:
        if (auto flag = parse_flag(cell)) return *flag;
        why_en = "\"" + shorten(cell) + "\" is not yes or no: write 是/否 or yes/no";
        why_zh = "“" + shorten(cell) + "”不是“是”或“否”";
        return std::nullopt;
    case K::kind:
        for (const auto& [written, kind] : kKinds)
            if (normalize_header(cell) == written) return std::string(kind);
        why_en = "\"" + shorten(cell) + "\" is not a session kind: live_stream (直播), ceremony (仪式), talk (讲座), "
                 "market (展销) or other (其他)";
        why_zh = "“" + shorten(cell) + "”不是场次类型：直播、仪式、讲座、展销或其他";
        return std::nullopt;
    case K::county:
        if (context.county_ids) {
            if (auto it = context.county_ids->find(cell); it != context.county_ids->end()) return it->second;
        }
        why_en = "unknown county \"" + shorten(cell) + "\": give an id or name from the counties file";
        why_zh = "未知县区“" + shorten(cell) + "”：请填写县区表中的编号或名称";
        return std::nullopt;
    case K::time: {
        if (auto t = parse_iso8601(cell)) return format_iso8601(*t);
        if (context.zone)
            if (auto t = parse_local_time(cell, *context.zone)) return format_iso8601(*t);
        why_en = "\"" + shorten(cell) + "\" is not a time: write 2020-05-16 19:30 (in the event's zone) or "
                 "2020-05-16T19:30:00+08:00";
        why_zh = "“" + shorten(cell) + "”不是时间：请写成 2020-05-16 19:30（活动所在时区）或 2020-05-16T19:30:00+08:00";
        return std::nullopt;
    }
    case K::area_kind:
        for (const auto& [written, kind] : kAreaKinds)
            if (normalize_header(cell) == written) return std::string(kind);
        why_en = "\"" + shorten(cell) + "\" is not an area kind: hall (展厅), booth (展位), studio (直播间), stage (舞台), "
                 "market (展销区), service_desk (服务台), toilet (卫生间), entrance (入口), exit (出口), first_aid (急救), "
                 "lift (电梯) or stairs (楼梯)";
        why_zh = "“" + shorten(cell) + "”不是区域类型：展厅、展位、直播间、舞台、展销区、服务台、卫生间、入口、出口、急救、电梯或楼梯";
        return std::nullopt;
    case K::polygon: return parse_polygon(cell, why_en, why_zh);
    case K::order_links: return parse_order_links(cell, why_en, why_zh);
    case K::terms: {
        nlohmann::ordered_json terms = nlohmann::ordered_json::array();
        for (std::string& term : split_tags(cell)) terms.push_back(std::move(term));
        return terms;
    }
    default: return cell;
    }
}

} // namespace kiosk
