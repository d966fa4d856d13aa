// The demo's search index comes from a worker after the first frame: the app
// gets it for the feed it shows, once, and never for a newer feed that came
// with its own index in the meantime.
#include "app/deferred_index_source.h"

#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <future>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Publishes `next` once when told to.
class OneFeedSource final : public SnapshotSource {
public:
    IndexedFeed next;
    bool publish = false;
    bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>&) override {
        if (!publish) return false;
        publish = false;
        feed = next;
        return true;
    }
};

void wait_for(std::future<void>& ready) { REQUIRE(ready.wait_for(std::chrono::seconds(30)) == std::future_status::ready); }

} // namespace

TEST_CASE("the deferred index is handed over once for the feed shown and finds its products", "[search]") {
    const std::shared_ptr<const Feed> feed = demo_feed();
    std::promise<void> done;
    std::future<void> ready = done.get_future();
    DeferredIndexSource source(feed, nullptr, [&done] { done.set_value(); });
    wait_for(ready);
    IndexedFeed shown{feed, nullptr};
    std::shared_ptr<const LiveStats> live;
    REQUIRE(source.take_new(shown, live));
    CHECK(shown.feed == feed);
    REQUIRE(shown.search);
    const SearchResults found = shown.search->find("jcjz", 5);
    CHECK_FALSE(found.of(SearchKind::product).empty());
    CHECK_FALSE(source.take_new(shown, live));   // once
}

TEST_CASE("a newer feed from the inner source keeps its own index and the deferred one is dropped", "[search]") {
    const std::shared_ptr<const Feed> first = demo_feed();
    OneFeedSource inner;
    inner.next = index_feed(std::make_shared<const Feed>(*first));   // another feed object, indexed by the pipeline
    std::promise<void> done;
    std::future<void> ready = done.get_future();
    DeferredIndexSource source(first, &inner, [&done] { done.set_value(); });
    inner.publish = true;
    IndexedFeed shown{first, nullptr};
    std::shared_ptr<const LiveStats> live;
    REQUIRE(source.take_new(shown, live));
    CHECK(shown.feed == inner.next.feed);
    CHECK(shown.search == inner.next.search);
    wait_for(ready);
    CHECK_FALSE(source.take_new(shown, live));   // the first feed's index never replaces it
    CHECK(shown.search == inner.next.search);
}
