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

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("search is unavailable while the pipeline's first index is built and finds once it arrives", "[search]") {
    TempDir dir;
    const std::filesystem::path feed_file = dir / "feed.json";
    std::ofstream(feed_file) << *embedded_file("config/demo-feed.json");
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    PipelineConfig c;
    c.cache_dir = dir / "cache";
    c.feed_location = feed_file.string();
    c.index_is_quick = [] { return false; };   // as at a process's start: ICU's rules uncompiled
    c.build_index = [&](const Feed& feed) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return open; });
        return std::make_shared<const SearchIndex>(feed);
    };
    FeedPipeline pipeline(c, parse_feed_document, parse_live_document, nullptr);
    PipelineSource source(pipeline);
    pipeline.start();
    source.wait_for_first_answer(std::chrono::seconds(30));
    const std::shared_ptr<const IndexedFeed> first = pipeline.feed().latest();
    REQUIRE(first);
    REQUIRE(first->search == nullptr);

    AppOptions options;
    options.start = Route{ScreenId::search, "jcjz"};
    KioskApp app(*first, options);
    app.set_source(&source);
    HeadlessUi ui(app, 1920, 1080);
    ui.idle(0.1);
    CHECK(app.search() == nullptr);
    CHECK(drew_text(ui_text("search_unavailable", Lang::zh)));
    CHECK_FALSE(drew_text("交城骏枣"));

    {
        std::lock_guard lock(mutex);
        open = true;
    }
    changed.notify_all();
    REQUIRE(eventually([&] { return pipeline.feed().latest()->search != nullptr; }));
    ui.idle(0.1);
    REQUIRE(app.search());
    CHECK(&app.feed() == first->feed.get());   // the same feed, its index added
    CHECK(app.route() == Route{ScreenId::search, "jcjz"});   // the letters typed stay
    CHECK_FALSE(drew_text(ui_text("search_unavailable", Lang::zh)));
    CHECK(drew_text("交城骏枣"));
    pipeline.stop();
}
