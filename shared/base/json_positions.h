// Where things are in JSON text. nlohmann::json keeps no source positions, so
// the validator finds them here: line:column of a byte offset, the offset of
// the value a JSON pointer names, and a nesting-depth pre-scan that runs
// before any parser sees the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiosk {

struct TextPosition {
    int line = 0;     // 1-based
    int column = 0;   // 1-based, in bytes
};

// Maps byte offsets to line:column in O(log lines) after one pass over the text.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    TextPosition at(std::size_t offset) const;   // offsets past the end clamp to the end
private:
    std::vector<std::size_t> line_starts_;
    std::size_t size_ = 0;
};

// JSON pointer building (RFC 6901: "~" → "~0", "/" → "~1").
std::string pointer_escape(std::string_view token);
std::string pointer_append(std::string_view pointer, std::string_view key);
std::string pointer_append(std::string_view pointer, std::size_t index);

// A JSON pointer kept as a chain of links on the stack of a recursive walk,
// so a walk over every value makes no string until it has a problem to report.
struct PathLink {
    const PathLink* parent = nullptr;   // nullptr for the document root
    std::string_view key;               // member name, when !is_index
    std::size_t index = 0;
    bool is_index = false;

    PathLink child(std::string_view member) const { return {this, member, 0, false}; }
    PathLink child(std::size_t i) const { return {this, {}, i, true}; }
    std::string pointer() const;
};

// Offset of the first "[" or "{" nested deeper than max_depth (strings are
// skipped); nullopt when the text stays within it. Never recurses.
std::optional<std::size_t> find_depth_excess(std::string_view text, std::size_t max_depth);

// Offsets where the values named by `pointers` start in `text`, which must be
// a JSON document nlohmann accepted. Pointers not found are left out. One
// linear pass that stops once every pointer has been found.
std::unordered_map<std::string, std::size_t> locate_pointers(std::string_view text,
                                                             const std::unordered_set<std::string>& pointers);

// A member name given twice in one object (nlohmann would keep only the last).
struct DuplicateKey {
    std::string pointer;        // of the member
    std::size_t first_offset;   // where each name starts in the text
    std::size_t again_offset;
};

// Every repeated member name in `text`, which must be a JSON document nlohmann
// accepted. One linear pass.
std::vector<DuplicateKey> find_duplicate_keys(std::string_view text);

} // namespace kiosk
