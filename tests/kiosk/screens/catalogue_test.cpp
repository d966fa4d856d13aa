// The catalogue, county and product screens: headless taps, drags and flings
// on a synthetic feed (2,000 products in one county), and, under Xvfb, every
// demo product's QR code read back by zbarimg from a real screenshot.
// Index of this file:
// [SECTION] Fixtures: a synthetic feed, a kiosk, what a frame drew
// [SECTION] Card grids and taps
// [SECTION] Drags, flings and coasts
// [SECTION] Only visible cards built; the product screen's QR; unknown ids
// [SECTION] Under Xvfb: every demo product's QR code
// [SECTION] County pictures
#include "base/embedded.h"
#include "headless_ui.h"
#include "images/qr_code.h"
#include "run_kiosk.h"
#include "screens/catalogue_parts.h"
#include "test_feeds.h"
#include "widgets/image_view.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

using namespace kiosk;
using namespace kiosk::test;

// [SECTION] Fixtures: a synthetic feed, a kiosk, what a frame drew
namespace {

constexpr float kTopBar = 96;   // the top bar's height at 1080p (app.cpp)

Product make_product(int i, const std::string& county) {
    Product p;
    p.id = "p" + std::to_string(i);
    p.county = county;
    p.name = {"商品 " + std::to_string(i), "Product " + std::to_string(i)};
    p.producer = {"合作社", "Co-op"};
    p.price_fen = 1000 + i;
    p.unit = {"500克", "500 g"};
    p.order_url = "https://example.com/order/" + p.id;
    p.featured = i % 7 == 0;
    p.sold_out = i % 11 == 10;
    if (i % 5 == 0) p.tags.push_back({"非遗", "Intangible heritage"});
    return p;
}

// Two counties: "big" with `n` products, "small" with three.
std::shared_ptr<Feed> synthetic_feed(int n) {
    auto feed = kiosk::test::test_event_feed();
    feed->counties.push_back({"big", {"大县", "Big County"}, {"很多商品的县。", "A county with many products."}, "", "", {}});
    feed->counties.push_back({"small", {"小县", "Small County"}, {"三件商品。", "Three products."}, "", "", {}});
    for (int i = 0; i < n; ++i) feed->products.push_back(make_product(i, "big"));
    for (int i = 0; i < 3; ++i) feed->products.push_back(make_product(n + i, "small"));
    feed->index();
    return feed;
}

AppOptions make_options(Route start) {
    AppOptions options;
    options.start = std::move(start);
    return options;
}

struct Kiosk {
    KioskApp app;
    HeadlessUi ui;
    Kiosk(std::shared_ptr<const Feed> feed, Route start, int width = 1920, int height = 1080)
        : app(std::move(feed), make_options(std::move(start))), ui(app, width, height) {
        ui.idle(0.1);
    }
    bool animating() { return app.seconds_until_change(ui.now()) == 0; }
};

Theme theme_at(float width, float height) {
    Theme t;
    t.scale = std::min(width, height) / 1080.0f;
    return t;
}

CardGrid product_grid(int count, float width = 1920, float height = 1080) {
    const Theme t = theme_at(width, height);
    const float bar = t.px(kTopBar);
    return product_card_grid(t, ImVec2(0, bar), ImVec2(width, height - bar), count);
}

// The card drawn under `pos` at scroll `offset`, or -1: what a tap there should open.
int card_under(const CardGrid& g, ImVec2 pos, float offset) {
    const auto [first, last] = g.visible(offset);
    for (int i = first; i < last; ++i)
        if (g.rect(i, offset).Contains(pos)) return i;
    return -1;
}

// What the last frame drew: vertex count and a checksum of where they are.
struct FrameSummary {
    int vertices = 0;
    double position_sum = 0;
    bool operator==(const FrameSummary&) const = default;
};

FrameSummary last_frame() {
    FrameSummary p;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        p.vertices += list->VtxBuffer.Size;
        for (const ImDrawVert& v : list->VtxBuffer) p.position_sum += v.pos.x + 3.0 * v.pos.y;
    }
    return p;
}

