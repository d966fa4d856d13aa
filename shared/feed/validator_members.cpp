#include "feed/validator_members.h"

#include "base/json_positions.h"
#include "base/text.h"

#include <cctype>
#include <string_view>

namespace kiosk {

using nlohmann::json;

const std::string* string_member(const json& object, const char* key, const std::string& pointer,
                                 const ProblemSink& sink) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return nullptr;
    if (sink.has_errors() && sink.has_error_at(pointer_append(pointer, key))) return nullptr;
    return &it->get_ref<const std::string&>();
}

std::optional<Timestamp> timestamp_member(const json& item, const char* key, const std::string& pointer,
                                          ProblemSink& sink) {
    const std::string* text = string_member(item, key, pointer, sink);
    if (!text) return std::nullopt;
    auto t = parse_iso8601(*text);
    if (!t)
        sink.error(pointer_append(pointer, key),
                   "not a time: " + quote(*text) + "; write ISO 8601 with an offset, e.g. 2020-05-16T19:30:00+08:00",
                   "时间格式错误：" + quote_zh(*text) + "；应为带时区偏移的 ISO 8601 时间，例如 2020-05-16T19:30:00+08:00");
    return t;
}


bool is_web_address(const std::string& s) {
    std::size_t rest;
    if (starts_with_nocase(s, "https://")) rest = 8;
    else if (starts_with_nocase(s, "http://")) rest = 7;
    else return false;
    if (rest >= s.size() || s[rest] == '/') return false;
    for (unsigned char c : s)
        if (c <= ' ' || c == 0x7F) return false;
    return true;
}

void check_url(const json& item, const char* key, const std::string& pointer, ProblemSink& sink) {
    const std::string* url = string_member(item, key, pointer, sink);
    if (!url || url->empty() || is_web_address(*url)) return;
    sink.error(pointer_append(pointer, key),
               "not a web address: " + quote(*url) + "; it must start with https:// or http:// and contain no spaces",
               "网址无效：" + quote_zh(*url) + "；必须以 https:// 或 http:// 开头，且不含空格");
}

const std::string* raw_string_member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

const json* array_member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? &*it : nullptr;
}

const json* number_member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? &*it : nullptr;
}

bool bool_member(const json& object, const char* key) {
    if (!object.is_object()) return false;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string quote(const std::string& s) { return "\"" + shorten(s) + "\""; }
std::string quote_zh(const std::string& s) { return "“" + shorten(s) + "”"; }

void check_unique(IdTable& seen, const json& item, const std::string& pointer, const char* what_en,
                  const char* what_zh, ProblemSink& sink) {
    const std::string* id = raw_string_member(item, "id");
    if (!id) return;
    const auto [it, inserted] = seen.emplace(*id, pointer);
    if (!inserted && !sink.has_error_at(pointer_append(pointer, "id")))
        sink.error(pointer_append(pointer, "id"),
                   std::string("duplicate ") + what_en + " id " + quote(*id) + " (first used at " + it->second + ")",
                   std::string(what_zh) + "标识" + quote_zh(*id) + "重复（首次出现在 " + it->second + "）");
}

void check_reference(const IdTable* ids, const json& item, const char* key, const std::string& pointer,
                     const char* section, const char* what_en, const char* what_zh, ProblemSink& sink) {
    const std::string* ref = string_member(item, key, pointer, sink);
    if (!ids || !ref || ids->count(*ref)) return;
    sink.error(pointer_append(pointer, key),
               std::string("unknown ") + what_en + " " + quote(*ref) + ": no such id in \"" + section + "\"",
               std::string("未知") + what_zh + quote_zh(*ref) + "：\"" + section + "\" 中没有这个标识");
}

} // namespace kiosk
