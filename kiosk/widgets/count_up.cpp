#include "widgets/count_up.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void CountUp::set(std::int64_t target, double now) {
    if (has_value_ && target == to_) return;
    const std::int64_t shown = value(now);
    if (!has_value_ || target <= shown) {
        from_ = to_ = target;
    } else {
        from_ = shown;
        to_ = target;
        start_ = now;
    }
    has_value_ = true;
}

std::int64_t CountUp::value(double now) const {
    if (from_ == to_ || duration_ <= 0) return to_;
    const double progress = std::clamp((now - start_) / duration_, 0.0, 1.0);
    const double eased = 1.0 - std::pow(1.0 - progress, 3.0);   // ease-out: fast start, gentle landing
    // In long double so totals near 2^63 keep their last digits.
    const long double step = static_cast<long double>(to_) - static_cast<long double>(from_);
    const auto offset = static_cast<std::int64_t>(std::floor(step * static_cast<long double>(eased)));
    return progress >= 1.0 ? to_ : std::min(to_, from_ + offset);
}

} // namespace kiosk
