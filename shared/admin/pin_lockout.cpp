#include "admin/pin_lockout.h"

namespace kiosk {

PinLockout::PinLockout(int max_failures, double lock_seconds)
    : max_failures_(max_failures < 1 ? 1 : max_failures), lock_seconds_(lock_seconds) {}

double PinLockout::seconds_left(double now) const {
    return locked_ && now < locked_until_ ? locked_until_ - now : 0;
}

void PinLockout::record_failure(double now) {
    if (locked_ && now < locked_until_) return;   // attempts while locked are not checked, so not counted
    if (locked_) {                                // the lock ran out: a fresh series of tries
        locked_ = false;
        failures_ = 0;
    }
    if (++failures_ >= max_failures_) {
        locked_ = true;
        locked_until_ = now + lock_seconds_;
    }
}

void PinLockout::record_success() {
    failures_ = 0;
    locked_ = false;
}

} // namespace kiosk
