// Fair airtime for the counties in the attract loop: which product comes next.
// Counties take turns by their weights (feed airtime_weight): the next slide goes
// to the county with the least airtime for its weight (seconds / weight, ties in
// feed order), and within a county its featured products come first, then the
// others, round and round. Airtime is what was really on air (credited when a
// slide ends), and a restarted kiosk is seeded with the day's play log, so a
// restart neither gives the first counties an extra turn nor forgets who is owed.
// Pure: no clock of its own, no I/O, no UI; the attract screen asks it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Feed;

struct AirtimeCounty {
    std::string id;
    double weight = 1;
    std::vector<std::string> products;   // in the order they take turns: featured first
};

struct AirtimeSlot {
    std::string county;
    std::string product;
};

// The counties with something for sale, in feed order: featured products
// first, then the others, each in feed order; sold-out ones left out.
std::vector<AirtimeCounty> airtime_counties(const Feed& feed);

class AirtimeScheduler {
public:
    // `slide_seconds`: a slide's usual length, the most a county can be owed when it joins.
    explicit AirtimeScheduler(double slide_seconds = 8.0);

    // The counties that take turns now (a new feed); airtime given so far is kept.
    // A county that joins late, or was owed more than one slide, starts one slide
    // behind the others at most instead of catching up for hours.
    void set_counties(std::vector<AirtimeCounty> counties);

    // Airtime a county had (the play log at start): counted as if shown here.
    void credit(const std::string& county, double seconds);

    // Ends the slide on air at `now` (crediting its county), and puts the next one
    // on air from `now`; nullopt when no county has anything to show.
    std::optional<AirtimeSlot> next(double now);

    // Ends the slide on air at `now` (the live slide comes, or the visitor touched).
    void stop(double now);

    double seconds(const std::string& county) const;    // airtime credited so far
    const std::optional<AirtimeSlot>& on_air() const { return on_air_; }

private:
    void settle();   // bounds how far any county lags the leader

    double slide_seconds_;
    std::vector<AirtimeCounty> counties_;
    std::map<std::string, double> seconds_;          // by county
    std::map<std::string, std::size_t> cursor_;      // by county: its next product
    std::map<std::string, std::string> last_shown_;  // by county: to keep the turn across a new feed
    std::optional<AirtimeSlot> on_air_;
    double on_air_since_ = 0;
};

} // namespace kiosk