// The QR's dark modules are the only pure black the screens draw: their
// rectangles, and the smallest module height among them.
struct QrInk {
    int rects = 0;
    float module_px = 0;
};

QrInk qr_ink() {
    QrInk ink;
    const ImDrawData* data = ImGui::GetDrawData();
    float smallest = 1e9f;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        for (int v = 0; v + 3 < list->VtxBuffer.Size; ++v) {
            const ImDrawVert* q = &list->VtxBuffer[v];
            if (q[0].col != IM_COL32_BLACK || q[2].col != IM_COL32_BLACK) continue;
            // AddRectFilled without rounding: four corners, top-left first.
            ++ink.rects;
            smallest = std::min(smallest, q[2].pos.y - q[0].pos.y);
            v += 3;
        }
    }
    ink.module_px = ink.rects ? smallest : 0;
    return ink;
}

} // namespace

// [SECTION] Card grids and taps
TEST_CASE("card grids show exactly the cards that meet the viewport") {
    const CardGrid g = product_grid(2000);
    REQUIRE(g.columns >= 2);
    REQUIRE(g.content_height() > 100 * g.viewport.GetHeight());
    for (float offset : {0.0f, 1.0f, 150.0f, g.row_pitch() - 1, g.row_pitch(), 12345.6f, g.content_height() - g.viewport.GetHeight()}) {
        INFO("offset " << offset);
        const auto [first, last] = g.visible(offset);
        CHECK(last - first <= g.columns * (static_cast<int>(g.viewport.GetHeight() / g.row_pitch()) + 2));
        for (int i = std::max(0, first - 2 * g.columns); i < std::min(g.count, last + 2 * g.columns); ++i) {
            const ImRect r = g.rect(i, offset);
            const bool meets = r.Max.y > g.viewport.Min.y && r.Min.y < g.viewport.Max.y;
            CHECK(meets == (i >= first && i < last));
        }
    }
}

TEST_CASE("a tap on a county tile opens that county") {
    Kiosk k(synthetic_feed(40), Route{ScreenId::catalogue, {}});
    const Theme t = theme_at(1920, 1080);
    const CardGrid grid = county_tile_grid(t, ImVec2(0, t.px(kTopBar)), ImVec2(1920, 1080 - t.px(kTopBar)), 2);
    k.ui.tap(grid.rect(1, 0).GetCenter());
    CHECK(k.app.route() == Route{ScreenId::county, "small"});
    k.app.back();
    CHECK(k.app.route() == Route{ScreenId::catalogue, {}});
}

TEST_CASE("a tap on a product card opens that product") {
    Kiosk k(synthetic_feed(2000), Route{ScreenId::county, "big"});
    const CardGrid grid = product_grid(2000);
    k.ui.tap(grid.rect(6, 0).GetCenter());
    CHECK(k.app.route() == Route{ScreenId::product, "p6"});
    k.app.back();
    k.ui.idle(0.1);
    k.ui.tap(grid.rect(1, 0).GetCenter());
    CHECK(k.app.route() == Route{ScreenId::product, "p1"});
}

// [SECTION] Drags, flings and coasts
TEST_CASE("a 200 px drag on the product grid scrolls by 200 px and opens nothing") {
    Kiosk k(synthetic_feed(2000), Route{ScreenId::county, "big"});
    const CardGrid grid = product_grid(2000);
    k.ui.drag(grid.rect(0, 0).GetCenter(), ImVec2(0, -200), 12, true);
    k.ui.idle(0.5);
    CHECK(k.app.route() == Route{ScreenId::county, "big"});
    CHECK_FALSE(k.animating());

    // What is now under a point is the card 200 px further down the content.
    const ImRect second = grid.rect(1, 0);
    const ImVec2 point(second.GetCenter().x, second.Min.y + second.GetHeight() * 0.8f);
    const int expected = card_under(grid, point, 200);
    REQUIRE(expected >= 0);
    REQUIRE(expected != card_under(grid, point, 0));
    k.ui.tap(point);
    CHECK(k.app.route() == Route{ScreenId::product, "p" + std::to_string(expected)});
}

