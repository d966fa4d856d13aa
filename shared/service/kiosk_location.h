// Whether this kiosk's configured place (kiosk_location) is on the feed's
// venue plan; checked each time a feed arrives, since the feed can change
// while the kiosk runs. A missing node is logged, never fatal: the map then
// shows no "you are here" marker and no routes from here.
#pragma once

#include "base/log.h"
#include "feed/venue.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct LocationNote {
    LogLevel level = LogLevel::warning;
    std::string message;
};

// nullopt when all is well: the node is on the plan, or the feed has no venue (then there is no map).
std::optional<LocationNote> check_kiosk_location(std::string_view location, const Venue& venue);

} // namespace kiosk
