// The id lookup the Feed and the Venue share: found, missing, duplicate ids
// (the first wins), rebuilt after the vector changes; and the same through
// Feed and Venue themselves.
#include "feed/id_index.h"
#include "feed/model.h"
#include "feed/venue.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kiosk;

namespace {

struct Item {
    std::string id;
    int value = 0;
};

} // namespace

TEST_CASE("an IdIndex finds each item by its id and its position", "[id_index]") {
    const std::vector<Item> items{{"a", 1}, {"b", 2}, {"c", 3}};
    IdIndex index;
    index.build(items);
    REQUIRE(index.find(items, "b") != nullptr);
    CHECK(index.find(items, "b") == &items[1]);
    CHECK(index.find(items, "c")->value == 3);
    CHECK(index.position("a") == 0u);
    CHECK(index.position("c") == 2u);
}

TEST_CASE("an IdIndex says nullptr and nullopt for a missing id", "[id_index]") {
    const std::vector<Item> items{{"a", 1}};
    IdIndex index;
    CHECK(index.find(items, "a") == nullptr);   // not built yet
    index.build(items);
    CHECK(index.find(items, "x") == nullptr);
    CHECK(index.find(items, "") == nullptr);
    CHECK(index.find(items, "A") == nullptr);   // ids are case-sensitive
    CHECK_FALSE(index.position("x").has_value());
    const std::vector<Item> none;
    index.build(none);
    CHECK(index.find(none, "a") == nullptr);
}

TEST_CASE("with duplicate ids an IdIndex gives the first", "[id_index]") {
    const std::vector<Item> items{{"a", 1}, {"dup", 2}, {"b", 3}, {"dup", 4}};
    IdIndex index;
    index.build(items);
    REQUIRE(index.find(items, "dup") != nullptr);
    CHECK(index.find(items, "dup")->value == 2);
    CHECK(index.position("dup") == 1u);
    CHECK(index.find(items, "b")->value == 3);
}

TEST_CASE("building again forgets the ids of the old vector", "[id_index]") {
    std::vector<Item> items{{"a", 1}, {"b", 2}};
    IdIndex index;
    index.build(items);
    items = {{"b", 20}, {"c", 30}};
    index.build(items);
    CHECK(index.find(items, "a") == nullptr);
    CHECK(index.find(items, "b")->value == 20);
    CHECK(index.position("c") == 1u);
}

TEST_CASE("Feed and Venue lookups: found, missing, and the first of duplicate ids", "[id_index]") {
    Feed feed;
    feed.counties.resize(2);
    feed.counties[0].id = "jiaocheng";
    feed.counties[1].id = "wenshui";
    feed.products.resize(3);
    feed.products[0].id = "p1";
    feed.products[1].id = "p2";
    feed.products[2].id = "p1";
    feed.schedule.resize(1);
    feed.schedule[0].id = "s1";
    feed.venue.nodes.resize(2);
    feed.venue.nodes[0].id = "n1";
    feed.venue.nodes[1].id = "n2";
    feed.index();
    feed.venue.index();
    CHECK(feed.county("wenshui") == &feed.counties[1]);
    CHECK(feed.product("p1") == &feed.products[0]);
    CHECK(feed.session("s1") == &feed.schedule[0]);
    CHECK(feed.county("nowhere") == nullptr);
    CHECK(feed.product("p3") == nullptr);
    CHECK(feed.session("") == nullptr);
    CHECK(feed.venue.node("n2") == &feed.venue.nodes[1]);
    CHECK(feed.venue.node_index("n2") == 1);
    CHECK(feed.venue.node_index("n9") == -1);
    CHECK(feed.venue.floor("1F") == nullptr);
    CHECK(feed.venue.area("booth") == nullptr);
}
