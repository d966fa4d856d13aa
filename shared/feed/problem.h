// A problem found in an input document (a feed, a live-stats document, a
// spreadsheet): severity, where, and a bilingual message; and its one-line form.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

enum class Severity { error, warning };

struct Problem {
    Severity severity = Severity::error;
    std::string pointer;     // JSON pointer, "" for the whole document
    int line = 0;            // 1-based; 0 when unknown
    int column = 0;          // 1-based, in bytes
    std::string message_en;
    std::string message_zh;
};

// "file:line:col: error: /pointer: message_en | message_zh" (the `kiosk check`
// line format); the position is left out when unknown, the pointer when "".
std::string format_problem(std::string_view file, const Problem& p);

} // namespace kiosk
