// Helpers of the validator tests: a data file's text, one edit to it, the
// problems listed or picked by pointer, and a line and column counted here
// independently of the validator.
#pragma once

#include "feed/validator.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::test {

// The whole file; the test fails when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// `text` with the first `from` replaced by `to`; the test fails if `from` is absent.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The problems as `kiosk check` writes them, one a line, for INFO.
inline std::string listing(const std::vector<Problem>& problems) {
    std::string out;
    for (const Problem& p : problems) out += format_problem("feed", p) + "\n";
    return out;
}

inline std::vector<const Problem*> problems_at(const std::vector<Problem>& problems, const std::string& pointer,
                                               Severity severity) {
    std::vector<const Problem*> out;
    for (const Problem& p : problems)
        if (p.pointer == pointer && p.severity == severity) out.push_back(&p);
    return out;
}

// Line and column of byte `offset`, counted here independently of the validator.
inline std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') { ++line; line_start = i + 1; }
    return {line, static_cast<int>(offset - line_start + 1)};
}

} // namespace kiosk::test
