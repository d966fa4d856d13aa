// Index of this file:
// [SECTION] The importer's state
// [SECTION] Reading the inputs: the event and venue JSON, the CSV tables
// [SECTION] Rows into feed items
// [SECTION] The validator's problems back to their file, row and column
// [SECTION] The import
#include "import/csv_import.h"

#include "base/json_positions.h"
#include "base/text.h"
#include "feed/problems.h"
#include "feed/validator.h"
#include "import/csv.h"
#include "import/csv_columns.h"

#include <charconv>
#include <map>
#include <set>

namespace kiosk {

namespace {

using ojson = nlohmann::ordered_json;

// [SECTION] The importer's state

// One CSV file turned into feed items, remembering where each came from.
struct Section {
    std::string key;                           // "counties", "products", "schedule"
    std::string file;
    std::size_t first_index = 0;               // items[0] is this index in the feed's list (the venue file's areas come first)
    std::vector<int> rows;                     // spreadsheet row of each item
    std::map<std::string, int> field_column;   // feed member → spreadsheet column that gives it
    ojson items = ojson::array();
};

class Importer {
public:
    explicit Importer(const CsvImportInputs& inputs) : inputs_(inputs) {}
    ImportResult run();

private:
    void problem(Severity severity, const std::string& file, int row, int column, std::string en, std::string zh) {
        Problem p;
        p.severity = severity;
        p.line = row;
        p.column = column;
        p.message_en = std::move(en);
        p.message_zh = std::move(zh);
        result_.problems.push_back({file, std::move(p)});
        errors_ += severity == Severity::error;
    }
    std::optional<ojson> read_json_object(const CsvFileInput& input);
    std::optional<ojson> read_event();
    std::optional<ojson> read_venue();
    bool row_overflows(const std::string& file, const CsvRecord& header, const CsvRecord& record);
    bool map_to_json_file(Problem mapped, const std::string& pointer, std::string_view section, bool wrapped,
                          const CsvFileInput& input);
    std::optional<CsvTable> read_table(const CsvFileInput& input);
    void import_section(const CsvFileInput& input, std::span<const CsvColumn> columns, Section& out);
    std::vector<int> match_headers(const std::string& file, const CsvRecord& header, std::span<const CsvColumn> columns);
    void check_required_columns(const std::string& file, std::span<const CsvColumn> columns,
                                const std::vector<int>& source);
    std::optional<ojson> convert_row(const std::string& file, const CsvRecord& record,
                                     std::span<const CsvColumn> columns, const std::vector<int>& source,
                                     const CellContext& context);
    void convert_field(const std::string& file, int row, int column_number, const CsvColumn& column,
                       const std::string& zh, const std::string& en, const CellContext& context, ojson& item);
    void map_validator_problem(const Problem& p);

