// Index of this file:
// [SECTION] The harness
// [SECTION] Publishing and 304s
// [SECTION] Failures: the last good snapshot kept, back-off
// [SECTION] The cache: offline start, conditional GETs, damage
// [SECTION] Local files: inotify and stat
// [SECTION] Cache writes, stopping, clock jumps
#include "sources/document_source.h"

#include "base/atomic_file.h"
#include "local_http_server.h"
#include "log_capture.h"
#include "pipeline_test_support.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace kiosk;
using namespace std::chrono_literals;
using test::eventually;
using test::feed_doc;

// [SECTION] The harness
namespace {

FetchOptions fast_options() {
    FetchOptions o;
    o.connect_timeout = 1s;
    o.total_timeout = 3s;
    o.low_speed_time = 1s;
    o.max_body_bytes = 64 * 1024;
    return o;
}

// A source publishing Feed snapshots into `slot`, with a cache in a temp dir.
struct Harness {
    test::TempDir dir;
    DocumentCache cache{dir / "cache"};
    Published<Feed> slot;
    std::atomic<int> parses{0};
    std::atomic<int> wakes{0};
    std::unique_ptr<DocumentSource> source;

    Harness() {
        std::string error;
        if (!cache.prepare(error)) throw std::runtime_error(error);
    }
    SourceConfig config(const std::string& location, FetchOptions options = fast_options()) const {
        SourceConfig c;
        c.name = "feed";
        c.location = location;
        c.poll_interval = 30ms;
        c.max_backoff = 120ms;
        c.file_check_interval = 50ms;
        c.fetch = options;
        return c;
    }
    void start(SourceConfig c) {
        source = std::make_unique<DocumentSource>(
            std::move(c),
            publish_into<Feed>(slot, [this](std::string_view t, std::string_view o) { return test::parse_test_feed(t, o, &parses); }),
            &cache, [this] { ++wakes; });
        source->start();
    }
    SourceStatus status() const { return source->status(); }
    std::string note() const {
        auto f = slot.latest();
        return f ? f->sample_note : "(none)";
    }
};

} // namespace

// [SECTION] Publishing and 304s
TEST_CASE("a URL source publishes a document, then 304s cost no parsing", "[feed_source]") {
    test::LogCapture log;
    test::LocalHttpServer http;
    std::atomic<int> requests{0};
    http.server().Get("/feed.json", [&](const httplib::Request& req, httplib::Response& res) {
        ++requests;
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_content(feed_doc("v1"), "application/json");
    });
    Harness h;
    h.start(h.config(http.url("/feed.json")));
    REQUIRE(eventually([&] { return h.status().not_modified >= 3; }));

    CHECK(h.parses == 1);
    CHECK(h.slot.generation() == 1);
    CHECK(h.note() == "v1");
    CHECK(h.wakes >= 1);
    const SourceStatus s = h.status();
    CHECK(s.is_url);
    CHECK(s.has_data);
    CHECK(s.published == 1);
    CHECK(s.last_error.empty());
    CHECK_FALSE(s.offline(std::chrono::system_clock::now()));
    CHECK(s.bytes_not_modified / s.not_modified < 400);   // a 304 is just headers
    const std::string size = " (" + std::to_string(feed_doc("v1").size()) + " bytes)";
    CHECK(log.has({"INFO", "feed: published " + http.url("/feed.json") + size}));
    CHECK(log.has({"INFO", "feed: cache: wrote " + h.cache.document_path("feed").string() + size}));

    h.source->stop();
    std::string error;
    const auto cached = h.cache.load("feed", error);
    REQUIRE(cached);
    CHECK(cached->text == feed_doc("v1"));
    CHECK(cached->etag == "\"v1\"");
}

