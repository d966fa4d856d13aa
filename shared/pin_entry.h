// The admin PIN pad's logic, without the pad: digits typed so far, checked
// against the stored hash on OK, with PinLockout's 5-wrong-then-60-s rule.
#pragma once

#include "pin_lockout.h"

#include <cstddef>
#include <string>

namespace kiosk {

class PinEntry {
public:
    enum class Result {
        accepted,     // the right PIN
        wrong,        // checked and wrong (counts towards the lock)
        locked,       // not checked: the pad is locked
        incomplete,   // fewer than 4 digits: not checked, not counted
    };

    static constexpr std::size_t kMaxDigits = 8;

    explicit PinEntry(std::string stored_hash, PinLockout lockout = PinLockout());

    // Adds one digit; false when it is not a digit, 8 are typed, or the pad is locked.
    bool type(char digit, double now);
    void erase();   // the last digit
    void clear();
    std::size_t length() const { return typed_.size(); }   // the pad shows dots, never digits

    // Checks what was typed (then forgets it).
    Result submit(double now);

    bool locked(double now) const { return !lockout_.allows_attempt(now); }
    double seconds_locked(double now) const { return lockout_.seconds_left(now); }
    int failures() const { return lockout_.failures(); }

private:
    std::string stored_hash_;
    PinLockout lockout_;
    std::string typed_;
};

} // namespace kiosk
