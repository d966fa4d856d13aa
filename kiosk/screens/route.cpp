#include "screens/screen.h"

#include "feed/order_platforms.h"
#include "search/search_index.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk {

namespace {

constexpr std::array<std::pair<ScreenId, std::string_view>, 11> kNames{{
    {ScreenId::home, "home"},         {ScreenId::schedule, "schedule"}, {ScreenId::session, "session"},
    {ScreenId::catalogue, "catalogue"}, {ScreenId::county, "county"},   {ScreenId::product, "product"},
    {ScreenId::live, "live"},         {ScreenId::attract, "attract"},   {ScreenId::search, "search"},
    {ScreenId::map, "map"},
    {ScreenId::map_route, "route"},   // spelt "map:AREA_ID"; "route" only names the screen in the statistics
}};

bool needs_id(ScreenId id) { return id == ScreenId::session || id == ScreenId::county || id == ScreenId::product; }

// Whether `id` is allowed after "NAME:" (and whether NAME alone is).
bool id_fits(ScreenId screen, std::string_view id) {
    if (screen == ScreenId::search)   // what the letter keys type, as the index reads it
        return id.size() <= kMaxQueryLength && std::all_of(id.begin(), id.end(), [](char c) {
                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
               });
    return needs_id(screen) != id.empty();
}

} // namespace

bool parse_route(std::string_view text, Route& out) {
    const auto colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    const std::string_view id = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
    if (name == "map" && !id.empty()) {   // the walk from this kiosk to an area
        out = Route{ScreenId::map_route, std::string(id)};
        return true;
    }
    if (name == "route") return false;
    if (name == "product" && id.find('@') != std::string_view::npos) {   // [order links] a tab of the product page
        const auto at = id.find('@');
        if (at == 0 || !find_order_platform(id.substr(at + 1))) return false;
        out = Route{ScreenId::product, std::string(id.substr(0, at)), std::string(id.substr(at + 1))};
        return true;
    }
    for (const auto& [screen, screen_name] : kNames) {
        if (name != screen_name) continue;
        if (!id_fits(screen, id)) return false;
        out = Route{screen, std::string(id)};
        return true;
    }
    return false;
}

std::string route_name(const Route& route) {
    if (route.screen == ScreenId::map_route && !route.id.empty()) return "map:" + route.id;
    if (route.screen == ScreenId::product && !route.tab.empty()) return "product:" + route.id + "@" + route.tab;
    for (const auto& [screen, screen_name] : kNames)
        if (screen == route.screen) return route.id.empty() ? std::string(screen_name) : std::string(screen_name) + ":" + route.id;
    return "home";
}

} // namespace kiosk
