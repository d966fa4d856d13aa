// The admin PIN pad's lockout: after 5 wrong PINs in a row, no PIN is even
// checked for 60 s. Times are seconds on a monotonic clock the caller passes
// in (the runner's frame time; tests pass their own).
#pragma once

namespace kiosk {

class PinLockout {
public:
    explicit PinLockout(int max_failures = 5, double lock_seconds = 60);

    // False while locked: the caller must not check the PIN at all.
    bool allows_attempt(double now) const { return seconds_left(now) <= 0; }
    double seconds_left(double now) const;   // 0 when not locked

    void record_failure(double now);   // the 5th in a row starts the lock
    void record_success();             // a right PIN forgets earlier failures

    int failures() const { return failures_; }

private:
    int max_failures_;
    double lock_seconds_;
    int failures_ = 0;
    double locked_until_ = 0;
    bool locked_ = false;
};

} // namespace kiosk
