// RFC 4180 CSV as Excel and WPS export it: quoted fields with commas, doubled
// quotes and line breaks, CRLF or LF, an empty trailing line. Hand-written
// because Debian's libcsv is a callback C API that reports no positions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CsvRecord {
    int row = 0;                       // 1-based record number counting blank lines, as a spreadsheet shows it
    int line = 0;                      // 1-based line of the file where the record starts
    std::vector<std::string> fields;   // unquoted, as UTF-8 bytes (no decoding)
};

struct CsvError {
    int row = 0, column = 0;           // row as in CsvRecord, column counts fields (1-based)
    std::string message_en, message_zh;
};

struct CsvTable {
    std::vector<CsvRecord> records;    // blank lines skipped; the header is records[0]
    std::optional<CsvError> error;     // set when the text is not well-formed CSV
};

// Parses all records. A quote that never closes, or text after a closing
// quote, is an error naming the line and field; parsing stops there.
CsvTable parse_csv(std::string_view text);

} // namespace kiosk
