// The venue in the feed (optional "venue" section): floors, areas drawn as
// polygons in metres, and the walkway graph visitors walk along. Plain data,
// built by the validator, read by the map and route screens and by routing
// (feed/venue_route.h).
#pragma once

#include "feed/id_index.h"
#include "feed/localized_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class AreaKind {
    hall, booth, studio, stage, market, service_desk, toilet, entrance, exit, first_aid, lift, stairs
};

// "hall", "booth", … "first_aid" (the feed's spelling); false for an unknown word.
bool parse_area_kind(std::string_view text, AreaKind& out);
std::string_view area_kind_name(AreaKind kind);

struct PlanPoint {
    double x = 0;   // metres east of the plan's origin (its left edge)
    double y = 0;   // metres south of the plan's origin (its top edge), as a drawn plan reads
};

struct Floor {
    std::string id;          // e.g. "1f"
    LocalizedText name;      // e.g. 1 层 / 1F
    double width_m = 0;      // the plan's size
    double height_m = 0;
};

struct Area {
    std::string id;
    LocalizedText name;
    AreaKind kind = AreaKind::hall;
    std::string floor;       // floor id
    std::vector<PlanPoint> polygon;   // at least three points
    std::string door;        // the walkway node a visitor walks to
    std::string county;      // county id, empty when none
    std::vector<std::string> search_terms;   // extra words search finds it by
};

struct WalkNode {
    std::string id;
    PlanPoint at;
    std::string floor;       // floor id
};

struct WalkEdge {
    std::string from, to;    // node ids; edges are walked both ways
    double length_m = 0;     // given, or the straight distance (0 across floors: give it)
    bool step_free = true;   // false for stairs
};

// An edge as seen from one of its ends: the node at the other end and the edge.
struct WalkLink {
    int to = 0;      // index into Venue::nodes
    int edge = 0;    // index into Venue::edges
};

struct Venue {
    std::vector<Floor> floors;
    std::vector<Area> areas;
    std::vector<WalkNode> nodes;
    std::vector<WalkEdge> edges;

    bool empty() const { return floors.empty(); }
    // Lookups by id; nullptr when unknown. Indexes are built by index().
    const Floor* floor(std::string_view id) const;
    const Area* area(std::string_view id) const;
    const WalkNode* node(std::string_view id) const;
    // Index into `nodes` of a node id; -1 when unknown.
    int node_index(std::string_view id) const;
    // The edges at node index `node` (both ways), for routing; empty for an unknown index.
    const std::vector<WalkLink>& links(int node) const;
    // Rebuilds the id indexes and the links; call after filling the vectors.
    void index();

private:
    IdIndex floor_index_;
    IdIndex area_index_;
    IdIndex node_index_;
    std::vector<std::vector<WalkLink>> links_;   // per node
};

} // namespace kiosk
