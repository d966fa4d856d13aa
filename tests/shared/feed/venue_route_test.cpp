// Routing on the walkway graph: fixture venues with their known shortest
// walks, step-free detours, floor changes spelt out, and failures that end.
// Index of this file:
// [SECTION] Fixture venues
// [SECTION] Shortest walks, step-free routes, floor changes
// [SECTION] Failures, walking minutes, random graphs
// [SECTION] The demo venue
#include "feed/venue_route.h"

#include "base/embedded.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace kiosk;

// [SECTION] Fixture venues
namespace {

// A small venue built in code. Edges without a length get the straight
// distance, as the validator gives them.
struct VenueBuilder {
    Venue venue;

    VenueBuilder& node(const std::string& id, double x, double y, const std::string& floor = "1f") {
        venue.nodes.push_back({id, {x, y}, floor});
        return *this;
    }
    VenueBuilder& edge(const std::string& from, const std::string& to, double length = -1, bool step_free = true) {
        if (length < 0) {
            venue.index();
            const WalkNode* a = venue.node(from);
            const WalkNode* b = venue.node(to);
            REQUIRE(a);
            REQUIRE(b);
            length = std::hypot(a->at.x - b->at.x, a->at.y - b->at.y);
        }
        venue.edges.push_back({from, to, length, step_free});
        return *this;
    }
    VenueBuilder& area(const std::string& id, AreaKind kind, const std::string& door, const std::string& floor = "1f") {
        venue.areas.push_back({id, {id, id}, kind, floor, {{0, 0}, {1, 0}, {1, 1}}, door, {}, {}});
        return *this;
    }
    Venue done() {
        venue.index();
        return venue;
    }
};

// Three floors: on 1F the entrance A, a corridor A–B–C–F, a detour B–E–D and
// C–D, stairs up at F, the lift at G (reached via F or H); 2F the studio door T
// between the stairs' top F2 and the lift G2; the lift goes on to 3F (G3, room R);
// a basement K only down a step; an island Y–Z nothing leads to.
Venue three_floors() {
    VenueBuilder b;
    b.node("A", 0, 0).node("B", 10, 0).node("C", 20, 0).node("D", 20, 10).node("E", 10, 12).node("F", 30, 0)
        .node("G", 30, 20).node("H", 0, 25).node("F2", 30, 0, "2f").node("G2", 30, 20, "2f").node("T", 30, 10, "2f")
        .node("G3", 30, 20, "3f").node("R", 40, 20, "3f").node("K", 0, 5, "b1").node("Y", 50, 50).node("Z", 55, 50);
    b.edge("A", "B").edge("B", "C").edge("C", "F").edge("B", "E").edge("E", "D").edge("C", "D")
        .edge("B", "D", 50)              // a corridor round a wall: longer than the straight line
        .edge("F", "G").edge("A", "H").edge("H", "G")
        .edge("F", "F2", 10, false)      // stairs
        .edge("G", "G2", 6)              // the lift, 1F → 2F…
        .edge("G2", "G3", 4)             // …and 2F → 3F (no lift area at G2 or G3: the flag says lift)
        .edge("F2", "T").edge("G2", "T").edge("G3", "R")
        .edge("A", "K", 5, false)        // a step down to the basement
        .edge("Y", "Z");
    b.area("gate", AreaKind::entrance, "A").area("stairs-1f", AreaKind::stairs, "F").area("lift-1f", AreaKind::lift, "G")
        .area("studio", AreaKind::studio, "T", "2f").area("room", AreaKind::hall, "R", "3f")
        .area("island", AreaKind::booth, "Z").area("cellar", AreaKind::market, "K", "b1");
    return b.done();
}

std::vector<std::string> ids_of(const Venue& venue, const WalkRoute& route) {
    std::vector<std::string> ids;
    for (int n : route.nodes) ids.push_back(venue.nodes[std::size_t(n)].id);
    return ids;
}

using Ids = std::vector<std::string>;

} // namespace

