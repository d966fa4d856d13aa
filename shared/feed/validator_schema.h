// Internal to the feed validator: the JSON Schema half of validation
// (config/feed.schema.json, config/live.schema.json, config/announcements.schema.json, checked with valijson).
#pragma once

#include "feed/problems.h"

#include <nlohmann/json.hpp>

namespace kiosk {

enum class DocumentKind { feed, live, announcements };

// Validates `doc` against the embedded schema for `kind`; reports each
// violation once, with a bilingual message naming the field and the value.
void check_schema(const nlohmann::json& doc, DocumentKind kind, ProblemSink& sink);

// Warns about object members the schema does not describe, such as a typo
// ("soldout") that would otherwise be silently ignored.
void check_unknown_fields(const nlohmann::json& doc, DocumentKind kind, ProblemSink& sink);

} // namespace kiosk
