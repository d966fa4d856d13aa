// The first feed's search index, built on a worker so the first frame does not
// wait for it: ICU's Han-Latin transliteration of every name was the largest
// single cost of the kiosk's start. Until the index comes the search screen has
// no results; a newer feed from the inner source brings its own index and makes
// this one moot. Everything else passes through to the inner source.
#pragma once

#include "app/app.h"

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk {

class DeferredIndexSource final : public SnapshotSource {
public:
    // Starts indexing `feed` at once; `ready` runs on the worker when the index is there (wake the UI).
    // `inner` may be null (the demo event, no sources configured).
    DeferredIndexSource(std::shared_ptr<const Feed> feed, SnapshotSource* inner, std::function<void()> ready);
    ~DeferredIndexSource() override;   // waits for the worker
    DeferredIndexSource(const DeferredIndexSource&) = delete;
    DeferredIndexSource& operator=(const DeferredIndexSource&) = delete;

    // The inner source's news, and once the index is built, the index to go with `feed` when that is
    // still the feed shown.
    bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) override;
    Freshness freshness() const override;
    bool take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) override;

private:
    const std::shared_ptr<const Feed> feed_;
    SnapshotSource* const inner_;
    std::mutex mutex_;
    std::shared_ptr<const SearchIndex> index_;   // set by the worker
    bool handed_over_ = false;                   // given to the app, or moot
    std::thread worker_;   // last: starts once the rest is ready
};

} // namespace kiosk
