#include "commands/check_command.h"

#include "base/json_positions.h"
#include "feed/validator.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

namespace kiosk {

namespace {

// The file's bytes, at most `limit` + 1 of them (enough to see it is too
// large); nullopt with `why` set when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::size_t limit, std::string& why) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        why = "is a directory";
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        why = std::strerror(errno);
        return std::nullopt;
    }
    std::string text(limit + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (file.bad()) {
        why = std::strerror(errno);
        return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(file.gcount()));
    return text;
}

// A live-stats document has "live" and no "event"; anything else is checked
// as a feed, whose parser then explains what is wrong. The scan stops as soon
// as it has seen both, which in a feed is near the top.
bool is_live_document(std::string_view text, const ParseLimits& limits) {
    if (find_depth_excess(text, limits.max_depth)) return false;   // the scan's stack would grow with the depth
    const auto found = locate_pointers(text, {"/event", "/live"});
    return found.count("/live") && !found.count("/event");
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

int check_feed_files(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err) {
    if (paths.empty()) {
        err << "kiosk check: no files given\n";
        return 2;
    }
    const ParseLimits limits;
    std::size_t invalid = 0, unreadable = 0, errors = 0, warnings = 0;
    for (const std::string& path : paths) {
        std::string why;
        const auto text = read_file(path, limits.max_document_bytes, why);
        if (!text) {
            err << path << ": error: cannot read: " << why << " | 无法读取文件：" << why << "\n";
            ++unreadable;
            continue;
        }
        std::vector<Problem> problems;
        bool ok;
        if (is_live_document(*text, limits)) {
            auto result = parse_live(*text, limits);
            ok = result.ok();
            problems = std::move(result.problems);
        } else {
            auto result = parse_feed(*text, limits);
            ok = result.ok();
            problems = std::move(result.problems);
        }
        for (const Problem& p : problems) {
            out << format_problem(path, p) << "\n";
            ++(p.severity == Severity::error ? errors : warnings);
        }
        invalid += !ok;
    }
    const std::size_t checked = paths.size() - unreadable;
    out << plural(paths.size(), "file") << ": " << (checked - invalid) << " valid, " << invalid << " invalid";
    if (unreadable) out << ", " << unreadable << " unreadable";
    out << "; " << plural(errors, "error") << ", " << plural(warnings, "warning") << "\n";
    return unreadable ? 2 : invalid ? 1 : 0;
}

} // namespace kiosk