    const CsvImportInputs& inputs_;
    ImportResult result_;
    std::size_t errors_ = 0;
    std::optional<TimeZone> zone_;
    std::unordered_map<std::string, std::string> county_ids_;
    bool event_wrapped_ = false;   // the event file is a feed: the event is its "event"
    std::optional<ojson> sample_;  // the event file's "sample" note, carried over
    std::optional<ojson> event_venue_;   // the event file's "venue", when it is a feed with one
    const CsvFileInput* venue_input_ = nullptr;   // where the venue came from
    bool venue_wrapped_ = false;                  // …a feed: the venue is its "venue"
    std::vector<Section*> sections_;
};

// [SECTION] Reading the inputs: the event and venue JSON, the CSV tables

// A JSON file as a document; nullopt after reporting why not.
std::optional<ojson> Importer::read_json_object(const CsvFileInput& input) {
    ojson doc;
    if (const auto deep = find_depth_excess(input.bytes, ParseLimits{}.max_depth)) {   // the parser recurses per level
        const TextPosition at = LineIndex(input.bytes).at(*deep);
        problem(Severity::error, input.name, at.line, at.column, "nested too deeply", "嵌套层级过深");
        return std::nullopt;
    }
    try {
        doc = ojson::parse(input.bytes);
    } catch (const ojson::parse_error& e) {
        const TextPosition at = LineIndex(input.bytes).at(e.byte > 0 ? e.byte - 1 : 0);
        problem(Severity::error, input.name, at.line, at.column, "not valid JSON", "不是有效的 JSON");
        return std::nullopt;
    }
    return doc;
}

std::optional<ojson> Importer::read_event() {
    const CsvFileInput& input = inputs_.event;
    if (input.bytes.empty()) {
        problem(Severity::error, input.name.empty() ? "event" : input.name, 0, 0,
                "no event details: give --event E.json (the event object, or a feed whose event is used)",
                "缺少活动信息：请用 --event E.json 提供（活动对象，或取其 event 的 feed）");
        return std::nullopt;
    }
    auto parsed = read_json_object(input);
    if (!parsed) return std::nullopt;
    ojson& doc = *parsed;
    event_wrapped_ = doc.is_object() && doc.contains("event");
    if (event_wrapped_ && doc.contains("venue")) event_venue_ = doc["venue"];
    if (event_wrapped_ && doc.contains("sample") && doc["sample"].is_string()) sample_ = doc["sample"];
    ojson event = event_wrapped_ ? doc["event"] : doc;
    if (!event.is_object()) {
        problem(Severity::error, input.name, 1, 1, "the event must be a JSON object with title, venue, first_day, "
                "last_day and time_zone", "活动信息应为包含 title、venue、first_day、last_day、time_zone 的 JSON 对象");
        return std::nullopt;
    }
    if (event.contains("time_zone") && event["time_zone"].is_string()) {
        std::string error;
        zone_ = TimeZone::load(event["time_zone"].get<std::string>(), &error);
    }
    return event;
}

// The venue object from --venue (bare, or a feed's "venue"); else the event file's, when
// it is a feed with one and no areas sheet is given (importing again keeps the venue).
std::optional<ojson> Importer::read_venue() {
    if (!inputs_.venue) {
        if (inputs_.areas) {
            problem(Severity::error, inputs_.areas->name, 0, 0,
                    "an areas sheet needs --venue VENUE.json: the floors, walkway nodes and edges its areas stand on",
                    "区域表需要同时用 --venue VENUE.json 提供楼层、通道节点和通道");
            return std::nullopt;
        }
        if (!event_venue_) return std::nullopt;
        venue_input_ = &inputs_.event;
        venue_wrapped_ = true;
        return event_venue_;
    }
    auto doc = read_json_object(*inputs_.venue);
    if (!doc) return std::nullopt;
    venue_input_ = &*inputs_.venue;
    venue_wrapped_ = doc->is_object() && doc->contains("venue");
    ojson venue = venue_wrapped_ ? (*doc)["venue"] : std::move(*doc);
    if (!venue.is_object()) {
        problem(Severity::error, inputs_.venue->name, 1, 1,
                "the venue must be a JSON object with floors, nodes and edges (and areas, unless an areas sheet gives them)",
                "场馆信息应为包含 floors、nodes、edges（以及 areas，除非由区域表提供）的 JSON 对象");
        return std::nullopt;
    }
    return venue;
}

std::optional<CsvTable> Importer::read_table(const CsvFileInput& input) {
    const DecodedText text = decode_to_utf8(input.bytes, inputs_.encoding);
    const char* encoding = text.encoding == TextEncoding::utf8 ? "UTF-8" : "GB18030";
    if (text.bad_byte) {
        const TextPosition at = LineIndex(input.bytes).at(*text.bad_byte);
        problem(Severity::error, input.name, at.line, 0,
                std::string("byte ") + std::to_string(*text.bad_byte + 1) + " on line " + std::to_string(at.line) +
                    " is not " + encoding + " text; save the file as CSV UTF-8, or set --encoding",
                std::string("第 ") + std::to_string(at.line) + " 行第 " + std::to_string(*text.bad_byte + 1) +
                    " 字节不是 " + encoding + " 文本；请另存为“CSV UTF-8”，或用 --encoding 指定编码");
        return std::nullopt;
    }
    CsvTable table = parse_csv(text.utf8);
    if (table.error) {
        problem(Severity::error, input.name, table.error->row, table.error->column, table.error->message_en,
                table.error->message_zh);
        return std::nullopt;
    }
    if (table.records.empty()) {
        problem(Severity::error, input.name, 1, 0, "the file is empty: the first row must name the columns",
                "文件为空：第一行应为列名");
        return std::nullopt;
    }
    result_.notes.push_back(input.name + ": " + encoding + ", " + std::to_string(table.records.size() - 1) + " rows");
    return table;
}

// [SECTION] Rows into feed items

std::string header_names(const CsvColumn& c) { return std::string(c.header_zh) + "/" + c.header_en; }

// Which spreadsheet column (0-based) gives each column spec; -1 when none. Warns
// of unknown headers and refuses a second column for the same spec.
std::vector<int> Importer::match_headers(const std::string& file, const CsvRecord& header,
                                         std::span<const CsvColumn> columns) {
    std::vector<int> source(columns.size(), -1);
    for (std::size_t f = 0; f < header.fields.size(); ++f) {
        const std::string name = normalize_header(header.fields[f]);
        if (name.empty()) continue;
        bool known = false;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::string_view en = columns[c].header_en;
            const bool zh_alias = columns[c].kind == CellKind::text_zh || columns[c].kind == CellKind::tags_zh;
            if (name != en && name != columns[c].header_zh && !(zh_alias && name == en.substr(0, en.size() - 3)))
                continue;
            known = true;
            if (source[c] >= 0)
                problem(Severity::error, file, 1, int(f) + 1, "a second column for " + header_names(columns[c]),
                        "重复的列：" + header_names(columns[c]));
            else source[c] = int(f);
        }
        if (!known)
            problem(Severity::warning, file, 1, int(f) + 1,
                    "column \"" + shorten(header.fields[f]) + "\" is not one the import knows; it is ignored",
                    "无法识别的列“" + shorten(header.fields[f]) + "”，已忽略");
    }
    return source;
}

// A required field with none of its columns (either language for texts) is an error on the header row.
void Importer::check_required_columns(const std::string& file, std::span<const CsvColumn> columns,
                                      const std::vector<int>& source) {
    std::set<std::string> checked;
    for (const CsvColumn& column : columns) {
        if (!column.required || !checked.insert(column.field).second) continue;
        bool present = false;
        for (std::size_t d = 0; d < columns.size(); ++d)
            present |= std::string_view(columns[d].field) == column.field && source[d] >= 0;
        if (!present)
            problem(Severity::error, file, 1, 0, "no column for " + std::string(column.field) + ": add " +
                    header_names(column), "缺少“" + std::string(column.header_zh) + "”列（" + column.header_en + "）");
    }
}

// One field's cells (`zh` alone, or a text's or tags' two halves) into `item`, or a problem at `column_number`.
void Importer::convert_field(const std::string& file, int row, int column_number, const CsvColumn& column,
                             const std::string& zh, const std::string& en, const CellContext& context, ojson& item) {
    if (column.kind == CellKind::text_zh) {
        ojson text = ojson::object();
        if (!zh.empty()) text["zh"] = zh;
        if (!en.empty()) text["en"] = en;
        item[column.field] = std::move(text);
    } else if (column.kind == CellKind::tags_zh) {
        const auto zh_tags = split_tags(zh), en_tags = split_tags(en);
        if (!zh_tags.empty() && !en_tags.empty() && zh_tags.size() != en_tags.size()) {
            problem(Severity::error, file, row, column_number,
                    std::to_string(zh_tags.size()) + " Chinese tags but " + std::to_string(en_tags.size()) +
                        " English ones: give them in the same order, separated by 、 or ;",
                    "中文标签 " + std::to_string(zh_tags.size()) + " 个，英文标签 " +
                        std::to_string(en_tags.size()) + " 个：请按相同顺序填写，用“、”或“;”分隔");
            return;
        }
        ojson tags = ojson::array();
        for (std::size_t t = 0; t < std::max(zh_tags.size(), en_tags.size()); ++t) {
            ojson tag = ojson::object();
            if (t < zh_tags.size()) tag["zh"] = zh_tags[t];
            if (t < en_tags.size()) tag["en"] = en_tags[t];
            tags.push_back(std::move(tag));
        }
        item[column.field] = std::move(tags);
    } else {
        std::string why_en, why_zh;
        if (auto value = convert_cell(column, zh, context, why_en, why_zh)) item[column.field] = std::move(*value);
        else problem(Severity::error, file, row, column_number,
                     header_names(column) + ": " + why_en, header_names(column) + "：" + why_zh);
    }
}

// One spreadsheet row as a feed item; nullopt for a row with every known cell empty.
std::optional<ojson> Importer::convert_row(const std::string& file, const CsvRecord& record,
                                           std::span<const CsvColumn> columns, const std::vector<int>& source,
                                           const CellContext& context) {
    std::vector<std::string> cells(columns.size());
    bool any = false;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (source[c] >= 0 && std::size_t(source[c]) < record.fields.size()) {
            cells[c] = trim_cell(record.fields[source[c]]);
            any |= !cells[c].empty();
        }
    if (!any) return std::nullopt;   // a row Excel wrote as ",,,,"
    ojson item = ojson::object();
    std::set<std::string> done;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const CsvColumn& column = columns[c];
        if (!done.insert(column.field).second) continue;
        // A field's columns: a text's or tags' Chinese and English halves, or one.
        std::string zh, en;
        int column_number = source[c] + 1;
        for (std::size_t d = c; d < columns.size(); ++d) {
            if (std::string_view(columns[d].field) != column.field) continue;
            if (column_number <= 0) column_number = source[d] + 1;
            (columns[d].kind == CellKind::text_en || columns[d].kind == CellKind::tags_en ? en : zh) = cells[d];
        }
        if (zh.empty() && en.empty()) {
            if (column.required)
                problem(Severity::error, file, record.row, std::max(column_number, 0),
                        header_names(column) + " is empty", header_names(column) + "为空");
            continue;
        }
        convert_field(file, record.row, column_number, column, zh, en, context, item);
    }
    return item;
}

