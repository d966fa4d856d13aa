// `kiosk import-csv`: a feed from the organisers' spreadsheets (counties,
// products, schedule) exported as CSV, with headers in Chinese or English.
// Pure functions of the file contents, so fuzz targets can call them.
#pragma once

#include "feed_parse.h"
#include "text_encoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A problem in one input file; line is the spreadsheet row (the header is
// row 1) and column the spreadsheet column (1 = A), 0 when not about a cell.
struct ImportProblem {
    std::string file;
    Problem problem;
};

// "file:row:col: error: message_en | message_zh" (format_problem's line; the
// column or both left out when unknown).
std::string format_import_problem(const ImportProblem& p);

struct CsvFileInput {
    std::string name;    // for messages, e.g. "products.csv"
    std::string bytes;   // the file as exported (UTF-8 with or without BOM, or GB18030)
};

struct CsvImportInputs {
    CsvFileInput counties;
    CsvFileInput products;
    std::optional<CsvFileInput> schedule;   // without: an empty schedule (see import-schedule)
    CsvFileInput event;                     // JSON: the event object, or a feed whose "event" is taken
    TextEncoding encoding = TextEncoding::detect;
};

struct ImportResult {
    std::string feed_json;                  // empty when any error was found
    std::vector<ImportProblem> problems;    // errors and warnings
    std::vector<std::string> notes;         // one line per file read: its encoding and rows
    bool ok() const { return !feed_json.empty(); }
};

// Builds the feed and validates it with parse_feed; the validator's problems
// are mapped back to the file, row and column they came from.
ImportResult import_csv_feed(const CsvImportInputs& inputs);

// "68", "68.5", "68.00", "¥68.00", "￥1,280.00", "68元" → fen, with integer
// arithmetic only. nullopt (and the reason) for negatives, more than two
// decimals, an empty cell or anything else.
std::optional<std::int64_t> parse_price_fen(std::string_view text, std::string& why_en, std::string& why_zh);

} // namespace kiosk
