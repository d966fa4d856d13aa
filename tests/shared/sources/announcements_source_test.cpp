// The announcements document as a source of the pipeline (config announcements):
// polled like live, its last good copy cached so a restart without the network
// shows it; a broken document keeps the last good one and says where it is wrong.
#include "sources/pipeline.h"

#include "local_http_server.h"
#include "log_capture.h"
#include "pipeline_test_support.h"
#include "sources/document_parsers.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <mutex>

using namespace kiosk;
using namespace std::chrono_literals;
using test::eventually;

namespace {

std::string doc(const std::string& id) {
    return R"({"format": "lvliang-kiosk-announcements/1", "announcements": [{"id": ")" + id +
           R"(", "severity": "emergency", "text": "紧急", "starts_at": "2020-05-16T20:00:00+08:00",
              "ends_at": "2020-05-16T21:00:00+08:00"}]})";
}

std::string first_id(const FeedPipeline& pipeline) {
    const auto list = pipeline.announcements().latest();
    return list && !list->empty() ? list->front().id : "(none)";
}

PipelineConfig config_for(const test::TempDir& dir, const std::string& location) {
    PipelineConfig c;
    c.cache_dir = dir / "cache";
    c.announcements_location = location;
    c.live_poll_interval = 20ms;
    c.max_backoff = 100ms;
    c.fetch.connect_timeout = 1s;
    c.fetch.total_timeout = 3s;
    return c;
}

} // namespace

TEST_CASE("announcements are polled, cached for a restart offline, and a broken document keeps the last good one",
          "[feed_pipeline]") {
    test::LogCapture log;
    test::TempDir dir;
    std::mutex mutex;
    std::string body = doc("first");
    std::string url;
    {
        test::LocalHttpServer http;
        http.server().Get("/announcements.json", [&](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex);
            res.set_content(body, "application/json");
        });
        url = http.url("/announcements.json");
        FeedPipeline pipeline(config_for(dir, url), parse_feed_document, parse_live_document, {},
                              parse_announcements_document);
        pipeline.start();
        REQUIRE(eventually([&] { return first_id(pipeline) == "first"; }));
        REQUIRE(pipeline.announcements_status());
        {
            std::lock_guard lock(mutex);
            body = doc("second");
        }
        REQUIRE(eventually([&] { return first_id(pipeline) == "second"; }));
        {
            std::lock_guard lock(mutex);
            body = doc("third");
            body.replace(body.find("emergency"), 9, "loud");   // not a severity
        }
        REQUIRE(eventually([&] { return pipeline.announcements_status()->latest_rejected; }));
        CHECK(first_id(pipeline) == "second");   // the last good one stays
        CHECK_THAT(pipeline.announcements_status()->last_problems, Catch::Contains("/announcements/0/severity"));
        pipeline.stop();
    }
    // The server is gone: a restarted kiosk shows the cached copy.
    FeedPipeline again(config_for(dir, url), parse_feed_document, parse_live_document, {}, parse_announcements_document);
    again.start();
    CHECK(eventually([&] { return first_id(again) == "second"; }));
    // The cached copy is published before its status says so: wait for the first failed fetch, which comes after both.
    REQUIRE(eventually([&] { return again.announcements_status()->consecutive_failures >= 1; }));
    CHECK(again.announcements_status()->showing_cache);
    again.stop();
}
