// Search without a keyboard: what a visitor types on the kiosk's letter keys
// (pinyin initials "jcjz", pinyin syllables "jiaoc", English words "jujube",
// or a feed's search_terms) against the names of every product, county,
// session and venue area. Built once per feed on the worker that parsed it
// (search/indexed_feed.h) and shared read-only; find() is what a keystroke
// costs the UI thread.
#pragma once

#include "feed/model.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class PinyinReader;

enum class SearchKind : std::uint8_t { product, county, session, area };
inline constexpr std::size_t kSearchKinds = 4;

// What a query may hold: lowercase ASCII letters and digits, at most this many.
inline constexpr std::size_t kMaxQueryLength = 32;

// The query as find() reads it: ASCII letters lowercased, digits kept, anything
// else (spaces, punctuation, Chinese, malformed bytes) dropped; cut at kMaxQueryLength.
std::string normalize_query(std::string_view typed);

struct SearchHit {
    SearchKind kind = SearchKind::product;
    std::string_view id;      // the item's id; valid while its index lives
    std::uint64_t rank = 0;   // higher first; compare only within one find()
};

struct SearchResults {
    std::string query;   // normalised
    std::array<std::vector<SearchHit>, kSearchKinds> by_kind;   // products, counties, sessions, areas; best first
    std::array<std::size_t, kSearchKinds> total{};              // matches of each kind before the limit

    const std::vector<SearchHit>& of(SearchKind kind) const { return by_kind[static_cast<std::size_t>(kind)]; }
    bool empty() const;
};

class SearchIndex {
public:
    // Reads every name and search term of `feed` (ICU, ~1 µs a name once warm):
    // call it on a worker, never on the UI thread.
    explicit SearchIndex(const Feed& feed);

    // Ranking, best first within each kind: the whole name typed (jcjz or
    // jiaochengjunzao → 交城骏枣) above the start of a name (jiaoc → 交城…) above
    // words inside it (zao → 红枣); a name above a search term of the same
    // standing; then fewer words used, an earlier word, a shorter name, feed
    // order. An empty query finds nothing.
    SearchResults find(std::string_view typed, std::size_t limit_per_kind = 50) const;

    std::size_t items() const { return items_.size(); }
    std::size_t keys() const { return keys_.size(); }
    // Why Chinese names are not searchable by pinyin, when ICU failed; empty when fine.
    const std::string& error() const { return error_; }

private:
    struct Item {
        SearchKind kind;
        std::string id;
    };
    struct Key {                  // one way of writing an item's name: the words of zh, en, a term
        std::uint32_t item;
        std::uint32_t first_word; // into word_ends_
        std::uint16_t words;
        bool is_name;             // a name, not a search term
        std::uint64_t letters;    // which of a–z, 0–9 occur: a query with others cannot match
    };

    void add_item(SearchKind kind, const std::string& id, const LocalizedText& name,
                  const std::vector<std::string>& terms, PinyinReader& reader);
    void add_key(std::uint32_t item, const std::vector<std::string>& words, bool is_name);
    std::string_view word(std::uint32_t index) const;
    std::uint64_t rank_key(const Key& key, std::string_view query) const;

    std::vector<Item> items_;
    std::vector<Key> keys_;
    std::string chars_;                     // every word, back to back
    std::vector<std::uint32_t> word_ends_;  // word i is chars_[word_ends_[i-1], word_ends_[i])
    std::string error_;
};

} // namespace kiosk
