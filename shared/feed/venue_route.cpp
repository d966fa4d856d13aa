#include "feed/venue_route.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace kiosk {

namespace {

constexpr double kUnreached = std::numeric_limits<double>::infinity();

// A length the walk can add: a bad value (never past the validator) counts as 0, so the walk still ends.
double weight_of(const WalkEdge& edge) {
    return std::isfinite(edge.length_m) && edge.length_m > 0 ? edge.length_m : 0.0;
}

// Lift or stairs between two floors: the kind of an area whose door is at
// either end decides; else the edge's step_free flag.
WalkLegKind floor_change_kind(const Venue& venue, const WalkEdge& edge) {
    for (const Area& area : venue.areas)
        if ((area.kind == AreaKind::lift || area.kind == AreaKind::stairs) && (area.door == edge.from || area.door == edge.to))
            return area.kind == AreaKind::lift ? WalkLegKind::lift : WalkLegKind::stairs;
    return edge.step_free ? WalkLegKind::lift : WalkLegKind::stairs;
}

// Splits the walk into legs: a new leg where the kind changes, floor changes
// by the same means merged into one.
std::vector<WalkLeg> legs_of(const Venue& venue, const std::vector<int>& nodes, const std::vector<int>& edges) {
    std::vector<WalkLeg> legs;
    const std::string& start_floor = venue.nodes[std::size_t(nodes.front())].floor;
    if (edges.empty()) return {WalkLeg{WalkLegKind::walk, start_floor, start_floor, 0, 0, 0.0}};
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const WalkEdge& edge = venue.edges[std::size_t(edges[i])];
        const std::string& from = venue.nodes[std::size_t(nodes[i])].floor;
        const std::string& to = venue.nodes[std::size_t(nodes[i + 1])].floor;
        const WalkLegKind kind = from == to ? WalkLegKind::walk : floor_change_kind(venue, edge);
        if (legs.empty() || legs.back().kind != kind) legs.push_back({kind, from, to, i, i, 0.0});
        WalkLeg& leg = legs.back();
        leg.to_floor = to;
        leg.last = i + 1;
        leg.metres += weight_of(edge);
    }
    return legs;
}

} // namespace

int WalkRoute::minutes() const {
    if (!found || seconds <= 0) return 0;
    return std::max(1, int(std::ceil(seconds / 60.0 - 1e-9)));
}

WalkRoute route_between(const Venue& venue, int from, int to, const WalkOptions& options) {
    WalkRoute route;
    const int count = int(venue.nodes.size());
    if (from < 0 || to < 0 || from >= count || to >= count) return route;

    std::vector<double> distance(std::size_t(count), kUnreached);
    std::vector<int> via_edge(std::size_t(count), -1), via_node(std::size_t(count), -1);
    using Entry = std::pair<double, int>;   // distance, node: ties go to the lower node index
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> pending;
    distance[std::size_t(from)] = 0;
    pending.push({0.0, from});
    while (!pending.empty()) {
        const auto [d, n] = pending.top();
        pending.pop();
        if (d > distance[std::size_t(n)]) continue;   // an outdated entry
        if (n == to) break;
        for (const WalkLink& link : venue.links(n)) {
            const WalkEdge& edge = venue.edges[std::size_t(link.edge)];
            if (options.step_free && !edge.step_free) continue;
            const double next = d + weight_of(edge);
            if (next < distance[std::size_t(link.to)]) {
                distance[std::size_t(link.to)] = next;
                via_edge[std::size_t(link.to)] = link.edge;
                via_node[std::size_t(link.to)] = n;
                pending.push({next, link.to});
            }
        }
    }
    if (distance[std::size_t(to)] == kUnreached) return route;

    std::vector<int> edges;
    for (int n = to; n != from; n = via_node[std::size_t(n)]) {
        route.nodes.push_back(n);
        edges.push_back(via_edge[std::size_t(n)]);
    }
    route.nodes.push_back(from);
    std::reverse(route.nodes.begin(), route.nodes.end());
    std::reverse(edges.begin(), edges.end());
    route.found = true;
    route.metres = distance[std::size_t(to)];
    route.seconds = route.metres / kWalkingSpeedMetresPerSecond;
    route.legs = legs_of(venue, route.nodes, edges);
    return route;
}

WalkRoute route_to_area(const Venue& venue, std::string_view from_node, std::string_view area_id,
                    const WalkOptions& options) {
    const Area* area = venue.area(area_id);
    if (!area) return {};
    return route_between(venue, venue.node_index(from_node), venue.node_index(area->door), options);
}

} // namespace kiosk
