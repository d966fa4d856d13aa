// Frames drawn: in all, and over the last minute (the admin panel's frames per
// minute; an idle kiosk draws almost none). Times are monotonic seconds.
#pragma once

#include <array>
#include <cstdint>

namespace kiosk {

class FrameCounter {
public:
    void note_frame(double now);
    std::uint64_t total() const { return total_; }
    // Frames in the 60 seconds up to `now` (whole seconds: the current one and the 59 before).
    std::uint64_t last_minute(double now) const;

private:
    static constexpr int kSeconds = 60;
    std::array<std::uint32_t, kSeconds> counts_{};   // frames per second, a ring indexed by the second
    std::array<std::int64_t, kSeconds> second_of_{};   // which second each slot holds
    std::uint64_t total_ = 0;
};

} // namespace kiosk
