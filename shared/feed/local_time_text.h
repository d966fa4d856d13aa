// How local clock times and days are written on screen, in either language;
// zone arithmetic (which local time an instant is) stays in time_zone.h.
#pragma once

#include "base/time_zone.h"
#include "feed/localized_text.h"

#include <cstdint>
#include <string>

namespace kiosk {

// "19:30"
std::string format_hhmm(const LocalTime& t);

// "5月16日 周六" / "Sat 16 May" for a local day number (see LocalTime::day_number).
std::string format_day_label(std::int64_t day_number, Lang lang);

} // namespace kiosk
