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
    TextEncoding encoding = TextEncoding::detect;
};

// Builds the feed and validates it with parse_feed; the validator's problems
// are mapped back to the file, row and column they came from.
ImportResult import_csv_feed(const CsvImportInputs& inputs);

} // namespace kiosk
