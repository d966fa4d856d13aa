// A feed's search index built off the feed's worker, for the feeds that come
// while ICU's Han-Latin rules are still uncompiled (~0.5 s, once a process):
// the pipeline publishes such a feed at once without its index, and this worker
// hands the index back when built. Only the latest requested feed is indexed.
#pragma once

#include "feed/model.h"
#include "search/search_index.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk {

class IndexWorker {
public:
    using Build = std::function<std::shared_ptr<const SearchIndex>(const Feed&)>;
    using Done = std::function<void(const std::shared_ptr<const Feed>&, std::shared_ptr<const SearchIndex>)>;

    // `done` runs on the worker after each build.
    IndexWorker(Build build, Done done) : build_(std::move(build)), done_(std::move(done)) {}
    ~IndexWorker();   // drops a pending request, waits for a running build
    IndexWorker(const IndexWorker&) = delete;
    IndexWorker& operator=(const IndexWorker&) = delete;

    // Replaces a request not yet started; the thread starts with the first request.
    void request(std::shared_ptr<const Feed> feed);

private:
    void run();

    Build build_;
    Done done_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::shared_ptr<const Feed> pending_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace kiosk
