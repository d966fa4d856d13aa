// The validation pipeline: cheap text checks first (size, UTF-8, depth), then
// nlohmann's parser, the sanity limits, the schema (valijson), the rules a
// schema cannot say, and the model — built only when no error was found.
#include "feed/validator.h"

#include "base/json_positions.h"
#include "base/text.h"
#include "base/utf8.h"
#include "feed/problems.h"
#include "feed/validator_build.h"
#include "feed/validator_rules.h"
#include "feed/validator_schema.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>

namespace kiosk {

namespace {

using nlohmann::json;

std::string megabytes(std::size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// nlohmann's what(): "[json.exception.parse_error.101] parse error at line 3,
// column 5: syntax error while parsing object - unexpected '}'; expected …;
// last read: '…'". Keeps the part after the context, which we report with
// our own position.
std::string parse_error_detail(const std::string& what) {
    std::string detail = what;
    if (const auto dash = detail.find(" - "); dash != std::string::npos) detail = detail.substr(dash + 3);
    if (const auto last = detail.find("; last read:"); last != std::string::npos) detail.resize(last);
    return detail;
}

struct Hint {
    const char* en;
    const char* zh;
};

// The likely slip behind nlohmann's wording, for people editing by hand.
Hint parse_error_hint(const std::string& detail) {
    const auto has = [&](const char* s) { return detail.find(s) != std::string::npos; };
    if (has("end of input")) return {" (is the file cut short?)", "：文件不完整，可能被截断"};
    if ((has("unexpected '}'") || has("unexpected ']'")) && (has("expected string literal") || has("or a literal")))
        return {" (a comma too many before it?)", "：前面多了一个逗号？"};
    if (has("unexpected") && (has("expected '}'") || has("expected ']'")))
        return {" (a missing comma?)", "：缺少逗号？"};
    if (has("invalid literal")) return {" (text needs double quotes)", "：文字需要用英文双引号括起来"};
    if (has("control character")) return {" (a line break inside a string: write \\n)", "：字符串中不能直接换行，请写成 \\n"};
    return {"", ""};
}

bool is_token_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// nlohmann reports the last byte it read; people look for where the bad
// token starts (the opening quote of a string, the first digit of a number).
std::size_t token_start(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return text.size();
    if (text[offset] == '"') {
        std::size_t j = offset;
        while (j > 0 && text[j - 1] != '\n' && !(text[j - 1] == '"' && (j < 2 || text[j - 2] != '\\'))) --j;
        return j > 0 && text[j - 1] == '"' ? j - 1 : offset;
    }
    if (!is_token_char(text[offset]) && offset > 0 && is_token_char(text[offset - 1])) --offset;   // "tru}"
    if (is_token_char(text[offset]))
        while (offset > 0 && is_token_char(text[offset - 1])) --offset;
    return offset;
}

// Walks the parsed document for strings and containers beyond the sanity
// limits. Depth is already bounded by the pre-scan, so recursion is safe.
void check_sizes(const json& value, const PathLink& path, const ParseLimits& limits, ProblemSink& sink) {
    if (value.is_string()) {
        const std::size_t bytes = value.get_ref<const std::string&>().size();
        if (bytes > limits.max_string_bytes)
            sink.error(path.pointer(), "a string of " + std::to_string(bytes) + " bytes, more than the limit of " +
                                           std::to_string(limits.max_string_bytes),
                       "字符串长 " + std::to_string(bytes) + " 字节，超过上限 " + std::to_string(limits.max_string_bytes) + " 字节");
        return;
    }
    if (!value.is_structured()) return;
    if (value.size() > limits.max_items) {
        sink.error(path.pointer(), std::string(value.is_array() ? "an array" : "an object") + " of " +
                                       std::to_string(value.size()) + " items, more than the limit of " +
                                       std::to_string(limits.max_items),
                   std::string(value.is_array() ? "数组" : "对象") + "有 " + std::to_string(value.size()) +
                       " 项，超过上限 " + std::to_string(limits.max_items) + " 项");
        return;
    }
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) check_sizes(value[i], path.child(i), limits, sink);
        return;
    }
    for (const auto& [key, member] : value.items()) {
        if (key.size() > limits.max_string_bytes)
            sink.error(path.child(key).pointer(), "a key of " + std::to_string(key.size()) + " bytes, more than the limit of " +
                                                      std::to_string(limits.max_string_bytes),
                       "字段名长 " + std::to_string(key.size()) + " 字节，超过上限 " +
                           std::to_string(limits.max_string_bytes) + " 字节");
        else
            check_sizes(member, path.child(key), limits, sink);
    }
}

// Text → JSON, or nullopt after reporting why not (or a limit it breaks).
// `is_json` says whether nlohmann accepted the text, so pointers can be located in it.
std::optional<json> parse_document(std::string_view text, const ParseLimits& limits, ProblemSink& sink,
                                   bool& is_json) {
    is_json = false;
    if (text.size() > limits.max_document_bytes) {
        sink.add_at(Severity::error, {},
                    "the document is larger than the limit of " + megabytes(limits.max_document_bytes) + " (" +
                        std::to_string(limits.max_document_bytes) + " bytes)",
                    "文件超过 " + megabytes(limits.max_document_bytes) + "（" +
                        std::to_string(limits.max_document_bytes) + " 字节）的大小上限");
        return std::nullopt;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
        sink.add_at(Severity::error, LineIndex(text).at(*bad),
                    "invalid UTF-8 at byte offset " + std::to_string(*bad) + " (byte " + byte +
                        "); save the file as UTF-8, not GBK or ANSI",
                    "第 " + std::to_string(*bad) + " 字节（" + byte + "）不是有效的 UTF-8 编码；请将文件保存为 UTF-8，不要用 GBK 或 ANSI");
        return std::nullopt;
    }
    if (const auto deep = find_depth_excess(text, limits.max_depth)) {
        sink.add_at(Severity::error, LineIndex(text).at(*deep),
                    "nested deeper than " + std::to_string(limits.max_depth) + " levels",
                    "嵌套超过 " + std::to_string(limits.max_depth) + " 层");
        return std::nullopt;
    }
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        const std::size_t offset = token_start(text, e.byte > 0 ? e.byte - 1 : 0);   // e.byte counts from 1
        const std::string detail = parse_error_detail(e.what());
        const Hint hint = parse_error_hint(detail);
        sink.add_at(Severity::error, LineIndex(text).at(offset), "malformed JSON: " + detail + hint.en,
                    std::string("JSON 格式错误") + hint.zh + "（" + detail + "）");
        return std::nullopt;
    } catch (const json::exception& e) {   // a number too large for a double
        const std::string what = e.what();
        const std::string literal = what.find('\'') != std::string::npos ? what.substr(what.find('\'')) : "";
        const std::string number = literal.size() >= 2 ? literal.substr(1, literal.size() - 2) : literal;
        const std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
        sink.add_at(Severity::error, at == std::string_view::npos ? TextPosition{} : LineIndex(text).at(at),
                    "malformed JSON: number too large: " + number, "JSON 格式错误：数字过大：" + number);
        return std::nullopt;
    }
    is_json = true;
    // nlohmann keeps the last of a repeated name: say so rather than guess which one the organiser meant.
    const auto repeated = find_duplicate_keys(text);
    if (!repeated.empty()) {
        const LineIndex lines(text);
        for (const DuplicateKey& d : repeated) {
            const TextPosition first = lines.at(d.first_offset);
            const std::string where = std::to_string(first.line) + ":" + std::to_string(first.column);
            sink.add_at(Severity::error, lines.at(d.again_offset),
                        "this key is given twice in the same object (first at line " + where + "); keep one",
                        "同一对象中重复出现此字段（第一次在 " + where + "）；请只保留一个", d.pointer);
        }
        return std::nullopt;
    }
    check_sizes(doc, PathLink{}, limits, sink);
    if (sink.has_errors()) return std::nullopt;
    return doc;
}

