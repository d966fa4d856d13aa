// The feed pipeline as the UI sees it: new snapshots between frames, and
// whether what is shown is still fresh (the offline badge).
#pragma once

#include "app/app.h"
#include "sources/pipeline.h"

#include <chrono>
#include <cstdint>

namespace kiosk {

class PipelineSource final : public SnapshotSource {
public:
    explicit PipelineSource(FeedPipeline& pipeline) : pipeline_(pipeline) {}

    bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) override;
    Freshness freshness() const override;
    bool take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) override;

    // Blocks until every configured source has answered once (or failed and
    // shown its cache), at most `limit`. Start-up and screenshots only.
    void wait_for_first_answer(std::chrono::milliseconds limit) const;

private:
    FeedPipeline& pipeline_;
    std::uint64_t feed_seen_ = 0;
    std::uint64_t live_seen_ = 0;
    std::uint64_t announcements_seen_ = 0;
};

} // namespace kiosk
