// Files compiled into the binary (see EMBEDDED_FILES in CMakeLists.txt).
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

// By repository path, e.g. "config/demo-feed.json"; nullopt when not embedded.
std::optional<std::string_view> embedded_file(std::string_view path);

} // namespace kiosk
