#include "service/kiosk_location.h"

namespace kiosk {

std::optional<LocationNote> check_kiosk_location(std::string_view location, const Venue& venue) {
    if (venue.empty()) return std::nullopt;
    if (location.empty())
        return LocationNote{LogLevel::info, "kiosk_location is \"\": the venue map shows no \"you are here\" marker "
                                            "and no routes from this kiosk; set it to the node where the kiosk stands"};
    if (venue.node_index(location) >= 0) return std::nullopt;
    return LocationNote{LogLevel::warning,
                        "kiosk_location \"" + std::string(location) +
                            "\" is not a node of the feed's venue (venue.nodes): the map shows no \"you are here\" "
                            "marker and no routes from this kiosk; set kiosk_location (or --location) to the node "
                            "where the kiosk stands"};
}

} // namespace kiosk
