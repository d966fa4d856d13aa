// The separate live-stats document, polled every 2 s: parse and validate, then
// the live screen's sums, shares and trend against the demo event.
#include "base/embedded.h"
#include "feed/live_guard.h"
#include "feed/live_summary.h"
#include "feed/number_format.h"
#include "fuzz_require.h"
#include "sources/document_parsers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Parsed<Feed> demo = parse_feed_document(*embedded_file("config/demo-feed.json"), "demo-feed.json");
    fuzz::require(demo.doc != nullptr, "the demo feed is valid");

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Parsed<LiveStats> parsed = parse_live_document(text, "live.json");
    fuzz::require(parsed.doc ? parsed.errors.empty() : !parsed.errors.empty(),
                  "live stats are accepted exactly when there are no errors");
    if (!parsed.doc) return 0;

    const LiveStats& live = *parsed.doc;
    const LiveTotals totals = live_totals(live);
    fuzz::require(totals.viewers >= 0 && totals.orders >= 0 && totals.revenue_fen >= 0, "totals are not negative");
    for (Lang lang : {Lang::zh, Lang::en}) {
        format_big(totals.viewers, lang);
        format_count(totals.orders, lang);
    }
    format_money_fen(totals.revenue_fen);
    live_by_platform(live);
    live_by_county(live, *demo.doc);
    live_top_products(live);
    LiveTrend trend(8);
    trend.record(live.updated_at.unix_seconds, totals);
    trend.record(live.updated_at.unix_seconds, totals);

    // [Issue 16] The live guard as the worker runs it: this document twice, once corrected, after the demo's
    // own figures; what it shows never below what it showed, its saved state read back.
    LiveGuard guard(LiveGuardOptions{10, 60, 16});
    guard.apply(demo.doc->live);
    const LiveStats first = guard.apply(live);
    const LiveStats again = guard.apply(live);
    fuzz::require(live_totals(again).viewers >= live_totals(first).viewers, "a document twice never lowers viewers");
    fuzz::require(again.trend.size() <= 16, "the trend stays within its capacity");
    for (std::size_t i = 1; i < again.trend.size(); ++i)
        fuzz::require(again.trend[i].unix_seconds > again.trend[i - 1].unix_seconds &&
                          again.trend[i].revenue_fen >= again.trend[i - 1].revenue_fen,
                      "the trend's times grow and its revenue never falls");
    LiveStats corrected = live;
    corrected.corrected = true;
    guard.apply(corrected);
    LiveGuard restarted;
    fuzz::require(restarted.load(guard.save()), "a saved live state loads");
    for (const SessionLive& s : again.sessions)
        for (const PlatformLive& p : s.platforms) live_platform_stale(p, live.updated_at.unix_seconds);
    return 0;
}
