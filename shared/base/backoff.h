// Retry delays after failures: exponential from the poll interval up to a cap,
// with jitter so that many kiosks don't retry in step. Pure: the caller draws
// the random number, so tests need no RNG.
#pragma once

#include <chrono>

namespace kiosk {

struct BackoffPolicy {
    std::chrono::milliseconds base{30'000};   // the normal poll interval
    std::chrono::milliseconds max{300'000};   // never wait longer than this
    double jitter = 0.2;                      // up to this fraction is taken off each delay
};

// The wait before the next attempt after `consecutive_failures` failures in a
// row; 0 or 1 failures give `base`. `unit_random` is uniform in [0, 1).
// Never below `base` (nor above `max`).
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int consecutive_failures, double unit_random);

} // namespace kiosk
