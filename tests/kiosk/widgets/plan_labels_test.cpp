// Which area names the plan draws in place and which become numbered markers
// listed in the key, headless on a made-up venue with a made-up text measure:
// names that fit keep their place, too long ones are numbered (with their
// like neighbours), numbers follow the feed and stay put whatever the panel's
// size or heading, and a tap near a marker finds its area.
#include "widgets/floor_plan_view.h"
#include "widgets/plan_labels.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

using namespace kiosk;

namespace {

Area rect_area(std::string id, std::string en, AreaKind kind, std::string floor, double x, double y, double w, double h) {
    Area a;
    a.id = std::move(id);
    a.name = LocalizedText{"区域", std::move(en)};
    a.kind = kind;
    a.floor = std::move(floor);
    a.polygon = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    return a;
}

// A market hall with two booths and a desk in it, a booth outside, a floor above, the entrance.
Venue test_venue() {
    Venue v;
    v.floors = {Floor{"1f", {"1 层", "1F"}, 100, 50}, Floor{"2f", {"2 层", "2F"}, 100, 50}};
    v.areas = {rect_area("market", "Market", AreaKind::market, "1f", 0, 0, 50, 30),
               rect_area("booth-a", "Jiaocheng booth", AreaKind::booth, "1f", 2, 2, 8, 8),
               rect_area("booth-b", "Lishi booth", AreaKind::booth, "1f", 12, 2, 8, 8),
               rect_area("upstairs", "Upstairs", AreaKind::hall, "2f", 0, 0, 10, 10),
               rect_area("booth-c", "Lishi booth", AreaKind::booth, "1f", 60, 2, 8, 8),
               rect_area("desk", "Desk", AreaKind::service_desk, "1f", 22, 2, 8, 8),
               rect_area("gate", "Entrance", AreaKind::entrance, "1f", 60, 40, 10, 10)};
    v.index();
    return v;
}

// Half the size a Latin letter, 0.7 of it any other character (CJK in Noto Sans CJK).
float fake_width(std::string_view text, float size) {
    float w = 0;
    for (unsigned char c : text)
        if (c < 0x80) w += 0.5f * size;
        else if ((c & 0xC0) != 0x80) w += 0.7f * size;
    return w;
}

LabelSizes map_sizes(bool alike_together) {
    LabelSizes s;
    s.largest = 28;
    s.smallest = 22;
    s.markers = true;
    s.alike_together = alike_together;
    s.halve_latin = false;
    s.pad_x = 8;
    s.pad_y = 12;
    s.marker_radius = 26;
    s.smallest_marker_radius = 18;
    return s;
}

// 10 px a metre: the 8 m booths are 80 px, "Jiaocheng" is 99 px even at 22 px, "Lishi" 70 px at 28.
const PlanTransform kPlan(100, 50, 0, ImVec2(0, 0), ImVec2(1000, 500));

const AreaLabel& label_of(const PlanLabels& labels, std::string_view id) {
    for (const AreaLabel& l : labels.labels)
        if (l.area->id == id) return l;
    FAIL("no label for " << id);
    throw 0;
}

std::vector<std::string> marker_ids(const PlanLabels& labels) {
    std::vector<std::string> out;
    for (const AreaLabel* l : labels.markers()) out.push_back(l->area->id);
    return out;
}

} // namespace

