// sd_notify through libsystemd, received on a socket as systemd would.
#include "service/service_notify.h"

#include "notify_socket.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Sets (or with nullptr unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_CASE("without NOTIFY_SOCKET the notifier is inactive and never asks the loop to wake") {
    ScopedEnv socket("NOTIFY_SOCKET", nullptr);
    ScopedEnv watchdog("WATCHDOG_USEC", "10000000");
    ServiceNotifier notifier;
    CHECK_FALSE(notifier.active());
    CHECK(notifier.watchdog_seconds() == 0);
    CHECK(std::isinf(notifier.seconds_until_ping(5)));
    notifier.ready("up");   // harmless
    notifier.tick(5);
}

TEST_CASE("the notifier says READY with a status and pings the watchdog every half interval") {
    TempDir dir;
    NotifySocket receiver((dir / "notify").string());
    REQUIRE(receiver.ok());
    ScopedEnv socket("NOTIFY_SOCKET", receiver.path().c_str());
    ScopedEnv watchdog("WATCHDOG_USEC", "10000000");   // WatchdogSec=10, as the unit has
    ScopedEnv pid("WATCHDOG_PID", nullptr);
    ServiceNotifier notifier;
    REQUIRE(notifier.active());
    CHECK(notifier.watchdog_seconds() == 10);

    notifier.ready("showing 1920×1080");
    CHECK(receiver.receive(5) == std::optional<std::string>("READY=1\nSTATUS=showing 1920×1080"));

    notifier.tick(100.0);   // the first tick pings
    CHECK(receiver.receive(5) == std::optional<std::string>("WATCHDOG=1"));
    CHECK(notifier.seconds_until_ping(100.0) == Approx(5));
    CHECK(notifier.seconds_until_ping(103.0) == Approx(2));
    notifier.tick(104.9);   // not yet half the interval
    CHECK(receiver.receive(0.2) == std::nullopt);
    CHECK(notifier.seconds_until_ping(106.0) == 0);   // overdue: the loop must not sleep
    notifier.tick(105.0);
    CHECK(receiver.receive(5) == std::optional<std::string>("WATCHDOG=1"));

    notifier.status("feed ok");
    CHECK(receiver.receive(5) == std::optional<std::string>("STATUS=feed ok"));
    notifier.stopping();
    CHECK(receiver.receive(5) == std::optional<std::string>("STOPPING=1"));
}

TEST_CASE("a watchdog meant for another process is not pinged") {
    TempDir dir;
    NotifySocket receiver((dir / "notify").string());
    ScopedEnv socket("NOTIFY_SOCKET", receiver.path().c_str());
    ScopedEnv watchdog("WATCHDOG_USEC", "10000000");
    ScopedEnv pid("WATCHDOG_PID", "1");
    ServiceNotifier notifier;
    CHECK(notifier.active());
    CHECK(notifier.watchdog_seconds() == 0);
    notifier.tick(100.0);
    CHECK(receiver.receive(0.2) == std::nullopt);
}
