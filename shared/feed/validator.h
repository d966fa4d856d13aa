// Parse and validate a feed (or a live-stats document) in one pass, reporting
// every problem with its JSON pointer, line, column and a bilingual message.
// Pure function of the text: safe on any worker thread.
#pragma once

#include "feed/model.h"
#include "feed/problem.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Sanity limits, checked before the schema; exceeding one stops validation.
// They sit above every schema limit (maxLength, maxItems), which give the
// friendlier message for the fields the schema knows.
struct ParseLimits {
    std::size_t max_document_bytes = 20u * 1024 * 1024;
    std::size_t max_depth = 32;                  // nested arrays and objects
    std::size_t max_string_bytes = 100 * 1000;   // any one string or key
    std::size_t max_items = 100 * 1000;          // members of any one array or object
};

struct FeedParseResult {
    std::shared_ptr<const Feed> feed;    // null when any error was found
    std::vector<Problem> problems;       // errors and warnings, in document order
    bool ok() const { return feed != nullptr; }
    std::size_t count(Severity s) const;
};

struct LiveParseResult {
    std::shared_ptr<const LiveStats> live;
    std::vector<Problem> problems;
    bool ok() const { return live != nullptr; }
    std::size_t count(Severity s) const;
};

struct AnnouncementsParseResult {
    std::shared_ptr<const std::vector<Announcement>> announcements;   // null when any error was found
    std::vector<Problem> problems;
    bool ok() const { return announcements != nullptr; }
    std::size_t count(Severity s) const;
};

// A full feed: format, event, schedule, counties, products, optional live.
FeedParseResult parse_feed(std::string_view text, const ParseLimits& limits = {});

// A live-stats document: format and live only (it changes every few seconds).
LiveParseResult parse_live(std::string_view text, const ParseLimits& limits = {});

// An announcements document ({format: "lvliang-kiosk-announcements/1", announcements: […]},
// config/announcements.schema.json): what `kiosk announce` writes and config announcements polls.
AnnouncementsParseResult parse_announcements(std::string_view text, const ParseLimits& limits = {});

} // namespace kiosk
