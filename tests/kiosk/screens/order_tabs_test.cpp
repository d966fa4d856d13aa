// [order links] The product page's platform tabs: headless, a tap on a tab
// changes the code and its caption and a drag across the tabs changes nothing;
// under Xvfb, zbarimg reads every tab's code of every demo product from screenshots.
#include "base/embedded.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "images/qr_code.h"
#include "run_kiosk.h"
#include "screens/order_tabs.h"
#include "service/usage_stats.h"
#include "test_feeds.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr float kTopBar = 96;   // the top bar's height at 1080p (app.cpp)

const char* const kTaobao = "https://item.taobao.com/item.htm?id=600000001";
const char* const kJd = "https://item.jd.com/100000002.html";
const char* const kWechat = "https://wxaurl.cn/sample03";

std::shared_ptr<Feed> tabs_feed() {
    auto feed = test_event_feed();
    feed->counties.push_back({"jiaocheng", {"交城县", "Jiaocheng"}, {}, "", "", {}});
    Product p;
    p.id = "jujube";
    p.county = "jiaocheng";
    p.name = {"交城骏枣", "Jiaocheng jujubes"};
    p.price_fen = 3990;
    p.unit = {"1000克", "1 kg"};
    p.order_url = kTaobao;
    p.order_links = {{"taobao", kTaobao}, {"jd", kJd}, {"wechat", kWechat}};
    feed->products.push_back(p);
    Product single = p;
    single.id = "single";
    single.order_links = {{"web", "https://shop.lvliang-farm.cn/jujube"}};
    feed->products.push_back(single);
    feed->index();
    return feed;
}

struct Kiosk {
    KioskApp app;
    HeadlessUi ui;
    Kiosk(std::shared_ptr<const Feed> feed, Route start, Lang lang, int width, int height, UsageCounter* usage = nullptr)
        : app(std::move(feed), options(std::move(start), lang, usage)), ui(app, width, height) {
        ui.idle(0.1);
    }
    static AppOptions options(Route start, Lang lang, UsageCounter* usage) {
        AppOptions o;
        o.start = std::move(start);
        o.lang = lang;
        o.usage = usage;
        return o;
    }
};

Theme theme_at(float width, float height) {
    Theme t;
    t.scale = std::min(width, height) / 1080.0f;
    return t;
}

std::vector<ImRect> tabs_at(int width, int height, std::size_t links) {
    const Theme t = theme_at(float(width), float(height));
    const float bar = t.px(kTopBar);
    // Above the 无障碍 / Accessible button's strip (widgets/accessible_button.h).
    return order_tab_rects(t, ImVec2(0, bar), ImVec2(float(width), float(height) - bar - t.px(kAccessibleStripHeight)), links);
}

// The dark modules of the QR code the last frame drew (its only pure black), as
// (column, row) from the top-left dark module: what a scanner would read.
std::set<std::pair<int, int>> drawn_modules() {
    struct Run { ImVec2 min, max; };
    std::vector<Run> runs;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        for (int v = 0; v + 3 < list->VtxBuffer.Size; ++v) {
            const ImDrawVert* q = &list->VtxBuffer[v];
            if (q[0].col != IM_COL32_BLACK || q[2].col != IM_COL32_BLACK) continue;
            runs.push_back({q[0].pos, q[2].pos});
            v += 3;
        }
    }
    std::set<std::pair<int, int>> modules;
    if (runs.empty()) return modules;
    float x0 = 1e9f, y0 = 1e9f, module = 1e9f;
    for (const Run& r : runs) {
        x0 = std::min(x0, r.min.x);
        y0 = std::min(y0, r.min.y);
        module = std::min(module, r.max.y - r.min.y);
    }
    for (const Run& r : runs) {
        const int row = int(std::lround((r.min.y - y0) / module));
        for (int c = int(std::lround((r.min.x - x0) / module)); c < int(std::lround((r.max.x - x0) / module)); ++c)
            modules.insert({c, row});
    }
    return modules;
}