TEST_CASE("a name that fits its area stays in place and one that fits only below the readable size is numbered", "[map]") {
    const Venue v = test_venue();
    const PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(false), fake_width, "gate");
    REQUIRE(labels.labels.size() == 6);   // the floor's areas only
    const AreaLabel& market = label_of(labels, "market");
    CHECK(market.kind == LabelKind::name);
    CHECK(market.size == 28);
    CHECK(market.lines == std::vector<std::string>{"Market"});
    const AreaLabel& lishi = label_of(labels, "booth-b");   // two whole-word lines at the body size
    CHECK(lishi.kind == LabelKind::name);
    CHECK(lishi.size == 28);
    CHECK(lishi.lines == std::vector<std::string>{"Lishi", "booth"});
    const AreaLabel& jiaocheng = label_of(labels, "booth-a");
    CHECK(jiaocheng.kind == LabelKind::marker);
    CHECK(jiaocheng.lines.empty());
    CHECK(jiaocheng.at.x == Approx(60));   // on the booth's centre
    CHECK(jiaocheng.at.y == Approx(60));
    CHECK(jiaocheng.radius == 26);         // the largest: the booth is 80 px
    CHECK(label_of(labels, "gate").kind == LabelKind::none);   // the you-are-here marker names it
    CHECK(marker_ids(labels) == std::vector<std::string>{"booth-a"});
    for (const AreaLabel& l : labels.labels)   // nothing drawn below the readable size
        if (l.kind == LabelKind::name) CHECK(l.size >= 22);

    // In Chinese they fit: a name without spaces too wide for one line in two halves.
    Venue zh_venue = v;
    zh_venue.areas[1].name.zh = "交城展位";   // 78 px at 28: two lines of 39
    const PlanLabels zh = layout_plan_labels(zh_venue, "1f", kPlan, Lang::zh, map_sizes(false), fake_width);
    CHECK(marker_ids(zh).empty());
    CHECK(label_of(zh, "booth-a").lines == std::vector<std::string>{"交城", "展位"});
    CHECK(label_of(zh, "booth-a").size == 28);
}

TEST_CASE("a numbered booth numbers the booths beside it in its hall but not those elsewhere or of another kind", "[map]") {
    const Venue v = test_venue();
    const PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(true), fake_width, "gate");
    CHECK(marker_ids(labels) == std::vector<std::string>{"booth-a", "booth-b"});
    CHECK(label_of(labels, "booth-b").lines.empty());
    CHECK(label_of(labels, "booth-c").kind == LabelKind::name);   // the same kind outside the market
    CHECK(label_of(labels, "desk").kind == LabelKind::name);      // another kind in the market
    CHECK(label_of(labels, "market").kind == LabelKind::name);
    // Without markers nothing is numbered however long the name.
    LabelSizes off = map_sizes(true);
    off.markers = false;
    CHECK(marker_ids(layout_plan_labels(v, "1f", kPlan, Lang::en, off, fake_width)).empty());
}

TEST_CASE("areas are numbered in feed order on their floor, the same whatever the panel, heading or language", "[map]") {
    const Venue v = test_venue();
    const std::vector<std::pair<std::string, int>> expected{{"market", 1}, {"booth-a", 2}, {"booth-b", 3},
                                                            {"booth-c", 4}, {"desk", 5},   {"gate", 6}};
    // Landscape, portrait turned a quarter, twice the size (nothing numbered), and in Chinese.
    const PlanTransform portrait(100, 50, 90, ImVec2(0, 0), ImVec2(500, 1000));
    const PlanTransform big(100, 50, 0, ImVec2(0, 0), ImVec2(2000, 1000));
    for (const auto& [plan, lang, what] : {std::tuple{kPlan, Lang::en, "landscape"}, std::tuple{portrait, Lang::en, "portrait"},
                                           std::tuple{big, Lang::en, "big"}, std::tuple{kPlan, Lang::zh, "zh"}}) {
        INFO(what);
        for (int frame = 0; frame < 2; ++frame) {   // and from frame to frame
            const PlanLabels labels = layout_plan_labels(v, "1f", plan, lang, map_sizes(true), fake_width, "gate");
            REQUIRE(labels.labels.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                CHECK(labels.labels[i].area->id == expected[i].first);
                CHECK(labels.labels[i].number == expected[i].second);
            }
        }
    }
    CHECK(marker_ids(layout_plan_labels(v, "1f", big, Lang::en, map_sizes(true), fake_width)).empty());   // all fit
    // The key lists markers by number, whatever order they were found in.
    PlanLabels shuffled = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(true), fake_width);
    std::reverse(shuffled.labels.begin(), shuffled.labels.end());
    CHECK(marker_ids(shuffled) == std::vector<std::string>{"booth-a", "booth-b"});
    const PlanLabels upstairs = layout_plan_labels(v, "2f", kPlan, Lang::en, map_sizes(true), fake_width);
    REQUIRE(upstairs.labels.size() == 1);
    CHECK(upstairs.labels[0].number == 1);
}

