// Index of this file:
// [SECTION] Reading one key
// [SECTION] The keys, in documented order
// [SECTION] Messages: typos, comments, parse errors
// [SECTION] Problems and the key list
// [SECTION] Applying a config text or file
// [SECTION] Defaults from the environment; admin access
#include "service/kiosk_config.h"

#include "admin/pin_hash.h"
#include "base/json_positions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

#include <unistd.h>

namespace kiosk {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxConfigBytes = 1024 * 1024;
constexpr std::size_t kMaxConfigDepth = 16;
constexpr std::string_view kAppDir = "/lvliang-kiosk";

// [SECTION] Reading one key
// How a flag's text becomes the key's JSON value.
enum class Kind { text, integer, boolean, monitor, list, json_value };   // list: a flag's "a,b,c"; json_value: a flag's text is JSON

// One key: reads a JSON value into the config (returning why it is bad, or
// "") and writes it back out.
struct KeySpec {
    std::string_view name;
    Kind kind;
    std::string (*read)(const json& value, KioskConfig& c);
    json (*write)(const KioskConfig& c);
};

std::string shown(const json& value) {
    std::string text = value.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

std::string read_int(const json& value, int min, int max, int& out) {
    if (!value.is_number_integer()) return shown(value) + " is not a whole number";
    const auto v = value.get<std::int64_t>();
    if (v < min || v > max) return shown(value) + " is not between " + std::to_string(min) + " and " + std::to_string(max);
    out = static_cast<int>(v);
    return {};
}

std::string read_bool(const json& value, bool& out) {
    if (!value.is_boolean()) return shown(value) + " is not true or false";
    out = value.get<bool>();
    return {};
}

std::string read_source(const json& value, std::string& out) {
    if (!value.is_string()) return shown(value) + " is not a string (a file path or an http(s) URL)";
    const auto text = value.get<std::string>();
    if (text.find("://") != std::string::npos && !text.starts_with("http://") && !text.starts_with("https://"))
        return shown(value) + " is a URL but not http:// or https://";
    if (const std::size_t scheme_end = text.find("://"); scheme_end != std::string::npos) {
        const std::string_view rest = std::string_view(text).substr(scheme_end + 3);
        if (rest.empty() || std::string_view("/?#:").find(rest.front()) != std::string_view::npos)
            return shown(value) + " is a URL without a host";
    }
    out = text;
    return {};
}

// "" stays automatic; anything else must not depend on the working directory.
std::string read_dir(const json& value, std::string& out) {
    if (!value.is_string()) return shown(value) + " is not a string";
    const auto text = value.get<std::string>();
    if (!text.empty() && text.front() != '/') return shown(value) + " is not an absolute path (or \"\" for the default)";
    out = text;
    return {};
}

std::string read_size(const json& value, KioskConfig& c) {
    if (!value.is_string()) return shown(value) + " is not a string \"WIDTHxHEIGHT\" or \"auto\"";
    const auto text = value.get<std::string>();
    if (text == "auto") {
        c.display.width = c.display.height = 0;
        return {};
    }
    int w = 0, h = 0;
    const char* const end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, w);
    if (ec == std::errc() && p != end && (*p == 'x' || *p == 'X')) {
        auto [q, ec2] = std::from_chars(p + 1, end, h);
        if (ec2 == std::errc() && q == end && w >= 320 && h >= 240 && w <= 8192 && h <= 8192) {
            c.display.width = w;
            c.display.height = h;
            return {};
        }
    }
    return shown(value) + " is not \"auto\" or WIDTHxHEIGHT between 320x240 and 8192x8192";
}

std::string read_lang(const json& value, KioskConfig& c) {
    if (!value.is_string() || !parse_lang(value.get<std::string>(), c.visitor.lang)) return shown(value) + " is not \"zh\" or \"en\"";
    return {};
}

std::string read_monitor(const json& value, KioskConfig& c) {
    if (value.is_string() && !value.get<std::string>().empty()) {
        c.display.monitor_name = value.get<std::string>();
        c.display.monitor_index = 0;
        return {};
    }
    if (!value.is_number_integer()) return shown(value) + " is not a monitor number (0 is the primary) or a monitor name";
    int index = 0;
    if (auto why = read_int(value, 0, 15, index); !why.empty()) return why;
    c.display.monitor_index = index;
    c.display.monitor_name.clear();
    return {};
}

std::string read_rotation(const json& value, KioskConfig& c) {
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (v == 0 || v == 90 || v == 180 || v == 270) {
            c.display.rotation = static_cast<int>(v);
            return {};
        }
    }
    return shown(value) + " is not one of 0, 90, 180, 270";
}

