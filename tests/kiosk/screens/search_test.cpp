// The search screen by touch alone, headless: letter keys typed by taps (never
// by drags), results that follow every key, a tap on a result opens its page;
// the search:LETTERS route; the index arriving with each feed.
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/search_layout.h"
#include "widgets/letter_keyboard.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr float kTopBar = 96;   // the top bar's height at 1080p (app.cpp)

std::shared_ptr<const Feed> demo() {
    static const FeedParseResult parsed = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(parsed.ok());
    return parsed.feed;
}

AppOptions at_search(std::string letters = {}) {
    AppOptions o;
    o.start = Route{ScreenId::search, std::move(letters)};
    return o;
}

struct Kiosk {
    KioskApp app;
    HeadlessUi ui;
    Theme theme;
    SearchLayout layout;
    Kiosk(AppOptions options, int width = 1920, int height = 1080)
        : app(demo(), std::move(options)), ui(app, width, height) {
        theme.scale = std::min(width, height) / 1080.0f;
        const float bar = theme.px(kTopBar);
        // Above the 无障碍 / Accessible button's strip (widgets/accessible_button.h).
        layout = search_layout(theme, ImVec2(0, bar), ImVec2(static_cast<float>(width), height - bar - theme.px(kAccessibleStripHeight)));
        ui.idle(0.1);
    }
    ImRect key(KeyAction action, char letter = 0) const {
        for (const LetterKey& k : letter_keyboard_layout(theme, layout.keyboard))
            if (k.action == action && k.letter == letter) return k.rect;
        FAIL("no such key");
        return {};
    }
    void type(const std::string& letters) {
        for (const char c : letters) ui.tap(key(KeyAction::letter, c).GetCenter());
    }
    // The middle of the `n`th result (from 0) under its kind's heading, when it is the first kind shown.
    ImVec2 result(int n) const {
        const float y = layout.results.Min.y + search_heading_height(theme) + (n + 0.4f) * search_hit_height(theme);
        return ImVec2(layout.results.GetCenter().x, y);
    }
    std::string letters() const { return app.route().screen == ScreenId::search ? app.route().id : "(left search)"; }
};

} // namespace

TEST_CASE("keys j c j z type jcjz and 交城骏枣 comes first: a tap on it opens the product") {
    for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        INFO(w << "x" << h);
        Kiosk k(at_search(), w, h);
        REQUIRE(k.app.search());
        k.type("j");
        CHECK(k.letters() == "j");
        k.type("cjz");
        CHECK(k.app.route() == Route{ScreenId::search, "jcjz"});
        k.ui.tap(k.result(1));
        CHECK(k.app.route() == Route{ScreenId::product, "jc-junzao-gift"});   // the second: the gift box
        k.app.back();
        k.ui.idle(0.1);
        CHECK(k.app.route() == Route{ScreenId::search, "jcjz"});   // Back returns to the letters typed
        k.ui.tap(k.result(0));
        CHECK(k.app.route() == Route{ScreenId::product, "jc-junzao"});
    }
}

TEST_CASE("a place found by its pinyin opens the walk there from this kiosk") {
    Kiosk k(at_search());
    k.type("cesuo");   // 厕所, a search term of the toilets
    k.ui.tap(k.result(0));
    CHECK(k.app.route() == Route{ScreenId::map_route, "toilets-1f"});
}

TEST_CASE("the results follow every key: jiaoc lists 交城 products first and backspace and clear take letters back") {
    Kiosk k(at_search());
    k.type("jiaoc");
    CHECK(k.letters() == "jiaoc");
    k.ui.tap(k.result(2));   // 交城骏枣, 交城骏枣 礼盒装 and 交城五香调料面 start with 交城
    CHECK(k.app.route() == Route{ScreenId::product, "jc-tiaoliaomian"});
    k.app.back();
    k.ui.idle(0.1);
    k.ui.tap(k.key(KeyAction::backspace).GetCenter());
    CHECK(k.letters() == "jiao");
    k.ui.tap(k.key(KeyAction::clear).GetCenter());
    CHECK(k.letters().empty());
    k.ui.tap(k.result(0));   // nothing typed: no results, nothing opens
    CHECK(k.app.route() == Route{ScreenId::search, ""});
    k.type("walnut");
    k.ui.tap(k.result(0));
    CHECK(k.app.route() == Route{ScreenId::product, "jc-hetaoren"});
}

