#include "service/frame_counter.h"

#include <cmath>

namespace kiosk {

namespace {
std::int64_t second_of(double now) { return static_cast<std::int64_t>(std::floor(now)); }
int slot_of(std::int64_t second) { return static_cast<int>(((second % 60) + 60) % 60); }
} // namespace

void FrameCounter::note_frame(double now) {
    const std::int64_t s = second_of(now);
    const int i = slot_of(s);
    if (second_of_[i] != s) {   // the slot held an older second: start it afresh
        second_of_[i] = s;
        counts_[i] = 0;
    }
    ++counts_[i];
    ++total_;
}

std::uint64_t FrameCounter::last_minute(double now) const {
    const std::int64_t s = second_of(now);
    std::uint64_t sum = 0;
    for (int i = 0; i < kSeconds; ++i)
        if (second_of_[i] > s - kSeconds && second_of_[i] <= s) sum += counts_[i];
    return sum;
}

} // namespace kiosk
