// The soak's outside world: a local HTTP server with the organisers' feed (a
// new version every 30 s: texts edited, product pictures replaced every 10 min,
// the same cycle every hour), the live stats (new numbers every 4 s), the
// pictures themselves, and the faults it injects at fixed minutes of each hour.
#pragma once

// The soak makes tens of thousands of small requests: without TCP_NODELAY each
// would wait out the client's 40 ms delayed ACK (set before httplib is seen).
#define CPPHTTPLIB_TCP_NODELAY true
#include "local_http_server.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <string>

namespace kiosk::soak {

// What the server does wrong at a moment; the soak expects these in the log and nothing else.
struct Faults {
    bool feed_http_500 = false;
    bool feed_truncated = false;
    bool feed_invalid = false;
    bool live_http_503 = false;
    bool live_malformed = false;
};

// Minute 7–8 of each hour: HTTP 500 for the feed; 17: a truncated feed; 27: a feed
// that fails validation; 37: live stats 503; 47: live stats that are not JSON.
Faults faults_at(std::int64_t seconds);

class SoakWorld {
public:
    static constexpr const char* kMissingPicture = "/img/missing.png";   // always 404: a bad URL in the feed

    SoakWorld();
    // The documents and faults of simulated second `seconds` after the start.
    void set_time(std::int64_t seconds);

    std::string feed_url() const { return http_.url("/feed.json"); }
    std::string live_url() const { return http_.url("/live.json"); }
    std::int64_t start_unix() const { return start_unix_; }
    int pictures_in_cycle() const;   // distinct picture URLs over one hour

private:
    std::string feed_document(std::int64_t version) const;
    std::string live_document(std::int64_t tick) const;
    std::string iso_at(std::int64_t seconds) const;
    std::int64_t now() const;   // the simulated second the server answers for

    test::LocalHttpServer http_;
    nlohmann::json demo_;
    std::int64_t start_unix_ = 0;
    mutable std::mutex mutex_;
    std::int64_t seconds_ = 0;
};

} // namespace kiosk::soak