TEST_CASE("without markers a name too long for its area shrinks to the smallest size and is cut short there", "[map]") {
    Venue v = test_venue();
    v.areas[1].name.en = "Pneumonoultramicroscopic";   // 24 letters: even its halves are 84 px at 14 px, in 72
    LabelSizes s = map_sizes(false);
    s.markers = false;
    s.smallest = 14;
    const PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, s, fake_width);
    const AreaLabel& cut = label_of(labels, "booth-a");
    CHECK(cut.kind == LabelKind::cut);
    CHECK(cut.size == 14);
    CHECK(cut.max_width == 72);   // 80 px less the padding
    const AreaLabel& shrunk = label_of(labels, "booth-c");   // "Lishi booth" fits at 28 on two lines
    CHECK(shrunk.kind == LabelKind::name);
    CHECK(shrunk.size == 28);
}

TEST_CASE("the route's plan leaves out a name that is not readable in its area and keeps those that are", "[map]") {
    const Venue v = test_venue();
    LabelSizes s = map_sizes(false);
    s.markers = false;
    s.omit = true;   // as plan_label_sizes gives the route screen
    const PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, s, fake_width);
    const AreaLabel& left_out = label_of(labels, "booth-a");   // "Jiaocheng" is 99 px even at 22, in 72
    CHECK(left_out.kind == LabelKind::none);
    CHECK(left_out.lines.empty());
    CHECK(label_of(labels, "booth-b").kind == LabelKind::name);   // "Lishi booth" fits at 28 on two lines
    CHECK(label_of(labels, "booth-c").kind == LabelKind::name);
    CHECK(marker_ids(labels).empty());
    for (const AreaLabel& l : labels.labels)   // nothing drawn below the readable size
        if (l.kind == LabelKind::name) CHECK(l.size >= 22);

    s.alike_together = true;   // as the route screen has it: booth-a's neighbour in the market goes unnamed too
    const PlanLabels alike = layout_plan_labels(v, "1f", kPlan, Lang::en, s, fake_width, "gate");
    CHECK(label_of(alike, "booth-b").kind == LabelKind::none);
    CHECK(label_of(alike, "booth-c").kind == LabelKind::name);   // outside the market
    CHECK(label_of(alike, "desk").kind == LabelKind::name);      // another kind
    CHECK(label_of(alike, "gate").kind == LabelKind::none);      // the you-are-here area, and it leaves the rest alone
}

TEST_CASE("a tap near a numbered marker finds its area, the nearest when two are in reach, and nothing beside a name", "[map]") {
    const Venue v = test_venue();
    const PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(true), fake_width);
    REQUIRE(marker_ids(labels) == std::vector<std::string>{"booth-a", "booth-b"});   // at (60,60) and (160,60)
    CHECK(marker_at(labels, ImVec2(60, 60), 32)->id == "booth-a");
    CHECK(marker_at(labels, ImVec2(60, 91), 32)->id == "booth-a");   // 31 px below its centre: in reach
    CHECK(marker_at(labels, ImVec2(60, 93), 32) == nullptr);
    CHECK(marker_at(labels, ImVec2(105, 60), 60)->id == "booth-a");   // both in reach: the nearer
    CHECK(marker_at(labels, ImVec2(115, 60), 60)->id == "booth-b");
    CHECK(marker_at(labels, ImVec2(640, 60), 32) == nullptr);   // booth-c's name, not a marker
}

