// The shortest walk on the venue's walkway graph (Dijkstra), from a node to
// an area's door, optionally step-free; with its length, the walking time and
// the floor changes spelt out as legs. Pure function of the venue: finite and
// without loops on any graph, so it ends; an unreachable door is a failed route.
#pragma once

#include "feed/venue.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A relaxed adult walking pace through a busy venue (1.2 m/s ≈ 4.3 km/h).
inline constexpr double kWalkingSpeedMetresPerSecond = 1.2;

struct WalkOptions {
    bool step_free = false;   // avoid edges with step_free: false (stairs, steps)
};

enum class WalkLegKind {
    walk,     // along one floor
    lift,     // between floors in a lift
    stairs,   // between floors on stairs (or an escalator)
};

// One stretch of a route: a walk on one floor, or a ride between floors.
// Consecutive floor changes by the same means make one leg (1F → 3F by lift).
struct WalkLeg {
    WalkLegKind kind = WalkLegKind::walk;
    std::string floor;       // walk: the floor walked on; lift/stairs: the floor left
    std::string to_floor;    // lift/stairs: the floor arrived at; walk: the same as floor
    std::size_t first = 0;   // positions in WalkRoute::nodes where the leg starts and ends (inclusive)
    std::size_t last = 0;
    double metres = 0;
};

struct WalkRoute {
    bool found = false;        // false: no walk leads there (or an unknown start or area)
    std::vector<int> nodes;    // indexes into Venue::nodes, start to door
    std::vector<WalkLeg> legs;   // walk and floor-change legs in order; one walk leg of 0 m when already there
    double metres = 0;
    double seconds = 0;        // metres at kWalkingSpeedMetresPerSecond

    // Whole minutes to show, rounded up; at least 1 unless already there.
    int minutes() const;
};

// The shortest route from node index `from` to node index `to`.
WalkRoute route_between(const Venue& venue, int from, int to, const WalkOptions& options = {});

// The shortest route from the node `from_node` (an id) to the door of area `area_id`.
WalkRoute route_to_area(const Venue& venue, std::string_view from_node, std::string_view area_id,
                    const WalkOptions& options = {});

} // namespace kiosk