void add_internal_error(ProblemSink& sink, const std::exception& e) {
    sink.add_at(Severity::error, {}, std::string("internal error while validating: ") + e.what(),
                std::string("校验时发生内部错误：") + e.what());
}

template <typename Result>
std::size_t count_of(const Result& result, Severity s) {
    std::size_t n = 0;
    for (const Problem& p : result.problems) n += p.severity == s;
    return n;
}

} // namespace

std::size_t FeedParseResult::count(Severity s) const { return count_of(*this, s); }
std::size_t LiveParseResult::count(Severity s) const { return count_of(*this, s); }

FeedParseResult parse_feed(std::string_view text, const ParseLimits& limits) {
    FeedParseResult result;
    ProblemSink sink;
    bool parsed = false;
    try {
        if (const auto doc = parse_document(text, limits, sink, parsed)) {
            check_schema(*doc, DocumentKind::feed, sink);
            check_unknown_fields(*doc, DocumentKind::feed, sink);
            check_feed_rules(*doc, sink);
            if (!sink.has_errors()) result.feed = std::make_shared<const Feed>(build_feed(*doc));
        }
    } catch (const std::exception& e) {
        add_internal_error(sink, e);
        result.feed.reset();
    }
    result.problems = sink.finish(parsed ? text : std::string_view());
    return result;
}

LiveParseResult parse_live(std::string_view text, const ParseLimits& limits) {
    LiveParseResult result;
    ProblemSink sink;
    bool parsed = false;
    try {
        if (const auto doc = parse_document(text, limits, sink, parsed)) {
            check_schema(*doc, DocumentKind::live, sink);
            check_unknown_fields(*doc, DocumentKind::live, sink);
            check_live_rules(*doc, sink);
            if (!sink.has_errors()) result.live = std::make_shared<const LiveStats>(build_live(doc->at("live")));
        }
    } catch (const std::exception& e) {
        add_internal_error(sink, e);
        result.live.reset();
    }
    result.problems = sink.finish(parsed ? text : std::string_view());
    return result;
}

} // namespace kiosk
