#include "base/json_positions.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("LineIndex maps byte offsets to line and column", "[json_positions]") {
    const LineIndex lines("ab\ncd\n\n吕x");
    CHECK(lines.at(0).line == 1);
    CHECK(lines.at(0).column == 1);
    CHECK(lines.at(2).column == 3);   // the newline itself ends line 1
    CHECK(lines.at(3).line == 2);
    CHECK(lines.at(3).column == 1);
    CHECK(lines.at(6).line == 3);
    CHECK(lines.at(10).line == 4);
    CHECK(lines.at(10).column == 4);   // columns count bytes: 吕 is three
    CHECK(lines.at(1000).line == 4);   // past the end clamps to the end
    CHECK(lines.at(1000).column == 5);
}

TEST_CASE("JSON pointers escape ~ and /", "[json_positions]") {
    CHECK(pointer_escape("a/b~c") == "a~1b~0c");
    CHECK(pointer_append("", "products") == "/products");
    CHECK(pointer_append("/products", 3) == "/products/3");
    CHECK(pointer_append("/x", "") == "/x/");

    const PathLink root;
    const PathLink products = root.child("products");
    const PathLink third = products.child(std::size_t{3});
    const PathLink odd = third.child("a/b");
    CHECK(root.pointer().empty());
    CHECK(third.pointer() == "/products/3");
    CHECK(odd.pointer() == "/products/3/a~1b");
}

TEST_CASE("find_depth_excess finds the first bracket too deep", "[json_positions]") {
    CHECK_FALSE(find_depth_excess("[[[]]]", 3));
    CHECK(find_depth_excess("[[[[]]]]", 3) == 3u);
    CHECK(find_depth_excess("{\"a\": [{\"b\": [1]}]}", 3) == 13u);
    CHECK_FALSE(find_depth_excess("[\"[[[[\\\"[[[[\"]", 2));   // brackets in strings, escaped quotes
    CHECK_FALSE(find_depth_excess("]]]][[", 2));             // unbalanced text is the parser's problem
    const std::string deep(1000000, '[');
    CHECK(find_depth_excess(deep, 32) == 32u);
}

TEST_CASE("locate_pointers finds where values start", "[json_positions]") {
    const std::string text = R"({
  "a": [10, {"b": "x,]}"}, []],
  "c/d": {"e~f": null, "": true},
  "\u0067h": "\"quoted\"",
  "empty": {},
  "last": -1.5e3
})";
    const auto found = locate_pointers(
        text, {"", "/a", "/a/0", "/a/1", "/a/1/b", "/a/2", "/c~1d/e~0f", "/c~1d/", "/gh", "/empty", "/last", "/missing"});
    const auto at = [&](const std::string& pointer) { return found.at(pointer); };
    CHECK(at("") == 0);
    CHECK(at("/a") == text.find("[10"));
    CHECK(at("/a/0") == text.find("10"));
    CHECK(at("/a/1") == text.find("{\"b\""));
    CHECK(at("/a/1/b") == text.find("\"x,]}\""));
    CHECK(at("/a/2") == text.find("[]"));
    CHECK(at("/c~1d/e~0f") == text.find("null"));
    CHECK(at("/c~1d/") == text.find("true"));
    CHECK(at("/gh") == text.find("\"\\\"quoted"));
    CHECK(at("/empty") == text.find("{}"));
    CHECK(at("/last") == text.find("-1.5e3"));
    CHECK(found.count("/missing") == 0);
}

TEST_CASE("locate_pointers skips a byte-order mark and decodes surrogate pairs", "[json_positions]") {
    const std::string text = "\xEF\xBB\xBF{\"\\ud83c\\udf4e\": [1, 2]}";
    const auto found = locate_pointers(text, {"", "/\xF0\x9F\x8D\x8E/1"});
    CHECK(found.at("") == 3);
    CHECK(found.at("/\xF0\x9F\x8D\x8E/1") == text.find('2'));
}

TEST_CASE("find_duplicate_keys finds a name given twice in one object, at any depth", "[json_positions]") {
    const std::string text = R"({"a": 1, "b": {"x": [{"k": 1, "k": 2}], "x": 3}, "c": {"a": 1}, "a\u0041": 0, "aA": 1})";
    const auto found = find_duplicate_keys(text);
    REQUIRE(found.size() == 3);
    CHECK(found[0].pointer == "/b/x/0/k");
    CHECK(text.substr(found[0].first_offset, 3) == "\"k\"");
    CHECK(found[0].again_offset == text.find("\"k\": 2"));
    CHECK(found[1].pointer == "/b/x");
    CHECK(found[2].pointer == "/aA");   // the same name once its escape is decoded
    CHECK(find_duplicate_keys(R"({"a": {"b": 1}, "b": {"a": 1}, "list": [{"id": 1}, {"id": 2}]})").empty());
}
