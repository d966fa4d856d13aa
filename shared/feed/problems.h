// Internal to the feed validator: collects problems by JSON pointer while the
// schema and rule checks run, then gives them positions in one pass.
#pragma once

#include "base/json_positions.h"
#include "feed/problem.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kiosk {

class ProblemSink {
public:
    // A problem at the value `pointer` names; its line:column is found later.
    void error(std::string pointer, std::string en, std::string zh);
    void warning(std::string pointer, std::string en, std::string zh);
    // A problem whose position is already known (malformed text, limits, repeated keys).
    void add_at(Severity severity, TextPosition position, std::string en, std::string zh, std::string pointer = {});

    bool has_errors() const { return error_count_ > 0; }
    // True when an error was reported at exactly this pointer: later checks
    // skip such values so one mistake is reported once.
    bool has_error_at(const std::string& pointer) const {
        return !error_pointers_.empty() && error_pointers_.count(pointer) > 0;
    }

    // True when an error was reported at `prefix` or below it ("/venue/edges" covers "/venue/edges/3/to").
    bool has_error_under(const std::string& prefix) const;

    // The problems with positions, in document order. `text` must be the
    // JSON text that nlohmann parsed, or empty when it never parsed.
    std::vector<Problem> finish(std::string_view text);

private:
    void add(Severity severity, std::string pointer, std::string en, std::string zh);
    std::vector<Problem> problems_;
    std::unordered_set<std::string> error_pointers_;
    std::size_t error_count_ = 0;
};

// A short quotable rendering of a value for messages: "abc", 12.5, {…}.
std::string value_preview(const nlohmann::json& value);

// What kind of JSON value this is: "a string" / "字符串", "an integer" / "整数"…
std::string json_kind_en(const nlohmann::json& value);
std::string json_kind_zh(const nlohmann::json& value);

} // namespace kiosk