// [SECTION] Failures: the last good snapshot kept, back-off
namespace {

struct Scenario {
    const char* name;
    std::function<void(test::LocalHttpServer&, const httplib::Request&, httplib::Response&)> respond;
    std::string error;        // in status.last_error; empty for documents that are rejected
    std::string log;          // in a WARN line
    bool rejected = false;
    void (*tweak)(FetchOptions&) = nullptr;
};

std::vector<Scenario> scenarios() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    using Srv = test::LocalHttpServer&;
    return {
        {"404", [](Srv, Req, Res res) { res.status = 404; }, "HTTP 404 Not Found", "feed: fetch failed: GET http://127.0.0.1:"},
        {"500", [](Srv, Req, Res res) { res.status = 500; }, "HTTP 500 Internal Server Error", "/feed.json: HTTP 500"},
        {"timeout", [](Srv http, Req, Res res) { http.nap(1500ms); res.status = 500; }, "timed out", "Operation timed out after",
         false, [](FetchOptions& o) { o.total_timeout = 400ms; }},
        {"slow drip",
         [](Srv http, Req, Res res) {
             res.set_chunked_content_provider("application/json", [&http](size_t, httplib::DataSink& sink) {
                 http.nap(100ms);
                 return !http.stopping() && sink.write(" ", 1);
             });
         },
         "too slow", "Operation too slow", false, [](FetchOptions& o) { o.total_timeout = 20s; }},
        {"truncated",
         [](Srv, Req, Res res) {
             res.set_content_provider(1000, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
                 return offset < 500 && sink.write(std::string(500, ' ').data(), 500);
             });
         },
         "transfer closed with 500 bytes remaining", "transfer closed"},
        {"oversized", [](Srv, Req, Res res) { res.set_content(std::string(80 * 1024, ' '), "application/json"); },
         "response larger than the 64 KB limit", "response larger than the 64 KB limit"},
        {"redirect loop", [](Srv, Req, Res res) { res.set_redirect("/feed.json"); }, "Maximum (5) redirects followed",
         "redirects followed"},
        {"redirect to file://", [](Srv, Req, Res res) { res.set_redirect("file:///etc/passwd"); }, "file",
         "feed: fetch failed: GET"},
        {"invalid JSON", [](Srv, Req, Res res) { res.set_content("{\n  \"format\": \n", "application/json"); }, "",
         "/feed.json:3:1: error: : invalid JSON", true},
        {"fails the schema", [](Srv, Req, Res res) { res.set_content("{\n  \"format\": \"rss\"\n}", "application/json"); },
         "", "/feed.json:2:3: error: /format: must be \"lvliang-kiosk-feed/1\"", true},
    };
}

} // namespace

TEST_CASE("every failure keeps the last good snapshot, with the right status and log line", "[feed_source]") {
    const auto all = scenarios();
    const std::size_t index = GENERATE_COPY(range(std::size_t{0}, all.size()));
    const Scenario& scenario = all[index];
    INFO("scenario: " << scenario.name);

    test::LogCapture log;
    test::LocalHttpServer http;
    std::atomic<bool> failing{false};
    http.server().Get("/feed.json", [&](const httplib::Request& req, httplib::Response& res) {
        if (failing) scenario.respond(http, req, res);
        else res.set_content(feed_doc("good"), "application/json");
    });
    FetchOptions options = fast_options();
    if (scenario.tweak) scenario.tweak(options);
    Harness h;
    h.start(h.config(http.url("/feed.json"), options));
    REQUIRE(eventually([&] { return h.slot.generation() == 1; }));
    const auto good = h.slot.latest();
    const int parses_before = h.parses;

    failing = true;
    REQUIRE(eventually([&] {
        const SourceStatus s = h.status();
        return s.consecutive_failures >= 2 || s.rejected >= 1;
    }));
    SourceStatus s = h.status();
    CHECK(h.slot.latest() == good);   // the screen keeps the last good document
    CHECK(h.slot.generation() == 1);
    CHECK(h.note() == "good");
    CHECK(s.has_data);
    CHECK(log.has({"WARN", scenario.log}));
    if (scenario.rejected) {
        CHECK(s.latest_rejected);
        CHECK(s.last_error.empty());
        CHECK(s.last_problems.find(scenario.log) != std::string::npos);
        CHECK(log.has({"WARN", "feed: rejected " + http.url("/feed.json") + ": 1 error, 0 warnings; keeping the last good document"}));
    } else {
        CHECK(s.last_error.find(scenario.error) != std::string::npos);
        CHECK(s.last_error.find(http.url("/feed.json")) != std::string::npos);
        CHECK(h.parses == parses_before);
        CHECK(log.count({"feed: fetch failed"}) == 1);   // repeats are counted, not logged
    }

    failing = false;   // the source answers again
    REQUIRE(eventually([&] {
        const SourceStatus s = h.status();
        return s.consecutive_failures == 0 && !s.latest_rejected;
    }));
    CHECK(h.note() == "good");
    if (!scenario.rejected) {
        CHECK(h.slot.generation() == 1);   // the same text again: not re-parsed, not re-published
        CHECK(log.has({"INFO", "feed: " + http.url("/feed.json") + " answers again after"}));
    }
}

