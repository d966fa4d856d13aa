// The pipeline's parse functions for the real documents (feed/validator.h):
// problems become log lines in the `kiosk check` format.
#pragma once

#include "feed/model.h"
#include "sources/document_source.h"

#include <string_view>
#include <vector>

namespace kiosk {

Parsed<Feed> parse_feed_document(std::string_view text, std::string_view origin);
Parsed<LiveStats> parse_live_document(std::string_view text, std::string_view origin);
Parsed<std::vector<Announcement>> parse_announcements_document(std::string_view text, std::string_view origin);

} // namespace kiosk
