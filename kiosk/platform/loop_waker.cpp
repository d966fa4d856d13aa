#include "platform/loop_waker.h"

// Order matters: the EXPOSE define before the GLFW headers, and glfw3native.h after glfw3.h.
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <ctime>

namespace kiosk {

namespace {

// Created before main() runs any worker, so wake_ui_loop() never races its creation.
const int g_wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

timespec to_timespec(double seconds) {
    const double whole = std::floor(seconds);
    return timespec{static_cast<time_t>(whole), static_cast<long>((seconds - whole) * 1e9)};
}

// Empties the eventfd's counter, so one wake ends one wait.
void drain_wakes() {
    std::uint64_t count = 0;
    while (read(g_wake_fd, &count, sizeof count) > 0) {
    }
}

} // namespace

void wake_ui_loop() {
    const std::uint64_t one = 1;
    // A full counter (2^64 − 2 wakes unread) already wakes the loop: nothing is lost.
    [[maybe_unused]] const ssize_t written = write(g_wake_fd, &one, sizeof one);
}

void wait_for_ui_events(double seconds) {
    Display* display = glfwGetX11Display();
    if (!display || g_wake_fd < 0) {   // not on X11: GLFW's own wait
        glfwWaitEventsTimeout(seconds);
        return;
    }
    // Events Xlib has already read sit in its queue, where poll() cannot see them.
    if (XPending(display) == 0) {
        pollfd fds[2] = {{ConnectionNumber(display), POLLIN, 0}, {g_wake_fd, POLLIN, 0}};
        const timespec timeout = to_timespec(seconds > 0 ? seconds : 0);
        ppoll(fds, 2, &timeout, nullptr);   // EINTR (SIGTERM) too: back to the loop, which looks at it
    }
    drain_wakes();
    glfwPollEvents();
}

} // namespace kiosk
