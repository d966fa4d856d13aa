#include "service/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    active_ = socket && *socket;
    std::uint64_t usec = 0;
    if (active_ && sd_watchdog_enabled(0, &usec) > 0) watchdog_seconds_ = static_cast<double>(usec) / 1e6;
}

void ServiceNotifier::ready(std::string_view text) {
    if (active_) sd_notify(0, ("READY=1\nSTATUS=" + std::string(text)).c_str());
}

void ServiceNotifier::status(std::string_view text) {
    if (active_) sd_notify(0, ("STATUS=" + std::string(text)).c_str());
}

void ServiceNotifier::stopping() {
    if (active_) sd_notify(0, "STOPPING=1");
}

void ServiceNotifier::tick(double now) {
    if (watchdog_seconds_ <= 0 || now - last_ping_ < watchdog_seconds_ / 2) return;
    sd_notify(0, "WATCHDOG=1");
    last_ping_ = now;
}

double ServiceNotifier::seconds_until_ping(double now) const {
    if (watchdog_seconds_ <= 0) return std::numeric_limits<double>::infinity();
    const double due = last_ping_ + watchdog_seconds_ / 2 - now;
    return due > 0 ? due : 0;
}

} // namespace kiosk
