#include "service/route_link.h"

#include <array>
#include <utility>

namespace kiosk {

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string fill_route_url(std::string_view url_template, std::string_view from_node, std::string_view to_node,
                           std::string_view area_id) {
    const std::array<std::pair<std::string_view, std::string_view>, 3> fields{
        {{"{from}", from_node}, {"{to}", to_node}, {"{area}", area_id}}};
    std::string out;
    std::size_t i = 0;
    while (i < url_template.size()) {
        bool replaced = false;
        for (const auto& [name, value] : fields) {
            if (url_template.substr(i, name.size()) != name) continue;
            out += url_encode(value);
            i += name.size();
            replaced = true;
            break;
        }
        if (!replaced) out += url_template[i++];
    }
    return out;
}

} // namespace kiosk
