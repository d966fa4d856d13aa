// The admin PIN pad's logic, without the pad: digits typed so far, checked
// against the stored hash on OK, with PinLockout's 5-wrong-then-60-s rule.
// The check (PBKDF2, ~0.3 s) runs on its own thread so the screen never stalls;
// `on_checked` runs on that thread once poll() has the answer (a UI wakes its loop).
#pragma once

#include "admin/pin_lockout.h"

#include <cstddef>
#include <functional>
#include <future>
#include <optional>
#include <string>

namespace kiosk {

class PinEntry {
public:
    enum class Result {
        accepted,     // the right PIN
        wrong,        // checked and wrong (counts towards the lock)
        locked,       // not checked: the pad is locked
        incomplete,   // fewer than 4 digits: not checked, not counted
        checking,     // the check runs: poll() gives accepted or wrong
    };

    static constexpr std::size_t kMaxDigits = 8;

    explicit PinEntry(std::string stored_hash, PinLockout lockout = PinLockout(),
                      std::function<void()> on_checked = {});
    ~PinEntry();
    PinEntry(const PinEntry&) = delete;
    PinEntry& operator=(const PinEntry&) = delete;

    // Adds one digit; false when it is not a digit, 8 are typed, the pad is
    // locked or a check is running.
    bool type(char digit, double now);
    void erase();   // the last digit
    void clear();
    std::size_t length() const { return typed_.size(); }   // the pad shows dots, never digits

    // Starts checking what was typed (then forgets it): checking, or at once
    // locked / incomplete (or wrong against a malformed stored hash).
    Result submit(double now);
    // Once the check has finished: accepted or wrong (counted at `now`). Empty while it runs.
    std::optional<Result> poll(double now);
    bool checking() const { return check_.valid(); }

    bool locked(double now) const { return !lockout_.allows_attempt(now); }
    double seconds_locked(double now) const { return lockout_.seconds_left(now); }
    int failures() const { return lockout_.failures(); }
    // How long the last finished check took on its thread, in seconds (0 before any): for the log.
    double last_check_seconds() const { return last_check_seconds_; }

private:
    std::string stored_hash_;
    PinLockout lockout_;
    std::function<void()> on_checked_;
    std::string typed_;
    struct CheckOutcome {
        bool right = false;
        double seconds = 0;
    };
    std::future<CheckOutcome> check_;
    double last_check_seconds_ = 0;
    std::future<void> worker_;   // the check's thread, until on_checked has returned
};

} // namespace kiosk
