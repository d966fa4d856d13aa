// Index of this file:
// [SECTION] Series and staleness
// [SECTION] Judging one figure
// [SECTION] Applying a document
// [SECTION] Saving and loading
#include "feed/live_guard.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

namespace kiosk {

namespace {

using nlohmann::json;

constexpr const char* kFigureKeys[3] = {"viewers", "orders", "revenue_fen"};
constexpr std::size_t kRecent = 5;   // accepted readings the recent rate is taken over

std::int64_t& figure_of(PlatformLive& p, std::size_t i) { return i == 0 ? p.viewers : i == 1 ? p.orders : p.revenue_fen; }
std::int64_t figure_of(const PlatformLive& p, std::size_t i) { return i == 0 ? p.viewers : i == 1 ? p.orders : p.revenue_fen; }

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? INT64_MAX : sum;
}

LivePoint max_of(const LivePoint& a, const LivePoint& b) {
    return {std::max(a.unix_seconds, b.unix_seconds), std::max(a.viewers, b.viewers), std::max(a.orders, b.orders),
            std::max(a.revenue_fen, b.revenue_fen)};
}

// Keeps the first and the last and evenly spread points between, `capacity` in all.
void thin(std::vector<LivePoint>& points, std::size_t capacity) {
    if (capacity < 2 || points.size() <= capacity) return;
    std::vector<LivePoint> out;
    out.reserve(capacity);
    const double step = static_cast<double>(points.size() - 1) / static_cast<double>(capacity - 1);
    for (std::size_t i = 0; i < capacity; ++i)
        out.push_back(points[std::min(points.size() - 1, static_cast<std::size_t>(static_cast<double>(i) * step + 0.5))]);
    points = std::move(out);
}

} // namespace

// [SECTION] Series and staleness
const char* live_anomaly_key(LiveAnomalyKind kind) { return kind == LiveAnomalyKind::decrease ? "decrease" : "spike"; }

std::string describe_live_anomaly(const LiveAnomaly& a) {
    std::string where = "live: session " + a.session + ", platform " + a.platform + ": ";
    if (std::string_view(a.figure) == "missing")
        return where + "missing from the document; holding its last figures (数据校正中 / Under review) until it returns"
                       " or a document says \"corrected\": true";
    if (a.kind == LiveAnomalyKind::decrease)
        return where + a.figure + " fell from " + std::to_string(a.shown) + " to " + std::to_string(a.received) +
               "; holding " + std::to_string(a.shown) +
               " (数据校正中 / Under review) until the figures reach it again or a document says \"corrected\": true";
    return where + a.figure + " jumped from " + std::to_string(a.shown) + " to " + std::to_string(a.received) +
           ", beyond the spike factor times the recent rate; holding " + std::to_string(a.shown) +
           " until the next document confirms it";
}

std::int64_t live_platform_stale_at(const PlatformLive& p, std::int64_t default_cadence_seconds) {
    if (!p.updated_at.valid) return INT64_MAX;
    const std::int64_t cadence = p.cadence_seconds > 0 ? p.cadence_seconds : std::max<std::int64_t>(1, default_cadence_seconds);
    return saturating_add(p.updated_at.unix_seconds, 2 * cadence);
}

bool live_platform_stale(const PlatformLive& p, std::int64_t now_unix, std::int64_t default_cadence_seconds) {
    return now_unix > live_platform_stale_at(p, default_cadence_seconds);
}

std::array<bool, 3> live_held_figures(const LiveStats& live) {
    std::array<bool, 3> out{};
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms)
            for (std::size_t i = 0; i < 3; ++i) out[i] = out[i] || p.holds[i] != LiveHold::none;
    return out;
}

std::vector<LivePlatformTime> live_platform_times(const LiveStats& live, std::int64_t default_cadence_seconds) {
    std::vector<LivePlatformTime> out;
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms) {
            auto it = std::find_if(out.begin(), out.end(), [&](const LivePlatformTime& o) { return o.platform == p.platform; });
            if (it == out.end()) it = out.insert(out.end(), LivePlatformTime{p.platform, {}, INT64_MAX});
            if (p.updated_at.valid && (!it->updated_at.valid || it->updated_at < p.updated_at)) {
                it->updated_at = p.updated_at;
                it->stale_at = live_platform_stale_at(p, default_cadence_seconds);
            }
        }
    return out;
}

