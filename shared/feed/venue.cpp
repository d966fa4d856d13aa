#include "feed/venue.h"

#include <array>
#include <utility>

namespace kiosk {

namespace {

constexpr std::array<std::pair<AreaKind, std::string_view>, 12> kAreaKinds{{
    {AreaKind::hall, "hall"},
    {AreaKind::booth, "booth"},
    {AreaKind::studio, "studio"},
    {AreaKind::stage, "stage"},
    {AreaKind::market, "market"},
    {AreaKind::service_desk, "service_desk"},
    {AreaKind::toilet, "toilet"},
    {AreaKind::entrance, "entrance"},
    {AreaKind::exit, "exit"},
    {AreaKind::first_aid, "first_aid"},
    {AreaKind::lift, "lift"},
    {AreaKind::stairs, "stairs"},
}};

} // namespace

bool parse_area_kind(std::string_view text, AreaKind& out) {
    for (const auto& [kind, name] : kAreaKinds)
        if (name == text) {
            out = kind;
            return true;
        }
    return false;
}

std::string_view area_kind_name(AreaKind kind) {
    for (const auto& [k, name] : kAreaKinds)
        if (k == kind) return name;
    return "hall";
}

const Floor* Venue::floor(std::string_view id) const { return floor_index_.find(floors, id); }
const Area* Venue::area(std::string_view id) const { return area_index_.find(areas, id); }
const WalkNode* Venue::node(std::string_view id) const { return node_index_.find(nodes, id); }

int Venue::node_index(std::string_view id) const {
    const auto at = node_index_.position(id);
    return at ? int(*at) : -1;
}

const std::vector<WalkLink>& Venue::links(int node) const {
    static const std::vector<WalkLink> none;
    return node >= 0 && std::size_t(node) < links_.size() ? links_[std::size_t(node)] : none;
}

void Venue::index() {
    floor_index_.build(floors);
    area_index_.build(areas);
    node_index_.build(nodes);
    links_.assign(nodes.size(), {});
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const int a = node_index(edges[e].from), b = node_index(edges[e].to);
        if (a < 0 || b < 0 || a == b) continue;   // the validator reports these; a model built by hand may have them
        links_[std::size_t(a)].push_back({b, int(e)});
        links_[std::size_t(b)].push_back({a, int(e)});
    }
}

} // namespace kiosk
