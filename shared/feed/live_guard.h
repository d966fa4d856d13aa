// Live figures that never lie (issue 16): what the worker does to each new
// live-stats document before the screens see it. Pure and single-threaded: the
// live source's worker owns one LiveGuard and feeds it every valid document.
//
// - A cumulative figure (viewers, orders, revenue of one session on one platform)
//   lower than the one shown is held at the shown value, marked LiveHold::decrease,
//   until a document reaches it again; `"corrected": true` takes a document as is.
//   A platform or session missing from a document is kept at its last values and
//   held the same way.
// - A rise beyond `spike_factor` times the recent rate is held (LiveHold::spike)
//   until the next document confirms it (at least as high: taken) or not (lower:
//   the candidate is dropped and that document is judged as any other).
// - Each hold that starts is reported once in `started` (the log line and the
//   kiosk_live_anomalies_total counter), not again while it lasts.
// - The trend: every session's history from the documents and every set of
//   figures shown, summed over sessions into LiveStats::trend; save()/load()
//   keep it (and the figures shown) across a restart through the cache.
#pragma once

#include "feed/model.h"

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct LiveGuardOptions {
    double spike_factor = 10;                 // config live_spike_factor; 0 = rises are never held
    std::int64_t default_cadence_seconds = 60;   // config live_cadence_seconds, for platforms that give none
    std::size_t trend_capacity = 720;         // points of the summed trend (older ones thinned)
};

enum class LiveAnomalyKind { decrease, spike };
inline constexpr std::size_t kLiveAnomalyKinds = 2;
// "decrease", "spike": the metric's label value.
const char* live_anomaly_key(LiveAnomalyKind kind);

// One hold that started: where, which figure, what was shown and what came.
struct LiveAnomaly {
    LiveAnomalyKind kind = LiveAnomalyKind::decrease;
    std::string session, platform;
    const char* figure = "";   // "viewers", "orders", "revenue_fen"
    std::int64_t shown = 0, received = 0;
};
// "live: session live-jiaocheng, platform douyin: orders fell from 3820 to 3790; holding 3820 (数据校正中) until ..."
std::string describe_live_anomaly(const LiveAnomaly& a);

// A platform's figures are grey when not updated for more than twice its cadence.
bool live_platform_stale(const PlatformLive& platform, std::int64_t now_unix, std::int64_t default_cadence_seconds = 60);
// The instant (unix seconds) it turns stale; INT64_MAX when its time is not valid.
std::int64_t live_platform_stale_at(const PlatformLive& platform, std::int64_t default_cadence_seconds = 60);

// Per figure (viewers, orders, revenue): whether any platform's is held now (the 数据校正中 mark).
std::array<bool, 3> live_held_figures(const LiveStats& live);

// Each platform key's newest figures time over all sessions, and when it turns stale.
struct LivePlatformTime {
    std::string platform;
    Timestamp updated_at;
    std::int64_t stale_at = INT64_MAX;
};
std::vector<LivePlatformTime> live_platform_times(const LiveStats& live, std::int64_t default_cadence_seconds = 60);

// A session's figures summed over its platforms, at its newest updated_at.
LivePoint live_session_point(const SessionLive& session);
// Series (each in time order) summed: at every instant of any series, each counts
// its latest point at or before it (never below an earlier one). At most `capacity`
// points: the first, the last and evenly thinned ones between.
std::vector<LivePoint> sum_live_series(const std::vector<std::vector<LivePoint>>& series, std::size_t capacity);
// The trend a document gives by itself: each session's history, then its figures now.
std::vector<LivePoint> live_document_trend(const LiveStats& live, std::size_t capacity = 720);

class LiveGuard {
public:
    explicit LiveGuard(LiveGuardOptions options = {}) : options_(options) {}

    // What to show for `received`; holds that start are appended to `started`.
    LiveStats apply(const LiveStats& received, std::vector<LiveAnomaly>* started = nullptr);

    // The figures shown and the trend seen, as JSON for the cache, and back.
    std::string save() const;
    // False (nothing changed) when `text` is not a saved state.
    bool load(std::string_view text);

    const LiveGuardOptions& options() const { return options_; }

private:
    struct Figure {
        std::int64_t shown = 0;
        std::int64_t at = 0;                        // updated_at of the shown value
        std::vector<std::pair<std::int64_t, std::int64_t>> recent;   // accepted (time, value), oldest first, ≤ 5
        std::optional<std::int64_t> candidate;      // a held rise waiting for confirmation
        LiveHold hold = LiveHold::none;
    };
    struct Platform {
        PlatformLive last;            // as last shown
        std::array<Figure, 3> figures;
    };
    struct Session {
        std::map<std::string, Platform> platforms;
        std::vector<std::string> order;             // platform keys in first-seen order
        std::map<std::int64_t, LivePoint> seen;     // history and shown totals by time
        SessionLive last;                           // as last shown (top products, on air)
    };

    LiveHold judge(Figure& f, std::int64_t value, std::int64_t at, bool corrected, LiveAnomaly& note) const;
    PlatformLive guard_platform(Session& s, const std::string& session_id, const PlatformLive& p, bool corrected,
                                std::vector<LiveAnomaly>* started);
    // Platforms seen before but not in `shown`: kept at their last figures, held (dropped when corrected).
    void carry_missing(Session& s, const std::string& session_id, SessionLive& shown, bool corrected,
                       std::vector<LiveAnomaly>* started);
    void remember(Session& s, const SessionLive& shown, bool corrected);

    LiveGuardOptions options_;
    std::map<std::string, Session> sessions_;
    std::vector<std::string> session_order_;
};

} // namespace kiosk