TEST_CASE("a fling on the product grid coasts after release and then stops") {
    Kiosk k(synthetic_feed(2000), Route{ScreenId::county, "big"});
    const CardGrid grid = product_grid(2000);
    k.ui.drag(grid.rect(grid.columns, 0).GetCenter(), ImVec2(0, -400), 8);
    FrameSummary before = last_frame();
    for (int i = 0; i < 15; ++i) {
        CHECK(k.animating());
        k.ui.idle(1.0 / 60);
        const FrameSummary now = last_frame();
        CHECK_FALSE(now == before);   // still moving
        before = now;
    }
    k.ui.idle(5);
    CHECK_FALSE(k.animating());
    const FrameSummary settled = last_frame();
    k.ui.idle(0.2);
    CHECK(last_frame() == settled);
    CHECK(k.app.route() == Route{ScreenId::county, "big"});
}

TEST_CASE("a tap during a coast stops it and opens nothing") {
    Kiosk k(synthetic_feed(2000), Route{ScreenId::county, "big"});
    const CardGrid grid = product_grid(2000);
    k.ui.drag(grid.rect(grid.columns, 0).GetCenter(), ImVec2(0, -400), 8);
    k.ui.idle(2.0 / 60);
    REQUIRE(k.animating());
    k.ui.tap(grid.rect(0, 0).GetCenter());
    CHECK(k.app.route() == Route{ScreenId::county, "big"});
    CHECK_FALSE(k.animating());
    const FrameSummary stopped = last_frame();
    k.ui.idle(0.5);
    CHECK(last_frame() == stopped);
}

// [SECTION] Only visible cards built; the product screen's QR; unknown ids
TEST_CASE("only the visible product cards are built however many the county has") {
    FrameSummary few, many, many_scrolled;
    {
        Kiosk k(synthetic_feed(40), Route{ScreenId::county, "big"});
        few = last_frame();
    }
    {
        Kiosk k(synthetic_feed(2000), Route{ScreenId::county, "big"});
        many = last_frame();
        const CardGrid grid = product_grid(2000);
        for (int i = 0; i < 6; ++i) k.ui.drag(grid.rect(grid.columns, 0).GetCenter(), ImVec2(0, -500), 6);
        k.ui.idle(0.05);
        REQUIRE(k.animating());   // mid-coast, far down the list
        many_scrolled = last_frame();
    }
    INFO("vertices: 40 products " << few.vertices << ", 2,000 " << many.vertices << ", 2,000 scrolled " << many_scrolled.vertices);
    CHECK(many.vertices < few.vertices + 300);   // only the count in the header differs
    CHECK(many_scrolled.vertices < few.vertices * 3 / 2);
}

TEST_CASE("the product screen shows a QR only for an orderable product that is not sold out") {
    auto feed = synthetic_feed(8);
    feed->products[0].sold_out = false;
    feed->products[1].sold_out = true;
    feed->products[2].order_url = "http://example.com/order/p2";   // https only
    feed->products[3].order_url.clear();
    feed->products[4].order_url = "https://shop@example.com/p4";
    feed->index();
    struct Case { int product; bool qr; };
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}, {1280, 800}}) {
        for (const Case c : {Case{0, true}, Case{1, false}, Case{2, false}, Case{3, false}, Case{4, false}}) {
            INFO(w << "x" << h << " product p" << c.product);
            Kiosk k(feed, Route{ScreenId::product, "p" + std::to_string(c.product)}, w, h);
            const QrInk ink = qr_ink();
            CHECK((ink.rects > 0) == c.qr);
            if (c.qr) CHECK(ink.module_px >= std::ceil(6.0f * std::min(w, h) / 1080.0f - 0.001f));
        }
    }
}

TEST_CASE("unknown counties and products say so instead of drawing nothing") {
    Kiosk k(synthetic_feed(3), Route{ScreenId::county, "atlantis"});
    CHECK(last_frame().vertices > 0);
    CHECK(qr_ink().rects == 0);
    k.app.go(Route{ScreenId::product, "nothing"});
    k.ui.idle(0.05);
    CHECK(qr_ink().rects == 0);
}

