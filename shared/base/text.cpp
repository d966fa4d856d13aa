#include "base/text.h"

#include <cctype>
#include <cstdio>

namespace kiosk {

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7F) { out += c; continue; }
        if (c == '\n') { out += "\\n"; continue; }
        if (c == '\t') { out += "\\t"; continue; }
        if (c == '\r') { out += "\\r"; continue; }
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", byte);
        out += buf;
    }
    return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // keep UTF-8 whole
        return escape_controls(text.substr(0, cut)) + "…";
    }
    return escape_controls(text);
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

} // namespace kiosk
