// Internal to the feed validator: the announcements' rules a schema cannot say
// (times, ends_at after starts_at, unique ids) and their model, for the feed's
// "announcements" and for a document of its own alike.
#pragma once

#include "feed/announcements.h"
#include "feed/problems.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace kiosk {

// Checks `doc`'s "announcements" array, when it has one; values the schema rejected are skipped.
void check_announcement_rules(const nlohmann::json& doc, ProblemSink& sink);

// The model of `doc`'s "announcements" (empty without), from a document that passed the checks.
std::vector<Announcement> build_announcements(const nlohmann::json& doc);

} // namespace kiosk