TEST_CASE("repeated failures back off and are logged once, recovery at once", "[feed_source]") {
    test::LogCapture log;
    test::LocalHttpServer http;
    std::atomic<int> requests{0};
    std::atomic<bool> down{true};
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        ++requests;
        if (down) res.status = 503;
        else res.set_content(feed_doc("back"), "application/json");
    });
    Harness h;
    SourceConfig c = h.config(http.url("/feed.json"));
    c.poll_interval = 10ms;
    c.max_backoff = 80ms;
    h.start(c);
    REQUIRE(eventually([&] { return h.status().consecutive_failures >= 8; }));
    CHECK(log.count({"fetch failed"}) == 1);
    const SourceStatus failing = h.status();
    REQUIRE(failing.next_attempt);
    REQUIRE(failing.last_attempt);
    CHECK(*failing.next_attempt - *failing.last_attempt <= 80ms + 3s);   // never beyond the cap (plus the fetch itself)
    CHECK_FALSE(h.status().has_data);
    CHECK(h.status().offline(std::chrono::system_clock::now()));

    down = false;
    REQUIRE(eventually([&] { return h.note() == "back"; }, 5s));   // waits at most one backoff (80 ms)
    h.source->stop();
    CHECK(log.has({"WARN", "HTTP 503 Service Unavailable (repeated"}));
    CHECK(log.has({"INFO", "answers again after"}));
    CHECK(log.count({"fetch failed"}) == 2);   // the first failure, then one summary
}

// [SECTION] The cache: offline start, conditional GETs, damage
TEST_CASE("started offline, the cached document is shown at once", "[feed_source]") {
    test::LogCapture log;
    test::RawSocket refused(false);
    Harness h;
    std::string error;
    REQUIRE(h.cache.store("feed", {feed_doc("cached"), refused.url("/feed.json"), "\"c1\"", "", {}}, error));
    h.start(h.config(refused.url("/feed.json")));
    REQUIRE(eventually([&] { return h.status().consecutive_failures >= 1; }));

    CHECK(h.note() == "cached");
    CHECK(h.slot.generation() == 1);
    const SourceStatus s = h.status();
    CHECK(s.showing_cache);
    CHECK(s.has_data);
    REQUIRE(s.last_success);
    const auto now = std::chrono::system_clock::now();
    CHECK(now - *s.last_success < 1min);   // as old as the cache file
    CHECK_FALSE(s.offline(now));
    CHECK(s.offline(now + 31min));          // the feed's 30-minute threshold
    CHECK(s.last_error.find("fetch failed: GET " + refused.url("/feed.json") + ": ") == 0);
    CHECK(log.has({"INFO", "feed: showing the cached " + h.cache.document_path("feed").string()}));
    CHECK(log.has({"WARN", "feed: fetch failed: GET " + refused.url("/feed.json")}));
}

TEST_CASE("the cached validators make the first GET conditional", "[feed_source]") {
    test::LocalHttpServer http;
    std::atomic<int> full{0};
    http.server().Get("/feed.json", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-None-Match") == "\"c1\"") {
            res.status = 304;
            return;
        }
        ++full;
        res.set_content(feed_doc("fresh"), "application/json");
    });
    Harness h;
    std::string error;
    REQUIRE(h.cache.store("feed", {feed_doc("cached"), http.url("/feed.json"), "\"c1\"", "", {}}, error));
    h.start(h.config(http.url("/feed.json")));
    REQUIRE(eventually([&] { return h.status().not_modified >= 2; }));
    CHECK(full == 0);
    CHECK(h.parses == 1);   // the cache, once
    CHECK(h.note() == "cached");
    CHECK_FALSE(h.status().showing_cache);   // confirmed by the source
}

TEST_CASE("a damaged cache is ignored with a warning", "[feed_source]") {
    test::LogCapture log;
    test::LocalHttpServer http;
    http.server().Get("/feed.json", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(feed_doc("fresh"), "application/json");
    });
    Harness h;
    std::string error;
    REQUIRE(write_file_atomically(h.cache.document_path("feed"), "{\"format\": \"lvliang-kio", error));
    h.start(h.config(http.url("/feed.json")));
    REQUIRE(eventually([&] { return h.note() == "fresh"; }));
    CHECK(h.slot.generation() == 1);
    CHECK(log.has({"WARN", "feed: ignoring the cached " + h.cache.document_path("feed").string() + ": 1 error"}));
    CHECK(log.has({"WARN", "feed.json:1:24: error: : invalid JSON"}));   // where the text ends
}

