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

template <class T>
const T* find_in(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index,
                 std::string_view id) {
    const auto it = index.find(std::string(id));
    return it == index.end() ? nullptr : &items[it->second];
}

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

const Floor* Venue::floor(std::string_view id) const { return find_in(floors, floor_index_, id); }
const Area* Venue::area(std::string_view id) const { return find_in(areas, area_index_, id); }
const WalkNode* Venue::node(std::string_view id) const { return find_in(nodes, node_index_, id); }

int Venue::node_index(std::string_view id) const {
    const auto it = node_index_.find(std::string(id));
    return it == node_index_.end() ? -1 : int(it->second);
}

const std::vector<WalkLink>& Venue::links(int node) const {
    static const std::vector<WalkLink> none;
    return node >= 0 && std::size_t(node) < links_.size() ? links_[std::size_t(node)] : none;
}

void Venue::index() {
    floor_index_.clear();
    area_index_.clear();
    node_index_.clear();
    for (std::size_t i = 0; i < floors.size(); ++i) floor_index_.emplace(floors[i].id, i);
    for (std::size_t i = 0; i < areas.size(); ++i) area_index_.emplace(areas[i].id, i);
    for (std::size_t i = 0; i < nodes.size(); ++i) node_index_.emplace(nodes[i].id, i);
    links_.assign(nodes.size(), {});
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const int a = node_index(edges[e].from), b = node_index(edges[e].to);
        if (a < 0 || b < 0 || a == b) continue;   // the validator reports these; a model built by hand may have them
        links_[std::size_t(a)].push_back({b, int(e)});
        links_[std::size_t(b)].push_back({a, int(e)});
    }
}

} // namespace kiosk
