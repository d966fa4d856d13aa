#include "service/airtime_scheduler.h"

#include "feed/model.h"

#include <algorithm>
#include <limits>

namespace kiosk {

std::vector<AirtimeCounty> airtime_counties(const Feed& feed) {
    std::vector<AirtimeCounty> out;
    for (const County& c : feed.counties) {
        AirtimeCounty county{c.id, c.airtime_weight > 0 ? c.airtime_weight : 1.0, {}};
        for (const bool featured : {true, false})
            for (const Product& p : feed.products)
                if (p.county == c.id && p.featured == featured && !p.sold_out) county.products.push_back(p.id);
        if (!county.products.empty()) out.push_back(std::move(county));
    }
    return out;
}

AirtimeScheduler::AirtimeScheduler(double slide_seconds) : slide_seconds_(slide_seconds) {}

void AirtimeScheduler::set_counties(std::vector<AirtimeCounty> counties) {
    counties_ = std::move(counties);
    for (const AirtimeCounty& c : counties_) {
        // Keep each county's turn where it was when its products are the same or moved.
        std::size_t& cursor = cursor_[c.id];
        const auto last = last_shown_.find(c.id);
        if (last != last_shown_.end()) {
            const auto it = std::find(c.products.begin(), c.products.end(), last->second);
            if (it != c.products.end()) cursor = static_cast<std::size_t>(it - c.products.begin()) + 1;
        }
        if (!c.products.empty()) cursor %= c.products.size();
    }
    settle();
}

void AirtimeScheduler::credit(const std::string& county, double seconds) {
    if (seconds > 0) seconds_[county] += seconds;
}

void AirtimeScheduler::settle() {
    if (counties_.empty()) return;
    double lead = 0;
    for (const AirtimeCounty& c : counties_) lead = std::max(lead, seconds_[c.id] / c.weight);
    // Owed more than one slide (joined late, or its weight went up): one slide behind at most.
    for (const AirtimeCounty& c : counties_) {
        double& s = seconds_[c.id];
        s = std::max(s, (lead - slide_seconds_ / c.weight) * c.weight);
    }
}

std::optional<AirtimeSlot> AirtimeScheduler::next(double now) {
    stop(now);
    const AirtimeCounty* pick = nullptr;
    double least = std::numeric_limits<double>::infinity();
    for (const AirtimeCounty& c : counties_) {
        const double v = seconds_[c.id] / c.weight;
        if (v < least - 1e-9) {   // ties go to the earlier county in the feed
            least = v;
            pick = &c;
        }
    }
    if (!pick) return std::nullopt;
    std::size_t& cursor = cursor_[pick->id];
    cursor %= pick->products.size();
    on_air_ = AirtimeSlot{pick->id, pick->products[cursor]};
    on_air_since_ = now;
    last_shown_[pick->id] = on_air_->product;
    ++cursor;
    return on_air_;
}

void AirtimeScheduler::stop(double now) {
    if (on_air_) credit(on_air_->county, std::max(0.0, now - on_air_since_));
    on_air_.reset();
}

double AirtimeScheduler::seconds(const std::string& county) const {
    const auto it = seconds_.find(county);
    return it == seconds_.end() ? 0 : it->second;
}

} // namespace kiosk
