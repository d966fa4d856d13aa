#include "base/json_positions.h"

#include "base/utf8.h"

#include <algorithm>

namespace kiosk {

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

TextPosition LineIndex::at(std::size_t offset) const {
    offset = std::min(offset, size_);
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - line_starts_.begin());   // 1-based
    return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

std::string pointer_escape(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_append(std::string_view pointer, std::string_view key) {
    std::string out(pointer);
    out += '/';
    out += pointer_escape(key);
    return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
    std::string out(pointer);
    out += '/';
    out += std::to_string(index);
    return out;
}

std::string PathLink::pointer() const {
    if (!parent) return {};
    return is_index ? pointer_append(parent->pointer(), index) : pointer_append(parent->pointer(), key);
}

std::optional<std::size_t> find_depth_excess(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Walks valid JSON text keeping the JSON pointer of the current value.
class PointerScanner {
public:
    PointerScanner(std::string_view text, const std::unordered_set<std::string>& wanted)
        : text_(text), wanted_(wanted) {}

    std::unordered_map<std::string, std::size_t> run() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;   // nlohmann skips a BOM too
        while ((found_.size() < wanted_.size() || find_duplicates_) && scan_value()) {
            if (!finish_value()) break;
        }
        return std::move(found_);
    }

    // Walks the whole text, noting every member name seen before in its object.
    std::vector<DuplicateKey> run_for_duplicates() {
        find_duplicates_ = true;
        run();
        return std::move(duplicates_);
    }

private:
    struct Frame {
        bool is_array;
        std::size_t index;
        std::size_t path_length;   // length of the container's own pointer
        std::unordered_map<std::string, std::size_t> keys = {};   // objects, when finding duplicates: name → offset
    };

    std::string_view text_;
    const std::unordered_set<std::string>& wanted_;
    std::unordered_map<std::string, std::size_t> found_;
    std::vector<Frame> stack_;
    std::string path_;
    std::size_t pos_ = 0;
    bool find_duplicates_ = false;
    std::vector<DuplicateKey> duplicates_;

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
    }

    // Reads a string literal at pos_ into `out` with escapes decoded.
    bool read_string(std::string& out) {
        if (at_end() || peek() != '"') return false;
        ++pos_;
        out.clear();
        while (!at_end() && peek() != '"') {
            if (peek() != '\\') { out += text_[pos_++]; continue; }
            if (++pos_ >= text_.size()) return false;
            const char e = text_[pos_++];
            switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                char32_t cp = read_hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
                    pos_ += 2;
                    const char32_t low = read_hex4();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(out, cp);
                break;
            }
            default: out += e; break;   // \" \\ \/
            }
        }
        if (at_end()) return false;
        ++pos_;
        return true;
    }

    char32_t read_hex4() {
        char32_t v = 0;
        for (int i = 0; i < 4 && !at_end(); ++i) v = v * 16 + static_cast<char32_t>(std::max(0, hex_value(text_[pos_++])));
        return v;
    }

    // Reads `"key":` and makes path_ point at the member's value.
    bool enter_member(std::size_t container_length) {
        std::string key;
        skip_space();
        const std::size_t key_at = pos_;
        if (!read_string(key)) return false;
        if (find_duplicates_) {
            const auto [first, fresh] = stack_.back().keys.emplace(key, key_at);
            if (!fresh)
                duplicates_.push_back({path_.substr(0, container_length) + '/' + pointer_escape(key), first->second, key_at});
        }
        skip_space();
        if (at_end() || peek() != ':') return false;
        ++pos_;
        path_.resize(container_length);
        path_ += '/';
        path_ += pointer_escape(key);
        return true;
    }

    // At the start of a value: records it, then steps into containers or over
    // scalars. Returns false on text it cannot follow.
    bool scan_value() {
        for (;;) {
            skip_space();
            if (at_end()) return false;
            if (wanted_.count(path_)) found_.emplace(path_, pos_);
            const char c = peek();
            if (c == '{' || c == '[') {
                ++pos_;
                stack_.push_back({c == '[', 0, path_.size()});
                skip_space();
                if (!at_end() && (peek() == '}' || peek() == ']')) { ++pos_; stack_.pop_back(); return true; }
                if (c == '[') path_ += "/0";
                else if (!enter_member(path_.size())) return false;
                continue;   // the first element's value
            }
            if (c == '"') {
                std::string ignored;
                return read_string(ignored);
            }
            while (!at_end() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' &&
                   peek() != '\n' && peek() != '\r' && peek() != '\t')
                ++pos_;
            return true;
        }
    }

    // After a value: moves to the next element's value, closing containers on
    // the way. Returns false at the end of the document.
    bool finish_value() {
        while (!stack_.empty()) {
            Frame& frame = stack_.back();
            path_.resize(frame.path_length);
            skip_space();
            if (at_end()) return false;
            const char c = peek();
            ++pos_;
            if (c == ',') {
                if (frame.is_array) {
                    path_ += '/';
                    path_ += std::to_string(++frame.index);
                    return true;
                }
                return enter_member(frame.path_length);
            }
            stack_.pop_back();   // '}' or ']'
        }
        return false;
    }
};

} // namespace

std::unordered_map<std::string, std::size_t> locate_pointers(std::string_view text,
                                                             const std::unordered_set<std::string>& pointers) {
    return PointerScanner(text, pointers).run();
}

std::vector<DuplicateKey> find_duplicate_keys(std::string_view text) {
    const std::unordered_set<std::string> none;
    return PointerScanner(text, none).run_for_duplicates();
}

} // namespace kiosk
