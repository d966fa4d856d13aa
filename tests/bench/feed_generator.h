// Synthetic feeds for benchmarks: Lüliang's 13 counties and districts, a full
// 5-day schedule, live stats, and any number of products with plausible
// Chinese and English names and descriptions built from word lists.
// Deterministic: the same options give the same bytes.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::bench {

struct FeedGeneratorOptions {
    int products = 40;           // spread round robin over the counties
    bool one_county = false;     // all `products` in 交城县 (one long grid); the other counties get 3 each
    std::uint32_t seed = 20200515;
};

// A feed document (format lvliang-kiosk-feed/1, pretty-printed like the demo)
// that parse_feed accepts with no errors; its one warning is that products
// have no image (as in the demo: images would be fetched from the network).
std::string generate_feed(const FeedGeneratorOptions& options);

// Products in the feed generate_feed makes: `products`, plus 3 per other county when one_county.
int generated_product_count(const FeedGeneratorOptions& options);

} // namespace kiosk::bench
