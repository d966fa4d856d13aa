// The pipeline's first feed on screen before its search index: the search
// screen says search is unavailable, then finds once the index arrives, with
// no key typed again and the same feed shown throughout.
#include "app/pipeline_source.h"
#include "base/embedded.h"
#include "drawn_text.h"
#include "headless_ui.h"
#include "pipeline_test_support.h"
#include "sources/document_parsers.h"
#include "temp_dir.h"
#include "widgets/ui_strings.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// The demo feed from a file, through a pipeline whose index builds wait until let_go().
struct HeldPipeline {
    TempDir dir;
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    std::optional<FeedPipeline> pipeline;
    std::optional<PipelineSource> source;
    HeldPipeline() {
        const std::filesystem::path feed_file = dir / "feed.json";
        std::ofstream(feed_file) << *embedded_file("config/demo-feed.json");
        PipelineConfig c;
        c.cache_dir = dir / "cache";
        c.feed_location = feed_file.string();
        c.index_is_quick = [] { return false; };   // as at a process's start: ICU's rules uncompiled
        c.build_index = [this](const Feed& feed) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [this] { return open; });
            return std::make_shared<const SearchIndex>(feed);
        };
        pipeline.emplace(c, parse_feed_document, parse_live_document, nullptr);
        source.emplace(*pipeline);
        pipeline->start();
        source->wait_for_first_answer(std::chrono::seconds(30));
    }
    ~HeldPipeline() {
        let_go();
        pipeline->stop();
    }
    void let_go() {
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        changed.notify_all();
    }
};

} // namespace

TEST_CASE("search is unavailable while the pipeline's first index is built and finds once it arrives", "[search]") {
    HeldPipeline held;
    const std::shared_ptr<const IndexedFeed> first = held.pipeline->feed().latest();
    REQUIRE(first);
    REQUIRE(first->search == nullptr);

    AppOptions options;
    options.start = Route{ScreenId::search, "jcjz"};
    KioskApp app(*first, options);
    app.set_source(&*held.source);
    HeadlessUi ui(app, 1920, 1080);
    ui.idle(0.1);
    CHECK(app.search() == nullptr);
    CHECK(drew_text(ui_text("search_unavailable", Lang::zh)));
    CHECK_FALSE(drew_text("交城骏枣"));

    held.let_go();
    REQUIRE(eventually([&] { return held.pipeline->feed().latest()->search != nullptr; }, kIndexPatience));
    ui.idle(0.1);
    REQUIRE(app.search());
    CHECK(&app.feed() == first->feed.get());   // the same feed, its index added
    CHECK(app.route() == Route{ScreenId::search, "jcjz"});   // the letters typed stay
    CHECK_FALSE(drew_text(ui_text("search_unavailable", Lang::zh)));
    CHECK(drew_text("交城骏枣"));
}

TEST_CASE("an index the app has for the first feed is kept when the pipeline's copy without one comes", "[search]") {
    HeldPipeline held;
    const std::shared_ptr<const IndexedFeed> first = held.pipeline->feed().latest();
    REQUIRE(first);
    REQUIRE(first->search == nullptr);
    AppOptions options;
    options.start = Route{ScreenId::search, "jcjz"};
    KioskApp app(index_feed(first->feed), options);   // as a screenshot starts: indexed at once
    app.set_source(&*held.source);
    HeadlessUi ui(app, 1920, 1080);
    ui.idle(0.1);
    REQUIRE(app.search());
    CHECK(drew_text("交城骏枣"));
    CHECK_FALSE(drew_text(ui_text("search_unavailable", Lang::zh)));
}