// [SECTION] Under Xvfb: every demo product's QR code
TEST_CASE("every demo product screenshot holds a QR of exactly its order link and sold-out ones none", "[xvfb]") {
    const auto demo = nlohmann::json::parse(*embedded_file("config/demo-feed.json"));
    const auto dir = temp_dir("catalogue-qr");
    struct Shot { std::string id, url; bool expect_qr; };
    std::vector<Shot> shots;
    for (const auto& product : demo.at("products")) {
        Shot shot{product.at("id"), product.value("order_url", std::string()), false};
        shot.expect_qr = !product.value("sold_out", false) && is_orderable_url(shot.url, false);
        REQUIRE(shot.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);   // safe in a shell line
        shots.push_back(shot);
    }
    // One X server for all the screenshots: starting Xvfb costs more than a kiosk run.
    const auto script = dir / "shots.sh";
    {
        std::ofstream out(script);
        for (std::size_t i = 0; i < shots.size(); ++i) {
            const auto png = dir / (shots[i].id + ".png");
            std::filesystem::remove(png);
            out << "'" << KIOSK_BINARY << "' --screen product:" << shots[i].id << " --lang " << (i % 2 ? "en" : "zh")
                << " --size 1280x800 --screenshot '" << png.string() << "' >'" << (dir / (shots[i].id + ".log")).string()
                << "' 2>&1\n";
        }
    }
    REQUIRE(std::system((std::string(kUnderXvfb) + " sh '" + script.string() + "'").c_str()) != -1);

    int with_qr = 0, without = 0;
    for (const Shot& shot : shots) {
        const auto png = dir / (shot.id + ".png");
        INFO(shot.id << ": " << read_text(dir / (shot.id + ".log")));
        REQUIRE(std::filesystem::exists(png));
        const std::string decoded = zbar_read(png);
        if (shot.expect_qr) {
            CHECK(decoded == shot.url);
            ++with_qr;
        } else {
            CHECK(decoded.empty());
            ++without;
        }
    }
    CHECK(with_qr >= 30);
    CHECK(without >= 1);   // the demo has sold-out products
}

// [SECTION] County pictures
TEST_CASE("a county picture with a registered texture is drawn cover-fitted in place of its placeholder") {
    auto feed = synthetic_feed(3);
    feed->counties[1].image = "https://img.example.com/small.jpg";
    feed->index();
    // The range of texture coordinates drawn with `id`; empty when it is not drawn.
    const auto uv_range = [](ImTextureID id) {
        ImRect uv(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
        const ImDrawData* data = ImGui::GetDrawData();
        for (int i = 0; i < data->CmdListsCount; ++i) {
            const ImDrawList* list = data->CmdLists[i];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.TextureId != id) continue;
                for (unsigned e = 0; e < cmd.ElemCount; ++e) uv.Add(list->VtxBuffer[list->IdxBuffer[cmd.IdxOffset + e] + cmd.VtxOffset].uv);
            }
        }
        return uv;
    };
    const auto texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(0x5150));
    Kiosk k(feed, Route{ScreenId::catalogue, {}});
    CHECK(uv_range(texture).Min.x > uv_range(texture).Max.x);   // no picture yet: the placeholder
    set_image_texture("https://img.example.com/small.jpg", texture, ImVec2(800, 200));
    k.ui.idle(0.05);
    const ImRect uv = uv_range(texture);
    // A 4:1 picture in a tile of about 16:9: the full height, the middle of the width.
    CHECK(uv.Min.y == Approx(0).margin(0.01));
    CHECK(uv.Max.y == Approx(1).margin(0.01));
    CHECK(uv.Min.x > 0.2f);
    CHECK(uv.Max.x < 0.8f);
    CHECK(uv.Min.x + uv.Max.x == Approx(1).margin(0.01));
    clear_image_textures();
    k.ui.idle(0.05);
    CHECK(uv_range(texture).Min.x > uv_range(texture).Max.x);
}
