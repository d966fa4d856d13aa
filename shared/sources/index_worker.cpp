#include "sources/index_worker.h"

#include <pthread.h>
#include <sched.h>

namespace kiosk {

IndexWorker::~IndexWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_.reset();
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void IndexWorker::request(std::shared_ptr<const Feed> feed) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(feed);
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    wake_.notify_all();
}

void IndexWorker::run() {
    // Only on a core nothing else wants: the first frame (fonts, GL) shares the kiosk's CPU with it,
    // as the demo's deferred index does (app/deferred_index_source.h).
    const sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || pending_; });
        if (stopping_) return;
        std::shared_ptr<const Feed> feed = std::move(pending_);
        pending_.reset();
        lock.unlock();
        std::shared_ptr<const SearchIndex> index = build_(*feed);
        done_(feed, std::move(index));
        lock.lock();
    }
}

} // namespace kiosk
