#include "app/pipeline_source.h"

#include <thread>

namespace kiosk {

bool PipelineSource::take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) {
    bool changed = false;
    std::shared_ptr<const IndexedFeed> new_feed;
    // The same feed without its index while one is there (a screenshot indexed the first feed itself): kept.
    if (pipeline_.feed().take_if_newer(new_feed, feed_seen_) && new_feed &&
        (new_feed->feed != feed.feed || new_feed->search || !feed.search)) {
        feed = *new_feed;
        changed = true;
    }
    std::shared_ptr<const LiveStats> new_live;
    if (pipeline_.live().take_if_newer(new_live, live_seen_) && new_live) {
        live = std::move(new_live);
        changed = true;
    }
    return changed;
}

bool PipelineSource::take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) {
    std::shared_ptr<const std::vector<Announcement>> newer;
    if (!pipeline_.announcements().take_if_newer(newer, announcements_seen_) || !newer) return false;
    list = std::move(newer);
    return true;
}

Freshness PipelineSource::freshness() const {
    Freshness out;
    const auto now = std::chrono::system_clock::now();
    auto note = [&](const std::optional<SourceStatus>& status, bool& offline) {
        if (!status) return;
        offline = status->offline(now);
        if (status->last_success && (!out.data_time || *status->last_success > *out.data_time))
            out.data_time = status->last_success;
    };
    note(pipeline_.feed_status(), out.feed_offline);
    note(pipeline_.live_status(), out.live_offline);
    return out;
}

void PipelineSource::wait_for_first_answer(std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    auto answered = [](const std::optional<SourceStatus>& s) {
        return !s || (s->attempts > 0 && (s->has_data || s->consecutive_failures > 0 || s->latest_rejected));
    };
    while (std::chrono::steady_clock::now() < deadline &&
           !(answered(pipeline_.feed_status()) && answered(pipeline_.live_status()) &&
             answered(pipeline_.announcements_status())))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

} // namespace kiosk
