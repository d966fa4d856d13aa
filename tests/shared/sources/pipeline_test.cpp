#include "sources/pipeline.h"

#include "local_http_server.h"
#include "log_capture.h"
#include "pipeline_test_support.h"
#include "small_mount.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

using namespace kiosk;
using namespace std::chrono_literals;
using test::eventually;

namespace {

PipelineConfig fast_config(const test::TempDir& dir) {
    PipelineConfig c;
    c.cache_dir = dir / "cache";
    c.feed_poll_interval = 30ms;
    c.live_poll_interval = 20ms;
    c.max_backoff = 100ms;
    c.file_check_interval = 50ms;
    c.fetch.connect_timeout = 1s;
    c.fetch.total_timeout = 3s;
    return c;
}

std::string note(const Published<IndexedFeed>& slot) {
    auto f = slot.latest();
    return f ? f->feed->sample_note : "(none)";
}

std::string session(const Published<LiveStats>& slot) {
    auto l = slot.latest();
    return l && !l->sessions.empty() ? l->sessions[0].session : "(none)";
}

} // namespace

TEST_CASE("the pipeline runs the feed and the live stats, and restarts offline from its cache", "[feed_pipeline]") {
    test::LogCapture log;
    test::TempDir dir;
    const std::filesystem::path live_file = dir / "live.json";
    std::ofstream(live_file) << R"({"session": "s-opening"})";
    std::atomic<int> wakes{0};
    {
        test::LocalHttpServer http;
        http.server().Get("/feed.json", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(test::feed_doc("online"), "application/json");
        });
        PipelineConfig c = fast_config(dir);
        c.feed_location = http.url("/feed.json");
        c.live_location = live_file.string();
        FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live,
                              [&] { ++wakes; });
        pipeline.start();
        REQUIRE(eventually([&] { return note(pipeline.feed()) == "online" && session(pipeline.live()) == "s-opening"; }));
        CHECK(eventually([&] { return wakes >= 2; }));   // once per source at least
        REQUIRE(pipeline.feed_status());
        REQUIRE(pipeline.live_status());
        CHECK(pipeline.feed_status()->is_url);
        CHECK_FALSE(pipeline.live_status()->is_url);
        CHECK(pipeline.feed_status()->stale_after == 30min);
        CHECK(pipeline.live_status()->stale_after == 2min);
        REQUIRE(pipeline.cache());

        // The UI's per-frame pickup: the feed with its search index, built on a worker (the first
        // feed of a process may come before its index, then again with it).
        REQUIRE(eventually([&] { return pipeline.feed().latest()->search != nullptr; }, test::kIndexPatience));
        std::shared_ptr<const IndexedFeed> shown;
        std::uint64_t seen = 0;
        CHECK(pipeline.feed().take_if_newer(shown, seen));
        CHECK(shown->feed->sample_note == "online");
        REQUIRE(shown->search);
        CHECK(shown->search->items() == shown->feed->products.size() + shown->feed->counties.size() +
                                        shown->feed->schedule.size() + shown->feed->venue.areas.size());
        CHECK_FALSE(pipeline.feed().take_if_newer(shown, seen));
        pipeline.stop();
    }
    CHECK(std::filesystem::exists(dir / "cache" / "feed.json"));
    CHECK(std::filesystem::exists(dir / "cache" / "live.json"));

    // Next start: the feed server is gone and the live file deleted.
    std::filesystem::remove(live_file);
    test::RawSocket refused(false);
    PipelineConfig c = fast_config(dir);
    c.feed_location = refused.url("/feed.json");
    c.live_location = live_file.string();
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "online" && session(pipeline.live()) == "s-opening"; }));
    REQUIRE(eventually([&] {
        return pipeline.feed_status()->consecutive_failures > 0 && pipeline.live_status()->consecutive_failures > 0;
    }));
    CHECK(pipeline.feed_status()->showing_cache);
    CHECK(pipeline.live_status()->showing_cache);
    CHECK_FALSE(pipeline.feed_status()->offline(std::chrono::system_clock::now()));
    CHECK(pipeline.live_status()->offline(std::chrono::system_clock::now() + 3min));
}

TEST_CASE("a pipeline without live stats has no live status", "[feed_pipeline]") {
    test::TempDir dir;
    std::ofstream(dir / "feed.json") << test::feed_doc("local");
    PipelineConfig c = fast_config(dir);
    c.feed_location = (dir / "feed.json").string();
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "local"; }));
    CHECK_FALSE(pipeline.live_status());
    CHECK(pipeline.live().latest() == nullptr);
}

TEST_CASE("an unusable cache directory is logged and the kiosk runs on", "[feed_pipeline]") {
    test::LogCapture log;
    test::TempDir dir;
    std::ofstream(dir / "not-a-dir") << "x";
    std::ofstream(dir / "feed.json") << test::feed_doc("local");
    PipelineConfig c = fast_config(dir);
    c.cache_dir = dir / "not-a-dir" / "cache";
    c.feed_location = (dir / "feed.json").string();
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "local"; }));
    CHECK(pipeline.cache() == nullptr);
    CHECK(log.has({"ERROR", "cache: cannot create cache directory", "running without a last-known-good copy"}));
    REQUIRE(eventually([&] { return log.has({"WARN", "feed: cache write failed"}); }));
}

