// The separate live-stats document, polled every 2 s: parse and validate, then
// the live screen's sums, shares and trend against the demo event.
#include "base/embedded.h"
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
    return 0;
}
