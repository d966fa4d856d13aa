// Internal to the feed validator: a product's order links (order_url and
// order_links). Errors: a bad URL (by check_url), two links for one platform.
// Warnings: a host of no known platform (many at once make one line), a host
// of another platform than the one given, order_url not among order_links,
// and a product whose links are all http (the kiosk shows https only).
#pragma once

#include "feed/problems.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

// Links on hosts of no known platform, collected over all products and reported together.
struct OrderLinkNotes {
    static constexpr std::size_t kListed = 5;
    std::vector<std::pair<std::string, std::string>> unknown_hosts;   // pointer, host

    void report(ProblemSink& sink) const;
};

// The order links of one product at `pointer` ("/products/3").
void check_order_links(const nlohmann::json& product, const std::string& pointer, OrderLinkNotes& notes,
                       ProblemSink& sink);

} // namespace kiosk
