#include "base/embedded.h"

namespace kiosk::embedded_data {
struct Entry { const char* name; std::string_view data; };
extern const Entry kFiles[];
}

namespace kiosk {

std::optional<std::string_view> embedded_file(std::string_view path) {
    for (const auto* e = embedded_data::kFiles; e->name; ++e)
        if (path == e->name) return e->data;
    return std::nullopt;
}

} // namespace kiosk
