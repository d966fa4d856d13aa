// The feed's optional "venue" section: parsed into Feed::venue, and each
// mistake reported at its line and column with a bilingual message.
#include "feed/validator.h"
#include "validator_support.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string venue_feed() { return read_file(TEST_DATA_DIR "/feed-venue.json"); }

} // namespace

TEST_CASE("A feed's venue parses into Feed::venue, with references and search terms", "[venue]") {
    const FeedParseResult result = parse_feed(venue_feed());
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.problems.empty());
    const Feed& feed = *result.feed;
    const Venue& venue = feed.venue;
    REQUIRE_FALSE(venue.empty());

    REQUIRE(venue.floors.size() == 2);
    REQUIRE(venue.floor("2f"));
    CHECK(venue.floor("2f")->name.en == "2F");
    CHECK(venue.floor("2f")->width_m == 60);
    CHECK(venue.floor("2f")->height_m == 40);

    REQUIRE(venue.areas.size() == 7);
    const Area* booth = venue.area("jc-booth");
    REQUIRE(booth);
    CHECK(booth->kind == AreaKind::booth);
    CHECK(booth->name.zh == "交城展位");
    CHECK(booth->floor == "1f");
    CHECK(booth->door == "b1");
    CHECK(booth->county == "jiaocheng");
    REQUIRE(booth->polygon.size() == 4);
    CHECK(booth->polygon[2].x == 25);
    CHECK(booth->polygon[2].y == 8);
    CHECK(venue.area("gate")->kind == AreaKind::entrance);
    CHECK(venue.area("stairs-2f")->kind == AreaKind::stairs);
    CHECK(venue.area("studio-1")->search_terms == std::vector<std::string>{"直播室"});
    CHECK(venue.area("nowhere") == nullptr);

    REQUIRE(venue.nodes.size() == 10);
    CHECK(venue.node_index("h2") == 2);
    CHECK(venue.node("s2")->floor == "2f");
    CHECK(venue.node("s2")->at.y == 30);
    REQUIRE(venue.edges.size() == 10);
    CHECK(venue.edges[1].length_m == Approx(20));                 // h1 → h2, from the coordinates
    CHECK(venue.edges[3].length_m == Approx(std::hypot(10, 10)));  // h2 → l1
    CHECK(venue.edges[5].length_m == 8);                           // the lift, given
    CHECK(venue.edges[5].step_free);
    CHECK_FALSE(venue.edges[6].step_free);                         // the stairs
    CHECK(venue.links(venue.node_index("h1")).size() == 3);
    CHECK(venue.links(venue.node_index("st2")).size() == 1);
    CHECK(venue.links(-1).empty());

    CHECK(feed.county("jiaocheng")->booth_area == "jc-booth");
    CHECK(feed.county("jiaocheng")->search_terms == std::vector<std::string>{"交城山"});
    CHECK(feed.county("wenshui")->booth_area.empty());
    CHECK(feed.session("wenshui-live")->area == "studio-1");
    CHECK(feed.session("wenshui-live")->search_terms == std::vector<std::string>{"县长直播"});
    CHECK(feed.session("opening")->area.empty());
    CHECK(feed.product("jc-jujube")->search_terms == std::vector<std::string>{"骏枣", "jun zao", "红枣"});
    CHECK(feed.product("ws-seabuckthorn")->search_terms.empty());
}

TEST_CASE("A feed without a venue stays valid and has an empty venue", "[venue]") {
    const FeedParseResult result = parse_feed(read_file(TEST_DATA_DIR "/feed-small.json"));
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.feed->venue.empty());
    CHECK(result.feed->venue.areas.empty());
    CHECK(result.feed->venue.node_index("e1") == -1);
}