// The dark modules of `url`'s code, counted the same way.
std::set<std::pair<int, int>> expected_modules(const std::string& url) {
    const auto qr = encode_qr(url);
    REQUIRE(qr);
    std::set<std::pair<int, int>> modules;
    for (int y = 0; y < qr->size; ++y)
        for (int x = 0; x < qr->size; ++x)
            if (qr->dark[std::size_t(y) * qr->size + x]) modules.insert({x, y});
    std::set<std::pair<int, int>> shifted;
    const int x0 = std::min_element(modules.begin(), modules.end())->first;
    int y0 = 1 << 20;
    for (const auto& m : modules) y0 = std::min(y0, m.second);
    for (const auto& [x, y] : modules) shifted.insert({x - x0, y - y0});
    return shifted;
}

} // namespace

TEST_CASE("order tabs: a tap on a tab changes the code and its caption and a drag across the tabs does not") {
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}, {1280, 800}}) {
        INFO(w << "x" << h);
        Kiosk k(tabs_feed(), Route{ScreenId::product, "jujube"}, Lang::zh, w, h);
        const auto tabs = tabs_at(w, h, 3);
        REQUIRE(tabs.size() == 3);
        for (const ImRect& tab : tabs) CHECK(tab.GetHeight() >= theme_at(float(w), float(h)).touch_min());
        CHECK(drawn_modules() == expected_modules(kTaobao));   // the first link first
        CHECK(drew_text("请用淘宝 App 扫码"));
        CHECK(drew_text("京东"));   // the tabs
        CHECK(drew_text("微信小程序"));

        k.ui.tap(tabs[1].GetCenter());
        CHECK(drawn_modules() == expected_modules(kJd));
        CHECK(drew_text("请用京东 App 扫码"));
        CHECK_FALSE(drew_text("请用淘宝 App 扫码"));

        // Drags that start on a tab other than the chosen one, across the tabs or down the page, choose nothing.
        const auto between = [&](int from, int to) {
            return ImVec2(tabs[to].GetCenter().x - tabs[from].GetCenter().x, tabs[to].GetCenter().y - tabs[from].GetCenter().y);
        };
        k.ui.drag(tabs[0].GetCenter(), between(0, 2), 12, true);   // held still on the last tab before lifting
        k.ui.drag(tabs[2].GetCenter(), between(2, 0));
        k.ui.drag(tabs[2].GetCenter(), ImVec2(tabs[2].GetWidth() * 0.3f, 0), 12, true);   // within the tab, beyond the slop
        k.ui.drag(tabs[0].GetCenter(), ImVec2(0, -200));
        k.ui.idle(0.2);
        CHECK(drawn_modules() == expected_modules(kJd));
        CHECK(drew_text("请用京东 App 扫码"));

        k.ui.tap(tabs[2].GetCenter());
        CHECK(drawn_modules() == expected_modules(kWechat));
        CHECK(drew_text("请用微信 App 扫码"));
    }
}

TEST_CASE("order tabs: each platform's code counts once per visit in the usage statistics") {
    UsageCounter usage;
    Kiosk k(tabs_feed(), Route{ScreenId::product, "jujube"}, Lang::zh, 1920, 1080, &usage);
    const auto tabs = tabs_at(1920, 1080, 3);
    REQUIRE(tabs.size() == 3);
    k.ui.tap(tabs[1].GetCenter());
    k.ui.tap(tabs[0].GetCenter());   // back to Taobao: already counted this visit
    k.ui.tap(tabs[1].GetCenter());
    k.ui.idle(0.3);
    UsageBatch batch = usage.take(std::chrono::system_clock::now());
    CHECK(batch.qr_shows.at("jujube") == 2);
    CHECK(batch.qr_platforms.at("jujube").at("taobao") == 1);
    CHECK(batch.qr_platforms.at("jujube").at("jd") == 1);
    CHECK(batch.qr_platforms.at("jujube").count("wechat") == 0);

    k.app.go(Route{ScreenId::home, {}});   // a new visit counts again
    k.ui.idle(0.1);
    k.app.go(Route{ScreenId::product, "jujube", "wechat"});
    k.ui.idle(0.2);
    batch = usage.take(std::chrono::system_clock::now());
    CHECK(batch.qr_shows.at("jujube") == 1);
    CHECK(batch.qr_platforms.at("jujube").at("wechat") == 1);
}

