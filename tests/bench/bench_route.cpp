// Routing on the venue's walkway graph (issue 14): a generated 2,000-node plan
// of two floors, routes from one kiosk to areas all over it, one at a time as
// the route screen asks for them (on the UI thread: target under 1 ms each).
#include "bench.h"
#include "feed/venue_route.h"

#include <random>

namespace kiosk::bench {

namespace {

// Two floors of a grid of corridors 3 m apart (a few links missing, as walls),
// joined by two lifts and three stairs; `areas` areas with doors at random nodes.
Venue generated_venue(int nodes, int areas, std::uint32_t seed) {
    std::mt19937 random(seed);
    Venue v;
    const int per_floor = nodes / 2, columns = 40, rows = (per_floor + columns - 1) / columns;
    for (int f = 0; f < 2; ++f) {
        const std::string floor = f == 0 ? "1f" : "2f";
        v.floors.push_back({floor, {floor, floor}, columns * 3.0, rows * 3.0});
        for (int i = 0; i < per_floor; ++i)
            v.nodes.push_back({floor + "-" + std::to_string(i), {i % columns * 3.0, i / columns * 3.0}, floor});
        for (int i = 0; i < per_floor; ++i) {
            const std::string here = floor + "-" + std::to_string(i);
            if (i % columns + 1 < columns) v.edges.push_back({here, floor + "-" + std::to_string(i + 1), 3.0, true});
            if (i + columns < per_floor && random() % 5 != 0)   // a fifth of the cross corridors walled off
                v.edges.push_back({here, floor + "-" + std::to_string(i + columns), 3.0, true});
        }
    }
    for (int k = 0; k < 5; ++k) {
        const int at = int(random() % std::uint32_t(per_floor));
        v.edges.push_back({"1f-" + std::to_string(at), "2f-" + std::to_string(at), k < 2 ? 8.0 : 14.0, k < 2});
    }
    for (int a = 0; a < areas; ++a) {
        const int door = int(random() % std::uint32_t(v.nodes.size()));
        v.areas.push_back({"area-" + std::to_string(a), {"区域", "Area"}, AreaKind::booth, v.nodes[door].floor,
                           {{0, 0}, {1, 0}, {1, 1}}, v.nodes[door].id, {}, {}});
    }
    v.areas.push_back({"gate", {"入口", "Entrance"}, AreaKind::entrance, "1f", {{0, 0}, {1, 0}, {1, 1}}, "1f-0", {}, {}});
    v.index();
    return v;
}

} // namespace

void bench_routes(const BenchOptions& options, Table& table) {
    const int areas = options.quick ? 100 : 500;
    const Venue venue = generated_venue(options.route_nodes, areas, 14);
    for (bool step_free : {false, true}) {
        std::vector<double> us;
        std::size_t found = 0, walked_nodes = 0;
        for (int a = 0; a < areas; ++a) {
            const auto start = std::chrono::steady_clock::now();
            const WalkRoute route = route_to_area(venue, "1f-0", "area-" + std::to_string(a), {step_free});
            us.push_back(ms_since(start) * 1000);
            found += route.found;
            walked_nodes += route.nodes.size();
        }
        if (found == 0) {
            table.fail("route", "no route found on the generated venue");
            return;
        }
        table.add(std::string("route from the kiosk to an area") + (step_free ? ", step-free" : "") + ", " +
                      format_number(double(venue.nodes.size()), 0) + " nodes, " +
                      format_number(double(venue.edges.size()), 0) + " edges, 2 floors",
                  format_stats(stats_of(us), "µs") + " per route (min / median / max of " + std::to_string(areas) +
                      " routes; " + std::to_string(found) + " found, " +
                      format_number(double(walked_nodes) / double(found), 0) + " nodes long on average; target < 1 ms)");
    }
    progress("routes on " + format_number(double(venue.nodes.size()), 0) + " nodes");
}

} // namespace kiosk::bench
