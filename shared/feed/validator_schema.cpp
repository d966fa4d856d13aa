// Index of this file:
// [SECTION] The compiled schemas
// [SECTION] Looking up the schema that applies at a pointer, for messages
// [SECTION] Turning valijson's error list into one violation per mistake
// [SECTION] Bilingual messages
// [SECTION] Public: checking a document
#include "feed/validator_schema.h"

#include "base/embedded.h"
#include "base/json_positions.h"
#include "base/text.h"
#include "base/utf8.h"

#define VALIJSON_USE_EXCEPTIONS 1   // a broken embedded schema must throw, not abort
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace kiosk {

namespace {

using nlohmann::json;
using Tokens = std::vector<std::string>;

// [SECTION] The compiled schemas
const json& schema_json(DocumentKind kind) {
    static const json feed = json::parse(embedded_file("config/feed.schema.json").value());
    static const json live = json::parse(embedded_file("config/live.schema.json").value());
    static const json announcements = json::parse(embedded_file("config/announcements.schema.json").value());
    return kind == DocumentKind::feed ? feed : kind == DocumentKind::live ? live : announcements;
}

// Both schemas compiled once; valijson only reads them while validating, so
// worker threads can share them.
struct CompiledSchemas {
    valijson::Schema feed;
    valijson::Schema live;
    valijson::Schema announcements;

    CompiledSchemas() {
        using valijson::adapters::NlohmannJsonAdapter;
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(NlohmannJsonAdapter(schema_json(DocumentKind::feed)), feed);
        // live.schema.json refers to "feed.schema.json#/definitions/live": serve the embedded copy.
        const auto fetch = [](const std::string& uri) -> const json* {
            if (uri.size() >= 16 && uri.compare(uri.size() - 16, 16, "feed.schema.json") == 0)
                return &schema_json(DocumentKind::feed);
            throw std::logic_error("a schema refers to an unknown document: " + uri);
        };
        const auto keep = [](const json*) {};   // the static document outlives the parser
        parser.populateSchema(NlohmannJsonAdapter(schema_json(DocumentKind::live)), live, fetch, keep);
        valijson::SchemaParser second(valijson::SchemaParser::kDraft7);   // fresh: no ids cached from the live schema
        second.populateSchema(NlohmannJsonAdapter(schema_json(DocumentKind::announcements)), announcements, fetch, keep);
    }
};

const valijson::Schema& compiled_schema(DocumentKind kind) {
    static const CompiledSchemas schemas;
    return kind == DocumentKind::feed ? schemas.feed : kind == DocumentKind::live ? schemas.live : schemas.announcements;
}

// [SECTION] Looking up the schema that applies at a pointer, for messages

struct SchemaNode {
    const json* node = nullptr;
    std::string definition;   // name of the last "#/definitions/…" followed, e.g. "money"
};

// Every "$ref" in both schemas, resolved once. All of them point into
// feed.schema.json: its own "#/definitions/…" and live.schema.json's
// "feed.schema.json#/definitions/…".
const std::unordered_map<std::string, SchemaNode>& resolved_refs() {
    static const std::unordered_map<std::string, SchemaNode> refs = [] {
        std::unordered_map<std::string, SchemaNode> out;
        const json& feed = schema_json(DocumentKind::feed);
        std::vector<const json*> pending{&feed, &schema_json(DocumentKind::live), &schema_json(DocumentKind::announcements)};
        while (!pending.empty()) {
            const json* node = pending.back();
            pending.pop_back();
            if (!node->is_structured()) continue;
            for (const json& child : *node) pending.push_back(&child);
            if (!node->is_object() || !node->contains("$ref")) continue;
            const std::string ref = (*node)["$ref"].get<std::string>();
            const auto hash = ref.find('#');
            const json::json_pointer pointer(hash == std::string::npos ? "" : ref.substr(hash + 1));
            if (hash == std::string::npos || !feed.contains(pointer))
                throw std::logic_error("schema reference not found: " + ref);
            out[ref] = {&feed[pointer], ref.substr(ref.rfind('/') + 1)};
        }
        return out;
    }();
    return refs;
}

// Follows "$ref" until a node that says something itself.
SchemaNode deref(SchemaNode at) {
    for (int hops = 0; at.node && at.node->is_object() && hops < 8; ++hops) {
        const auto ref = at.node->find("$ref");
        if (ref == at.node->end()) break;
        const auto& refs = resolved_refs();
        const auto it = refs.find(ref->get_ref<const std::string&>());
        if (it == refs.end()) return {};
        at = it->second;
    }
    return at;
}

bool is_text(const SchemaNode& at) { return at.node && at.node->contains("oneOf"); }

SchemaNode child_schema(SchemaNode at, const std::string& token) {
    at = deref(at);
    if (!at.node || !at.node->is_object()) return {};
    const json& n = *at.node;
    if (n.contains("properties") && n["properties"].contains(token)) return deref({&n["properties"][token], ""});
    if (n.contains("items")) return deref({&n["items"], ""});
    if (n.contains("oneOf")) {
        for (const json& branch : n["oneOf"])
            if (branch.contains("properties") && branch["properties"].contains(token))
                return deref({&branch["properties"][token], ""});
    }
    return {};
}

SchemaNode schema_at(DocumentKind kind, const Tokens& tokens) {
    SchemaNode at = deref({&schema_json(kind), ""});
    for (const std::string& token : tokens) {
        at = child_schema(at, token);
        if (!at.node) break;
    }
    return at;
}

const json* value_at(const json& doc, const Tokens& tokens) {
    const json* at = &doc;
    for (const std::string& token : tokens) {
        if (at->is_object()) {
            const auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            std::size_t index = 0;
            for (char c : token) index = index * 10 + static_cast<std::size_t>(c - '0');
            if (index >= at->size()) return nullptr;
            at = &(*at)[index];
        } else {
            return nullptr;
        }
    }
    return at;
}

std::string pointer_of(const Tokens& tokens) {
    std::string pointer;
    for (const std::string& t : tokens) pointer = pointer_append(pointer, t);
    return pointer;
}

// [SECTION] Turning valijson's error list into one violation per mistake

struct Violation {
    Tokens tokens;
    std::string description;
    bool not_text = false;   // neither a string nor a {zh, en} object
};

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool has_prefix(const Tokens& prefix, const Tokens& tokens) {
    return tokens.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), tokens.begin());
}

