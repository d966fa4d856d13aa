#include "feed/problem.h"

#include "base/text.h"

namespace kiosk {

std::string format_problem(std::string_view file, const Problem& p) {
    std::string out(file);
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += p.severity == Severity::error ? ": error: " : ": warning: ";
    if (!p.pointer.empty()) out += escape_controls(p.pointer) + ": ";
    out += escape_controls(p.message_en);
    if (!p.message_zh.empty()) out += " | " + escape_controls(p.message_zh);
    return out;
}

} // namespace kiosk
