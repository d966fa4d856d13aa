#include "feed/local_time_text.h"

#include "base/timestamp.h"

#include <cstdio>

namespace kiosk {

std::string format_hhmm(const LocalTime& t) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", t.hour % 100, t.minute % 100);
    return text;
}

std::string format_day_label(std::int64_t day_number, Lang lang) {
    static const char* const kWeekdayZh[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    static const char* const kWeekdayEn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonthEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int year, month, day;
    civil_from_days(day_number, year, month, day);
    const int weekday = static_cast<int>(((day_number + 4) % 7 + 7) % 7);   // 1970-01-01 was a Thursday
    if (lang == Lang::zh)
        return std::to_string(month) + "月" + std::to_string(day) + "日 " + kWeekdayZh[weekday];
    return std::string(kWeekdayEn[weekday]) + " " + std::to_string(day) + " " + kMonthEn[month - 1];
}

} // namespace kiosk