const std::string_view kTypeFailed = "Value type not permitted by 'type' constraint.";
const std::string_view kOneOfFailed = "Failed to validate against any child schemas allowed by oneOf";

// Summaries valijson adds above a nested failure; the nested one says it better.
bool is_cascade(const std::string& d) {
    for (std::string_view p : {"Failed to validate item #", "Failed to validate against schema associated with",
                               "Failed to validate against child schema", "Failed to validate against any schemas",
                               "Cannot validate item #", "Failed to validate against dependent schema",
                               "Failed to validate against additional properties schema"})
        if (starts_with(d, p)) return true;
    return false;
}

std::vector<Violation> simplify(const valijson::ValidationResults& results) {
    std::vector<Violation> out;
    for (const auto& error : results) {
        Violation v;
        for (std::size_t i = 1; i < error.context.size(); ++i) {   // [0] is "<root>"
            const std::string& c = error.context[i];
            v.tokens.push_back(c.size() >= 2 ? c.substr(1, c.size() - 2) : c);   // "[name]" → name
        }
        v.description = error.description;
        if (starts_with(v.description, kOneOfFailed)) {
            // The branch errors come just before; a type mismatch at the value
            // itself only says which branch did not apply.
            std::size_t first = out.size();
            while (first > 0 && has_prefix(v.tokens, out[first - 1].tokens)) --first;
            std::vector<Violation> kept;
            for (std::size_t i = first; i < out.size(); ++i)
                if (!(out[i].tokens == v.tokens && out[i].description == kTypeFailed)) kept.push_back(out[i]);
            out.resize(first);
            if (kept.empty()) {
                v.not_text = true;
                out.push_back(std::move(v));
            } else {
                out.insert(out.end(), kept.begin(), kept.end());
            }
            continue;
        }
        if (is_cascade(v.description)) continue;
        out.push_back(std::move(v));
    }
    // A value of the wrong type breaks its bounds too ("1e20" for an integer
    // of at most 10^15); the type is the mistake to report.
    std::set<Tokens> wrong_type;
    for (const Violation& v : out)
        if (v.description == kTypeFailed) wrong_type.insert(v.tokens);
    if (!wrong_type.empty())
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const Violation& v) {
                                     return v.description != kTypeFailed && wrong_type.count(v.tokens);
                                 }),
                  out.end());
    return out;
}

// [SECTION] Bilingual messages

struct Message {
    std::string pointer;
    std::string en;
    std::string zh;
};

std::string quoted_in(const std::string& description) {   // the text between the last pair of '…'
    const auto end = description.rfind('\'');
    const auto begin = end == std::string::npos ? end : description.rfind('\'', end - 1);
    if (begin == std::string::npos) return {};
    return description.substr(begin + 1, end - begin - 1);
}

