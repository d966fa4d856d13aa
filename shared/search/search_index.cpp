#include "search/search_index.h"

#include "search/pinyin.h"

#include <algorithm>
#include <utility>

namespace kiosk {

namespace {

constexpr std::size_t kMaxWordsPerKey = 64;   // a name longer than this is searched by its first 64 words

int letter_bit(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '0' && c <= '9') return 26 + (c - '0');
    return -1;
}

std::uint64_t letters_of(std::string_view text) {
    std::uint64_t mask = 0;
    for (const char c : text)
        if (const int bit = letter_bit(c); bit >= 0) mask |= std::uint64_t{1} << bit;
    return mask;
}

// tier: 3 the whole name, 2 its start, 1 words inside it. Packed so that a larger number ranks higher.
std::uint64_t pack_rank(unsigned tier, bool is_name, std::size_t used, std::size_t start, std::size_t words) {
    return (std::uint64_t{tier} << 40) | (std::uint64_t{is_name} << 39) |
           (std::uint64_t{255 - std::min<std::size_t>(used, 255)} << 24) |
           (std::uint64_t{255 - std::min<std::size_t>(start, 255)} << 16) |
           std::uint64_t{65535 - std::min<std::size_t>(words, 65535)};
}

} // namespace

std::string normalize_query(std::string_view typed) {
    std::string out;
    for (const char ch : typed) {
        if (out.size() == kMaxQueryLength) break;
        const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        if (letter_bit(c) >= 0) out += c;
    }
    return out;
}

bool SearchResults::empty() const {
    return std::all_of(by_kind.begin(), by_kind.end(), [](const auto& hits) { return hits.empty(); });
}

SearchIndex::SearchIndex(const Feed& feed) {
    PinyinReader reader;
    error_ = reader.error();
    for (const Product& p : feed.products) add_item(SearchKind::product, p.id, p.name, p.search_terms, reader);
    for (const County& c : feed.counties) add_item(SearchKind::county, c.id, c.name, c.search_terms, reader);
    for (const Session& s : feed.schedule) add_item(SearchKind::session, s.id, s.title, s.search_terms, reader);
    for (const Area& a : feed.venue.areas) add_item(SearchKind::area, a.id, a.name, a.search_terms, reader);
}

void SearchIndex::add_item(SearchKind kind, const std::string& id, const LocalizedText& name,
                           const std::vector<std::string>& terms, PinyinReader& reader) {
    const auto item = static_cast<std::uint32_t>(items_.size());
    items_.push_back(Item{kind, id});
    std::vector<std::vector<std::string>> added;   // the same words twice (zh = en) are one key
    auto add = [&](const std::vector<std::string>& words, bool is_name) {
        if (words.empty() || std::find(added.begin(), added.end(), words) != added.end()) return;
        added.push_back(words);
        add_key(item, words, is_name);
    };
    for (const std::string* text : {&name.zh, &name.en}) {
        const TypedWords typed = reader.read(*text);
        add(typed.words, true);
        add(typed.v_words, true);
    }
    for (const std::string& term : terms) {
        const TypedWords typed = reader.read(term);
        add(typed.words, false);
        add(typed.v_words, false);
    }
}

void SearchIndex::add_key(std::uint32_t item, const std::vector<std::string>& words, bool is_name) {
    Key key{item, static_cast<std::uint32_t>(word_ends_.size()), 0, is_name, 0};
    for (std::size_t i = 0; i < words.size() && i < kMaxWordsPerKey; ++i) {
        chars_ += words[i];
        word_ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
        key.letters |= letters_of(words[i]);
        ++key.words;
    }
    keys_.push_back(key);
}

std::string_view SearchIndex::word(std::uint32_t index) const {
    const std::uint32_t begin = index == 0 ? 0 : word_ends_[index - 1];
    return std::string_view(chars_).substr(begin, word_ends_[index] - begin);
}

// Whether the query is typed by consecutive words of the key from some word on, each word giving a
// prefix of itself (its first letter: initials; all of it: syllables; the last word may stop anywhere).
// Tracks every split at once: bit p of `reach` says the words so far can give the query's first p letters.
std::uint64_t SearchIndex::rank_key(const Key& key, std::string_view query) const {
    const std::size_t n = key.words, len = query.size();
    for (std::size_t start = 0; start < n; ++start) {
        if (word(key.first_word + start).front() != query.front()) continue;
        std::uint64_t reach = 1;
        std::size_t used = 0;
        bool whole = false;
        for (std::size_t i = start; i < n && reach != 0; ++i) {
            const std::string_view w = word(key.first_word + static_cast<std::uint32_t>(i));
            std::uint64_t next = 0;
            for (std::size_t p = 0; p < len; ++p) {
                if (!((reach >> p) & 1)) continue;
                for (std::size_t k = 0; k < w.size() && p + k < len && w[k] == query[p + k]; ++k) {
                    if (p + k + 1 < len) {
                        next |= std::uint64_t{1} << (p + k + 1);
                        continue;
                    }
                    if (used == 0) used = i - start + 1;
                    whole = whole || i == n - 1;
                }
            }
            reach = next;
            if (used != 0 && start > 0) break;   // inside a name only the fewest words count
        }
        if (used == 0) continue;
        const unsigned tier = start > 0 ? 1 : whole ? 3 : 2;
        return pack_rank(tier, key.is_name, used, start, n);
    }
    return 0;
}

SearchResults SearchIndex::find(std::string_view typed, std::size_t limit_per_kind) const {
    SearchResults out;
    out.query = normalize_query(typed);
    if (out.query.empty()) return out;
    const std::uint64_t needed = letters_of(out.query);

    // The best rank of each item over its keys (an item's keys are consecutive).
    std::array<std::vector<std::pair<std::uint64_t, std::uint32_t>>, kSearchKinds> found;
    std::uint64_t best = 0;
    auto flush = [&](std::uint32_t item) {
        if (best != 0) found[static_cast<std::size_t>(items_[item].kind)].emplace_back(best, item);
        best = 0;
    };
    for (std::size_t k = 0; k < keys_.size(); ++k) {
        const Key& key = keys_[k];
        if ((key.letters & needed) == needed) best = std::max(best, rank_key(key, out.query));
        if (k + 1 == keys_.size() || keys_[k + 1].item != key.item) flush(key.item);
    }

    for (std::size_t kind = 0; kind < kSearchKinds; ++kind) {
        auto& hits = found[kind];
        out.total[kind] = hits.size();
        const auto shown = std::min(hits.size(), limit_per_kind);
        // Higher rank first; equal ranks in feed order.
        std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(shown), hits.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (std::size_t i = 0; i < shown; ++i) {
            const Item& item = items_[hits[i].second];
            out.by_kind[kind].push_back(SearchHit{item.kind, item.id, hits[i].first});
        }
    }
    return out;
}

} // namespace kiosk