LivePoint live_session_point(const SessionLive& s) {
    LivePoint out;
    for (const PlatformLive& p : s.platforms) {
        if (p.updated_at.valid) out.unix_seconds = std::max(out.unix_seconds, p.updated_at.unix_seconds);
        out.viewers = saturating_add(out.viewers, p.viewers);
        out.orders = saturating_add(out.orders, p.orders);
        out.revenue_fen = saturating_add(out.revenue_fen, p.revenue_fen);
    }
    return out;
}

std::vector<LivePoint> sum_live_series(const std::vector<std::vector<LivePoint>>& series, std::size_t capacity) {
    std::vector<std::int64_t> times;
    for (const auto& s : series)
        for (const LivePoint& p : s) times.push_back(p.unix_seconds);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    std::vector<std::size_t> next(series.size(), 0);
    std::vector<LivePoint> latest(series.size());   // each series' running maximum so far
    std::vector<LivePoint> out;
    out.reserve(times.size());
    for (std::int64_t t : times) {
        LivePoint sum{t, 0, 0, 0};
        for (std::size_t i = 0; i < series.size(); ++i) {
            while (next[i] < series[i].size() && series[i][next[i]].unix_seconds <= t)
                latest[i] = max_of(latest[i], series[i][next[i]++]);
            sum.viewers = saturating_add(sum.viewers, latest[i].viewers);
            sum.orders = saturating_add(sum.orders, latest[i].orders);
            sum.revenue_fen = saturating_add(sum.revenue_fen, latest[i].revenue_fen);
        }
        out.push_back(sum);
    }
    thin(out, capacity);
    return out;
}

std::vector<LivePoint> live_document_trend(const LiveStats& live, std::size_t capacity) {
    std::vector<std::vector<LivePoint>> series;
    for (const SessionLive& s : live.sessions) {
        std::vector<LivePoint> one = s.history;
        std::stable_sort(one.begin(), one.end(), [](const LivePoint& a, const LivePoint& b) { return a.unix_seconds < b.unix_seconds; });
        const LivePoint now = live_session_point(s);
        if (!s.platforms.empty()) one.push_back(now);   // sorted again below when a history point is later
        std::stable_sort(one.begin(), one.end(), [](const LivePoint& a, const LivePoint& b) { return a.unix_seconds < b.unix_seconds; });
        series.push_back(std::move(one));
    }
    return sum_live_series(series, capacity);
}

// [SECTION] Judging one figure
LiveHold LiveGuard::judge(Figure& f, std::int64_t value, std::int64_t at, bool corrected, LiveAnomaly& note) const {
    auto accept = [&f](std::int64_t v, std::int64_t t, bool fresh_rate) {
        if (fresh_rate) f.recent.clear();
        if (!f.recent.empty() && t <= f.recent.back().first) f.recent.back() = {std::max(t, f.recent.back().first), v};
        else f.recent.emplace_back(t, v);
        if (f.recent.size() > kRecent) f.recent.erase(f.recent.begin());
        f.shown = v;
        f.at = std::max(f.at, t);
        f.candidate.reset();
        f.hold = LiveHold::none;
        return LiveHold::none;
    };
    note.shown = f.shown;
    note.received = value;
    if (corrected) return accept(value, at, true);   // the organisers' own lowering: no rate across it
    if (f.candidate) {
        // A reading no newer than the held rise says nothing new about it.
        if (at <= f.at) return f.hold;
        const std::int64_t candidate = *f.candidate;
        f.candidate.reset();
        if (value >= candidate) return accept(value, at, false);   // confirmed
        f.hold = LiveHold::none;   // not confirmed: judged below as any reading
    }
    if (value < f.shown) {
        note.kind = LiveAnomalyKind::decrease;
        f.hold = LiveHold::decrease;
        return f.hold;
    }
    if (value > f.shown && options_.spike_factor > 0 && f.recent.size() >= 2 && at > f.recent.back().first) {
        const auto& [t0, v0] = f.recent.front();
        const auto& [t1, v1] = f.recent.back();
        const double rate = t1 > t0 ? (static_cast<double>(v1) - static_cast<double>(v0)) / static_cast<double>(t1 - t0) : 0.0;
        const double expected = rate * static_cast<double>(at - t1);   // since the last figure taken
        // No rise lately: nothing to measure a jump against, so it is taken.
        if (rate > 0 && static_cast<double>(value - f.shown) > options_.spike_factor * expected) {
            note.kind = LiveAnomalyKind::spike;
            f.candidate = value;
            f.at = at;   // the candidate's time: a later reading confirms or not
            f.hold = LiveHold::spike;
            return f.hold;
        }
    }
    return accept(value, at, false);
}