TEST_CASE("a drag across the keyboard types nothing and a tap after it types again") {
    Kiosk k(at_search("w"));
    const ImVec2 a = k.key(KeyAction::letter, 'a').GetCenter(), l = k.key(KeyAction::letter, 'l').GetCenter();
    k.ui.drag(a, ImVec2(l.x - a.x, 0));   // along the middle row
    CHECK(k.letters() == "w");
    const ImVec2 q = k.key(KeyAction::letter, 'q').GetCenter(), z = k.key(KeyAction::letter, 'z').GetCenter();
    k.ui.drag(q, ImVec2(z.x - q.x, z.y - q.y), 12, true);   // down across the rows, held before lifting
    CHECK(k.letters() == "w");
    // A finger that lands on a key and moves off it before lifting, like a scroll begun on the keys.
    const ImRect e = k.key(KeyAction::letter, 'e');
    k.ui.drag(e.GetCenter(), ImVec2(0, -e.GetHeight() * 0.8f), 6, true);
    CHECK(k.letters() == "w");
    k.ui.drag(k.key(KeyAction::backspace).GetCenter(), ImVec2(-200, 0));
    CHECK(k.letters() == "w");
    k.ui.tap(e.GetCenter());
    CHECK(k.letters() == "we");
}

TEST_CASE("a drag on the results scrolls them and opens nothing") {
    Kiosk k(at_search("j"), 1080, 1920);
    k.ui.drag(k.result(3), ImVec2(0, -300), 12, true);
    k.ui.idle(0.5);
    CHECK(k.app.route() == Route{ScreenId::search, "j"});
    k.ui.tap(k.result(3));   // now a result further down: it opens a product, not the one first under the finger
    CHECK(k.app.route().screen == ScreenId::product);
    CHECK(k.app.route().id != "jc-junzao-gift");
}

TEST_CASE("the top bar's search button opens search and keeps the letters while lit") {
    AppOptions home;
    Kiosk k(home);
    REQUIRE(k.app.route() == Route{});
    // The search button sits left of Home, which sits left of the language switch (app.cpp).
    const Theme& t = k.theme;
    const float right = 1920 - t.margin() - 2 * t.px(120) - t.px(8) - t.px(24) - t.px(150) - t.px(16);
    k.ui.tap(ImVec2(right - t.px(75), t.px(kTopBar) / 2));
    CHECK(k.app.route() == Route{ScreenId::search, ""});
    k.type("xm");
    k.ui.tap(ImVec2(right - t.px(75), t.px(kTopBar) / 2));   // lit while searching: keeps the letters
    CHECK(k.app.route() == Route{ScreenId::search, "xm"});
}

TEST_CASE("search routes: search and search:LETTERS with lowercase letters and digits only") {
    Route r;
    REQUIRE(parse_route("search", r));
    CHECK(r == Route{ScreenId::search, ""});
    REQUIRE(parse_route("search:jcjz", r));
    CHECK(r == Route{ScreenId::search, "jcjz"});
    CHECK(route_name(r) == "search:jcjz");
    CHECK(parse_route("search:42du", r));
    CHECK(parse_route("search:", r));
    for (const char* bad : {"search:JCJZ", "search:交城", "search:j c", "search:a-b",
                            "search:abcdefghijklmnopqrstuvwxyzabcdefg"}) {
        INFO(bad);
        CHECK_FALSE(parse_route(bad, r));
    }
    CHECK_FALSE(parse_route("product", r));   // the other screens keep their rules
}

TEST_CASE("the app takes the search index with each new feed and never keeps one of another feed") {
    struct Source final : SnapshotSource {
        std::optional<IndexedFeed> next;
        bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>&) override {
            if (!next) return false;
            feed = *next;
            next.reset();
            return true;
        }
    } source;
    KioskApp app(demo(), at_search("jcjz"));
    app.set_source(&source);
    const SearchIndex* first = app.search();
    REQUIRE(first);
    auto renamed = std::make_shared<Feed>(*demo());
    renamed->products[0].name = {"新品", "New"};
    renamed->index();
    bool new_text = false;
    source.next = IndexedFeed{renamed, nullptr};   // a feed without its index
    app.update(1, new_text);
    REQUIRE(app.glyphs_ready());   // held for its glyphs until the runner says the atlas has them
    CHECK(app.search() == nullptr);
    source.next = index_feed(renamed);
    REQUIRE(app.update(2, new_text));
    REQUIRE(app.search());
    CHECK(app.search()->find("xp").of(SearchKind::product).front().id == "jc-junzao");   // 新品
}