namespace {

struct BrokenVenue {
    const char* name;
    const char* from;         // replaced in feed-venue.json…
    const char* to;           // …by this
    Severity severity;
    const char* pointer;
    const char* anchor;       // the problem is at the first occurrence of this in the changed text after the edit…
    const char* message_en;   // a part of the English message
    const char* message_zh;   // a part of the Chinese message
    const char* after = nullptr;   // …or after the first occurrence of this
};

const BrokenVenue kBrokenVenues[] = {
    {"area on an unknown floor", R"("kind": "booth", "floor": "1f")", R"("kind": "booth", "floor": "3f")",
     Severity::error, "/venue/areas/1/floor", R"("3f")", R"(unknown floor "3f": no such id in "venue.floors")", "未知楼层“3f”"},
    {"door an unknown node", R"("door": "st2")", R"("door": "st9")", Severity::error, "/venue/areas/6/door",
     R"("st9")", R"(unknown walkway node "st9": no such id in "venue.nodes")", "未知通道节点“st9”"},
    {"edge to an unknown node", R"({"from": "c2", "to": "st2"})", R"({"from": "c2", "to": "st3"})", Severity::error,
     "/venue/edges/9/to", R"("st3")", R"(unknown walkway node "st3")", "未知通道节点“st3”"},
    {"node on an unknown floor", R"({"id": "c2", "x": 30, "y": 20, "floor": "2f"})",
     R"({"id": "c2", "x": 30, "y": 20, "floor": "f2"})", Severity::error, "/venue/nodes/8/floor", R"("f2")",
     R"(unknown floor "f2")", "未知楼层“f2”"},
    {"county booth an unknown area", R"("booth_area": "jc-booth")", R"("booth_area": "jc-boot")", Severity::error,
     "/counties/0/booth_area", R"("jc-boot")", R"(unknown area "jc-boot": no such id in "venue.areas")", "未知区域“jc-boot”"},
    {"session in an unknown area", R"("area": "studio-1")", R"("area": "studio-9")", Severity::error,
     "/schedule/0/area", R"("studio-9")", R"(unknown area "studio-9")", "未知区域“studio-9”"},
    {"area of an unknown county", R"("county": "jiaocheng"})", R"("county": "fenyang"})", Severity::error,
     "/venue/areas/1/county", R"("fenyang")", R"(unknown county "fenyang")", "未知县区“fenyang”"},
    {"polygon of two points", R"("polygon": [[15, 22], [25, 22], [25, 30], [15, 30]])",
     R"("polygon": [[15, 22], [25, 22]])", Severity::error, "/venue/areas/6/polygon", "[[15, 22]",
     "an area's polygon needs at least three points, found 2", "多边形至少需要三个点"},
    {"point of three numbers", R"([[0, 15], [4, 15])", R"([[0, 15, 1], [4, 15])", Severity::error,
     "/venue/areas/0/polygon/0", "[0, 15, 1]", "too many items: 3, at most 2 allowed", "条目过多"},
    {"point of one number", R"([[0, 15], [4, 15])", R"([[0], [4, 15])", Severity::error,
     "/venue/areas/0/polygon/0", "[0]", "too few items: 1, at least 2 needed", "条目过少"},
    {"unknown kind", R"("kind": "studio")", R"("kind": "tv_studio")", Severity::error, "/venue/areas/6/kind",
     R"("tv_studio")", "must be one of hall, booth, studio", "应为以下之一"},
    {"lift without a length", R"({"from": "l1", "to": "l2", "length_m": 8})", R"({"from": "l1", "to": "l2"})",
     Severity::error, "/venue/edges/5", R"({"from": "l1")",
     R"(the edge joins floors "1f" and "2f" (a lift or stairs): give its walking length in "length_m")",
     "连接不同楼层“1f”和“2f”"},
    {"door on no edge", R"({"from": "c2", "to": "st2"})", R"({"from": "c2", "to": "l2"})", Severity::error,
     "/venue/areas/6/door", R"("st2")", R"(the door "st2" is on no walkway edge: no route leads to it)",
     "不在任何通道边上", R"({"id": "studio-1")"},
    {"door on another floor", R"("door": "st2")", R"("door": "b1")", Severity::error, "/venue/areas/6/door",
     R"("b1")", R"(the door "b1" is on floor "1f", the area on "2f")", "门节点“b1”在楼层“1f”"},
    {"no entrance", R"("kind": "entrance")", R"("kind": "exit")", Severity::error, "/venue/areas", "[",
     R"(no area of kind "entrance")", "没有类型为 entrance（入口）的区域", R"("areas": )"},
    {"duplicate area id", R"({"id": "lift-2f")", R"({"id": "lift-1f")", Severity::error, "/venue/areas/4/id",
     R"("lift-1f")", R"(duplicate area id "lift-1f" (first used at /venue/areas/2))", "区域标识“lift-1f”重复"},
    {"duplicate node id", R"({"id": "c2", "x": 30)", R"({"id": "s2", "x": 30)", Severity::error,
     "/venue/nodes/8/id", R"("s2")", R"(duplicate walkway node id "s2")", "通道节点标识“s2”重复"},
    {"edge to itself", R"({"from": "h2", "to": "s1"})", R"({"from": "h2", "to": "h2"})", Severity::error,
     "/venue/edges/4/to", R"("h2"})", R"(the edge leads from node "h2" to itself)", "起点和终点是同一个节点“h2”"},
    {"floor of no size", R"("width_m": 60, "height_m": 40},
      {"id": "2f")", R"("width_m": 0, "height_m": 40},
      {"id": "2f")", Severity::error, "/venue/floors/0/width_m", "0", "must be at least 1, found 0", "不能小于 1"},
    {"booth area without a venue", R"("venue": {)", R"("unused": {)", Severity::error, "/counties/0/booth_area",
     R"("jc-booth")", R"(unknown area "jc-booth": the feed has no "venue" section)", "该数据没有 \"venue\""},
    {"node outside its plan", R"({"id": "h2", "x": 40, "y": 20)", R"({"id": "h2", "x": 40, "y": 45)",
     Severity::warning, "/venue/nodes/2", R"({"id": "h2")",
     R"(node "h2" at (40.0, 45.0) lies outside its floor's plan of 60.0 × 40.0 m)", "超出所在楼层的平面图范围"},
    {"polygon outside its plan", R"([[48, 31], [56, 31], [56, 36], [48, 36]])",
     R"([[48, 31], [66, 31], [56, 36], [48, 36]])", Severity::warning, "/venue/areas/3/polygon", "[[48, 31], [66",
     "the polygon reaches outside its floor's plan", "多边形超出"},
    {"length shorter than the straight line", R"({"from": "h1", "to": "h2"})",
     R"({"from": "h1", "to": "h2", "length_m": 5})", Severity::warning, "/venue/edges/1/length_m", "5}",
     "length_m 5.0 is shorter than the straight distance between its nodes, 20.0 m", "直线距离 20.0 米"},
};

} // namespace

TEST_CASE("Each broken venue reports its problem with pointer, line and message", "[venue]") {
    const std::string base = venue_feed();
    for (const BrokenVenue& broken : kBrokenVenues) {
        DYNAMIC_SECTION(broken.name) {
            const std::string text = replaced(base, broken.from, broken.to);
            const FeedParseResult result = parse_feed(text);
            INFO(listing(result.problems));
            CHECK(result.ok() == (broken.severity == Severity::warning));
            const auto found = problems_at(result.problems, broken.pointer, broken.severity);
            REQUIRE(found.size() == 1);
            const Problem& p = *found.front();
            // Without a venue ("unused" in its place) the area is named in the counties, before the edit.
            const std::size_t edit = broken.after ? text.find(broken.after)
                                     : std::string_view(broken.to) == R"("unused": {)" ? 0 : base.find(broken.from);
            const std::size_t anchor = text.find(broken.anchor, edit);
            REQUIRE(anchor != std::string::npos);
            CHECK(std::make_pair(p.line, p.column) == line_and_column(text, anchor));
            CHECK_THAT(p.message_en, Catch::Contains(broken.message_en));
            CHECK_THAT(p.message_zh, Catch::Contains(broken.message_zh));
        }
    }
}

TEST_CASE("Areas a visitor cannot reach from the entrance are errors, step-free gaps warnings", "[venue]") {
    const std::string base = venue_feed();
    SECTION("the upper floor cut off: every area there is unreachable") {
        std::string text = replaced(base, R"({"from": "l1", "to": "l2", "length_m": 8})", R"({"from": "c2", "to": "l2"})");
        text = replaced(text, R"({"from": "s1", "to": "s2", "length_m": 12, "step_free": false})", R"({"from": "c2", "to": "s2"})");
        const FeedParseResult result = parse_feed(text);
        INFO(listing(result.problems));
        REQUIRE_FALSE(result.ok());
        CHECK(result.count(Severity::error) == 3);
        for (const char* pointer : {"/venue/areas/4/door", "/venue/areas/5/door", "/venue/areas/6/door"})
            CHECK(problems_at(result.problems, pointer, Severity::error).size() == 1);
        const Problem& studio = *problems_at(result.problems, "/venue/areas/6/door", Severity::error).front();
        CHECK(studio.message_en ==
              R"(area "studio-1" cannot be reached from the entrance: no walkway joins its door "st2" to an entrance's door)");
        CHECK_THAT(studio.message_zh, Catch::Contains("从入口无法到达区域“studio-1”"));
        CHECK(std::make_pair(studio.line, studio.column) == line_and_column(text, text.find(R"("st2")", text.find(R"("studio-1")"))));
    }
    SECTION("no lift: the upper floor only over the stairs") {
        const std::string text = replaced(base, R"({"from": "l1", "to": "l2", "length_m": 8})", R"({"from": "c2", "to": "l2"})");
        const FeedParseResult result = parse_feed(text);
        INFO(listing(result.problems));
        REQUIRE(result.ok());
        CHECK(result.count(Severity::warning) == 3);
        const auto studio = problems_at(result.problems, "/venue/areas/6/door", Severity::warning);
        REQUIRE(studio.size() == 1);
        CHECK_THAT(studio.front()->message_en,
                   Catch::Contains(R"(area "studio-1" can be reached only over stairs or steps)"));
        CHECK_THAT(studio.front()->message_zh, Catch::Contains("无障碍路线无法到达"));
    }
    SECTION("a second entrance upstairs reaches the cut-off floor") {
        std::string text = replaced(base, R"({"from": "l1", "to": "l2", "length_m": 8})", R"({"from": "c2", "to": "l2"})");
        text = replaced(text, R"({"from": "s1", "to": "s2", "length_m": 12, "step_free": false})", R"({"from": "c2", "to": "s2"})");
        text = replaced(text, R"("kind": "studio")", R"("kind": "entrance")");
        const FeedParseResult result = parse_feed(text);
        INFO(listing(result.problems));
        CHECK(result.ok());
    }
    SECTION("a broken edge is reported once, not again as unreachable areas") {
        const std::string text = replaced(base, R"({"from": "l2", "to": "c2"})", R"({"from": "l2", "to": "c9"})");
        const std::string cut = replaced(text, R"({"from": "s2", "to": "c2"})", R"({"from": "s2", "to": "s1", "length_m": 1})");
        const FeedParseResult result = parse_feed(cut);
        INFO(listing(result.problems));
        CHECK(result.count(Severity::error) == 1);
        CHECK(problems_at(result.problems, "/venue/edges/7/to", Severity::error).size() == 1);
    }
}

TEST_CASE("A venue section of the wrong shape is reported once, without follow-on errors", "[venue]") {
    const std::string base = venue_feed();
    const std::string text = replaced(base, R"("venue": {
    "floors": [)", R"("venue": [{
    "floors": [)");
    const std::string closed = replaced(text, "    ]\n  }\n}", "    ]\n  }]\n}");
    const FeedParseResult result = parse_feed(closed);
    INFO(listing(result.problems));
    REQUIRE_FALSE(result.ok());
    CHECK(result.count(Severity::error) == 1);
    CHECK(problems_at(result.problems, "/venue", Severity::error).size() == 1);
}