// [SECTION] Shortest walks, step-free routes, floor changes
TEST_CASE("Routes follow the expected shortest walks", "[venue_route]") {
    const Venue v = three_floors();
    struct Case {
        const char* from;
        const char* area;
        bool step_free;
        Ids expected;
        double metres;
    };
    const Case cases[] = {
        {"A", "stairs-1f", false, {"A", "B", "C", "F"}, 30},
        {"C", "island", false, {}, 0},
        // E–D–C–F (30.2 m) against E–B–C–F (32 m).
        {"E", "stairs-1f", false, {"E", "D", "C", "F"}, std::hypot(10, 2) + 10 + 10},
        {"A", "lift-1f", false, {"A", "B", "C", "F", "G"}, 50},   // 50 against 25 + 30.4 via H
        {"A", "studio", false, {"A", "B", "C", "F", "F2", "T"}, 50},
        {"A", "studio", true, {"A", "B", "C", "F", "G", "G2", "T"}, 66},
        {"A", "room", false, {"A", "B", "C", "F", "G", "G2", "G3", "R"}, 70},
        {"H", "studio", true, {"H", "G", "G2", "T"}, std::hypot(30, 5) + 6 + 10},
        {"A", "cellar", false, {"A", "K"}, 5},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.from << " → " << c.area << (c.step_free ? " step-free" : "")) {
            const WalkRoute route = route_to_area(v, c.from, c.area, {c.step_free});
            if (c.expected.empty()) {
                CHECK_FALSE(route.found);
                CHECK(route.nodes.empty());
                CHECK(route.legs.empty());
                continue;
            }
            REQUIRE(route.found);
            CHECK(ids_of(v, route) == c.expected);
            CHECK(route.metres == Approx(c.metres));
            CHECK(route.seconds == Approx(c.metres / kWalkingSpeedMetresPerSecond));
        }
    }
    // D from A: B–C–D (30 m) against B–E–D (32.2 m) and B–D (50 m given, 14.1 m straight).
    const int a = v.node_index("A"), d = v.node_index("D");
    const WalkRoute to_d = route_between(v, a, d);
    REQUIRE(to_d.found);
    CHECK(ids_of(v, to_d) == Ids{"A", "B", "C", "D"});
    CHECK(to_d.metres == Approx(30));
}

TEST_CASE("A step-free route takes the lift around the stairs, and the legs say so", "[venue_route]") {
    const Venue v = three_floors();
    const WalkRoute stairs = route_to_area(v, "A", "studio");
    REQUIRE(stairs.found);
    REQUIRE(stairs.legs.size() == 3);
    CHECK(stairs.legs[0].kind == WalkLegKind::walk);
    CHECK(stairs.legs[0].floor == "1f");
    CHECK(stairs.legs[0].metres == Approx(30));
    CHECK(stairs.legs[0].first == 0);
    CHECK(stairs.legs[0].last == 3);
    CHECK(stairs.legs[1].kind == WalkLegKind::stairs);
    CHECK(stairs.legs[1].floor == "1f");
    CHECK(stairs.legs[1].to_floor == "2f");
    CHECK(stairs.legs[1].first == 3);
    CHECK(stairs.legs[1].last == 4);
    CHECK(stairs.legs[2].kind == WalkLegKind::walk);
    CHECK(stairs.legs[2].floor == "2f");
    CHECK(stairs.legs[2].metres == Approx(10));
    CHECK(stairs.legs[2].last == stairs.nodes.size() - 1);

    const WalkRoute lift = route_to_area(v, "A", "studio", {true});
    REQUIRE(lift.found);
    REQUIRE(lift.legs.size() == 3);
    CHECK(lift.legs[0].metres == Approx(50));
    CHECK(lift.legs[1].kind == WalkLegKind::lift);
    CHECK(lift.legs[1].to_floor == "2f");
    CHECK(lift.legs[1].metres == Approx(6));
    CHECK(lift.legs[2].floor == "2f");
    CHECK(lift.metres > stairs.metres);
}

