#include "import/csv_columns.h"

#include "feed/problems.h"
#include "base/text.h"
#include "base/timestamp.h"

#include <array>
#include <cstdio>

namespace kiosk {

namespace {

using K = CellKind;

constexpr CsvColumn kCounty[] = {
    {"id", K::id, "id", "编号", true},
    {"name", K::text_zh, "name_zh", "名称", true},
    {"name", K::text_en, "name_en", "英文名称", true},
    {"blurb", K::text_zh, "blurb_zh", "简介"},
    {"blurb", K::text_en, "blurb_en", "英文简介"},
    {"image", K::plain, "image", "图片"},
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
    {"tags", K::tags_zh, "tags_zh", "标签"},
    {"tags", K::tags_en, "tags_en", "英文标签"},
    {"featured", K::flag, "featured", "推荐"},
    {"sold_out", K::flag, "sold_out", "售罄"},
    {"description", K::text_zh, "description_zh", "介绍"},
    {"description", K::text_en, "description_en", "英文介绍"},
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
};

// Session kinds as organisers write them.
constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
    {"live_stream", "live_stream"}, {"直播", "live_stream"}, {"直播带货", "live_stream"},
    {"ceremony", "ceremony"},       {"仪式", "ceremony"},   {"开幕式", "ceremony"}, {"闭幕式", "ceremony"},
    {"talk", "talk"},               {"讲座", "talk"},       {"论坛", "talk"},       {"分享", "talk"},
    {"market", "market"},           {"展销", "market"},     {"市集", "market"},
    {"other", "other"},             {"其他", "other"},
};

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

std::span<const CsvColumn> county_columns() { return kCounty; }
std::span<const CsvColumn> product_columns() { return kProduct; }
std::span<const CsvColumn> schedule_columns() { return kSchedule; }

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
    default: return cell;
    }
}

} // namespace kiosk
