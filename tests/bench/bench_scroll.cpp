// Measure 3: UI build time per frame (update → NewFrame → draw → Render,
// headless) while dragging and flinging a county's product grid, and on the
// untouched home and live screens.
#include "base/embedded.h"
#include "bench.h"
#include "bench_ui.h"
#include "feed/validator.h"
#include "feed_generator.h"


namespace kiosk::bench {

namespace {

constexpr const char* kPinnedNow = "2020-05-17T15:00:00+08:00";   // a live sale is running in both feeds

std::shared_ptr<const Feed> parsed(const std::string& text) { return parse_feed(text).feed; }

AppOptions options_on(Route start) {
    AppOptions options;
    options.pinned_now = parse_iso8601(kPinnedNow)->unix_seconds;
    options.start = std::move(start);
    return options;
}

std::string frames_stats(const std::vector<double>& ms) {
    return format_stats(stats_of(ms), "ms") + " (min / median / max of " + std::to_string(ms.size()) + " frames)";
}

// The finger drags the grid up 600 px and back down, 10 px a frame, then stops before lifting.
std::vector<double> continuous_drag(BenchUi& ui) {
    std::vector<double> ms;
    const float x = 960, bottom = 900, top = 300;
    ui.frame(ImVec2(x, bottom), false);
    for (float y = bottom; y >= top; y -= 10) ms.push_back(ui.frame(ImVec2(x, y), true).total);
    for (float y = top; y <= bottom; y += 10) ms.push_back(ui.frame(ImVec2(x, y), true).total);
    for (int i = 0; i < 10; ++i) ui.frame(ImVec2(x, bottom), true);
    ui.frame(ImVec2(x, bottom), false);
    return ms;
}

// Three flings of 500 px in 6 frames, each left to coast for 1.5 s.
std::vector<double> flings(BenchUi& ui) {
    std::vector<double> ms;
    const float x = 960;
    for (int fling = 0; fling < 3; ++fling) {
        ui.frame(ImVec2(x, 900), false);
        for (int i = 0; i <= 6; ++i) ms.push_back(ui.frame(ImVec2(x, 900 - 500.0f * i / 6), true).total);
        for (int i = 0; i < 90; ++i) ms.push_back(ui.frame(ImVec2(x, 400), false).total);
    }
    return ms;
}

std::vector<double> idle_frames(BenchUi& ui, int count) {
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) ms.push_back(ui.idle().total);
    return ms;
}

void grid(const std::string& label, std::shared_ptr<const Feed> feed, const std::string& county, Table& table) {
    KioskApp app(std::move(feed), options_on(Route{ScreenId::county, county}));
    BenchUi ui(app);
    const double first = ui.idle().total;
    for (int i = 0; i < 10; ++i) ui.idle();
    table.add("UI frame, county grid of " + label + ", first frame", format_number(first, 2) + " ms");
    table.add("UI frame, county grid of " + label + ", continuous drag", frames_stats(continuous_drag(ui)));
    table.add("UI frame, county grid of " + label + ", fling and coast", frames_stats(flings(ui)));
}

void untouched(const std::string& label, std::shared_ptr<const Feed> feed, Route route, Table& table) {
    KioskApp app(std::move(feed), options_on(route));
    BenchUi ui(app);
    for (int i = 0; i < 30; ++i) ui.idle();   // count-up animations settle
    table.add("UI frame, " + route_name(route) + " screen, " + label, frames_stats(idle_frames(ui, 120)));
}

} // namespace

void bench_ui_frames(const BenchOptions& options, Table& table) {
    const auto demo = parsed(std::string(*embedded_file("config/demo-feed.json")));
    grid("交城县 in the demo feed (" + std::to_string(demo->products_of("jiaocheng").size()) + " products)", demo,
         "jiaocheng", table);
    for (int size : options.grid_sizes) {
        FeedGeneratorOptions g;
        g.products = size;
        g.one_county = true;
        auto feed = parsed(generate_feed(g));
        if (!feed) {
            table.fail("UI frame, county grid of " + format_number(size, 0) + " products", "the generated feed is invalid");
            continue;
        }
        grid(format_number(size, 0) + " products", std::move(feed), "jiaocheng", table);
    }
    FeedGeneratorOptions big;
    big.products = options.feed_sizes.back();
    const auto generated = parsed(generate_feed(big));
    const std::string big_label = format_number(big.products, 0) + "-product feed";
    for (const Route& route : {Route{ScreenId::home, ""}, Route{ScreenId::live, ""}}) {
        untouched("demo feed", demo, route, table);
        if (generated) untouched(big_label, generated, route, table);
    }
}

} // namespace kiosk::bench
