// Test helpers for the pipeline: small stand-in parse functions (the real
// parse_feed lives elsewhere; the pipeline takes any), and waiting for a
// condition with a deadline instead of sleeping a fixed time.
#pragma once

#include "feed/model.h"
#include "sources/document_source.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace kiosk::test {

// True as soon as `condition` holds; false if it still doesn't after `limit`.
inline bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

// How long a search index may take: its worker runs at SCHED_IDLE, so while both cores are busy (the
// suite's other test, a build beside it) it waits; the limit only matters when the index never comes.
inline constexpr std::chrono::milliseconds kIndexPatience = std::chrono::seconds(90);

inline std::string line_col(std::string_view text, std::size_t offset) {
    int line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') line = 1 + line, col = 1;
        else ++col;
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

// A document is {"format": "lvliang-kiosk-feed/1", "note": "…"}; the note
// becomes Feed::sample_note so tests can tell versions apart.
inline Parsed<Feed> parse_test_feed(std::string_view text, std::string_view origin, std::atomic<int>* calls = nullptr) {
    if (calls) ++*calls;
    Parsed<Feed> out;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        out.errors.push_back(std::string(origin) + ":" + line_col(text, e.byte ? e.byte - 1 : 0) + ": error: : invalid JSON");
        return out;
    }
    if (!j.is_object() || j.value("format", "") != kFeedFormat) {
        const std::size_t at = text.find("\"format\"");
        out.errors.push_back(std::string(origin) + ":" + line_col(text, at == std::string_view::npos ? 0 : at) +
                             ": error: /format: must be \"" + std::string(kFeedFormat) + "\"");
        return out;
    }
    auto feed = std::make_shared<Feed>();
    feed->format = kFeedFormat;
    feed->sample_note = j.value("note", "");
    if (feed->sample_note.empty()) out.warnings.push_back(std::string(origin) + ": warning: /note: empty");
    feed->index();
    out.doc = std::move(feed);
    return out;
}

// {"session": "…"}: one session entry with that id.
inline Parsed<LiveStats> parse_test_live(std::string_view text, std::string_view origin) {
    Parsed<LiveStats> out;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("session")) {
        out.errors.push_back(std::string(origin) + ": error: /session: required");
        return out;
    }
    auto live = std::make_shared<LiveStats>();
    live->sessions.push_back({j.value("session", ""), {}, {}, {}, {}});
    out.doc = std::move(live);
    return out;
}

inline std::string feed_doc(const std::string& note) {
    return "{\n  \"format\": \"" + std::string(kFeedFormat) + "\",\n  \"note\": \"" + note + "\"\n}\n";
}

} // namespace kiosk::test
