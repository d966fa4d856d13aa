// Search: the index built on the feed's worker, and what each key costs the UI
// thread over a generated feed (10,000 products): SearchIndex::find() alone, and
// the whole frame that takes the key's tap (find, then the results drawn).
#include "bench.h"
#include "bench_ui.h"
#include "feed/validator.h"
#include "feed_generator.h"
#include "screens/search_layout.h"
#include "search/search_index.h"
#include "widgets/accessible_button.h"
#include "widgets/letter_keyboard.h"

#include <ctime>
#include <memory>
#include <string>

namespace kiosk::bench {

namespace {

constexpr std::string_view kTyped = "jiaochengjunzao";   // 交城骏枣, as a visitor spells it out key by key

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::string typed_label(std::size_t products) {
    return "typing \"" + std::string(kTyped) + "\" over " + format_number(static_cast<double>(products), 0) + " products";
}

void time_build(const Feed& feed, int runs, Table& table) {
    std::vector<double> wall, cpu;
    std::size_t keys = 0;
    for (int i = 0; i < runs; ++i) {
        const double cpu_start = thread_cpu_ms();
        const auto start = std::chrono::steady_clock::now();
        const SearchIndex index(feed);
        wall.push_back(ms_since(start));
        cpu.push_back(thread_cpu_ms() - cpu_start);
        keys = index.keys();
    }
    table.add("search index build on the feed's worker, " + format_number(static_cast<double>(feed.products.size()), 0) +
                  " products (" + format_number(static_cast<double>(keys), 0) + " names and terms)",
              format_stats(stats_of(wall), "ms") + " wall, " + format_stats(stats_of(cpu), "ms") + " CPU (ICU warm; its "
              "Han-Latin rules compile once a process, ~0.1 s, on the first build)");
}

void time_find(const SearchIndex& index, std::size_t products, int runs, Table& table) {
    std::vector<double> cpu;
    std::size_t found_last = 0;
    for (int r = 0; r < runs; ++r)
        for (std::size_t n = 1; n <= kTyped.size(); ++n) {
            const double start = thread_cpu_ms();
            const SearchResults results = index.find(kTyped.substr(0, n), 30);
            cpu.push_back(thread_cpu_ms() - start);
            found_last = results.total[0];
        }
    const Stats s = stats_of(cpu);
    table.add("SearchIndex::find per key, " + typed_label(products),
              "median " + format_number(s.median, 3) + " ms, worst " + format_number(s.max, 3) + " ms UI-thread CPU (" +
                  std::to_string(cpu.size()) + " keys; " + std::to_string(found_last) + " products match all 15 letters)");
}

// The frames that take each key's tap on the search screen: find, then the results drawn.
void time_key_frames(const IndexedFeed& feed, int runs, Table& table) {
    AppOptions options;
    options.start = Route{ScreenId::search, {}};
    KioskApp app(feed, options);
    BenchUi ui(app);
    Theme theme;   // 1920×1080: scale 1
    const SearchLayout layout = search_layout(theme, ImVec2(0, theme.px(96)), ImVec2(1920, 1080 - theme.px(96) - theme.px(kAccessibleStripHeight)));   // the 无障碍 strip under the screen
    const std::vector<LetterKey> keys = letter_keyboard_layout(theme, layout.keyboard);
    auto tap = [&](KeyAction action, char letter) {
        ImVec2 at;
        for (const LetterKey& k : keys)
            if (k.action == action && k.letter == letter) at = k.rect.GetCenter();
        ui.frame(at, false);
        ui.frame(at, true);
        ui.frame(at, true);
        return ui.frame(at, false);   // the release: the key fires
    };
    for (int i = 0; i < 5; ++i) ui.idle();
    std::vector<double> cpu;
    for (int r = 0; r < runs; ++r) {
        for (const char c : kTyped) cpu.push_back(tap(KeyAction::letter, c).cpu);
        if (app.route().id != kTyped) {
            table.fail("search: the frame taking a key", "the taps typed \"" + app.route().id + "\"");
            return;
        }
        tap(KeyAction::clear, 0);
    }
    const Stats s = stats_of(cpu);
    table.add("the frame taking a key's tap on the search screen (find + results drawn), " +
                  typed_label(feed.feed->products.size()),
              "median " + format_number(s.median, 3) + " ms, worst " + format_number(s.max, 3) + " ms UI-thread CPU (" +
                  std::to_string(cpu.size()) + " keys; target under 5 ms)");
}

} // namespace

void bench_search(const BenchOptions& options, Table& table) {
    FeedGeneratorOptions g;
    g.products = options.search_size;
    FeedParseResult parsed = parse_feed(generate_feed(g));
    if (!parsed.ok()) {
        table.fail("search", "the generated feed has errors");
        return;
    }
    progress("search over " + format_number(g.products, 0) + " products");
    const IndexedFeed feed = index_feed(parsed.feed);   // the first build here warms ICU up
    time_build(*parsed.feed, options.runs, table);
    time_find(*feed.search, parsed.feed->products.size(), options.runs, table);
    time_key_frames(feed, options.runs, table);
}

} // namespace kiosk::bench
