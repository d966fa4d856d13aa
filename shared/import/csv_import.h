// `kiosk import-csv`: a feed from the organisers' spreadsheets (counties,
// products, schedule) exported as CSV, with headers in Chinese or English.
// Pure functions of the file contents, so fuzz targets can call them.
#pragma once

#include "import/import_result.h"
#include "import/text_encoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CsvFileInput {
    std::string name;    // for messages, e.g. "products.csv"
    std::string bytes;   // the file as exported (UTF-8 with or without BOM, or GB18030)
};

struct CsvImportInputs {
    CsvFileInput counties;
    CsvFileInput products;
    std::optional<CsvFileInput> schedule;   // without: an empty schedule (see import-schedule)
    CsvFileInput event;                     // JSON: the event object, or a feed whose "event" is taken
    // The venue plan: JSON holding the venue object ({floors, nodes, edges} and
    // optionally areas), or a feed whose "venue" is taken. Without it, an event
    // file that is a feed with a venue gives its venue (unless `areas` is given).
    std::optional<CsvFileInput> venue;
    std::optional<CsvFileInput> areas;      // the areas sheet, appended to the venue's areas; needs `venue`
    TextEncoding encoding = TextEncoding::detect;
};

// Builds the feed and validates it with parse_feed; the validator's problems
// are mapped back to the file, row and column they came from. A row with more
// cells than its header (an unquoted comma, as in ￥1,280.00) is reported as
// such and not read.
ImportResult import_csv_feed(const CsvImportInputs& inputs);

} // namespace kiosk
