#include "feed/model.h"

namespace kiosk {

namespace {

template <typename T>
const T* find_in(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                 std::string_view id) {
    const auto it = index.find(std::string(id));
    return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
void build_index(std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items) {
    index.clear();
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);  // first id wins
}

} // namespace

const Session* Feed::session(std::string_view id) const { return find_in(session_index_, schedule, id); }
const County* Feed::county(std::string_view id) const { return find_in(county_index_, counties, id); }
const Product* Feed::product(std::string_view id) const { return find_in(product_index_, products, id); }

std::vector<const Product*> Feed::products_of(std::string_view county_id) const {
    std::vector<const Product*> out;
    for (const Product& p : products)
        if (p.county == county_id) out.push_back(&p);
    return out;
}

void Feed::index() {
    build_index(session_index_, schedule);
    build_index(county_index_, counties);
    build_index(product_index_, products);
}

} // namespace kiosk
