// Search: what is typed (keys, the --screen search:LETTERS route) and the names
// and search_terms a feed gives, both untrusted. The input up to its first
// newline is a query, the rest a name: the query against the demo feed's index,
// and the name (as a product, county, session, area and search term) indexed
// and searched.
#include "base/embedded.h"
#include "feed/validator.h"
#include "fuzz_require.h"
#include "search/search_index.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kiosk;

namespace {

bool ranked(const SearchResults& r) {
    for (const auto& hits : r.by_kind)
        for (std::size_t i = 1; i < hits.size(); ++i)
            if (hits[i - 1].rank < hits[i].rank) return false;
    return true;
}

bool ascii(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    fuzz::require(demo.ok(), "the demo feed is valid");
    static const SearchIndex demo_index(*demo.feed);

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view query = text.substr(0, newline);
    const std::string_view name = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);

    const SearchResults r = demo_index.find(query, 10);
    fuzz::require(r.query == normalize_query(query) && r.query.size() <= kMaxQueryLength, "the query is normalised");
    fuzz::require(r.query.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos,
                  "a normalised query holds only a-z and 0-9");
    fuzz::require(!r.query.empty() || r.empty(), "an empty query finds nothing");
    fuzz::require(ranked(r), "each kind is best first");
    for (const SearchHit& hit : r.of(SearchKind::product))
        fuzz::require(demo.feed->product(hit.id) != nullptr, "a product found is in the feed");

    Feed feed;
    Product p;
    p.id = "p";
    p.name = {std::string(name), std::string(name)};
    p.search_terms = {std::string(query), std::string(name)};
    feed.products.push_back(p);
    County c;
    c.id = "c";
    c.name = {std::string(name), {}};
    feed.counties.push_back(c);
    Area a;
    a.id = "a";
    a.name = {{}, std::string(name)};
    feed.venue.areas.push_back(a);
    const SearchIndex index(feed);
    const SearchResults own = index.find(name);
    fuzz::require(ranked(own), "each kind is best first");
    if (ascii(name) && !own.query.empty())
        fuzz::require(own.of(SearchKind::product).size() == 1, "an English name typed finds its item");
    index.find(query);
    return 0;
}