std::string number_in(const std::string& description) {
    const auto first = description.find_first_of("0123456789");
    if (first == std::string::npos) return {};
    return description.substr(first, description.find_first_not_of("0123456789", first) - first);
}

std::string expected_en(const std::string& type) {
    if (type == "string") return "a string";
    if (type == "integer") return "an integer";
    if (type == "number") return "a number";
    if (type == "object") return "an object";
    if (type == "array") return "an array";
    if (type == "boolean") return "true or false";
    return type;
}

std::string expected_zh(const std::string& type) {
    if (type == "string") return "字符串";
    if (type == "integer") return "整数";
    if (type == "number") return "数字";
    if (type == "object") return "对象";
    if (type == "array") return "数组";
    if (type == "boolean") return "布尔值（true 或 false）";
    return type;
}

std::string number_text(const json& bound) {
    return bound.is_number_float() ? std::to_string(bound.get<double>()) : bound.dump();
}

Message type_message(const Violation& v, const json& value, const SchemaNode& at, std::string pointer) {
    const std::string found_en = json_kind_en(value), found_zh = json_kind_zh(value);
    if (is_text(at))
        return {pointer, "expected text: a string or {\"zh\": …, \"en\": …}, found " + found_en,
                "应为文本：字符串或 {\"zh\": …, \"en\": …}，实际为" + found_zh};
    const std::string type = at.node && at.node->contains("type") ? (*at.node)["type"].get<std::string>() : "";
    if (type == "integer" && value.is_number_float()) {
        if (at.definition == "money")
            return {pointer, "amounts are whole fen (1/100 yuan) without a decimal point, found " + value_preview(value),
                    "金额须为整数（单位：分，不带小数点），实际为 " + value_preview(value)};
        return {pointer, "must be a whole number, found " + value_preview(value),
                "须为整数，实际为 " + value_preview(value)};
    }
    if (type.empty()) return {pointer, v.description, "类型错误：" + v.description};
    return {pointer, "wrong type: expected " + expected_en(type) + ", found " + found_en + " " + value_preview(value),
            "类型错误：应为" + expected_zh(type) + "，实际为" + found_zh + " " + value_preview(value)};
}

Message bound_message(const json& value, const SchemaNode& at, std::string pointer) {
    const json& n = *at.node;
    const double x = value.get<double>();
    if (n.contains("maximum") && x > n["maximum"].get<double>())
        return {pointer, "too large: at most " + number_text(n["maximum"]) + ", found " + value.dump(),
                "数值过大：最大为 " + number_text(n["maximum"]) + "，实际为 " + value.dump()};
    const std::string minimum = n.contains("minimum") ? number_text(n["minimum"]) : "0";
    if (at.definition == "money")
        return {pointer, "an amount must not be negative, found " + value.dump(), "金额不能为负数，实际为 " + value.dump()};
    return {pointer, "must be at least " + minimum + ", found " + value.dump(),
            "不能小于 " + minimum + "，实际为 " + value.dump()};
}