// A row with more cells than its header: a comma in a cell not in double quotes
// moved every later cell one column right, so their values would be read under
// the wrong headers (even when the extra cell is empty). Said as such, and the
// row is not read. Excel and WPS write every row as wide as the header.
bool Importer::row_overflows(const std::string& file, const CsvRecord& header, const CsvRecord& record) {
    const std::size_t width = header.fields.size(), cells = record.fields.size();
    if (cells <= width) return false;
    const auto split = likely_split_number(record.fields);
    const std::string counts_en = "row " + std::to_string(record.row) + " has " + std::to_string(cells) +
                                  " cells but the header has " + std::to_string(width);
    const std::string counts_zh = "第 " + std::to_string(record.row) + " 行有 " + std::to_string(cells) +
                                  " 个单元格，而表头只有 " + std::to_string(width) + " 个";
    std::string likely_en = "a cell holds a comma but is not in double quotes", likely_zh = "某个单元格含有逗号，却没有用英文双引号括起来";
    int column = int(width) + 1;
    if (split) {
        const std::string number = trim_cell(record.fields[*split]) + "," + trim_cell(record.fields[*split + 1]);
        likely_en = "likely the unquoted comma in \"" + shorten(number) + "\" (columns " + std::to_string(*split + 1) +
                    " and " + std::to_string(*split + 2) + " as read)";
        likely_zh = "很可能是“" + shorten(number) + "”中的逗号没有加引号（读作第 " + std::to_string(*split + 1) + " 和 " +
                    std::to_string(*split + 2) + " 列）";
        column = int(*split) + 1;
    }
    problem(Severity::error, file, record.row, column,
            counts_en + ": " + likely_en + ", so every cell after it moved one column right. Put such a cell in "
                "double quotes (Excel and WPS do when saving as CSV) or remove the comma; the row was not read",
            counts_zh + "：" + likely_zh + "，其后的单元格都右移了一列。请用英文双引号括起该单元格（Excel、WPS 另存为 CSV 时会自动加上），"
                "或删去逗号；本行未导入");
    return true;
}

