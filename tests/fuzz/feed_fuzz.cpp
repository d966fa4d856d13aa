// The organisers' feed as the pipeline takes it from a file or a URL: parse and
// validate, then what the screens compute from an accepted feed, and routes on its venue.
#include "feed/live_summary.h"
#include "feed/number_format.h"
#include "feed/venue_route.h"
#include "fuzz_require.h"
#include "sources/document_parsers.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

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

    // The venue: each area can be walked to from an entrance (the validator promises it), and routes end.
    const Venue& venue = feed.venue;
    std::vector<const Area*> entrances;
    for (const Area& a : venue.areas)
        if (a.kind == AreaKind::entrance && entrances.size() < 8) entrances.push_back(&a);
    fuzz::require(venue.empty() || !entrances.empty(), "an accepted venue has an entrance");
    for (std::size_t i = 0; !entrances.empty() && i < venue.areas.size() && i < 64; ++i) {
        bool reached = false;
        for (const Area* entrance : entrances) {
            const WalkRoute route = route_to_area(venue, entrance->door, venue.areas[i].id);
            fuzz::require(!route.found || (!route.legs.empty() && route.legs.back().last + 1 == route.nodes.size()),
                          "a route's legs cover it");
            reached |= route.found;
            route_to_area(venue, entrance->door, venue.areas[i].id, {true});
        }
        fuzz::require(reached, "an accepted venue's every area is reachable from an entrance");
    }
    return 0;
}