Message message_for(const Violation& v, const json& doc, DocumentKind kind) {
    std::string pointer = pointer_of(v.tokens);
    const json* value = value_at(doc, v.tokens);
    const SchemaNode at = schema_at(kind, v.tokens);
    const std::string& d = v.description;
    if (!value) return {pointer, d, "不符合数据格式规范：" + d};
    const std::string preview = value_preview(*value);

    if (v.not_text || d == kTypeFailed) return type_message(v, *value, at, pointer);
    if (starts_with(d, "Missing required property")) {
        const std::string name = quoted_in(d);
        return {pointer, "missing required field \"" + name + "\"", "缺少必填字段“" + name + "”"};
    }
    if ((starts_with(d, "Expected number greater") || starts_with(d, "Expected number less")) && at.node &&
        value->is_number())
        return bound_message(*value, at, pointer);
    if (starts_with(d, "String should be no more than") && value->is_string()) {
        const std::string count = std::to_string(count_code_points(value->get_ref<const std::string&>()));
        return {pointer, "too long: " + count + " characters, at most " + number_in(d) + " allowed",
                "过长：共 " + count + " 个字符，最多允许 " + number_in(d) + " 个"};
    }
    if (starts_with(d, "Array should contain no more than") && value->is_array()) {
        const std::string count = std::to_string(value->size());
        return {pointer, "too many items: " + count + ", at most " + number_in(d) + " allowed",
                "条目过多：共 " + count + " 项，最多允许 " + number_in(d) + " 项"};
    }
    if (starts_with(d, "Array should contain no fewer than") && value->is_array()) {
        const std::string count = std::to_string(value->size());
        return {pointer, "too few items: " + count + ", at least " + number_in(d) + " needed",
                "条目过少：共 " + count + " 项，至少需要 " + number_in(d) + " 项"};
    }
    if (starts_with(d, "Object should have no fewer than") && is_text(at))
        return {pointer, "empty text: give \"zh\" or \"en\"", "文本为空：请填写 \"zh\" 或 \"en\""};
    if (starts_with(d, "Object contains a property that could not be validated")) {
        if (is_text(at) && value->is_object()) {
            // Read the key from the document: valijson's '…' quoting breaks on a key holding a quote.
            std::string key;
            for (const auto& [k, member] : value->items())
                if (k != "zh" && k != "en") { key = k; break; }
            return {pointer_append(pointer, key), "text may only have \"zh\" and \"en\", found \"" + shorten(key) + "\"",
                    "文本只能包含 \"zh\" 和 \"en\"，不能有“" + shorten(key) + "”"};
        }
        const std::string key = quoted_in(d);
        return {pointer_append(pointer, key), "field \"" + shorten(key) + "\" is not allowed here",
                "此处不允许字段“" + shorten(key) + "”"};
    }
    if (starts_with(d, "Failed to match regex")) {
        if (at.definition == "id")
            return {pointer, "invalid id " + preview + ": use 1 to 64 letters, digits, \"_\", \".\" or \"-\"",
                    "标识符 " + preview + " 无效：只能由 1 至 64 个英文字母、数字、“_”、“.”或“-”组成"};
        const std::string pattern = at.node && at.node->contains("pattern") ? (*at.node)["pattern"].get<std::string>() : "";
        return {pointer, preview + " does not match the pattern " + pattern, preview + " 不符合格式 " + pattern};
    }
    if (starts_with(d, "Failed to match expected value set by 'const'") && at.node && at.node->contains("const")) {
        const std::string expected = (*at.node)["const"].dump();
        return {pointer, "must be " + expected + ", found " + preview, "应为 " + expected + "，实际为 " + preview};
    }
    if (starts_with(d, "Failed to match against any enum values") && at.node && at.node->contains("enum")) {
        std::string choices;
        for (const json& e : (*at.node)["enum"]) choices += (choices.empty() ? "" : ", ") + (e.is_string() ? e.get<std::string>() : e.dump());
        return {pointer, "must be one of " + choices + "; found " + preview,
                "应为以下之一：" + choices + "；实际为 " + preview};
    }
    return {pointer, d, "不符合数据格式规范：" + d};
}

void walk_unknown_fields(const json& value, SchemaNode at, const PathLink& path, ProblemSink& sink) {
    at = deref(at);
    if (!at.node || !at.node->is_object()) return;
    const json& n = *at.node;
    if (value.is_object()) {
        const auto properties = n.find("properties");
        if (properties == n.end() || n.contains("additionalProperties")) return;
        for (const auto& [key, member] : value.items()) {
            const auto known = properties->find(key);
            if (known == properties->end())
                sink.warning(path.child(key).pointer(), "unknown field \"" + shorten(key) + "\" is ignored (a typo?)",
                             "未知字段“" + shorten(key) + "”将被忽略（是否拼写错误？）");
            else if (member.is_structured())   // scalars have no fields to check
                walk_unknown_fields(member, {&*known, ""}, path.child(key), sink);
        }
    } else if (value.is_array()) {
        const auto items = n.find("items");
        if (items == n.end()) return;
        for (std::size_t i = 0; i < value.size(); ++i)
            if (value[i].is_structured()) walk_unknown_fields(value[i], {&*items, ""}, path.child(i), sink);
    }
}

} // namespace

// [SECTION] Public: checking a document
void check_schema(const json& doc, DocumentKind kind, ProblemSink& sink) {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    const valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(compiled_schema(kind), target, nullptr)) return;   // fast path: nothing to explain
    valijson::ValidationResults results;
    validator.validate(compiled_schema(kind), target, &results);
    for (const Violation& v : simplify(results)) {
        Message m = message_for(v, doc, kind);
        sink.error(std::move(m.pointer), std::move(m.en), std::move(m.zh));
    }
}

void check_unknown_fields(const json& doc, DocumentKind kind, ProblemSink& sink) {
    walk_unknown_fields(doc, {&schema_json(kind), ""}, PathLink{}, sink);
}

} // namespace kiosk