TEST_CASE("order tabs: product:ID@platform opens on that tab in English and one link has no tabs") {
    {   // One headless UI at a time: each has its own ImGui context.
        Kiosk k(tabs_feed(), Route{ScreenId::product, "jujube", "jd"}, Lang::en, 1920, 1080);
        CHECK(drawn_modules() == expected_modules(kJd));
        CHECK(drew_text("Scan with the JD app"));
        CHECK(drew_text("Taobao"));
        CHECK(drew_text("WeChat"));
    }
    {
        Kiosk single(tabs_feed(), Route{ScreenId::product, "single"}, Lang::en, 1920, 1080);
        CHECK(drawn_modules() == expected_modules("https://shop.lvliang-farm.cn/jujube"));
        CHECK(drew_text("Scan with your phone's browser"));
        CHECK_FALSE(drew_text("Taobao"));   // no tabs for one link
    }
    {
        Kiosk single_zh(tabs_feed(), Route{ScreenId::product, "single"}, Lang::zh, 1080, 1920);
        CHECK(drew_text("用手机浏览器扫码"));
    }
}

TEST_CASE("order tabs: --screen product:ID@platform parses and names itself and refuses unknown platforms") {
    Route r;
    REQUIRE(parse_route("product:jc-junzao@jd", r));
    CHECK(r == Route{ScreenId::product, "jc-junzao", "jd"});
    CHECK(route_name(r) == "product:jc-junzao@jd");
    CHECK(route_name(Route{ScreenId::product, "jc-junzao"}) == "product:jc-junzao");
    CHECK_FALSE(parse_route("product:jc-junzao@amazon", r));
    CHECK_FALSE(parse_route("product:@jd", r));
    CHECK_FALSE(parse_route("product:jc-junzao@", r));
}

TEST_CASE("order tabs: zbarimg reads every tab's code of every demo product from screenshots", "[xvfb]") {
    const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(demo.ok());
    const auto dir = temp_dir("order-tabs-qr");
    struct Shot { std::string name, route, url; };
    std::vector<Shot> shots;
    for (const Product& p : demo.feed->products) {
        if (p.order_links.size() < 2) continue;
        for (const OrderLink& link : p.order_links)
            shots.push_back({p.id + "@" + link.platform, "product:" + p.id + "@" + link.platform, link.url});
    }
    REQUIRE(shots.size() >= 20);
    const auto script = dir / "shots.sh";
    {
        std::ofstream out(script);
        for (std::size_t i = 0; i < shots.size(); ++i) {
            const auto png = dir / (shots[i].name + ".png");
            std::filesystem::remove(png);
            // Every size in turn, both languages.
            static const char* kSizes[] = {"1920x1080", "1080x1920", "1280x800"};
            out << "'" << KIOSK_BINARY << "' --screen " << shots[i].route << " --lang " << (i % 2 ? "en" : "zh")
                << " --size " << kSizes[i % 3] << " --screenshot '" << png.string() << "' >'"
                << (dir / (shots[i].name + ".log")).string() << "' 2>&1\n";
        }
    }
    REQUIRE(std::system((std::string(kUnderXvfb) + " sh '" + script.string() + "'").c_str()) != -1);
    for (const Shot& shot : shots) {
        const auto png = dir / (shot.name + ".png");
        INFO(shot.name << ": " << read_text(dir / (shot.name + ".log")));
        REQUIRE(std::filesystem::exists(png));
        std::string decoded;
        FILE* pipe = popen(("zbarimg --nodbus -q --raw '" + png.string() + "' 2>/dev/null").c_str(), "r");
        REQUIRE(pipe);
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) decoded.append(buffer, n);
        pclose(pipe);
        if (!decoded.empty() && decoded.back() == '\n') decoded.pop_back();   // --raw ends each symbol with one
        CHECK(decoded == shot.url);   // exactly one code, the tab's
    }
}
