// The organisers' feed as the pipeline takes it from a file or a URL: parse and
// validate, then what the screens compute from an accepted feed.
#include "sources/document_parsers.h"
#include "fuzz_require.h"
#include "feed/live_summary.h"
#include "feed/number_format.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Parsed<Feed> parsed = parse_feed_document(text, "feed.json");
    fuzz::require(parsed.doc ? parsed.errors.empty() : !parsed.errors.empty(),
                  "a feed is accepted exactly when there are no errors");
    if (!parsed.doc) return 0;

    const Feed& feed = *parsed.doc;
    for (const Product& p : feed.products) {
        format_money_fen(p.price_fen);
        fuzz::require(feed.product(p.id) != nullptr, "every product is found by its id");
    }
    for (const Session& s : feed.schedule) {
        running_live_session(feed, s.start.unix_seconds);
        next_live_boundary(feed, s.end.unix_seconds);
    }
    const LiveTotals totals = live_totals(feed.live);
    format_big(totals.revenue_fen / 100, Lang::zh);
    format_big(totals.viewers, Lang::en);
    live_by_platform(feed.live);
    live_by_county(feed.live, feed);
    live_top_products(feed.live);
    return 0;
}
