// Lookups by id over a vector of items that each have an `id` (sessions,
// counties, products, floors, areas, walkway nodes): the Feed's and the
// Venue's, one way. Built once the vector is filled; the first of equal ids wins
// (the validator reports duplicates).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

class IdIndex {
public:
    // Forgets what it held and indexes `items` by their `id`.
    template <typename T>
    void build(const std::vector<T>& items) {
        positions_.clear();
        positions_.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) positions_.emplace(items[i].id, i);   // first id wins
    }

    // The position in the indexed vector of `id`; nullopt when unknown.
    std::optional<std::size_t> position(std::string_view id) const {
        const auto it = positions_.find(std::string(id));
        if (it == positions_.end()) return std::nullopt;
        return it->second;
    }

    // The item of `id` in `items`, the vector build() was given; nullptr when unknown.
    template <typename T>
    const T* find(const std::vector<T>& items, std::string_view id) const {
        const auto at = position(id);
        return at ? &items[*at] : nullptr;
    }

private:
    std::unordered_map<std::string, std::size_t> positions_;
};

} // namespace kiosk
