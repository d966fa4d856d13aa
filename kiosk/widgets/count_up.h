// A big number that eases up to a higher value (~1 s) and drops at once to a
// lower one: a correction must not look like sales running backwards.
#pragma once

#include <cstdint>

namespace kiosk {

class CountUp {
public:
    explicit CountUp(double duration_seconds = 1.0) : duration_(duration_seconds) {}

    // The newest value. The first one shows at once; a higher one eases from
    // what is shown now; one below what is shown replaces it without animation.
    void set(std::int64_t target, double now);

    std::int64_t value(double now) const;    // what to show at `now`
    std::int64_t target() const { return to_; }
    bool animating(double now) const { return from_ != to_ && now < start_ + duration_; }

private:
    double duration_;
    std::int64_t from_ = 0;
    std::int64_t to_ = 0;
    double start_ = 0;
    bool has_value_ = false;
};

} // namespace kiosk