// [SECTION] Applying a document
PlatformLive LiveGuard::guard_platform(Session& s, const std::string& session_id, const PlatformLive& p, bool corrected,
                                       std::vector<LiveAnomaly>* started) {
    PlatformLive out = p;
    if (out.cadence_seconds <= 0) out.cadence_seconds = options_.default_cadence_seconds;
    const std::int64_t at = p.updated_at.unix_seconds;
    auto [it, fresh] = s.platforms.try_emplace(p.platform);
    Platform& state = it->second;
    if (fresh) {
        s.order.push_back(p.platform);
        for (std::size_t i = 0; i < 3; ++i) {
            state.figures[i].shown = figure_of(p, i);
            state.figures[i].at = at;
            state.figures[i].recent = {{at, figure_of(p, i)}};
        }
    } else {
        for (std::size_t i = 0; i < 3; ++i) {
            Figure& f = state.figures[i];
            const LiveHold before = f.hold;
            LiveAnomaly note{LiveAnomalyKind::decrease, session_id, p.platform, kFigureKeys[i], 0, 0};
            const LiveHold now = judge(f, figure_of(p, i), at, corrected, note);
            // Reported when a hold starts, not for every document it lasts.
            if (now != LiveHold::none && now != before && started) started->push_back(note);
            figure_of(out, i) = f.shown;
            out.holds[i] = now;
        }
    }
    state.last = out;
    return out;
}

void LiveGuard::remember(Session& s, const SessionLive& shown, bool corrected) {
    for (const LivePoint& h : shown.history) {
        LivePoint& at = s.seen[h.unix_seconds];
        at = max_of(at, h);
    }
    const LivePoint now = live_session_point(shown);
    if (corrected)   // points above the corrected figures were wrong: the curve comes down to them
        for (auto& [t, p] : s.seen) {
            p.viewers = std::min(p.viewers, now.viewers);
            p.orders = std::min(p.orders, now.orders);
            p.revenue_fen = std::min(p.revenue_fen, now.revenue_fen);
        }
    if (!shown.platforms.empty()) s.seen[now.unix_seconds] = corrected ? now : max_of(s.seen[now.unix_seconds], now);
    // Bounded: past twice the trend's capacity every other point goes, the newest stays.
    if (s.seen.size() > 2 * std::max<std::size_t>(options_.trend_capacity, 4)) {
        bool drop = false;
        const std::int64_t newest = s.seen.rbegin()->first;
        for (auto i = s.seen.begin(); i != s.seen.end();) {
            if (drop && i->first != newest) i = s.seen.erase(i);
            else ++i;
            drop = !drop;
        }
    }
}

LiveStats LiveGuard::apply(const LiveStats& received, std::vector<LiveAnomaly>* started) {
    LiveStats out;
    out.corrected = received.corrected;
    const bool corrected = received.corrected;
    std::vector<std::string> present;
    for (const SessionLive& rs : received.sessions) {
        auto [it, fresh] = sessions_.try_emplace(rs.session);
        if (fresh) session_order_.push_back(rs.session);
        Session& s = it->second;
        SessionLive shown = rs;
        shown.platforms.clear();
        for (const PlatformLive& p : rs.platforms) shown.platforms.push_back(guard_platform(s, rs.session, p, corrected, started));
        carry_missing(s, rs.session, shown, corrected, started);
        remember(s, shown, corrected);
        s.last = shown;
        present.push_back(rs.session);
        out.sessions.push_back(std::move(shown));
    }
    // A session gone from the document: held at what was shown, unless corrected.
    for (auto id = session_order_.begin(); id != session_order_.end();) {
        if (std::find(present.begin(), present.end(), *id) != present.end()) { ++id; continue; }
        if (corrected) {
            sessions_.erase(*id);
            id = session_order_.erase(id);
            continue;
        }
        Session& s = sessions_[*id];
        SessionLive kept = s.last;
        kept.platforms.clear();
        carry_missing(s, *id, kept, false, started);
        s.last = kept;
        out.sessions.push_back(std::move(kept));
        ++id;
    }
    std::vector<std::vector<LivePoint>> series;
    for (const SessionLive& shown : out.sessions) {
        std::vector<LivePoint> one;
        for (const auto& [t, p] : sessions_[shown.session].seen) one.push_back(p);
        series.push_back(std::move(one));
        for (const PlatformLive& p : shown.platforms)
            if (p.updated_at.valid && (!out.updated_at.valid || out.updated_at < p.updated_at)) out.updated_at = p.updated_at;
    }
    out.trend = sum_live_series(series, options_.trend_capacity);
    return out;
}

