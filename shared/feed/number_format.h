// Numbers as the kiosk shows them: money in fen, counts with thousands
// separators, big live-sale figures as 万/亿 (Chinese) or K/M/B (English).
// Exact integer arithmetic throughout: 1,101,400 is "110.14万", never "110.13万".
#pragma once

#include "feed/localized_text.h"

#include <cstdint>
#include <string>

namespace kiosk {

// "¥68.00", "¥1,280.50", "¥0.05", "-¥3.20" (negative for corrections).
std::string format_money_fen(std::int64_t fen);

// "1,101,400" (both languages group by three).
std::string format_count(std::int64_t n, Lang lang);

// Chinese: below 1万 as a count ("9,999"), then 万/亿 with at most two decimals,
// trailing zeros dropped ("110.14万", "16万", "1.2亿").
// English: below 1,000 as a count, then K/M/B with three significant digits
// kept at a fixed width so a ticking counter does not jitter ("1.10M", "160K").
// Rounding is half away from zero; a value that rounds up to the next unit
// moves there ("9999.996万" → "1亿").
std::string format_big(std::int64_t n, Lang lang);

// The same for revenue in fen: "¥35.2万" / "¥352K"; amounts below the first
// unit keep their cents ("¥9,999.50").
std::string format_big_money_fen(std::int64_t fen, Lang lang);

} // namespace kiosk
