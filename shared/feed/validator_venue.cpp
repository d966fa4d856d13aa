// Index of this file:
// [SECTION] The checker: the section's items read once
// [SECTION] Floors, nodes, edges
// [SECTION] Areas: references, doors, polygons
// [SECTION] Reachable from an entrance
// [SECTION] The entry points
#include "feed/validator_venue.h"

#include "base/json_positions.h"

#include <cmath>
#include <cstdio>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiosk {

namespace {

using nlohmann::json;

std::string metres_text(double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", m);
    return buf;
}

struct FloorSize {
    double width = 0, height = 0;
    bool contains(double x, double y) const { return x >= 0 && y >= 0 && x <= width && y <= height; }
};

struct NodeInfo {
    std::string id, floor;   // floor empty when unknown
    double x = 0, y = 0;
};

// [SECTION] The checker: the section's items read once

// The section's items, read once; the graph as adjacency lists for the walks.
class VenueChecker {
public:
    VenueChecker(const json& venue, const IdTable* counties, ProblemSink& sink)
        : venue_(venue), counties_(counties), sink_(sink) {}
    IdTable run();

private:
    void check_floors();
    void check_nodes();
    void check_edges();
    void check_edge(const json& edge, const std::string& pointer);
    void check_areas();
    void check_area(const json& area, const std::string& pointer);
    void check_polygon(const json& area, const std::string& pointer, const std::string* floor);
    void check_reachable();
    std::vector<bool> reached_from_entrances(bool step_free_only) const;
    const json& list(const char* key) const {
        static const json empty = json::array();
        const json* items = array_member(venue_, key);
        return items ? *items : empty;
    }

    struct Link {
        int to;
        bool step_free;
    };
    struct AreaDoor {
        std::string pointer, id;
        int door = -1;
        bool entrance = false;
    };

    const json& venue_;
    const IdTable* counties_;
    ProblemSink& sink_;
    IdTable floor_ids_, node_ids_, area_ids_;
    std::unordered_map<std::string, FloorSize> floors_;
    std::unordered_map<std::string, int> node_index_;
    std::vector<NodeInfo> nodes_;
    std::vector<std::vector<Link>> links_;
    std::vector<AreaDoor> doors_;
    bool has_entrance_ = false;
};

IdTable VenueChecker::run() {
    check_floors();
    check_nodes();
    check_edges();
    check_areas();
    check_reachable();
    return std::move(area_ids_);
}

// [SECTION] Floors, nodes, edges

void VenueChecker::check_floors() {
    const json& floors = list("floors");
    for (std::size_t i = 0; i < floors.size(); ++i) {
        const std::string pointer = pointer_append("/venue/floors", i);
        check_unique(floor_ids_, floors[i], pointer, "floor", "楼层", sink_);
        const std::string* id = string_member(floors[i], "id", pointer, sink_);
        const json* width = number_member(floors[i], "width_m");
        const json* height = number_member(floors[i], "height_m");
        if (id && width && height) floors_.emplace(*id, FloorSize{width->get<double>(), height->get<double>()});
    }
}

void VenueChecker::check_nodes() {
    const json& nodes = list("nodes");
    links_.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const json& node = nodes[i];
        const std::string pointer = pointer_append("/venue/nodes", i);
        check_unique(node_ids_, node, pointer, "walkway node", "通道节点", sink_);
        check_reference(&floor_ids_, node, "floor", pointer, "venue.floors", "floor", "楼层", sink_);
        NodeInfo info;
        if (const std::string* id = raw_string_member(node, "id")) info.id = *id;
        if (const std::string* floor = string_member(node, "floor", pointer, sink_)) info.floor = *floor;
        const json* x = number_member(node, "x");
        const json* y = number_member(node, "y");
        if (x && y) {
            info.x = x->get<double>();
            info.y = y->get<double>();
        }
        const auto size = floors_.find(info.floor);
        if (x && y && size != floors_.end() && !size->second.contains(info.x, info.y))
            sink_.warning(pointer, "node " + quote(info.id) + " at (" + metres_text(info.x) + ", " +
                                       metres_text(info.y) + ") lies outside its floor's plan of " +
                                       metres_text(size->second.width) + " × " + metres_text(size->second.height) + " m",
                          "通道节点" + quote_zh(info.id) + "（" + metres_text(info.x) + ", " + metres_text(info.y) +
                              "）超出所在楼层的平面图范围（" + metres_text(size->second.width) + " × " +
                              metres_text(size->second.height) + " 米）");
        if (!info.id.empty() && node_ids_.at(info.id) == pointer) node_index_.emplace(info.id, int(i));
        nodes_.push_back(std::move(info));
    }
}

