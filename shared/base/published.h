// The latest value of something a worker thread produces, for the UI thread
// to pick up between frames without waiting: an immutable snapshot behind a
// shared_ptr plus a generation counter that makes "nothing new" one atomic load.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

namespace kiosk {

template <class T>
class Published {
public:
    void publish(std::shared_ptr<const T> value) {
        std::lock_guard lock(mutex_);
        value_ = std::move(value);
        generation_.fetch_add(1, std::memory_order_release);
    }

    // When a value newer than generation `seen` is there: stores it in `out`,
    // updates `seen` and returns true. Start with seen = 0.
    bool take_if_newer(std::shared_ptr<const T>& out, std::uint64_t& seen) const {
        if (generation_.load(std::memory_order_acquire) == seen) return false;
        std::lock_guard lock(mutex_);
        out = value_;
        seen = generation_.load(std::memory_order_relaxed);   // under the lock: matches value_
        return true;
    }

    std::shared_ptr<const T> latest() const {
        std::lock_guard lock(mutex_);
        return value_;
    }
    std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const T> value_;
    std::atomic<std::uint64_t> generation_{0};
};

} // namespace kiosk