// A walkway node id as the feed writes ids, or "" for none. Whether the feed has it is checked
// when a feed arrives (service/kiosk_location.h): the feed may change while the kiosk runs.
std::string read_location(const json& value, KioskConfig& c) {
    const auto is_id_char = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
               ch == '.' || ch == '-';
    };
    if (!value.is_string()) return shown(value) + " is not a string (a walkway node id of the feed's venue, or \"\")";
    const auto text = value.get<std::string>();
    if (text.size() > 64 || !std::all_of(text.begin(), text.end(), is_id_char))
        return shown(value) + " is not a node id (1 to 64 letters, digits, _ . -) or \"\"";
    c.placement.location = text;
    return {};
}

bool is_id_text(const std::string& text) {
    const auto ok = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
               ch == '-';
    };
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), ok);
}

// "" = the host name (finish_config); else an id as announcement targets name it.
std::string read_kiosk_id(const json& value, KioskConfig& c) {
    if (!value.is_string()) return shown(value) + " is not a string (this kiosk's id, or \"\" for the host name)";
    const auto text = value.get<std::string>();
    if (!text.empty() && !is_id_text(text)) return shown(value) + " is not an id (1 to 64 letters, digits, _ . -) or \"\"";
    c.identity.id = text;
    return {};
}

std::string read_kiosk_tags(const json& value, KioskConfig& c) {
    if (!value.is_array()) return shown(value) + " is not an array of strings, e.g. [\"hall-1\", \"entrance\"]";
    if (value.size() > 32) return "more than 32 tags";
    std::vector<std::string> tags;
    for (const json& tag : value) {
        if (!tag.is_string() || !is_id_text(tag.get<std::string>()))
            return shown(tag) + " is not a tag (1 to 64 letters, digits, _ . -)";
        if (std::find(tags.begin(), tags.end(), tag.get<std::string>()) == tags.end()) tags.push_back(tag.get<std::string>());
    }
    c.identity.tags = std::move(tags);
    return {};
}

// "" or an https link template; {from} {to} {area} are filled in per route (service/route_link.h).
std::string read_route_url(const json& value, KioskConfig& c) {
    if (!value.is_string()) return shown(value) + " is not a string (an https:// link with {from}, {to} or {area}, or \"\")";
    const auto text = value.get<std::string>();
    const bool blank_inside = text.find_first_of(" \t\r\n") != std::string::npos;
    if (!text.empty() && (text.rfind("https://", 0) != 0 || text.size() <= 8 || blank_inside))
        return shown(value) + " is not an https:// link (e.g. \"https://example.org/map?from={from}&to={to}\") or \"\"";
    c.placement.route_url = text;
    return {};
}

std::string read_pin_hash(const json& value, KioskConfig& c) {
    if (!value.is_string()) return shown(value) + " is not a string";
    const auto text = value.get<std::string>();
    std::string why;
    if (!text.empty() && !parse_pin_hash(text, &why)) return "the value " + why;
    c.admin_pin_hash = text;
    return {};
}

constexpr LogLevel kLogLevels[] = {LogLevel::error, LogLevel::warning, LogLevel::info, LogLevel::debug};

std::string read_log_level(const json& value, KioskConfig& c) {
    for (LogLevel level : kLogLevels)
        if (value.is_string() && value.get<std::string>() == log_level_key(level)) {
            c.log_level = level;
            return {};
        }
    return shown(value) + " is not one of \"error\", \"warning\", \"info\", \"debug\"";
}

// 0 (never) or 1 s to a day.
std::string read_screen_picture_seconds(const json& value, int& out) {
    if (value.is_number_integer() && value.get<std::int64_t>() == 0) {
        out = 0;
        return {};
    }
    if (auto why = read_int(value, 1, 86400, out); !why.empty()) return why + " (or 0: no screen pictures)";
    return {};
}

// [SECTION] The keys, in documented order
std::string size_text(const KioskConfig& c) {
    if (c.display.width == 0) return "auto";
    return std::to_string(c.display.width) + "x" + std::to_string(c.display.height);
}