TEST_CASE("Floor changes by the same lift make one leg and the means come from the area or the edge", "[venue_route]") {
    const Venue v = three_floors();
    const WalkRoute route = route_to_area(v, "A", "room");
    REQUIRE(route.found);
    REQUIRE(route.legs.size() == 3);
    CHECK(route.legs[1].kind == WalkLegKind::lift);   // G is a lift's door; G2–G3 has no area but is step-free
    CHECK(route.legs[1].floor == "1f");
    CHECK(route.legs[1].to_floor == "3f");
    CHECK(route.legs[1].metres == Approx(10));
    CHECK(route.legs[2].floor == "3f");
    CHECK(route.legs[2].metres == Approx(10));

    // A step-free edge between floors at a stairs area's door is stairs (an escalator drawn as stairs).
    VenueBuilder b;
    b.node("a", 0, 0).node("b", 0, 0, "2f").edge("a", "b", 5).area("up", AreaKind::stairs, "a");
    const Venue escalator = b.done();
    const WalkRoute up = route_between(escalator, 0, 1);
    REQUIRE(up.legs.size() == 1);
    CHECK(up.legs[0].kind == WalkLegKind::stairs);
    // Without an area the flag decides.
    VenueBuilder c;
    c.node("a", 0, 0).node("b", 0, 0, "2f").edge("a", "b", 5, false);
    CHECK(route_between(c.done(), 0, 1).legs.at(0).kind == WalkLegKind::stairs);
}

// [SECTION] Failures, walking minutes, random graphs
TEST_CASE("Unreachable, unknown and trivial routes end at once", "[venue_route]") {
    const Venue v = three_floors();
    CHECK_FALSE(route_to_area(v, "A", "island").found);   // no walkway joins it
    CHECK_FALSE(route_to_area(v, "A", "cellar", {true}).found);   // only down a step
    CHECK_FALSE(route_to_area(v, "nowhere", "studio").found);
    CHECK_FALSE(route_to_area(v, "A", "no-such-area").found);
    CHECK_FALSE(route_between(v, -1, 0).found);
    CHECK_FALSE(route_between(v, 0, int(v.nodes.size())).found);
    CHECK_FALSE(route_between(Venue{}, 0, 0).found);
    CHECK(route_to_area(v, "A", "island").minutes() == 0);

    const WalkRoute here = route_to_area(v, "A", "gate");
    REQUIRE(here.found);
    CHECK(here.nodes == std::vector<int>{v.node_index("A")});
    CHECK(here.metres == 0);
    CHECK(here.minutes() == 0);
    REQUIRE(here.legs.size() == 1);
    CHECK(here.legs[0].kind == WalkLegKind::walk);
    CHECK(here.legs[0].floor == "1f");
}

TEST_CASE("Walking minutes are the metres at 1.2 m/s, rounded up", "[venue_route]") {
    CHECK(kWalkingSpeedMetresPerSecond == 1.2);
    VenueBuilder b;
    b.node("a", 0, 0).node("b", 200, 0).node("c", 272, 0).node("d", 273, 0).edge("a", "b").edge("b", "c").edge("c", "d");
    const Venue v = b.done();
    const WalkRoute r200 = route_between(v, 0, 1);
    CHECK(r200.seconds == Approx(200 / 1.2));
    CHECK(r200.minutes() == 3);                 // 2 min 47 s
    CHECK(route_between(v, 0, 2).minutes() == 4);   // 272 m: 226.7 s
    CHECK(route_between(v, 2, 3).minutes() == 1);   // 1 m: under a minute still shows 1
}

