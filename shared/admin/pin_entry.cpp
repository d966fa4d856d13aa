#include "admin/pin_entry.h"

#include "admin/pin_hash.h"
#include "base/async_then.h"

#include <algorithm>
#include <chrono>

namespace kiosk {

PinEntry::PinEntry(std::string stored_hash, PinLockout lockout, std::function<void()> on_checked)
    : stored_hash_(std::move(stored_hash)), lockout_(lockout), on_checked_(std::move(on_checked)) {}

// A running check holds only copies: worker_'s destructor waits for it and on_checked.
PinEntry::~PinEntry() = default;

bool PinEntry::type(char digit, double now) {
    if (digit < '0' || digit > '9' || typed_.size() >= kMaxDigits || locked(now) || checking()) return false;
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
    if (checking()) return Result::checking;
    if (locked(now)) {
        clear();
        return Result::locked;
    }
    if (!is_valid_pin(typed_)) return Result::incomplete;
    if (!parse_pin_hash(stored_hash_)) {   // nothing to check against: wrong at once
        clear();
        lockout_.record_failure(now);
        return Result::wrong;
    }
    check_ = async_then(
        [pin = typed_, stored = stored_hash_]() mutable {
            const auto start = std::chrono::steady_clock::now();
            const bool right = verify_pin(pin, stored);
            std::fill(pin.begin(), pin.end(), '\0');
            return CheckOutcome{right, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
        },
        on_checked_, worker_);
    clear();
    return Result::checking;
}

std::optional<PinEntry::Result> PinEntry::poll(double now) {
    if (!checking() || check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    const CheckOutcome outcome = check_.get();
    last_check_seconds_ = outcome.seconds;
    if (outcome.right) {
        lockout_.record_success();
        return Result::accepted;
    }
    lockout_.record_failure(now);
    return Result::wrong;
}

} // namespace kiosk
