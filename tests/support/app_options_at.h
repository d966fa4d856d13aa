// AppOptions for a headless test of one screen at a pinned clock: language, start route, now.
#pragma once

#include "app/app.h"

#include <cstdint>
#include <utility>

namespace kiosk::test {

inline AppOptions app_options_at(Lang lang, Route start, std::int64_t now) {
    AppOptions o;
    o.lang = lang;
    o.start = std::move(start);
    o.pinned_now = now;
    return o;
}

} // namespace kiosk::test