TEST_CASE("Routes equal the shortest distances on random graphs, zero lengths and cycles included", "[venue_route]") {
    std::mt19937 random(14);
    for (int round = 0; round < 40; ++round) {
        const int n = 2 + int(random() % 25);
        VenueBuilder b;
        for (int i = 0; i < n; ++i) b.node("n" + std::to_string(i), 0, 0, i % 3 ? "1f" : "2f");
        const int m = int(random() % (3 * n));
        for (int e = 0; e < m; ++e) {
            const int from = int(random() % n), to = int(random() % n);
            b.edge("n" + std::to_string(from), "n" + std::to_string(to), double(random() % 4 == 0 ? 0 : random() % 50),
                   random() % 4 != 0);
        }
        const Venue v = b.done();
        for (bool step_free : {false, true}) {
            // Floyd–Warshall as the reference.
            const double inf = std::numeric_limits<double>::infinity();
            std::vector<std::vector<double>> dist(std::size_t(n), std::vector<double>(std::size_t(n), inf));
            for (int i = 0; i < n; ++i) dist[std::size_t(i)][std::size_t(i)] = 0;
            for (const WalkEdge& e : v.edges) {
                if (step_free && !e.step_free) continue;
                const auto i = std::size_t(v.node_index(e.from)), j = std::size_t(v.node_index(e.to));
                dist[i][j] = dist[j][i] = std::min(dist[i][j], e.length_m);
            }
            for (std::size_t k = 0; k < std::size_t(n); ++k)
                for (std::size_t i = 0; i < std::size_t(n); ++i)
                    for (std::size_t j = 0; j < std::size_t(n); ++j)
                        dist[i][j] = std::min(dist[i][j], dist[i][k] + dist[k][j]);
            for (int from = 0; from < n; ++from)
                for (int to = 0; to < n; ++to) {
                    INFO("round " << round << ", " << from << " → " << to << (step_free ? " step-free" : ""));
                    const WalkRoute r = route_between(v, from, to, {step_free});
                    REQUIRE(r.found == (dist[std::size_t(from)][std::size_t(to)] < inf));
                    if (!r.found) continue;
                    CHECK(r.metres == Approx(dist[std::size_t(from)][std::size_t(to)]));
                    REQUIRE(r.nodes.front() == from);
                    REQUIRE(r.nodes.back() == to);
                    double walked = 0;
                    for (const WalkLeg& leg : r.legs) walked += leg.metres;
                    CHECK(walked == Approx(r.metres));
                    CHECK(r.legs.back().last == r.nodes.size() - 1);
                }
        }
    }
}

// [SECTION] The demo venue
TEST_CASE("The demo venue: booths and session areas on the plan, studio 3 by the stairs or, step-free, the lift", "[venue_route]") {
    const auto demo = embedded_file("config/demo-feed.json");
    REQUIRE(demo);
    const FeedParseResult parsed = parse_feed(*demo);
    REQUIRE(parsed.ok());
    const Feed& feed = *parsed.feed;
    const Venue& v = feed.venue;
    REQUIRE(v.floors.size() == 2);
    CHECK_THAT(v.floors[0].name.en, Catch::Contains("sample"));
    CHECK_THAT(v.floors[0].name.zh, Catch::Contains("示例"));
    CHECK_THAT(feed.sample_note, Catch::Contains("venue plan"));
    for (const County& c : feed.counties) {
        INFO(c.id);
        REQUIRE(v.area(c.booth_area));
        CHECK(v.area(c.booth_area)->kind == AreaKind::booth);
        CHECK(v.area(c.booth_area)->county == c.id);
    }
    for (const Session& s : feed.schedule) {
        INFO(s.id);
        CHECK(v.area(s.area));
    }
    CHECK(feed.session("live-jiaocheng")->area == "jiaocheng-hall");
    CHECK(feed.session("live-wenshui")->area == "wenshui-studio");
    for (const char* kind : {"entrance", "service_desk", "toilet", "lift", "stairs", "studio", "market"}) {
        AreaKind k;
        REQUIRE(parse_area_kind(kind, k));
        CHECK(std::any_of(v.areas.begin(), v.areas.end(), [&](const Area& a) { return a.kind == k; }));
    }
    // From the entrance, where the demo kiosk stands (config/kiosk.json).
    for (const Area& area : v.areas) {
        INFO(area.id);
        CHECK(route_to_area(v, "entrance", area.id).found);
        CHECK(route_to_area(v, "entrance", area.id, {true}).found);
    }
    const WalkRoute stairs = route_to_area(v, "entrance", "studio-3");
    REQUIRE(stairs.legs.size() == 3);
    CHECK(stairs.legs[1].kind == WalkLegKind::stairs);
    CHECK(stairs.metres == Approx(114));
    CHECK(stairs.minutes() == 2);
    const WalkRoute lift = route_to_area(v, "entrance", "studio-3", {true});
    REQUIRE(lift.legs.size() == 3);
    CHECK(lift.legs[1].kind == WalkLegKind::lift);
    CHECK(lift.legs[1].to_floor == "2f");
    CHECK(lift.metres == Approx(134));
}