void Importer::import_section(const CsvFileInput& input, std::span<const CsvColumn> columns, Section& out) {
    out.file = input.name;
    const auto table = read_table(input);
    if (!table) return;
    const std::vector<int> source = match_headers(input.name, table->records[0], columns);
    check_required_columns(input.name, columns, source);
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (source[c] >= 0 && !out.field_column.count(columns[c].field)) out.field_column[columns[c].field] = source[c] + 1;

    CellContext context;
    context.zone = zone_ ? &*zone_ : nullptr;
    context.county_ids = &county_ids_;
    for (std::size_t r = 1; r < table->records.size(); ++r) {
        if (row_overflows(input.name, table->records[0], table->records[r])) continue;
        auto item = convert_row(input.name, table->records[r], columns, source, context);
        if (!item) continue;
        out.rows.push_back(table->records[r].row);
        out.items.push_back(std::move(*item));
    }
}

// [SECTION] The validator's problems back to their file, row and column

// A problem at `pointer` under `section` ("/event", "/venue") goes to its place in the JSON file
// it came from: the same pointer in a whole feed (`wrapped`), else the pointer below the section.
bool Importer::map_to_json_file(Problem mapped, const std::string& pointer, std::string_view section, bool wrapped,
                                const CsvFileInput& input) {
    if (pointer.compare(0, section.size(), section) != 0 ||
        (pointer.size() > section.size() && pointer[section.size()] != '/'))
        return false;
    const std::string in_file = wrapped ? pointer : pointer.substr(section.size());
    const auto found = locate_pointers(input.bytes, {in_file});
    if (auto it = found.find(in_file); it != found.end()) {
        const TextPosition at = LineIndex(input.bytes).at(it->second);
        mapped.line = at.line;
        mapped.column = at.column;
    }
    mapped.pointer = in_file;
    result_.problems.push_back({input.name, std::move(mapped)});
    return true;
}

