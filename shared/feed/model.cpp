#include "feed/model.h"

namespace kiosk {

const Session* Feed::session(std::string_view id) const { return session_index_.find(schedule, id); }
const County* Feed::county(std::string_view id) const { return county_index_.find(counties, id); }
const Product* Feed::product(std::string_view id) const { return product_index_.find(products, id); }

std::vector<const Product*> Feed::products_of(std::string_view county_id) const {
    std::vector<const Product*> out;
    for (const Product& p : products)
        if (p.county == county_id) out.push_back(&p);
    return out;
}

void Feed::index() {
    session_index_.build(schedule);
    county_index_.build(counties);
    product_index_.build(products);
}

} // namespace kiosk
