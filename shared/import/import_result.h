// What an importer (`kiosk import-csv`, `kiosk import-schedule`) hands back:
// the feed it built, or the problems found, each in the file it came from.
#pragma once

#include "feed/problem.h"

#include <string>
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

struct ImportResult {
    std::string feed_json;                  // empty when any error was found
    std::vector<ImportProblem> problems;    // errors and warnings
    std::vector<std::string> notes;         // one line per file read: its encoding and rows
    bool ok() const { return !feed_json.empty(); }
};

} // namespace kiosk