void VenueChecker::check_edges() {
    const json& edges = list("edges");
    for (std::size_t i = 0; i < edges.size(); ++i) check_edge(edges[i], pointer_append("/venue/edges", i));
}

void VenueChecker::check_edge(const json& edge, const std::string& pointer) {
    check_reference(&node_ids_, edge, "from", pointer, "venue.nodes", "walkway node", "通道节点", sink_);
    check_reference(&node_ids_, edge, "to", pointer, "venue.nodes", "walkway node", "通道节点", sink_);
    const std::string* from = string_member(edge, "from", pointer, sink_);
    const std::string* to = string_member(edge, "to", pointer, sink_);
    if (!from || !to || !node_index_.count(*from) || !node_index_.count(*to)) return;
    if (*from == *to) {
        sink_.error(pointer_append(pointer, "to"), "the edge leads from node " + quote(*from) + " to itself",
                    "通道边的起点和终点是同一个节点" + quote_zh(*from));
        return;
    }
    const NodeInfo& a = nodes_[node_index_.at(*from)];
    const NodeInfo& b = nodes_[node_index_.at(*to)];
    const json* length = number_member(edge, "length_m");
    if (a.floor != b.floor && !a.floor.empty() && !b.floor.empty() && !length) {
        sink_.error(pointer, "the edge joins floors " + quote(a.floor) + " and " + quote(b.floor) +
                                 " (a lift or stairs): give its walking length in \"length_m\"",
                    "该通道边连接不同楼层" + quote_zh(a.floor) + "和" + quote_zh(b.floor) +
                        "（电梯或楼梯）：请用 length_m 填写步行长度（米）");
        return;
    }
    if (a.floor == b.floor && length && !sink_.has_error_at(pointer_append(pointer, "length_m"))) {
        const double straight = std::hypot(a.x - b.x, a.y - b.y);
        if (length->get<double>() < straight * 0.99 - 0.05)
            sink_.warning(pointer_append(pointer, "length_m"),
                          "length_m " + metres_text(length->get<double>()) +
                              " is shorter than the straight distance between its nodes, " + metres_text(straight) + " m",
                          "length_m " + metres_text(length->get<double>()) + " 比两节点间的直线距离 " +
                              metres_text(straight) + " 米还短");
    }
    const bool step_free = !edge.contains("step_free") || bool_member(edge, "step_free");
    links_[node_index_.at(*from)].push_back({node_index_.at(*to), step_free});
    links_[node_index_.at(*to)].push_back({node_index_.at(*from), step_free});
}

// [SECTION] Areas: references, doors, polygons

void VenueChecker::check_areas() {
    const json& areas = list("areas");
    for (std::size_t i = 0; i < areas.size(); ++i) check_area(areas[i], pointer_append("/venue/areas", i));
    if (!has_entrance_ && !sink_.has_error_under("/venue/areas"))
        sink_.error(array_member(venue_, "areas") ? "/venue/areas" : "/venue",
                    "no area of kind \"entrance\": routes and the check that every area can be reached start there",
                    "没有类型为 entrance（入口）的区域：路线和可达性检查都从入口开始");
}

void VenueChecker::check_area(const json& area, const std::string& pointer) {
    check_unique(area_ids_, area, pointer, "area", "区域", sink_);
    check_reference(&floor_ids_, area, "floor", pointer, "venue.floors", "floor", "楼层", sink_);
    check_reference(&node_ids_, area, "door", pointer, "venue.nodes", "walkway node", "通道节点", sink_);
    check_reference(counties_, area, "county", pointer, "counties", "county", "县区", sink_);
    const std::string* floor = string_member(area, "floor", pointer, sink_);
    check_polygon(area, pointer, floor);

    AreaDoor door;
    door.pointer = pointer;
    if (const std::string* id = raw_string_member(area, "id")) door.id = *id;
    const std::string* kind = string_member(area, "kind", pointer, sink_);
    door.entrance = kind && *kind == "entrance";
    has_entrance_ |= door.entrance;
    const std::string* door_id = string_member(area, "door", pointer, sink_);
    if (!door_id || !node_index_.count(*door_id)) return;
    const std::string door_pointer = pointer_append(pointer, "door");
    const int n = node_index_.at(*door_id);
    if (floor && floor_ids_.count(*floor) && !nodes_[n].floor.empty() && nodes_[n].floor != *floor) {
        sink_.error(door_pointer,
                    "the door " + quote(*door_id) + " is on floor " + quote(nodes_[n].floor) + ", the area on " + quote(*floor),
                    "门节点" + quote_zh(*door_id) + "在楼层" + quote_zh(nodes_[n].floor) + "，而该区域在" + quote_zh(*floor));
        return;
    }
    if (links_[n].empty()) {
        sink_.error(door_pointer, "the door " + quote(*door_id) + " is on no walkway edge: no route leads to it",
                    "门节点" + quote_zh(*door_id) + "不在任何通道边上：没有路线能到达");
        return;
    }
    door.door = n;
    doors_.push_back(std::move(door));
}