// The documented order: what to show, where it goes, how it looks, the rest.
const KeySpec kKeys[] = {
    {"feed", Kind::text, [](const json& v, KioskConfig& c) { return read_source(v, c.sources.feed); },
     [](const KioskConfig& c) { return json(c.sources.feed); }},
    {"live", Kind::text, [](const json& v, KioskConfig& c) { return read_source(v, c.sources.live); },
     [](const KioskConfig& c) { return json(c.sources.live); }},
    {"announcements", Kind::text, [](const json& v, KioskConfig& c) { return read_source(v, c.sources.announcements); },
     [](const KioskConfig& c) { return json(c.sources.announcements); }},
    {"feed_poll_seconds", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 5, 86400, c.sources.feed_poll_seconds); },
     [](const KioskConfig& c) { return json(c.sources.feed_poll_seconds); }},
    {"live_poll_seconds", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 1, 3600, c.sources.live_poll_seconds); },
     [](const KioskConfig& c) { return json(c.sources.live_poll_seconds); }},
    {"feed_stale_minutes", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 1, 7 * 24 * 60, c.sources.feed_stale_minutes); },
     [](const KioskConfig& c) { return json(c.sources.feed_stale_minutes); }},
    {"live_stale_minutes", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 1, 24 * 60, c.sources.live_stale_minutes); },
     [](const KioskConfig& c) { return json(c.sources.live_stale_minutes); }},
    {"live_spike_factor", Kind::integer,   // [Issue 16]
     [](const json& v, KioskConfig& c) { return read_int(v, 0, 1000, c.sources.live_spike_factor); },
     [](const KioskConfig& c) { return json(c.sources.live_spike_factor); }},
    {"live_cadence_seconds", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 1, 86400, c.sources.live_cadence_seconds); },
     [](const KioskConfig& c) { return json(c.sources.live_cadence_seconds); }},
    {"allow_http_qr", Kind::boolean, [](const json& v, KioskConfig& c) { return read_bool(v, c.sources.allow_http_qr); },
     [](const KioskConfig& c) { return json(c.sources.allow_http_qr); }},
    {"cache_dir", Kind::text, [](const json& v, KioskConfig& c) { return read_dir(v, c.storage.cache_dir); },
     [](const KioskConfig& c) { return json(c.storage.cache_dir); }},
    {"data_dir", Kind::text, [](const json& v, KioskConfig& c) { return read_dir(v, c.storage.data_dir); },
     [](const KioskConfig& c) { return json(c.storage.data_dir); }},
    {"status_dir", Kind::text, [](const json& v, KioskConfig& c) { return read_dir(v, c.storage.status_dir); },
     [](const KioskConfig& c) { return json(c.storage.status_dir); }},
    {"image_cache_mb", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 16, 65536, c.storage.image_cache_mb); },
     [](const KioskConfig& c) { return json(c.storage.image_cache_mb); }},
    {"lang", Kind::text, read_lang, [](const KioskConfig& c) { return json(lang_code(c.visitor.lang)); }},
    {"idle_seconds", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 10, 3600, c.visitor.idle_seconds); },
     [](const KioskConfig& c) { return json(c.visitor.idle_seconds); }},
    {"kiosk_id", Kind::text, read_kiosk_id, [](const KioskConfig& c) { return json(c.identity.id); }},
    {"kiosk_tags", Kind::list, read_kiosk_tags, [](const KioskConfig& c) { return json(c.identity.tags); }},
    {"kiosk_location", Kind::text, read_location, [](const KioskConfig& c) { return json(c.placement.location); }},
    {"kiosk_heading", Kind::integer, [](const json& v, KioskConfig& c) { return read_int(v, 0, 359, c.placement.heading); },
     [](const KioskConfig& c) { return json(c.placement.heading); }},
    {"route_url", Kind::text, read_route_url, [](const KioskConfig& c) { return json(c.placement.route_url); }},
    {"kiosk_mode", Kind::boolean, [](const json& v, KioskConfig& c) { return read_bool(v, c.display.kiosk_mode); },
     [](const KioskConfig& c) { return json(c.display.kiosk_mode); }},
    {"size", Kind::text, read_size, [](const KioskConfig& c) { return json(size_text(c)); }},
    {"monitor", Kind::monitor, read_monitor,
     [](const KioskConfig& c) {
         return c.display.monitor_name.empty() ? json(c.display.monitor_index) : json(c.display.monitor_name);
     }},
    {"rotation", Kind::integer, read_rotation, [](const KioskConfig& c) { return json(c.display.rotation); }},
    {"panel_width_mm", Kind::integer,   // [Issue 19] the reach band
     [](const json& v, KioskConfig& c) { return read_int(v, 100, 5000, c.display.panel_width_mm); },
     [](const KioskConfig& c) { return json(c.display.panel_width_mm); }},
    {"panel_height_mm", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 100, 5000, c.display.panel_height_mm); },
     [](const KioskConfig& c) { return json(c.display.panel_height_mm); }},
    {"panel_bottom_mm", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 0, 2500, c.display.panel_bottom_mm); },
     [](const KioskConfig& c) { return json(c.display.panel_bottom_mm); }},
    {"texture_budget_mb", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_int(v, 32, 4096, c.display.texture_budget_mb); },
     [](const KioskConfig& c) { return json(c.display.texture_budget_mb); }},
    {"display_hours", Kind::json_value, [](const json& v, KioskConfig& c) { return read_display_hours(v, c.display.hours); },
     [](const KioskConfig& c) { return display_hours_json(c.display.hours); }},
    {"wake_minutes", Kind::integer, [](const json& v, KioskConfig& c) { return read_int(v, 1, 240, c.display.wake_minutes); },
     [](const KioskConfig& c) { return json(c.display.wake_minutes); }},
    {"screen_picture_seconds", Kind::integer,
     [](const json& v, KioskConfig& c) { return read_screen_picture_seconds(v, c.display.screen_picture_seconds); },
     [](const KioskConfig& c) { return json(c.display.screen_picture_seconds); }},
    {"admin_pin_hash", Kind::text, read_pin_hash, [](const KioskConfig& c) { return json(c.admin_pin_hash); }},
    {"log_level", Kind::text, read_log_level, [](const KioskConfig& c) { return json(log_level_key(c.log_level)); }},
};

