// systemd service notifications (sd_notify, Type=notify): READY=1 once the
// first frame is up, WATCHDOG=1 from the UI loop at least every half
// WatchdogSec, STATUS= lines for `systemctl status`. Every call is a no-op
// when systemd did not start the program (no $NOTIFY_SOCKET).
#pragma once

#include <string_view>

namespace kiosk {

class ServiceNotifier {
public:
    // Reads $NOTIFY_SOCKET and the watchdog interval ($WATCHDOG_USEC) once.
    ServiceNotifier();

    bool active() const { return active_; }
    double watchdog_seconds() const { return watchdog_seconds_; }   // 0 without a watchdog

    void ready(std::string_view status);   // READY=1 and a STATUS= line
    void status(std::string_view status);
    void stopping();

    // Pings the watchdog when half its interval has passed since the last
    // ping; `now` is monotonic seconds. Call from the loop that must stay alive.
    void tick(double now);
    // Seconds until tick() must run again; infinity without a watchdog. The UI
    // loop sleeps no longer than this, so pings come even when nothing is drawn.
    double seconds_until_ping(double now) const;

private:
    bool active_ = false;
    double watchdog_seconds_ = 0;
    double last_ping_ = -1e300;
};

} // namespace kiosk