void VenueChecker::check_polygon(const json& area, const std::string& pointer, const std::string* floor) {
    const json* polygon = array_member(area, "polygon");
    const std::string polygon_pointer = pointer_append(pointer, "polygon");
    if (!polygon) return;
    for (const json& point : *polygon)   // a malformed point is the schema's to report
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) return;
    if (polygon->size() < 3) {
        sink_.error(polygon_pointer,
                    "an area's polygon needs at least three points, found " + std::to_string(polygon->size()),
                    "区域的多边形至少需要三个点，实际为 " + std::to_string(polygon->size()) + " 个");
        return;
    }
    const auto size = floor ? floors_.find(*floor) : floors_.end();
    if (size == floors_.end()) return;
    for (const json& point : *polygon)
        if (!size->second.contains(point[0].get<double>(), point[1].get<double>())) {
            sink_.warning(polygon_pointer,
                          "the polygon reaches outside its floor's plan of " + metres_text(size->second.width) +
                              " × " + metres_text(size->second.height) + " m",
                          "多边形超出所在楼层的平面图范围（" + metres_text(size->second.width) + " × " +
                              metres_text(size->second.height) + " 米）");
            return;
        }
}

// [SECTION] Reachable from an entrance

// Breadth-first from every entrance's door; finite, so it ends on any graph.
std::vector<bool> VenueChecker::reached_from_entrances(bool step_free_only) const {
    std::vector<bool> reached(links_.size(), false);
    std::deque<int> pending;
    for (const AreaDoor& d : doors_)
        if (d.entrance && !reached[d.door]) {
            reached[d.door] = true;
            pending.push_back(d.door);
        }
    while (!pending.empty()) {
        const int n = pending.front();
        pending.pop_front();
        for (const Link& link : links_[n])
            if (!reached[link.to] && (link.step_free || !step_free_only)) {
                reached[link.to] = true;
                pending.push_back(link.to);
            }
    }
    return reached;
}

// Only on a graph without errors: a broken edge would make areas behind it look unreachable.
void VenueChecker::check_reachable() {
    if (!has_entrance_ || sink_.has_error_under("/venue/nodes") || sink_.has_error_under("/venue/edges")) return;
    const std::vector<bool> any = reached_from_entrances(false);
    const std::vector<bool> step_free = reached_from_entrances(true);
    for (const AreaDoor& d : doors_) {
        const std::string door_pointer = pointer_append(d.pointer, "door");
        const std::string& door_id = nodes_[d.door].id;
        if (!any[d.door])
            sink_.error(door_pointer,
                        "area " + quote(d.id) + " cannot be reached from the entrance: no walkway joins its door " +
                            quote(door_id) + " to an entrance's door",
                        "从入口无法到达区域" + quote_zh(d.id) + "：没有通道把它的门节点" + quote_zh(door_id) + "与入口相连");
        else if (!step_free[d.door])
            sink_.warning(door_pointer,
                          "area " + quote(d.id) + " can be reached only over stairs or steps: a step-free route shows none",
                          "区域" + quote_zh(d.id) + "只能经楼梯或台阶到达：无障碍路线无法到达");
    }
}

} // namespace

// [SECTION] The entry points

VenueIds check_venue_rules(const json& doc, const IdTable* counties, ProblemSink& sink) {
    VenueIds ids;
    const auto venue = doc.find("venue");
    if (venue == doc.end()) return ids;
    ids.present = true;
    if (!venue->is_object()) return ids;   // the schema said so
    ids.usable = array_member(*venue, "areas") != nullptr;
    ids.areas = VenueChecker(*venue, counties, sink).run();
    return ids;
}

void check_area_reference(const VenueIds& venue, const json& item, const char* key, const std::string& pointer,
                          ProblemSink& sink) {
    if (venue.present) {
        if (venue.usable) check_reference(&venue.areas, item, key, pointer, "venue.areas", "area", "区域", sink);
        return;
    }
    const std::string* ref = string_member(item, key, pointer, sink);
    if (!ref) return;
    sink.error(pointer_append(pointer, key), "unknown area " + quote(*ref) + ": the feed has no \"venue\" section",
               "未知区域" + quote_zh(*ref) + "：该数据没有 \"venue\"（场馆）部分");
}

} // namespace kiosk