void LiveGuard::carry_missing(Session& s, const std::string& session_id, SessionLive& shown, bool corrected,
                              std::vector<LiveAnomaly>* started) {
    for (auto key = s.order.begin(); key != s.order.end();) {
        const bool there = std::any_of(shown.platforms.begin(), shown.platforms.end(),
                                       [&](const PlatformLive& p) { return p.platform == *key; });
        if (there) { ++key; continue; }
        if (corrected) {
            s.platforms.erase(*key);
            key = s.order.erase(key);
            continue;
        }
        Platform& state = s.platforms[*key];
        const bool already = state.last.holds == std::array<LiveHold, 3>{LiveHold::decrease, LiveHold::decrease, LiveHold::decrease};
        if (!already && started) started->push_back({LiveAnomalyKind::decrease, session_id, *key, "missing", 0, 0});
        for (std::size_t i = 0; i < 3; ++i) {
            state.figures[i].hold = LiveHold::decrease;
            state.figures[i].candidate.reset();
            figure_of(state.last, i) = state.figures[i].shown;
        }
        state.last.holds = {LiveHold::decrease, LiveHold::decrease, LiveHold::decrease};
        shown.platforms.push_back(state.last);
        ++key;
    }
}

// [SECTION] Saving and loading
std::string LiveGuard::save() const {
    json sessions = json::array();
    for (const std::string& id : session_order_) {
        const Session& s = sessions_.at(id);
        json platforms = json::array();
        for (const std::string& key : s.order) {
            const Platform& p = s.platforms.at(key);
            platforms.push_back({{"platform", key},
                                 {"name", {{"zh", p.last.name.zh}, {"en", p.last.name.en}}},
                                 {"updated_at", p.last.updated_at.unix_seconds},
                                 {"offset_minutes", p.last.updated_at.offset_minutes},
                                 {"cadence_seconds", p.last.cadence_seconds},
                                 {"shown", {p.figures[0].shown, p.figures[1].shown, p.figures[2].shown}}});
        }
        json seen = json::array();
        for (const auto& [t, p] : s.seen) seen.push_back({t, p.viewers, p.orders, p.revenue_fen});
        sessions.push_back({{"session", id}, {"platforms", std::move(platforms)}, {"seen", std::move(seen)}});
    }
    return json{{"format", "lvliang-kiosk-live-seen/1"}, {"sessions", std::move(sessions)}}.dump();
}

bool LiveGuard::load(std::string_view text) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || doc.value("format", "") != "lvliang-kiosk-live-seen/1" || !doc.contains("sessions") ||
        !doc["sessions"].is_array())
        return false;
    std::map<std::string, Session> sessions;
    std::vector<std::string> order;
    try {
        for (const json& js : doc["sessions"]) {
            const std::string id = js.at("session").get<std::string>();
            if (sessions.count(id)) continue;
            Session& s = sessions[id];
            order.push_back(id);
            s.last.session = id;
            for (const json& jp : js.at("platforms")) {
                const std::string key = jp.at("platform").get<std::string>();
                if (s.platforms.count(key)) continue;
                Platform& p = s.platforms[key];
                s.order.push_back(key);
                p.last.platform = key;
                p.last.name = {jp.at("name").at("zh").get<std::string>(), jp.at("name").at("en").get<std::string>()};
                p.last.updated_at = {jp.at("updated_at").get<std::int64_t>(), jp.at("offset_minutes").get<int>(), true};
                p.last.cadence_seconds = jp.at("cadence_seconds").get<std::int64_t>();
                for (std::size_t i = 0; i < 3; ++i) {
                    const std::int64_t v = jp.at("shown").at(i).get<std::int64_t>();
                    if (v < 0) return false;
                    p.figures[i].shown = v;
                    p.figures[i].at = p.last.updated_at.unix_seconds;
                    p.figures[i].recent = {{p.figures[i].at, v}};
                    figure_of(p.last, i) = v;
                }
                s.last.platforms.push_back(p.last);
            }
            for (const json& jq : js.at("seen")) {
                const LivePoint q{jq.at(0).get<std::int64_t>(), jq.at(1).get<std::int64_t>(), jq.at(2).get<std::int64_t>(),
                                  jq.at(3).get<std::int64_t>()};
                s.seen[q.unix_seconds] = q;
            }
        }
    } catch (const json::exception&) {
        return false;   // a damaged file: start afresh rather than half-loaded
    }
    sessions_ = std::move(sessions);
    session_order_ = std::move(order);
    return true;
}

} // namespace kiosk
