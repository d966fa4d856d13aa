#include "feed/problems.h"

#include "base/json_positions.h"
#include "base/text.h"

#include <algorithm>

namespace kiosk {

void ProblemSink::error(std::string pointer, std::string en, std::string zh) {
    add(Severity::error, std::move(pointer), std::move(en), std::move(zh));
}

void ProblemSink::warning(std::string pointer, std::string en, std::string zh) {
    add(Severity::warning, std::move(pointer), std::move(en), std::move(zh));
}

void ProblemSink::add(Severity severity, std::string pointer, std::string en, std::string zh) {
    if (severity == Severity::error) {
        ++error_count_;
        error_pointers_.insert(pointer);
    }
    problems_.push_back({severity, std::move(pointer), 0, 0, std::move(en), std::move(zh)});
}

void ProblemSink::add_at(Severity severity, TextPosition position, std::string en, std::string zh, std::string pointer) {
    if (severity == Severity::error) ++error_count_;
    problems_.push_back({severity, std::move(pointer), position.line, position.column, std::move(en), std::move(zh)});
}

bool ProblemSink::has_error_under(const std::string& prefix) const {
    for (const std::string& pointer : error_pointers_)
        if (pointer.compare(0, prefix.size(), prefix) == 0 &&
            (pointer.size() == prefix.size() || pointer[prefix.size()] == '/'))
            return true;
    return false;
}

std::vector<Problem> ProblemSink::finish(std::string_view text) {
    std::unordered_set<std::string> wanted;
    for (const Problem& p : problems_)
        if (p.line == 0) wanted.insert(p.pointer);
    if (!wanted.empty() && !text.empty()) {
        const auto offsets = locate_pointers(text, wanted);
        const LineIndex lines(text);
        for (Problem& p : problems_) {
            if (p.line != 0) continue;
            const auto it = offsets.find(p.pointer);
            if (it == offsets.end()) continue;
            const TextPosition pos = lines.at(it->second);
            p.line = pos.line;
            p.column = pos.column;
        }
    }
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(problems_);
}

} // namespace kiosk

namespace kiosk {

std::string value_preview(const nlohmann::json& value) {
    if (value.is_object()) return value.empty() ? "{}" : "{…}";
    if (value.is_array()) return value.empty() ? "[]" : "[…]";
    return shorten(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 60);
}

std::string json_kind_en(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a decimal number";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::boolean: return "true/false";
    default: return "null";
    }
}

std::string json_kind_zh(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::string: return "字符串";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "整数";
    case nlohmann::json::value_t::number_float: return "小数";
    case nlohmann::json::value_t::object: return "对象";
    case nlohmann::json::value_t::array: return "数组";
    case nlohmann::json::value_t::boolean: return "布尔值";
    default: return "null";
    }
}

} // namespace kiosk
