#include "app/deferred_index_source.h"

#include <pthread.h>
#include <sched.h>

namespace kiosk {

DeferredIndexSource::DeferredIndexSource(std::shared_ptr<const Feed> feed, SnapshotSource* inner, std::function<void()> ready)
    : feed_(std::move(feed)), inner_(inner), worker_([this, ready = std::move(ready)] {
          // Only on a core nothing else wants: at the same priority it slowed the first frame it was
          // meant to speed up (the font atlas and the main thread share the kiosk's CPU with it).
          const sched_param idle{};
          pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
          std::shared_ptr<const SearchIndex> index = index_feed(feed_).search;
          {
              std::lock_guard lock(mutex_);
              index_ = std::move(index);
          }
          if (ready) ready();
      }) {}

DeferredIndexSource::~DeferredIndexSource() { worker_.join(); }

bool DeferredIndexSource::take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) {
    bool changed = inner_ && inner_->take_new(feed, live);
    if (handed_over_) return changed;
    std::lock_guard lock(mutex_);
    if (feed.feed != feed_) {   // a newer feed came with its own index
        handed_over_ = true;
    } else if (index_) {
        feed.search = index_;
        handed_over_ = true;
        changed = true;
    }
    return changed;
}

Freshness DeferredIndexSource::freshness() const { return inner_ ? inner_->freshness() : Freshness{}; }

bool DeferredIndexSource::take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) {
    return inner_ && inner_->take_announcements(list);
}

} // namespace kiosk