// [SECTION] Local files: inotify and stat
TEST_CASE("a local feed edited and saved is on screen within a second", "[feed_source]") {
    test::LogCapture log;
    Harness h;
    const std::filesystem::path file = h.dir / "feed.json";
    std::ofstream(file) << feed_doc("v1");
    SourceConfig c = h.config(file.string());
    c.file_check_interval = 5s;   // so inotify, not the stat fallback, must notice the saves
    h.start(c);
    REQUIRE(eventually([&] { return h.note() == "v1"; }));
    CHECK_FALSE(h.status().is_url);

    SECTION("saved in place") {
        std::ofstream(file, std::ios::trunc) << feed_doc("v2");
        CHECK(eventually([&] { return h.note() == "v2"; }, 1s));
    }
    SECTION("saved by rename, as editors do") {
        std::ofstream(h.dir / ".feed.json.new") << feed_doc("v2");
        std::filesystem::rename(h.dir / ".feed.json.new", file);
        CHECK(eventually([&] { return h.note() == "v2"; }, 1s));
    }
    SECTION("a broken save is rejected, the next good one shown") {
        std::ofstream(file, std::ios::trunc) << "{\n  \"format\": \"lvliang-kiosk-feed/1\",\n  \"note\": }";
        REQUIRE(eventually([&] { return h.status().rejected == 1; }, 1s));
        CHECK(h.note() == "v1");
        CHECK(log.has({"WARN", file.string() + ":3:11: error: : invalid JSON"}));
        std::ofstream(file, std::ios::trunc) << feed_doc("v3");
        CHECK(eventually([&] { return h.note() == "v3"; }, 1s));
        CHECK_FALSE(h.status().latest_rejected);
    }
    SECTION("a deleted file keeps the last document until it is back") {
        std::filesystem::remove(file);
        REQUIRE(eventually([&] { return h.status().consecutive_failures == 1; }, 1s));
        CHECK(h.note() == "v1");
        CHECK(h.status().last_error.find("No such file or directory") != std::string::npos);
        CHECK(log.has({"WARN", "feed: read failed: cannot open " + file.string()}));
        std::ofstream(file) << feed_doc("v4");
        CHECK(eventually([&] { return h.note() == "v4"; }, 1s));
        CHECK(log.has({"INFO", "feed: " + file.string() + " answers again after 1 failed attempt"}));
    }
}

TEST_CASE("a local file is noticed by stat when inotify can't see it", "[feed_source]") {
    Harness h;
    const std::filesystem::path real = h.dir / "real.json";
    std::filesystem::create_directory(h.dir / "links");
    const std::filesystem::path link = h.dir / "links" / "feed.json";
    std::ofstream(real) << feed_doc("v1");
    std::filesystem::create_symlink(real, link);   // edits of the target happen outside the watched directory
    SourceConfig c = h.config(link.string());
    c.file_check_interval = 20ms;
    h.start(c);
    REQUIRE(eventually([&] { return h.note() == "v1"; }));
    std::ofstream(real, std::ios::trunc) << feed_doc("v2-longer");
    CHECK(eventually([&] { return h.note() == "v2-longer"; }, 2s));
}

// [SECTION] Cache writes, stopping, clock jumps
TEST_CASE("cache writes are throttled and the last one is flushed at stop", "[feed_source]") {
    test::LocalHttpServer http;
    std::atomic<int> version{1};
    http.server().Get("/live.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(feed_doc("v" + std::to_string(version.load())), "application/json");
    });
    Harness h;
    SourceConfig c = h.config(http.url("/live.json"));
    c.cache_write_interval = 1h;
    h.start(c);
    REQUIRE(eventually([&] { return h.note() == "v1"; }));
    REQUIRE(eventually([&] { return std::filesystem::exists(h.cache.document_path("feed")); }));
    version = 2;
    REQUIRE(eventually([&] { return h.note() == "v2"; }));
    std::string error;
    CHECK(h.cache.load("feed", error)->text == feed_doc("v1"));   // within the interval: not written yet
    h.source->stop();
    CHECK(h.cache.load("feed", error)->text == feed_doc("v2"));
}

TEST_CASE("stop returns promptly even during a long fetch", "[feed_source]") {
    test::RawSocket silent(true);
    Harness h;
    FetchOptions o = fast_options();
    o.total_timeout = 60s;
    o.low_speed_time = 60s;
    h.start(h.config(silent.url("/feed.json"), o));
    REQUIRE(eventually([&] { return h.status().attempts == 1; }));
    const auto before = std::chrono::steady_clock::now();
    h.source->stop();
    CHECK(std::chrono::steady_clock::now() - before < 10s);   // not the 60 s the fetch could take
    CHECK(h.status().consecutive_failures == 0);              // a cancelled fetch is no failure
}

TEST_CASE("the offline badge after clock jumps: forward shows the data's real age and back never a negative one",
          "[feed_source]") {
    SourceStatus s;
    s.has_data = true;
    s.stale_after = std::chrono::minutes(30);
    const auto fetched = std::chrono::system_clock::now();
    s.last_success = fetched;
    CHECK_FALSE(s.offline(fetched + std::chrono::minutes(29)));
    CHECK(s.offline(fetched + std::chrono::hours(24)));   // jumped forward: until the next poll confirms the data
    CHECK(s.data_age(fetched - std::chrono::hours(24)) == std::chrono::seconds(0));   // jumped back
    CHECK_FALSE(s.offline(fetched - std::chrono::hours(24)));
    s.has_data = false;
    CHECK(s.offline(fetched));   // nothing to show is always offline
}
