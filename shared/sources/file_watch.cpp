#include "sources/file_watch.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk {

namespace {

// Written and closed, renamed in or out, deleted; and the directory itself going away.
// Not IN_CREATE: a created file is still empty, its IN_CLOSE_WRITE follows.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                  IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
// Editors save in several steps (write temp, rename, chmod): wait this long for the rest.
constexpr int kSettleMs = 30;
constexpr int kMaxSettleMs = 300;   // a file written continuously still gets reported

} // namespace

FileWatch::FileWatch(std::filesystem::path file) : file_(std::move(file)), name_(file_.filename().string()) {
    inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (inotify_fd_ < 0) error_ = std::string("inotify unavailable: ") + std::strerror(errno);
    else try_watch();
}

FileWatch::~FileWatch() {
    if (inotify_fd_ >= 0) ::close(inotify_fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

bool FileWatch::try_watch() {
    std::filesystem::path dir = file_.parent_path();
    if (dir.empty()) dir = ".";
    watch_ = ::inotify_add_watch(inotify_fd_, dir.c_str(), kEvents | IN_ONLYDIR);
    if (watch_ < 0) error_ = "cannot watch " + dir.string() + ": " + std::strerror(errno);
    else error_.clear();
    return watch_ >= 0;
}

void FileWatch::interrupt() {
    if (wake_fd_ >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
    }
}

bool FileWatch::wait(std::chrono::milliseconds timeout) {
    if (inotify_fd_ >= 0 && watch_ < 0) try_watch();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::chrono::steady_clock::time_point settle_deadline;
    bool changed = false;
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (changed && now >= settle_deadline) return true;
        const auto left = changed ? std::chrono::milliseconds(kSettleMs)
                                  : std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        if (!changed && left.count() <= 0) return false;
        pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {watch_ >= 0 ? inotify_fd_ : -1, POLLIN, 0}};
        const int ready = ::poll(fds, 2, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) return changed;
        if (fds[0].revents & POLLIN) {
            std::uint64_t count;
            [[maybe_unused]] ssize_t n = ::read(wake_fd_, &count, sizeof count);
            return false;
        }
        if (ready == 0) return changed;   // settled (or timed out with nothing)
        if (!(fds[1].revents & POLLIN)) continue;

        alignas(inotify_event) char buffer[8192];
        for (;;) {
            const ssize_t n = ::read(inotify_fd_, buffer, sizeof buffer);
            if (n <= 0) break;
            for (ssize_t off = 0; off < n;) {
                const auto* ev = reinterpret_cast<const inotify_event*>(buffer + off);
                off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
                if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                    // The directory went away: re-watch it when it is back, report the file as changed.
                    if (watch_ >= 0 && !(ev->mask & IN_IGNORED)) ::inotify_rm_watch(inotify_fd_, watch_);
                    watch_ = -1;
                    changed = true;
                } else if (ev->len > 0 && name_ == ev->name) {
                    changed = true;
                }
            }
        }
        if (changed && settle_deadline == std::chrono::steady_clock::time_point{})
            settle_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kMaxSettleMs);
        if (watch_ < 0) {
            try_watch();
            if (watch_ < 0) return changed;
        }
    }
}

} // namespace kiosk

