// Measures 1 and 2: generated feeds are valid; parse + validate time per size.
#include "base/embedded.h"
#include "bench.h"
#include "feed/validator.h"
#include "feed_generator.h"

namespace kiosk::bench {

namespace {

// Times parse_feed over `runs`; false (and a failed row) when it finds an error.
bool time_parse(const std::string& label, const std::string& text, int runs, Table& table) {
    std::vector<double> ms;
    FeedParseResult result;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        result = parse_feed(text);
        ms.push_back(ms_since(start));
    }
    const std::size_t errors = result.count(Severity::error), warnings = result.count(Severity::warning);
    if (errors > 0 || !result.ok()) {
        const auto& first = result.problems.empty() ? std::string("no feed") : format_problem(label, result.problems[0]);
        table.fail("parse_feed, " + label, std::to_string(errors) + " errors, the first: " + first);
        return false;
    }
    table.add("parse_feed + validate, " + label + " (" + format_size(static_cast<double>(text.size())) + ")",
              format_stats(stats_of(ms), "ms") + " (min / median / max of " + std::to_string(runs) + "; 0 errors, " +
                  std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") + ")");
    return true;
}

} // namespace

void bench_generate_and_parse(const BenchOptions& options, Table& table) {
    time_parse("the demo feed", std::string(*embedded_file("config/demo-feed.json")), options.runs, table);
    for (int size : options.feed_sizes) {
        FeedGeneratorOptions g;
        g.products = size;
        const auto start = std::chrono::steady_clock::now();
        const std::string text = generate_feed(g);
        const double generate_ms = ms_since(start);
        if (time_parse(format_number(size, 0) + " products", text, options.runs, table))
            progress("generated " + format_number(size, 0) + " products in " + format_number(generate_ms, 0) + " ms");
    }
}

} // namespace kiosk::bench
