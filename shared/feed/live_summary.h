// Live-sale figures as the dashboard shows them: totals over every session and
// platform, the same split by platform and by county, the best-selling
// products, and a bounded history of totals for the trend line.
#pragma once

#include "feed/model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct LiveTotals {
    std::int64_t viewers = 0;
    std::int64_t orders = 0;
    std::int64_t revenue_fen = 0;
    friend bool operator==(const LiveTotals&, const LiveTotals&) = default;
};

// One bar of a breakdown: a platform or a county and its totals.
struct LiveShare {
    std::string key;        // platform key or county id ("" for sessions without a known county)
    LocalizedText name;     // empty when the county is unknown: the screen says "other"
    LiveTotals totals;
};

// Sums saturate at INT64_MAX instead of overflowing on absurd input.
LiveTotals live_totals(const LiveStats& live);

// Per platform key, the name taken from its first appearance; largest viewers first.
std::vector<LiveShare> live_by_platform(const LiveStats& live);

// Per county of each session (feed.session(id)->county); largest revenue first.
std::vector<LiveShare> live_by_county(const LiveStats& live, const Feed& feed);

// Top products of every session merged by product id; largest revenue first.
std::vector<TopProduct> live_top_products(const LiveStats& live);

// The live-stream session running at `now`, if any (the first one in schedule order).
const Session* running_live_session(const Feed& feed, std::int64_t now);

// The next instant after `now` at which a live-stream session starts or ends;
// INT64_MAX when none does.
std::int64_t next_live_boundary(const Feed& feed, std::int64_t now);

// A bounded record of totals over time. When full it drops every other
// sample, so the line still spans the whole time since start.
class LiveTrend {
public:
    struct Sample {
        std::int64_t unix_seconds = 0;
        LiveTotals totals;
    };

    explicit LiveTrend(std::size_t capacity = 720) : capacity_(capacity < 4 ? 4 : capacity) {}

    // A sample not later than the newest replaces the newest's totals.
    void record(std::int64_t unix_seconds, const LiveTotals& totals);
    const std::vector<Sample>& samples() const { return samples_; }
    std::size_t capacity() const { return capacity_; }

private:
    std::size_t capacity_;
    std::vector<Sample> samples_;
};

} // namespace kiosk
