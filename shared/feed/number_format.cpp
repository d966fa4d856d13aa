#include "feed/number_format.h"

namespace kiosk {
namespace {

constexpr const char* kYuan = "\xC2\xA5";   // U+00A5 YEN SIGN, as printed on Chinese price tags

// |n| without overflow for INT64_MIN.
std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

std::string grouped(std::uint64_t v) {
    std::string digits = std::to_string(v);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::uint64_t pow10(int exponent) {
    std::uint64_t p = 1;
    while (exponent-- > 0) p *= 10;
    return p;
}

// `value / unit` rounded half up to `decimals` places, as whole and fraction digits.
struct Scaled {
    std::uint64_t whole = 0;
    std::uint64_t fraction = 0;
};

Scaled scale(std::uint64_t value, std::uint64_t unit, int decimals) {
    const std::uint64_t p = pow10(decimals);
    Scaled s{value / unit, 0};
    const std::uint64_t rest = value % unit;   // < unit ≤ 10^11, so rest * 2 * p cannot overflow
    s.fraction = (rest * 2 * p + unit) / (2 * unit);
    if (s.fraction == p) { ++s.whole; s.fraction = 0; }
    return s;
}

std::string render(const Scaled& s, int decimals, bool trim_zeros) {
    std::string out = grouped(s.whole);
    if (decimals == 0) return out;
    std::string fraction = std::to_string(s.fraction);
    fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    if (trim_zeros) {
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
        if (fraction.empty()) return out;
    }
    return out + '.' + fraction;
}

struct Unit {
    std::uint64_t size;
    const char* suffix;
};

const Unit kChineseUnits[] = {{10'000, "\xE4\xB8\x87"}, {100'000'000, "\xE4\xBA\xBF"}};   // 万, 亿
const Unit kEnglishUnits[] = {{1'000, "K"}, {1'000'000, "M"}, {1'000'000'000, "B"}};

// `value` counted in 1/`base` (1 for counts, 100 for fen). Empty when below the first unit.
std::string big_number(std::uint64_t value, std::uint64_t base, Lang lang) {
    const bool zh = lang == Lang::zh;
    const Unit* units = zh ? kChineseUnits : kEnglishUnits;
    const int unit_count = zh ? 2 : 3;
    const std::uint64_t step = zh ? 10'000 : 1'000;   // next unit starts at this many of the current one
    if (value < units[0].size * base) return {};
    int u = 0;
    while (u + 1 < unit_count && value >= units[u + 1].size * base) ++u;
    for (;;) {
        const std::uint64_t unit = units[u].size * base;
        int decimals = 2;
        if (!zh) {
            const std::uint64_t whole = value / unit;
            decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
        }
        Scaled s = scale(value, unit, decimals);
        // Rounding can add a digit: 9.996K → "10.00K" must become "10.0K", 999.6K → "1.00M".
        if (!zh) {
            while (decimals > 0 && s.whole >= pow10(3 - decimals)) s = scale(value, unit, --decimals);
        }
        if (s.whole >= step && u + 1 < unit_count) { ++u; continue; }
        return render(s, decimals, zh) + units[u].suffix;
    }
}

} // namespace

std::string format_money_fen(std::int64_t fen) {
    const std::uint64_t m = magnitude(fen);
    std::string out = fen < 0 ? "-" : "";
    out += kYuan;
    out += render({m / 100, m % 100}, 2, false);
    return out;
}

std::string format_count(std::int64_t n, Lang) {
    return (n < 0 ? "-" : "") + grouped(magnitude(n));
}

std::string format_big(std::int64_t n, Lang lang) {
    std::string big = big_number(magnitude(n), 1, lang);
    if (big.empty()) return format_count(n, lang);
    return (n < 0 ? "-" : "") + big;
}

std::string format_big_money_fen(std::int64_t fen, Lang lang) {
    std::string big = big_number(magnitude(fen), 100, lang);
    if (big.empty()) return format_money_fen(fen);
    return (fen < 0 ? "-" : "") + std::string(kYuan) + big;
}

} // namespace kiosk
