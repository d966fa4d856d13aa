// Internal to the CSV import: which spreadsheet header fills which feed field,
// and how one cell becomes JSON. The README's header table lists the same.
#pragma once

#include "base/time_zone.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

enum class CellKind {
    id,        // a feed id, as written
    text_zh,   // the Chinese half of a bilingual text
    text_en,   // the English half
    plain,     // a URL or path, as written
    price,     // yuan → price_fen
    flag,      // 是/否, yes/no, true/false, 1/0 → boolean
    tags_zh,   // tags separated by 、 ; ； | or line breaks
    tags_en,
    time,      // ISO 8601 with offset, or a local "2020-05-16 19:30" in the event's zone
    kind,      // a session kind, in English or Chinese
    county,    // a county id, or its name as the counties file writes it
    area_kind, // a venue area kind, in English or Chinese
    polygon,   // "x1 y1; x2 y2; …" in metres → [[x1, y1], [x2, y2], …]
    terms,     // search terms separated like tags → an array of strings
    order_links, // [order links] "淘宝 https://…; jd https://…" → [{"platform", "url"}, …]
};

struct CsvColumn {
    const char* field;       // the feed member it fills
    CellKind kind;
    const char* header_en;   // also accepted without "_zh" for the Chinese half
    const char* header_zh;
    bool required = false;   // the field needs a value (either language for texts)
};

std::span<const CsvColumn> county_columns();
std::span<const CsvColumn> product_columns();
std::span<const CsvColumn> schedule_columns();
std::span<const CsvColumn> area_columns();   // the venue's areas sheet (import-csv --areas)

// "名称（中文）", " Name_ZH " → "名称", "name_zh": trimmed, ASCII lower case, a
// bracketed hint dropped. Compared with header_en and header_zh.
std::string normalize_header(std::string_view header);

// Text trimmed of spaces, tabs and full-width spaces at both ends.
std::string trim_cell(std::string_view text);

// What the cell converters need besides the text.
struct CellContext {
    const TimeZone* zone = nullptr;   // the event's zone, for local times; null when unknown
    const std::unordered_map<std::string, std::string>* county_ids = nullptr;   // id or name → id
};

// One non-empty, trimmed cell as its JSON value; nullopt with the reason when
// it cannot be one. Texts and tags are handled by the caller (they pair up).
std::optional<nlohmann::ordered_json> convert_cell(const CsvColumn& column, const std::string& cell,
                                                   const CellContext& context, std::string& why_en,
                                                   std::string& why_zh);

// [order links] One link per entry, separated like tags: an order platform (its id, Chinese or
// English name; feed/order_platforms.h) or nothing, then the URL, which must start with http.
// "淘宝 https://a; https://b" → [{"platform": "taobao", "url": "https://a"}, {"url": "https://b"}].
std::optional<nlohmann::ordered_json> parse_order_links(std::string_view text, std::string& why_en, std::string& why_zh);

// Tags split at 、 ; ； | and line breaks, each trimmed, empties dropped.
std::vector<std::string> split_tags(std::string_view cell);

// "68", "68.5", "68.00", "¥68.00", "￥1,280.00", "68元" → fen, with integer
// arithmetic only. nullopt (and the reason) for negatives, more than two
// decimals, an empty cell or anything else.
std::optional<std::int64_t> parse_price_fen(std::string_view text, std::string& why_en, std::string& why_zh);

// "12 4; 20 4; 20.5 10" (points separated by ; or ；, x and y by spaces or a
// comma) → [[12, 4], [20, 4], [20.5, 10]]; nullopt with the reason otherwise.
std::optional<nlohmann::ordered_json> parse_polygon(std::string_view text, std::string& why_en, std::string& why_zh);

// In a row read with more cells than its header: the index of the cell that
// most likely ends before an unquoted thousands comma ("￥1" then "280.00"),
// or nullopt when no pair of cells looks like one number split at a comma.
std::optional<std::size_t> likely_split_number(const std::vector<std::string>& cells);

} // namespace kiosk
