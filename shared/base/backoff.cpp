#include "base/backoff.h"

#include <algorithm>

namespace kiosk {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int consecutive_failures, double unit_random) {
    const double base = static_cast<double>(policy.base.count());
    const double cap = std::max(base, static_cast<double>(policy.max.count()));
    double delay = base;
    for (int i = 1; i < consecutive_failures && delay < cap; ++i) delay *= 2;   // no pow: no overflow on huge counts
    delay = std::min(delay, cap);
    const double u = std::clamp(unit_random, 0.0, 1.0);
    delay *= 1.0 - std::clamp(policy.jitter, 0.0, 1.0) * u;
    return std::chrono::milliseconds(static_cast<long long>(std::max(delay, base)));
}

} // namespace kiosk
