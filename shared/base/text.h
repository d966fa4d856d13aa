// Untrusted text made fit for a one-line message: control characters escaped,
// long values cut on a UTF-8 boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// A value from the feed made fit for a one-line message: control characters
// written as JSON escapes ("\n"), at most `max_bytes` kept (cut on a UTF-8
// boundary and marked with "…").
std::string shorten(std::string_view text, std::size_t max_bytes = 80);

// Control characters written as JSON escapes, so a problem stays on one line.
std::string escape_controls(std::string_view text);

// Whether `text` starts with `prefix`, ASCII letters compared without case
// ("HTTPS://" starts with "https://").
bool starts_with_nocase(std::string_view text, std::string_view prefix);

} // namespace kiosk