const KeySpec* find_key(std::string_view name) {
    for (const KeySpec& k : kKeys)
        if (k.name == name) return &k;
    return nullptr;
}

// [SECTION] Messages: typos, comments, parse errors
// Edit distance, to suggest the key a typo meant.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string unknown_key_message(std::string_view key) {
    std::string message = "unknown key, ignored";
    std::string_view best;
    std::size_t best_distance = std::max<std::size_t>(2, key.size() / 3) + 1;   // suggest only near misses
    for (const KeySpec& k : kKeys)
        if (const std::size_t d = distance(key, k.name); d < best_distance) {
            best = k.name;
            best_distance = d;
        }
    if (!best.empty()) message += " (did you mean \"" + std::string(best) + "\"?)";
    return message;
}

// Replaces // and /* */ comments outside strings with spaces, keeping every
// newline, so offsets into the result are offsets into the file.
std::string blank_comments(std::string_view text) {
    std::string out(text);
    bool in_string = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (in_string) {
            if (out[i] == '\\') ++i;
            else if (out[i] == '"') in_string = false;
        } else if (out[i] == '"') {
            in_string = true;
        } else if (out[i] == '/' && i + 1 < out.size() && out[i + 1] == '/') {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
        } else if (out[i] == '/' && i + 1 < out.size() && out[i + 1] == '*') {
            const std::size_t end = out.find("*/", i + 2);
            if (end == std::string::npos) return out;   // the parser reports what is left
            for (; i < end + 2; ++i)
                if (out[i] != '\n') out[i] = ' ';
            --i;
        }
    }
    return out;
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: why" → "why".
std::string parse_error_reason(const char* what) {
    const std::string_view text = what;
    const std::size_t column = text.find("column ");
    const std::size_t colon = text.find(": ", column == std::string_view::npos ? 0 : column);
    return std::string(colon == std::string_view::npos ? text : text.substr(colon + 2));
}

ConfigProblem file_problem(std::string_view file, TextPosition at, std::string key, std::string message,
                           bool is_error = true) {
    return {is_error, std::string(file), at.line, at.column, {}, std::move(key), std::move(message)};
}

std::string first_of_list(const std::string& paths) { return paths.substr(0, paths.find(':')); }

// $VAR + suffix, when VAR holds an absolute path.
std::optional<std::string> under(const EnvLookup& env, const char* var, std::string_view suffix) {
    auto value = env(var);
    if (!value || value->empty() || value->front() != '/') return std::nullopt;
    return first_of_list(*value) + std::string(suffix);
}

} // namespace

// [SECTION] Problems and the key list
std::string_view log_level_key(LogLevel level) {
    switch (level) {
    case LogLevel::error: return "error";
    case LogLevel::warning: return "warning";
    case LogLevel::info: return "info";
    case LogLevel::debug: return "debug";
    }
    return "info";
}

