#include "sources/pipeline.h"

#include "base/atomic_file.h"
#include "base/log.h"
#include "search/pinyin.h"

namespace kiosk {


FeedPipeline::FeedPipeline(PipelineConfig config, ParseFunction<Feed> parse_feed, ParseFunction<LiveStats> parse_live,
                           std::function<void()> wake_ui, ParseFunction<std::vector<Announcement>> parse_announcements)
    : config_(std::move(config)),
      cache_(config_.cache_dir.empty() ? default_cache_dir() : config_.cache_dir, config_.fetch.max_body_bytes),
      schedule_keeper_(cache_.dir() / kScheduleMemoryFile, config_.feed_location),
      wake_ui_(wake_ui),
      live_guard_(config_.live_guard) {
    if (!config_.index_is_quick) config_.index_is_quick = pinyin_rules_ready;
    if (!config_.build_index)
        config_.build_index = [](const Feed& feed) { return std::make_shared<const SearchIndex>(feed); };
    indexer_ = std::make_unique<IndexWorker>(
        config_.build_index, [this](const std::shared_ptr<const Feed>& feed, std::shared_ptr<const SearchIndex> index) {
            index_built(feed, std::move(index));
        });
    cache_.set_image_limit(config_.image_cache_bytes);
    if (!config_.feed_location.empty()) {
        SourceConfig c;
        c.name = "feed";
        c.location = config_.feed_location;
        c.poll_interval = config_.feed_poll_interval;
        c.max_backoff = config_.max_backoff;
        c.stale_after = config_.feed_stale_after;
        c.file_check_interval = config_.file_check_interval;
        c.fetch = config_.fetch;
        // A valid feed is published with its schedule changes marked (compared with the earlier
        // feeds) and its search index, both done on this worker (or the index on indexer_).
        DocumentHandler handler = [this, parse = std::move(parse_feed)](std::string_view text, std::string_view origin) {
            Parsed<Feed> parsed = parse(text, origin);
            const bool valid = parsed.doc != nullptr;
            if (valid) publish_feed(schedule_keeper_.mark(std::move(parsed.doc)));
            return DocumentVerdict{valid, std::move(parsed.errors), std::move(parsed.warnings)};
        };
        feed_source_ = std::make_unique<DocumentSource>(c, std::move(handler), &cache_, wake_ui);
    }
    if (!config_.live_location.empty()) {
        SourceConfig c;
        c.name = "live";
        c.location = config_.live_location;
        c.poll_interval = config_.live_poll_interval;
        c.max_backoff = config_.max_backoff;
        c.stale_after = config_.live_stale_after;
        c.cache_write_interval = config_.live_cache_write_interval;
        c.file_check_interval = config_.file_check_interval;
        c.log_each_update = false;
        c.fetch = config_.fetch;
        live_source_ = std::make_unique<DocumentSource>(c, guarded_live(std::move(parse_live)), &cache_, wake_ui);
    }
    if (!config_.announcements_location.empty() && parse_announcements) {
        SourceConfig c;
        c.name = "announcements";   // cached as announcements.json: shown after a restart with the network down
        c.location = config_.announcements_location;
        c.poll_interval = config_.live_poll_interval;   // published → on screen within the live poll
        c.max_backoff = config_.max_backoff;
        c.stale_after = config_.live_stale_after;
        c.file_check_interval = config_.file_check_interval;
        c.fetch = config_.fetch;
        announcements_source_ = std::make_unique<DocumentSource>(
            c, publish_into(announcements_, std::move(parse_announcements)), &cache_, wake_ui);
    }
}

FeedPipeline::~FeedPipeline() {
    stop();
    indexer_.reset();   // before the members its callback publishes into
}

// The first feed does not wait ~0.5 s for ICU to compile its rules: it shows, and search follows.
void FeedPipeline::publish_feed(std::shared_ptr<const Feed> feed) {
    if (config_.index_is_quick()) {
        std::shared_ptr<const SearchIndex> index = config_.build_index(*feed);
        std::lock_guard lock(feed_publish_mutex_);
        feed_.publish(std::make_shared<const IndexedFeed>(IndexedFeed{std::move(feed), std::move(index)}));
        return;
    }
    {
        std::lock_guard lock(feed_publish_mutex_);
        feed_.publish(std::make_shared<const IndexedFeed>(IndexedFeed{feed, nullptr}));
    }
    indexer_->request(std::move(feed));
}

void FeedPipeline::index_built(const std::shared_ptr<const Feed>& feed, std::shared_ptr<const SearchIndex> index) {
    {
        std::lock_guard lock(feed_publish_mutex_);
        const std::shared_ptr<const IndexedFeed> shown = feed_.latest();
        if (!shown || shown->feed != feed || shown->search) return;   // a newer feed came meanwhile
        feed_.publish(std::make_shared<const IndexedFeed>(IndexedFeed{feed, std::move(index)}));
    }
    if (wake_ui_) wake_ui_();
}

void FeedPipeline::start() {
    std::string error;
    cache_ok_ = cache_.prepare(error);
    if (!cache_ok_) log_error("cache: " + error + "; running without a last-known-good copy");
    // [Issue 16, live figures] What the last run showed: the evening's curve and figures never below them.
    if (cache_ok_ && live_source_) {
        std::string read_error;
        if (auto text = read_whole_file(cache_.dir() / "live-seen.json", 8u * 1024 * 1024, read_error);
            text && !live_guard_.load(*text))
            log_warning("cache: live-seen.json is not a saved live state; the trend starts afresh");
    }
    // The sources hold a pointer to cache_; without a usable directory their loads and stores fail and are logged.
    if (feed_source_) feed_source_->start();
    if (live_source_) live_source_->start();
    if (announcements_source_) announcements_source_->start();
}

void FeedPipeline::stop() {
    if (feed_source_) feed_source_->stop();
    if (live_source_) {
        live_source_->stop();
        save_live_seen();   // the worker has ended: the guard is ours
    }
    if (announcements_source_) announcements_source_->stop();
}

// [Issue 16, live figures] Parse, then hold what must not be shown yet; each hold logged once and counted.
DocumentHandler FeedPipeline::guarded_live(ParseFunction<LiveStats> parse) {
    return [this, parse = std::move(parse)](std::string_view text, std::string_view origin) {
        Parsed<LiveStats> parsed = parse(text, origin);
        const bool valid = parsed.doc != nullptr;
        if (valid) {
            std::vector<LiveAnomaly> started;
            live_.publish(std::make_shared<const LiveStats>(live_guard_.apply(*parsed.doc, &started)));
            for (const LiveAnomaly& a : started) {
                log_warning(describe_live_anomaly(a));
                live_anomalies_[static_cast<std::size_t>(a.kind)].fetch_add(1, std::memory_order_relaxed);
            }
            const auto now = std::chrono::steady_clock::now();
            if (now - live_seen_saved_ >= config_.live_cache_write_interval) {
                save_live_seen();
                live_seen_saved_ = now;
            }
        }
        return DocumentVerdict{valid, std::move(parsed.errors), std::move(parsed.warnings)};
    };
}

void FeedPipeline::save_live_seen() {
    if (!cache_ok_) return;
    std::string error;
    if (!write_file_atomically(cache_.dir() / "live-seen.json", live_guard_.save(), error))
        log_warning("cache: cannot keep the live trend: " + error);
}

std::array<std::uint64_t, kLiveAnomalyKinds> FeedPipeline::live_anomalies() const {
    std::array<std::uint64_t, kLiveAnomalyKinds> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = live_anomalies_[i].load(std::memory_order_relaxed);
    return out;
}

void FeedPipeline::refresh_now() {
    if (feed_source_) feed_source_->refresh_now();
    if (live_source_) live_source_->refresh_now();
    if (announcements_source_) announcements_source_->refresh_now();
}

void FeedPipeline::refresh_feed_now() {
    if (feed_source_) feed_source_->refresh_now();
}

void FeedPipeline::refresh_live_now() {
    if (live_source_) live_source_->refresh_now();
}

std::optional<SourceStatus> FeedPipeline::feed_status() const {
    if (!feed_source_) return std::nullopt;
    return feed_source_->status();
}

std::optional<SourceStatus> FeedPipeline::live_status() const {
    if (!live_source_) return std::nullopt;
    return live_source_->status();
}

void FeedPipeline::refresh_announcements_now() {
    if (announcements_source_) announcements_source_->refresh_now();
}

std::optional<SourceStatus> FeedPipeline::announcements_status() const {
    if (!announcements_source_) return std::nullopt;
    return announcements_source_->status();
}

} // namespace kiosk