TEST_CASE("a marker shrinks to fit a small area but no further than the smallest, and Latin words are not halved", "[map]") {
    const Venue v = test_venue();
    const PlanTransform half(100, 50, 0, ImVec2(0, 0), ImVec2(500, 250));   // 5 px a metre: booths of 40 px
    const PlanLabels labels = layout_plan_labels(v, "1f", half, Lang::en, map_sizes(false), fake_width);
    CHECK(label_of(labels, "booth-a").radius == 18);   // 40 / 2 - 2
    const PlanTransform tiny(100, 50, 0, ImVec2(0, 0), ImVec2(250, 125));
    CHECK(label_of(layout_plan_labels(v, "1f", tiny, Lang::en, map_sizes(false), fake_width), "booth-a").radius == 18);
    const PlanTransform between(100, 50, 0, ImVec2(0, 0), ImVec2(600, 300));   // 48 px booths: 22
    CHECK(label_of(layout_plan_labels(v, "1f", between, Lang::en, map_sizes(false), fake_width), "booth-a").radius == Approx(22));

    Venue one_word = v;
    one_word.areas[5].name.en = "Toilets";   // the desk, 80 px: 7 letters are 98 px at 28 and 77 at 22
    const PlanLabels whole = layout_plan_labels(one_word, "1f", kPlan, Lang::en, map_sizes(false), fake_width);
    CHECK(label_of(whole, "desk").kind == LabelKind::marker);   // not "Toil" "ets"
    LabelSizes halving = map_sizes(false);
    halving.halve_latin = true;
    const PlanLabels halved = layout_plan_labels(one_word, "1f", kPlan, Lang::en, halving, fake_width);
    CHECK(label_of(halved, "desk").lines == std::vector<std::string>{"Toil", "ets"});
}

TEST_CASE("a tap on the you-are-here mark finds the area it names and a nearer marker still wins", "[map]") {
    // [Issue 19] The entrance has neither name nor marker (you-are-here names it): the mark is its target.
    const Venue v = test_venue();
    PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(true), fake_width, "gate");
    CHECK(marker_at(labels, ImVec2(650, 520), 32) == nullptr);   // below the gate, off the floor: nothing without the mark
    labels.here = v.area("gate");
    labels.here_at = ImVec2(650, 500);   // on the gate's lower edge
    REQUIRE(marker_at(labels, ImVec2(650, 520), 32) != nullptr);
    CHECK(marker_at(labels, ImVec2(650, 520), 32)->id == "gate");
    CHECK(marker_at(labels, ImVec2(650, 540), 32) == nullptr);   // out of reach
    labels.here_at = ImVec2(90, 60);   // made up: between booth-a's marker at (60,60) and booth-b's at (160,60)
    CHECK(marker_at(labels, ImVec2(70, 60), 60)->id == "booth-a");
    CHECK(marker_at(labels, ImVec2(95, 60), 60)->id == "gate");
}

TEST_CASE("each place on the plan is the area's bounds with the disc that surely picks its marker", "[map]") {
    const Venue v = test_venue();
    PlanLabels labels = layout_plan_labels(v, "1f", kPlan, Lang::en, map_sizes(true), fake_width, "gate");
    labels.here = v.area("gate");
    labels.here_at = ImVec2(650, 500);
    const std::vector<PlanPlace> places = plan_places(v, "1f", kPlan, labels, 64);
    const auto place = [&](std::string_view id) {
        for (const PlanPlace& p : places)
            if (p.area->id == id) return p.rect;
        FAIL("no place " << id);
        throw 0;
    };
    CHECK(places.size() == 6);   // the floor's areas, not upstairs
    // booth-a's marker at (60,60), booth-b's 100 px away: each owns a disc of 50 px, past its 80 px booth.
    CHECK(place("booth-a").Min.x == Approx(10));
    CHECK(place("booth-a").Max.x == Approx(110));
    CHECK(place("booth-a").Min.y == Approx(10));   // the disc's top: 60 - 50
    CHECK(place("booth-a").Max.y == Approx(110));
    CHECK(place("market").Max.x == Approx(500));   // a named area: its bounds
    CHECK(place("market").Max.y == Approx(300));
    CHECK(place("gate").Max.y == Approx(564));   // the gate (400-500) and the mark's whole reach below it
}