std::string format_config_problem(const ConfigProblem& p) {
    const std::string key = p.key.empty() ? "" : p.key + ": ";
    if (!p.flag.empty()) return "kiosk: " + p.flag + ": " + p.message;
    if (p.file.empty()) return std::string("kiosk: config: ") + (p.is_error ? "error: " : "warning: ") + key + p.message;
    std::string where = p.file;
    if (p.line > 0) where += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    return where + (p.is_error ? ": error: " : ": warning: ") + key + p.message;
}

bool has_error(const std::vector<ConfigProblem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const ConfigProblem& p) { return p.is_error; });
}

const std::vector<std::string_view>& config_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> out;
        for (const KeySpec& k : kKeys) out.push_back(k.name);
        return out;
    }();
    return keys;
}

// [SECTION] Applying a config text or file
std::vector<ConfigProblem> apply_config_text(std::string_view text, std::string_view file, KioskConfig& config) {
    const LineIndex lines(text);
    if (text.size() > kMaxConfigBytes)
        return {file_problem(file, {}, {}, "the file is larger than 1 MB; is it the right file?")};
    const std::string clean = blank_comments(text);
    if (const auto deep = find_depth_excess(clean, kMaxConfigDepth))   // before nlohmann recurses into it
        return {file_problem(file, lines.at(*deep), {}, "nested too deeply for a config file")};
    json document;
    try {
        document = json::parse(clean);
    } catch (const json::parse_error& e) {
        return {file_problem(file, lines.at(e.byte == 0 ? 0 : e.byte - 1), {}, "not valid JSON: " + parse_error_reason(e.what()))};
    } catch (const json::exception& e) {   // out_of_range: a number beyond a double ("1e999"), which nlohmann names in quotes
        const std::string what = e.what();
        const std::size_t open = what.find('\''), close = what.rfind('\'');
        const std::string number = open < close ? what.substr(open + 1, close - open - 1) : "";
        const std::size_t at = number.empty() ? std::string::npos : clean.find(number);
        return {file_problem(file, at == std::string::npos ? TextPosition{} : lines.at(at), {},
                             "not valid JSON: number too large: " + number)};
    }
    if (!document.is_object())
        return {file_problem(file, lines.at(0), {}, "the configuration must be a JSON object { \"key\": value, ... }")};

    // Find positions only for the keys that need them (nlohmann keeps none).
    std::vector<ConfigProblem> problems;
    std::unordered_set<std::string> pointers;
    for (const auto& [name, value] : document.items()) pointers.insert(pointer_append("", name));
    const auto offsets = locate_pointers(clean, pointers);
    const auto position_of = [&](const std::string& name) {
        const auto it = offsets.find(pointer_append("", name));
        return it == offsets.end() ? TextPosition{} : lines.at(it->second);
    };

    for (const auto& [name, value] : document.items()) {
        const KeySpec* spec = find_key(name);
        if (!spec) {
            problems.push_back(file_problem(file, position_of(name), name, unknown_key_message(name), false));
            continue;
        }
        KioskConfig candidate = config;   // a bad value leaves the config as it was
        std::string why = spec->read(value, candidate);
        if (why.empty()) config = std::move(candidate);
        else problems.push_back(file_problem(file, position_of(name), name, std::move(why)));
    }
    std::stable_sort(problems.begin(), problems.end(), [](const ConfigProblem& a, const ConfigProblem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);   // document order, not key order
    });
    return problems;
}

std::vector<ConfigProblem> apply_config_file(const std::string& path, KioskConfig& config) {
    std::string text;
    errno = 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    bool ok = f != nullptr;
    if (f) {
        char buffer[8192];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0 && text.size() <= kMaxConfigBytes) text.append(buffer, n);
        ok = !std::ferror(f);   // a directory opens but fails to read
        std::fclose(f);
    }
    if (!ok)
        return {{true, path, 0, 0, {}, {}, std::string("cannot read the config file: ") + std::strerror(errno ? errno : EIO)}};
    return apply_config_text(text, path, config);
}

