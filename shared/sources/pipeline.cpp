#include "sources/pipeline.h"

#include "base/log.h"

namespace kiosk {

namespace {

// publish_into() for the feed: a valid feed is published with its schedule changes marked
// (compared with the earlier feeds) and its search index, both done here on the worker.
DocumentHandler publish_indexed(Published<IndexedFeed>& slot, ParseFunction<Feed> parse, ScheduleKeeper& keeper) {
    return [&slot, &keeper, parse = std::move(parse)](std::string_view text, std::string_view origin) {
        Parsed<Feed> parsed = parse(text, origin);
        const bool valid = parsed.doc != nullptr;
        if (valid) slot.publish(std::make_shared<const IndexedFeed>(index_feed(keeper.mark(std::move(parsed.doc)))));
        return DocumentVerdict{valid, std::move(parsed.errors), std::move(parsed.warnings)};
    };
}

} // namespace

FeedPipeline::FeedPipeline(PipelineConfig config, ParseFunction<Feed> parse_feed, ParseFunction<LiveStats> parse_live,
                           std::function<void()> wake_ui, ParseFunction<std::vector<Announcement>> parse_announcements)
    : config_(std::move(config)),
      cache_(config_.cache_dir.empty() ? default_cache_dir() : config_.cache_dir, config_.fetch.max_body_bytes),
      schedule_keeper_(cache_.dir() / kScheduleMemoryFile, config_.feed_location) {
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
        feed_source_ = std::make_unique<DocumentSource>(c, publish_indexed(feed_, std::move(parse_feed), schedule_keeper_), &cache_, wake_ui);
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
        live_source_ = std::make_unique<DocumentSource>(c, publish_into(live_, std::move(parse_live)), &cache_, wake_ui);
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

FeedPipeline::~FeedPipeline() { stop(); }

void FeedPipeline::start() {
    std::string error;
    cache_ok_ = cache_.prepare(error);
    if (!cache_ok_) log_error("cache: " + error + "; running without a last-known-good copy");
    // The sources hold a pointer to cache_; without a usable directory their loads and stores fail and are logged.
    if (feed_source_) feed_source_->start();
    if (live_source_) live_source_->start();
    if (announcements_source_) announcements_source_->start();
}

void FeedPipeline::stop() {
    if (feed_source_) feed_source_->stop();
    if (live_source_) live_source_->stop();
    if (announcements_source_) announcements_source_->stop();
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
