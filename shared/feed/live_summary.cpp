#include "feed/live_summary.h"

#include "feed/schedule_changes.h"

#include <algorithm>
#include <limits>

namespace kiosk {

namespace {

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t sum = 0;
    if (!__builtin_add_overflow(a, b, &sum)) return sum;
    return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

void add(LiveTotals& to, const LiveTotals& from) {
    to.viewers = saturating_add(to.viewers, from.viewers);
    to.orders = saturating_add(to.orders, from.orders);
    to.revenue_fen = saturating_add(to.revenue_fen, from.revenue_fen);
}

LiveTotals totals_of(const PlatformLive& p) { return {p.viewers, p.orders, p.revenue_fen}; }

LiveShare& share_for(std::vector<LiveShare>& shares, const std::string& key) {
    for (LiveShare& s : shares)
        if (s.key == key) return s;   // a handful of platforms or counties: a scan beats a map
    shares.push_back(LiveShare{key, {}, {}});
    return shares.back();
}

} // namespace

LiveTotals live_totals(const LiveStats& live) {
    LiveTotals out;
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms) add(out, totals_of(p));
    return out;
}

std::vector<LiveShare> live_by_platform(const LiveStats& live) {
    std::vector<LiveShare> out;
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms) {
            LiveShare& share = share_for(out, p.platform);
            if (share.name.empty()) share.name = p.name;
            add(share.totals, totals_of(p));
        }
    std::stable_sort(out.begin(), out.end(),
                     [](const LiveShare& a, const LiveShare& b) { return a.totals.viewers > b.totals.viewers; });
    return out;
}

std::vector<LiveShare> live_by_county(const LiveStats& live, const Feed& feed) {
    std::vector<LiveShare> out;
    for (const SessionLive& s : live.sessions) {
        const Session* session = feed.session(s.session);
        const County* county = session ? feed.county(session->county) : nullptr;
        LiveShare& share = share_for(out, county ? county->id : std::string());
        if (county) share.name = county->name;
        for (const PlatformLive& p : s.platforms) add(share.totals, totals_of(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const LiveShare& a, const LiveShare& b) {
        return a.totals.revenue_fen > b.totals.revenue_fen;
    });
    return out;
}

std::vector<TopProduct> live_top_products(const LiveStats& live) {
    std::vector<TopProduct> out;
    for (const SessionLive& s : live.sessions)
        for (const TopProduct& t : s.top_products) {
            auto it = std::find_if(out.begin(), out.end(), [&](const TopProduct& o) { return o.product == t.product; });
            if (it == out.end()) {
                out.push_back(t);
            } else {
                it->orders = saturating_add(it->orders, t.orders);
                it->revenue_fen = saturating_add(it->revenue_fen, t.revenue_fen);
            }
        }
    std::stable_sort(out.begin(), out.end(), [](const TopProduct& a, const TopProduct& b) {
        return a.revenue_fen != b.revenue_fen ? a.revenue_fen > b.revenue_fen : a.orders > b.orders;
    });
    return out;
}

const Session* running_live_session(const Feed& feed, std::int64_t now) {
    for (const Session& s : feed.schedule)
        if (s.kind == SessionKind::live_stream && session_running(s, now)) return &s;   // never a cancelled one
    return nullptr;
}

std::int64_t next_live_boundary(const Feed& feed, std::int64_t now) {
    std::int64_t next = std::numeric_limits<std::int64_t>::max();
    for (const Session& s : feed.schedule) {
        if (s.kind != SessionKind::live_stream || s.cancelled) continue;
        if (s.start.unix_seconds > now) next = std::min(next, s.start.unix_seconds);
        if (s.end.unix_seconds > now) next = std::min(next, s.end.unix_seconds);
    }
    return next;
}

void LiveTrend::record(std::int64_t unix_seconds, const LiveTotals& totals) {
    // Two snapshots in the same second (or a clock set back): the newer one
    // replaces the last, so times stay increasing.
    if (!samples_.empty() && unix_seconds <= samples_.back().unix_seconds) {
        samples_.back().totals = totals;
        return;
    }
    if (samples_.size() == capacity_) {
        // Keep samples 0, 2, 4… and always the newest, halving the resolution.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < samples_.size(); i += 2) samples_[kept++] = samples_[i];
        if (samples_.size() % 2 == 0) samples_[kept++] = samples_.back();
        samples_.resize(kept);
    }
    samples_.push_back(Sample{unix_seconds, totals});
}

} // namespace kiosk
