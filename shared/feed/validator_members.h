// Internal to the feed validator: reading members of a document that may have
// failed the schema, and the id checks every section shares (unique ids,
// references to another section's ids).
#pragma once

#include "base/timestamp.h"
#include "feed/problems.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace kiosk {

// Ids seen so far in one section, with the pointer of their first use.
using IdTable = std::unordered_map<std::string, std::string>;

// A member that is a string and passed the schema; nullptr otherwise.
const std::string* string_member(const nlohmann::json& object, const char* key, const std::string& pointer,
                                 const ProblemSink& sink);

// A member that is an ISO 8601 time with an offset, or nullopt after saying why not
// (nothing when the schema already did).
std::optional<Timestamp> timestamp_member(const nlohmann::json& item, const char* key, const std::string& pointer,
                                          ProblemSink& sink);

// A member that is a string, whether or not it passed the schema: an id that
// breaks the id pattern still names its item for references.
const std::string* raw_string_member(const nlohmann::json& object, const char* key);

// A member that is an array / a number; nullptr otherwise.
const nlohmann::json* array_member(const nlohmann::json& object, const char* key);
const nlohmann::json* number_member(const nlohmann::json& object, const char* key);

bool bool_member(const nlohmann::json& object, const char* key);

// "https://host…" or "http://host…", with a host and no blanks (a QR code of it must open).
bool is_web_address(const std::string& s);

// Reports a member `key` that is a string but not a web address; empty is fine.
void check_url(const nlohmann::json& item, const char* key, const std::string& pointer, ProblemSink& sink);

// A value from the feed, quoted for a message (long ones shortened).
std::string quote(const std::string& s);
std::string quote_zh(const std::string& s);

// Records the id at `pointer`/id; reports it when the section already has it.
void check_unique(IdTable& seen, const nlohmann::json& item, const std::string& pointer, const char* what_en,
                  const char* what_zh, ProblemSink& sink);

// A reference such as a product's "county" must name an id of that section.
// `ids` is null when the section itself is missing, which is reported once already.
void check_reference(const IdTable* ids, const nlohmann::json& item, const char* key, const std::string& pointer,
                     const char* section, const char* what_en, const char* what_zh, ProblemSink& sink);

} // namespace kiosk