TEST_CASE("a read-only cache directory: the cached feed shows and new feeds still do and failed writes are logged",
          "[feed_pipeline]") {
    test::LogCapture log;
    test::TempDir dir;
    test::SmallMount disk(dir / "cache", 256 * 1024);
    REQUIRE(disk.ok());
    const std::filesystem::path feed_file = dir / "feed.json";
    std::ofstream(feed_file) << test::feed_doc("cached");
    PipelineConfig c = fast_config(dir);
    c.feed_location = feed_file.string();
    {
        FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
        pipeline.start();
        REQUIRE(eventually([&] { return std::filesystem::exists(dir / "cache" / "feed.json"); }));
        pipeline.stop();
    }
    REQUIRE(disk.make_read_only());   // e.g. the file system remounted read-only after an error
    std::ofstream(feed_file) << test::feed_doc("newer");
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "newer"; }));
    CHECK(log.has({"INFO", "feed: showing the cached"}));
    REQUIRE(eventually([&] { return log.has({"WARN", "feed: cache write failed", "Read-only file system"}); }));
    CHECK(note(pipeline.feed()) == "newer");
    pipeline.stop();
    std::string error;
    CHECK(DocumentCache(dir / "cache").load("feed", error)->text == test::feed_doc("cached"));   // the last good copy is intact
}

namespace {

// An index build held until the test lets it go, counting the builds and the feeds they were for.
struct HeldIndexBuild {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    std::vector<std::string> built;   // each build's feed note, in order
    std::function<std::shared_ptr<const SearchIndex>(const Feed&)> build() {
        return [this](const Feed& feed) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [this] { return open; });
            built.push_back(feed.sample_note);
            return std::make_shared<const SearchIndex>(feed);
        };
    }
    void let_go() {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

} // namespace

TEST_CASE("while the index cannot be built quickly the first feed is published before it and then again with it",
          "[feed_pipeline][search]") {
    test::TempDir dir;
    const std::filesystem::path feed_file = dir / "feed.json";
    std::ofstream(feed_file) << test::feed_doc("first");
    HeldIndexBuild held;
    std::atomic<int> wakes{0};
    PipelineConfig c = fast_config(dir);
    c.feed_location = feed_file.string();
    c.index_is_quick = [] { return false; };   // ICU's rules not compiled yet
    c.build_index = held.build();
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live,
                          [&] { ++wakes; });
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "first"; }));
    const std::shared_ptr<const IndexedFeed> before = pipeline.feed().latest();
    CHECK(before->search == nullptr);   // shown without waiting for its index
    const std::uint64_t generation = pipeline.feed().generation();
    const int wakes_before = wakes;
    held.let_go();
    REQUIRE(eventually([&] { return pipeline.feed().latest()->search != nullptr; }, test::kIndexPatience));
    const std::shared_ptr<const IndexedFeed> after = pipeline.feed().latest();
    CHECK(after->feed == before->feed);   // the same feed, now with its index
    CHECK(pipeline.feed().generation() == generation + 1);
    CHECK(eventually([&] { return wakes > wakes_before; }));   // the UI is told
    std::lock_guard lock(held.mutex);
    CHECK(held.built == std::vector<std::string>{"first"});
}

TEST_CASE("a feed arriving while the first index is built is published at once and only its index follows",
          "[feed_pipeline][search]") {
    test::TempDir dir;
    const std::filesystem::path feed_file = dir / "feed.json";
    std::ofstream(feed_file) << test::feed_doc("first");
    HeldIndexBuild held;
    PipelineConfig c = fast_config(dir);
    c.feed_location = feed_file.string();
    c.index_is_quick = [] { return false; };
    c.build_index = held.build();
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "first"; }));
    std::ofstream(feed_file) << test::feed_doc("second");   // saved while the first index is held
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "second"; }));
    CHECK(pipeline.feed().latest()->search == nullptr);
    held.let_go();
    REQUIRE(eventually([&] { return pipeline.feed().latest()->search != nullptr; }, test::kIndexPatience));
    const std::shared_ptr<const IndexedFeed> shown = pipeline.feed().latest();
    CHECK(shown->feed->sample_note == "second");   // the first feed's late index never replaced it
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(pipeline.feed().latest() == shown);
    std::lock_guard lock(held.mutex);
    REQUIRE_FALSE(held.built.empty());
    CHECK(held.built.back() == "second");
}

TEST_CASE("once indexing is quick a feed is published with its index in one go", "[feed_pipeline][search]") {
    test::TempDir dir;
    const std::filesystem::path feed_file = dir / "feed.json";
    std::ofstream(feed_file) << test::feed_doc("first");
    PipelineConfig c = fast_config(dir);
    c.feed_location = feed_file.string();
    c.index_is_quick = [] { return true; };   // ICU's rules compiled: milliseconds
    FeedPipeline pipeline(c, [](auto t, auto o) { return test::parse_test_feed(t, o); }, test::parse_test_live, nullptr);
    pipeline.start();
    REQUIRE(eventually([&] { return note(pipeline.feed()) == "first"; }));
    CHECK(pipeline.feed().latest()->search != nullptr);
    CHECK(pipeline.feed().generation() == 1);
}