// A validator problem at "/products/3/price_fen" goes back to its row and column.
void Importer::map_validator_problem(const Problem& p) {
    Problem mapped = p;
    mapped.pointer.clear();
    mapped.line = 0;
    mapped.column = 0;
    for (const Section* section : sections_) {
        const std::string prefix = "/" + section->key + "/";
        if (p.pointer == "/" + section->key) {   // about the whole list, e.g. "19 products have no image"
            result_.problems.push_back({section->file, std::move(mapped)});
            return;
        }
        if (p.pointer.rfind(prefix, 0) != 0) continue;
        const std::string rest = p.pointer.substr(prefix.size());
        std::size_t index = 0;
        std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (index < section->first_index) break;   // an area of the venue file
        index -= section->first_index;
        const std::size_t slash = rest.find('/');
        const std::string field = slash == std::string::npos ? "" : rest.substr(slash + 1, rest.find('/', slash + 1) - slash - 1);
        if (index < section->rows.size()) mapped.line = section->rows[index];
        if (auto it = section->field_column.find(field); it != section->field_column.end()) mapped.column = it->second;
        if (!field.empty()) {
            mapped.message_en = field + ": " + mapped.message_en;
            mapped.message_zh = field + "：" + mapped.message_zh;
        }
        result_.problems.push_back({section->file, std::move(mapped)});
        return;
    }
    if (map_to_json_file(mapped, p.pointer, "/event", event_wrapped_, inputs_.event)) return;
    if (venue_input_ && map_to_json_file(mapped, p.pointer, "/venue", venue_wrapped_, *venue_input_)) return;
    mapped.pointer = p.pointer;
    result_.problems.push_back({"feed", std::move(mapped)});
}

// [SECTION] The import

ImportResult Importer::run() {
    auto event = read_event();
    Section counties, products, schedule;
    counties.key = "counties";
    products.key = "products";
    schedule.key = "schedule";
    import_section(inputs_.counties, county_columns(), counties);
    for (std::size_t i = 0; i < counties.items.size(); ++i) {
        const ojson& county = counties.items[i];
        if (!county.contains("id")) continue;
        const std::string id = county["id"].get<std::string>();
        county_ids_.emplace(id, id);
        if (county.contains("name"))
            for (const auto& [lang, name] : county["name"].items()) county_ids_.emplace(name.get<std::string>(), id);
    }
    import_section(inputs_.products, product_columns(), products);
    if (inputs_.schedule) import_section(*inputs_.schedule, schedule_columns(), schedule);
    Section areas;
    areas.key = "venue/areas";
    if (inputs_.areas) import_section(*inputs_.areas, area_columns(), areas);
    auto venue = read_venue();
    if (errors_ > 0 || !event) return std::move(result_);
    if (venue && inputs_.areas) {
        ojson& list = (*venue)["areas"];   // created empty when the venue file has none
        if (list.is_null()) list = ojson::array();
        if (list.is_array()) {
            areas.first_index = list.size();
            for (ojson& area : areas.items) list.push_back(std::move(area));
        }
    }

    ojson doc = ojson::object();
    doc["format"] = std::string(kFeedFormat);
    if (sample_) doc["sample"] = *sample_;
    doc["event"] = std::move(*event);
    doc["schedule"] = std::move(schedule.items);
    doc["counties"] = std::move(counties.items);
    doc["products"] = std::move(products.items);
    if (venue) doc["venue"] = std::move(*venue);
    std::string text = doc.dump(2) + "\n";

    sections_ = {&counties, &products, &schedule};
    if (inputs_.areas) sections_.push_back(&areas);
    const FeedParseResult checked = parse_feed(text);
    for (const Problem& p : checked.problems) map_validator_problem(p);
    if (checked.ok()) result_.feed_json = std::move(text);
    return std::move(result_);
}

} // namespace

ImportResult import_csv_feed(const CsvImportInputs& inputs) { return Importer(inputs).run(); }

} // namespace kiosk