std::optional<ConfigProblem> apply_config_flag(std::string_view key, std::string_view flag, std::string_view value,
                                               KioskConfig& config) {
    const KeySpec* spec = find_key(key);
    const auto problem = [&](std::string message) {
        return ConfigProblem{true, {}, 0, 0, std::string(flag), std::string(key), std::move(message)};
    };
    if (!spec) return problem("not a configuration key");
    const std::string text(value);
    json as_json = text;
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (spec->kind == Kind::integer || (spec->kind == Kind::monitor && digits)) {
        if (!digits || text.size() > 9) return problem(text + " is not a whole number");
        as_json = std::stoi(text);
    } else if (spec->kind == Kind::list) {   // "hall-1,entrance"; "" = none
        as_json = json::array();
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            as_json.push_back(text.substr(start, comma - start));
            start = comma + 1;
        }
    } else if (spec->kind == Kind::boolean) {
        if (text != "true" && text != "false") return problem(text + " is not true or false");
        as_json = text == "true";
    } else if (spec->kind == Kind::json_value) {
        if (find_depth_excess(text, kMaxConfigDepth)) return problem("nested too deeply for a config value");
        as_json = json::parse(text, nullptr, false);
        if (as_json.is_discarded()) return problem(text + " is not JSON, e.g. '{\"daily\": \"09:00-21:00\"}'");
    }
    KioskConfig candidate = config;
    std::string why = spec->read(as_json, candidate);
    if (!why.empty()) return problem(std::move(why));
    config = std::move(candidate);
    return std::nullopt;
}

// [SECTION] Defaults from the environment; admin access
std::optional<std::string> system_env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

std::string host_kiosk_id() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "kiosk";
    std::string id;
    for (const char* p = name; *p && id.size() < 64; ++p) {
        const char ch = *p;
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                        ch == '.' || ch == '-';
        id += ok ? ch : '-';
    }
    return id.empty() ? "kiosk" : id;
}

std::vector<ConfigProblem> finish_config(KioskConfig& config, const EnvLookup& env) {
    std::vector<ConfigProblem> problems;
    if (config.identity.id.empty()) config.identity.id = host_kiosk_id();
    const auto fill = [&](std::string& dir, const char* key, const char* systemd_var, const char* xdg_var,
                          std::string_view home_suffix) {
        if (!dir.empty()) return;
        auto found = under(env, systemd_var, "");
        if (!found) found = under(env, xdg_var, kAppDir);
        if (!found) found = under(env, "HOME", std::string(home_suffix) + std::string(kAppDir));
        if (found) dir = *found;
        else problems.push_back({false, {}, 0, 0, {}, key, std::string("no $") + systemd_var + ", $" + xdg_var +
                                 " or $HOME to put it under; set it in the config file"});
    };
    fill(config.storage.cache_dir, "cache_dir", "CACHE_DIRECTORY", "XDG_CACHE_HOME", "/.cache");
    fill(config.storage.data_dir, "data_dir", "STATE_DIRECTORY", "XDG_DATA_HOME", "/.local/share");
    if (config.storage.status_dir.empty()) config.storage.status_dir = config.storage.data_dir;

    // Data polled less often than it goes stale would always look stale.
    const auto& s = config.sources;
    if (s.feed_stale_minutes * 60 <= s.feed_poll_seconds)
        problems.push_back({true, {}, 0, 0, {}, "feed_stale_minutes",
                            std::to_string(s.feed_stale_minutes) + " min must be longer than feed_poll_seconds (" +
                                std::to_string(s.feed_poll_seconds) + " s)"});
    if (s.live_stale_minutes * 60 <= s.live_poll_seconds)
        problems.push_back({true, {}, 0, 0, {}, "live_stale_minutes",
                            std::to_string(s.live_stale_minutes) + " min must be longer than live_poll_seconds (" +
                                std::to_string(s.live_poll_seconds) + " s)"});
    // [Issue 19] The accessible mode needs part of the panel within reach.
    if (std::string why = reach_band_problem(panel_geometry(config)); !why.empty())
        problems.push_back({true, {}, 0, 0, {}, "panel_bottom_mm", why});
    return problems;
}

std::string config_to_json(const KioskConfig& config) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const KeySpec& k : kKeys) out[std::string(k.name)] = k.write(config);
    return out.dump(2) + "\n";
}

PanelGeometry panel_geometry(const KioskConfig& config) {
    const KioskConfig::Display& d = config.display;
    return PanelGeometry{double(d.panel_width_mm), double(d.panel_height_mm), double(d.panel_bottom_mm)};
}

AdminAccess admin_access(const KioskConfig& config) {
    if (!config.admin_pin_hash.empty()) return AdminAccess::pin;
    return config.display.kiosk_mode ? AdminAccess::closed : AdminAccess::open;
}

} // namespace kiosk
