// The kiosk's sources wired together: the main feed, the optional live stats
// and the optional announcements, each on its own worker, sharing one disk
// cache (a restart with the network down shows the last good announcements
// from it; active_announcements() drops the ended ones). Each valid feed gets
// its schedule changes marked (sources/schedule_keeper.h) and its search index
// on the feed's worker and is published with them. The UI picks
// up new snapshots between frames with take_if_newer() and reads status() for
// the admin panel and the offline badge.
#pragma once

#include "base/published.h"
#include "feed/live_guard.h"
#include "feed/model.h"
#include "search/indexed_feed.h"
#include "sources/document_cache.h"
#include "sources/document_source.h"
#include "sources/index_worker.h"
#include "sources/schedule_keeper.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk {

struct PipelineConfig {
    std::string feed_location;             // --feed: local path or http(s) URL; empty for none
    std::string live_location;             // --live: likewise, optional
    std::string announcements_location;    // config announcements: likewise, optional; polled like live
    std::filesystem::path cache_dir;       // --cache-dir; empty: default_cache_dir()
    std::uintmax_t image_cache_bytes = 256u * 1024 * 1024;   // image_cache_mb
    std::chrono::milliseconds feed_poll_interval{30'000};
    std::chrono::milliseconds live_poll_interval{2'000};
    std::chrono::milliseconds feed_stale_after{30 * 60'000};
    std::chrono::milliseconds live_stale_after{2 * 60'000};
    std::chrono::milliseconds max_backoff{5 * 60'000};
    std::chrono::milliseconds live_cache_write_interval{10'000};   // live stats change every few seconds
    std::chrono::milliseconds file_check_interval{500};
    FetchOptions fetch;
    // [Issue 16, live figures] held decreases and spikes, cadence (config live_spike_factor, live_cadence_seconds)
    LiveGuardOptions live_guard;
    // Whether indexing a feed is quick now (then the feed waits for its index), and how an index is
    // built; empty: pinyin_rules_ready() and SearchIndex(feed). Tests hold the build to watch the order.
    std::function<bool()> index_is_quick;
    std::function<std::shared_ptr<const SearchIndex>(const Feed&)> build_index;
};

class FeedPipeline {
public:
    // `wake_ui` is called from worker threads after a publish or status change
    // (e.g. glfwPostEmptyEvent, which is thread-safe); may be empty.
    FeedPipeline(PipelineConfig config, ParseFunction<Feed> parse_feed, ParseFunction<LiveStats> parse_live,
                 std::function<void()> wake_ui, ParseFunction<std::vector<Announcement>> parse_announcements = {});
    ~FeedPipeline();
    FeedPipeline(const FeedPipeline&) = delete;
    FeedPipeline& operator=(const FeedPipeline&) = delete;

    // Prepares the cache, then starts the workers; each publishes its cached
    // document (if valid) before its first fetch.
    void start();
    void stop();
    void refresh_now();
    // One source only (the soak polls each on its own simulated schedule).
    void refresh_feed_now();
    void refresh_live_now();
    void refresh_announcements_now();

    // The feed with its search index; the first feed of a run may come without (search null) and
    // then again, the same feed, with it.
    const Published<IndexedFeed>& feed() const { return feed_; }
    const Published<LiveStats>& live() const { return live_; }
    // The announcements document's list (the feed's own come with the feed).
    const Published<std::vector<Announcement>>& announcements() const { return announcements_; }
    // nullopt when that source isn't configured.
    std::optional<SourceStatus> feed_status() const;
    std::optional<SourceStatus> live_status() const;
    std::optional<SourceStatus> announcements_status() const;

    // Null when the cache directory could not be created (the kiosk then runs without one).
    DocumentCache* cache() { return cache_ok_ ? &cache_ : nullptr; }

    // [Issue 16, live figures] Holds the live guard started since start, by LiveAnomalyKind
    // (kiosk_live_anomalies_total{kind}); any thread.
    std::array<std::uint64_t, kLiveAnomalyKinds> live_anomalies() const;

private:
    PipelineConfig config_;
    DocumentCache cache_;
    bool cache_ok_ = false;
    ScheduleKeeper schedule_keeper_;   // before the sources, whose handler uses it
    Published<IndexedFeed> feed_;
    std::function<void()> wake_ui_;
    std::mutex feed_publish_mutex_;   // a late index never overwrites a newer feed
    void publish_feed(std::shared_ptr<const Feed> feed);
    void index_built(const std::shared_ptr<const Feed>& feed, std::shared_ptr<const SearchIndex> index);
    Published<LiveStats> live_;
    Published<std::vector<Announcement>> announcements_;
    std::unique_ptr<DocumentSource> feed_source_;
    std::unique_ptr<DocumentSource> live_source_;
    std::unique_ptr<DocumentSource> announcements_source_;
    // [Issue 16, live figures] The live worker's guard (loaded before it starts, saved after it stops).
    DocumentHandler guarded_live(ParseFunction<LiveStats> parse);
    void save_live_seen();
    LiveGuard live_guard_;
    std::chrono::steady_clock::time_point live_seen_saved_{};
    std::array<std::atomic<std::uint64_t>, kLiveAnomalyKinds> live_anomalies_{};
    std::unique_ptr<IndexWorker> indexer_;   // last: stopped first, before what its callback uses
};

} // namespace kiosk
