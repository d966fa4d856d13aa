#include "pin_entry.h"

#include "pin_hash.h"

#include <algorithm>

namespace kiosk {

PinEntry::PinEntry(std::string stored_hash, PinLockout lockout)
    : stored_hash_(std::move(stored_hash)), lockout_(lockout) {}

bool PinEntry::type(char digit, double now) {
    if (digit < '0' || digit > '9' || typed_.size() >= kMaxDigits || locked(now)) return false;
    typed_ += digit;
    return true;
}

void PinEntry::erase() {
    if (!typed_.empty()) typed_.pop_back();
}

void PinEntry::clear() {
    std::fill(typed_.begin(), typed_.end(), '\0');   // no PIN lingers in memory longer than needed
    typed_.clear();
}

PinEntry::Result PinEntry::submit(double now) {
    if (locked(now)) {
        clear();
        return Result::locked;
    }
    if (!is_valid_pin(typed_)) return Result::incomplete;
    const bool right = verify_pin(typed_, stored_hash_);
    clear();
    if (right) {
        lockout_.record_success();
        return Result::accepted;
    }
    lockout_.record_failure(now);
    return Result::wrong;
}

} // namespace kiosk
