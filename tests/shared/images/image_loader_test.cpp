// Index of this file:
// [SECTION] Helpers
// [SECTION] Size classes and paths
// [SECTION] Decoding: formats, sizes, announcements, edges
// [SECTION] Failures and slow servers
// [SECTION] The queue: order, bounds, two sizes, retries
// [SECTION] Logging, local files, the disk cache, the byte bound
#include "images/image_loader.h"

#include "local_http_server.h"
#include "log_capture.h"
#include "temp_dir.h"
#include "test_images.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>

using namespace kiosk;
using namespace std::chrono_literals;

// [SECTION] Helpers
namespace {

// A frame's worth of requests for one picture shown at w × h.
std::vector<ImageRequest> one(const std::string& location, float w, float h) { return {ImageRequest{location, w, h}}; }

// Takes results until `n` came or `limit` passed.
std::vector<LoadedImage> wait_for(ImageLoader& loader, std::size_t n, std::chrono::milliseconds limit = 10s) {
    std::vector<LoadedImage> out;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (out.size() < n && std::chrono::steady_clock::now() < deadline) {
        for (LoadedImage& r : loader.take(n - out.size())) out.push_back(std::move(r));
        if (out.size() < n) std::this_thread::sleep_for(2ms);
    }
    return out;
}

bool wait_until_idle(ImageLoader& loader, std::chrono::milliseconds limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!loader.idle() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(2ms);
    return loader.idle();
}

// Counts GETs per path.
struct HitCounter {
    std::mutex mutex;
    std::map<std::string, int> hits;
    void note(const std::string& path) {
        std::lock_guard lock(mutex);
        ++hits[path];
    }
    int of(const std::string& path) {
        std::lock_guard lock(mutex);
        return hits[path];
    }
};

// The colour at the centre of a decoded picture.
test::Rgb centre_of(const DecodedImage& img) {
    const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(img.height / 2) * img.width + img.width / 2) * 4];
    return {p[0], p[1], p[2]};
}

bool near(test::Rgb a, test::Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

} // namespace

// [SECTION] Size classes and paths
TEST_CASE("size classes round up in half-octave steps and cap at 4096", "[image_loader]") {
    CHECK(image_size_class(1, 0) == ImageSize{32, 32});
    CHECK(image_size_class(410, 254) == ImageSize{512, 256});
    CHECK(image_size_class(420, 260) == ImageSize{512, 384});
    CHECK(image_size_class(512, 512.5f) == ImageSize{512, 768});
    CHECK(image_size_class(9000, 1000) == ImageSize{4096, 1024});
}

TEST_CASE("the cover size fills the size class on both sides and never enlarges", "[image_loader]") {
    CHECK(cover_size({1000, 750}, {512, 384}) == ImageSize{512, 384});
    CHECK(cover_size({1000, 500}, {256, 256}) == ImageSize{512, 256});   // wide: the height binds
    CHECK(cover_size({400, 4000}, {384, 256}) == ImageSize{384, 3840});  // tall: the width binds
    CHECK(cover_size({300, 200}, {512, 384}) == ImageSize{300, 200});
    CHECK(cover_size({0, 0}, {64, 64}) == ImageSize{64, 64});
}

TEST_CASE("relative image paths are relative to the feed file or the feed URL's directory", "[image_loader]") {
    CHECK(resolve_image_location("images/a.png", "/srv/feed/feed.json") == "/srv/feed/images/a.png");
    CHECK(resolve_image_location("../a.png", "/srv/feed/feed.json") == "/srv/a.png");
    CHECK(resolve_image_location("a.png", "feed.json") == "a.png");
    CHECK(resolve_image_location("/abs/a.png", "/srv/feed.json") == "/abs/a.png");
    CHECK(resolve_image_location("https://cdn.example.com/a.jpg", "/srv/feed.json") == "https://cdn.example.com/a.jpg");
    CHECK(resolve_image_location("img/a.jpg", "https://example.com/event/feed.json?v=3#x") ==
          "https://example.com/event/img/a.jpg");
    CHECK(resolve_image_location("a.jpg", "https://example.com") == "https://example.com/a.jpg");
    CHECK(resolve_image_location("a.jpg", "") == "a.jpg");   // the demo: the working directory
    CHECK(resolve_image_location("", "/srv/feed.json").empty());
}

// [SECTION] Decoding: formats, sizes, announcements, edges
TEST_CASE("a good PNG and a good JPEG are decoded at the size class they are shown at", "[image_loader]") {
    test::LogCapture log;
    test::LocalHttpServer http;
    HitCounter counter;
    const test::Rgb red{220, 30, 40}, green{40, 180, 60};
    http.server().Get("/red.png", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        res.set_content(test::png_of(800, 600, red), "image/png");
    });
    http.server().Get("/green.jpg", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        res.set_content(test::jpeg_of(1000, 500, green), "image/jpeg");
    });
    ImageLoader loader({});
    // Asked for every frame until each comes, as the UI does until it has a texture.
    std::vector<LoadedImage> got;
    auto received = [&](const std::string& path) {
        return std::any_of(got.begin(), got.end(), [&](const LoadedImage& r) { return r.location == http.url(path); });
    };
    for (int frame = 0; frame < 2000 && got.size() < 2; ++frame) {
        std::vector<ImageRequest> wanted;
        if (!received("/red.png")) wanted.push_back({http.url("/red.png"), 200, 150});
        if (!received("/green.jpg")) wanted.push_back({http.url("/green.jpg"), 100, 100});
        loader.request(wanted);
        for (LoadedImage& r : loader.take(2)) got.push_back(std::move(r));
        std::this_thread::sleep_for(2ms);
    }
    REQUIRE(got.size() == 2);
    std::sort(got.begin(), got.end(), [](const auto& a, const auto& b) { return a.location > b.location; });
    const LoadedImage& png = got[0];
    const LoadedImage& jpeg = got[1];
    REQUIRE(png.ok());
    REQUIRE(jpeg.ok());
    CHECK(png.size_class == ImageSize{256, 192});
    CHECK(png.image.width == 256);   // 800×600 covering 256×192
    CHECK(png.image.height == 192);
    CHECK_FALSE(png.full_size);
    CHECK(near(centre_of(png.image), red, 1));
    CHECK(jpeg.size_class == ImageSize{128, 128});
    CHECK(jpeg.image.width == 256);   // 1000×500 covering 128×128: the height binds
    CHECK(jpeg.image.height == 128);
    CHECK(near(centre_of(jpeg.image), green, 6));
    CHECK(counter.of("/red.png") == 1);
    CHECK(counter.of("/green.jpg") == 1);
    CHECK(loader.idle());
    CHECK_FALSE(log.has({"WARN"}));
}

TEST_CASE("a picture smaller than its size class comes at its own size marked full size", "[image_loader]") {
    test::TempDir dir;
    test::write_file(dir / "small.png", test::png_of(40, 30, {1, 2, 3}));
    ImageLoader loader({});
    loader.request(one((dir / "small.png").string(), 300, 300));
    const auto got = wait_for(loader, 1);
    REQUIRE(got.size() == 1);
    REQUIRE(got[0].ok());
    CHECK(got[0].image.width == 40);
    CHECK(got[0].image.height == 30);
    CHECK(got[0].full_size);
}

TEST_CASE("each result loaded or failed is announced once it can be taken", "[image_loader]") {
    test::TempDir dir;
    test::write_file(dir / "small.png", test::png_of(40, 30, {1, 2, 3}));
    test::write_file(dir / "broken.png", "not a picture");
    std::mutex mutex;
    std::condition_variable announced;
    int calls = 0;
    ImageLoaderOptions options;
    options.on_ready = [&] {   // what wakes the UI loop: the loop then takes the picture at once
        std::lock_guard lock(mutex);
        ++calls;
        announced.notify_all();
    };
    ImageLoader loader(std::move(options));
    for (const char* name : {"small.png", "broken.png"}) {
        std::unique_lock lock(mutex);
        const int before = calls;
        lock.unlock();
        loader.request(one((dir / name).string(), 300, 300));
        lock.lock();
        REQUIRE(announced.wait_for(lock, 10s, [&] { return calls == before + 1; }));
        lock.unlock();
        const auto got = loader.take(4);
        REQUIRE(got.size() == 1);
        CHECK(got[0].ok() == (std::string_view(name) == "small.png"));
    }
}

TEST_CASE("transparent pixels take their visible neighbours' colour so edges filter without a dark fringe", "[image_loader]") {
    test::TempDir dir;
    // One row: opaque red, two transparent black, half-transparent blue; then a transparent pixel alone.
    const std::uint8_t row[] = {255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 128};
    std::string png;
    stbi_write_png_to_func(test::append_bytes, &png, 4, 1, 4, row, 16);
    test::write_file(dir / "edge.png", png);
    const std::uint8_t lone[] = {0, 0, 0, 0};
    std::string lone_png;
    stbi_write_png_to_func(test::append_bytes, &lone_png, 1, 1, 4, lone, 4);
    test::write_file(dir / "lone.png", lone_png);

    ImageLoader loader({});
    loader.request(std::vector<ImageRequest>{{(dir / "edge.png").string(), 4, 1}, {(dir / "lone.png").string(), 1, 1}});
    auto got = wait_for(loader, 2);
    REQUIRE(got.size() == 2);
    std::sort(got.begin(), got.end(), [](const auto& a, const auto& b) { return a.location < b.location; });
    REQUIRE(got[0].ok());
    const std::vector<std::uint8_t> want{255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 255, 0, 0, 0, 255, 128};
    CHECK(got[0].image.rgba == want);   // visible pixels untouched; alpha untouched
    REQUIRE(got[1].ok());
    CHECK(got[1].image.rgba == std::vector<std::uint8_t>{0, 0, 0, 0});   // nothing visible near: left alone
}

// [SECTION] Failures and slow servers
TEST_CASE("a corrupt file and a 30000x30000 header and a 404 and a slow server each fail once with one warning", "[image_loader]") {
    test::LogCapture log;
    test::LocalHttpServer http;
    HitCounter counter;
    http.server().Get("/corrupt.png", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        res.set_content(test::truncated_png(300, 200, {9, 9, 9}), "image/png");
    });
    http.server().Get("/huge.png", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        res.set_content(test::png_header_claiming(30000, 30000), "image/png");
    });
    http.server().Get("/missing.png", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        res.status = 404;
    });
    http.server().Get("/slow.png", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        http.nap(5s);   // longer than the loader waits
        res.set_content(test::png_of(10, 10, {1, 1, 1}), "image/png");
    });
    ImageLoaderOptions options;
    options.fetch.total_timeout = 600ms;
    options.workers = 4;   // all at once; the slow one is tested for not blocking on its own below
    ImageLoader loader(std::move(options));
    const std::vector<std::string> paths{"/corrupt.png", "/huge.png", "/missing.png", "/slow.png"};
    std::vector<ImageRequest> frame;
    for (const auto& p : paths) frame.push_back({http.url(p), 300, 200});

    // The UI asks every frame while they load, and goes on asking after they failed.
    std::vector<LoadedImage> got;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    int frames_after = 0;
    while (std::chrono::steady_clock::now() < deadline && frames_after < 100) {
        loader.request(frame);
        for (LoadedImage& r : loader.take(8)) got.push_back(std::move(r));
        if (got.size() >= paths.size()) ++frames_after;
        std::this_thread::sleep_for(2ms);
    }
    REQUIRE(got.size() == paths.size());
    for (const LoadedImage& r : got) {
        INFO(r.location);
        CHECK_FALSE(r.ok());
        CHECK(r.image.rgba.empty());
    }
    auto error_of = [&](const std::string& p) {
        for (const LoadedImage& r : got)
            if (r.location == http.url(p)) return r.error;
        return std::string("(no result)");
    };
    CHECK_THAT(error_of("/corrupt.png"), Catch::Contains(http.url("/corrupt.png")) && Catch::Contains("corrupt"));
    CHECK_THAT(error_of("/huge.png"), Catch::Contains("30000×30000 exceeds 8192 px"));
    CHECK_THAT(error_of("/missing.png"), Catch::Contains("HTTP 404"));
    CHECK_THAT(error_of("/slow.png"), Catch::Contains(http.url("/slow.png")));

    INFO(log.dump());
    for (const auto& p : paths) {
        CHECK(counter.of(p) == 1);   // no retry storm
        CHECK(log.count({"WARN", "image: ", http.url(p), "placeholder"}) == 1);
    }
    CHECK(log.count({"WARN"}) == 4);
    CHECK(loader.stats().failed == 4);
    CHECK(loader.idle());
}

TEST_CASE("while a slow server hangs requests and takes return at once and other pictures still come", "[image_loader]") {
    test::LocalHttpServer http;
    std::atomic<bool> slow_started{false};
    http.server().Get("/slow.png", [&](const httplib::Request&, httplib::Response& res) {
        slow_started = true;
        http.nap(4s);
        res.set_content(test::png_of(10, 10, {1, 1, 1}), "image/png");
    });
    http.server().Get("/quick.png", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::png_of(64, 64, {200, 100, 50}), "image/png");
    });
    ImageLoader loader({});   // two workers, the default
    loader.request(one(http.url("/slow.png"), 100, 100));
    while (!slow_started) std::this_thread::sleep_for(1ms);

    // Blocking on the server would take seconds; the bound leaves room for a busy machine.
    const auto bound = 100ms;
    auto longest = std::chrono::steady_clock::duration::zero();
    std::vector<LoadedImage> got;
    const auto deadline = std::chrono::steady_clock::now() + 3s;
    while (got.empty() && std::chrono::steady_clock::now() < deadline) {
        const auto t0 = std::chrono::steady_clock::now();
        loader.request(std::vector<ImageRequest>{{http.url("/slow.png"), 100, 100}, {http.url("/quick.png"), 100, 100}});
        for (LoadedImage& r : loader.take(2)) got.push_back(std::move(r));
        longest = std::max(longest, std::chrono::steady_clock::now() - t0);
        std::this_thread::sleep_for(1ms);
    }
    CHECK(longest < bound);
    REQUIRE(got.size() == 1);
    CHECK(got[0].location == http.url("/quick.png"));
    CHECK(got[0].ok());
    CHECK_FALSE(loader.idle());   // the slow one is still loading

    // Stopping cancels the hanging download instead of waiting it out.
    const auto t0 = std::chrono::steady_clock::now();
    loader.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
}

// [SECTION] The queue: order, bounds, two sizes, retries
TEST_CASE("the most recently requested pictures are loaded first in drawing order", "[image_loader]") {
    test::LocalHttpServer http;
    std::atomic<bool> release{false};
    std::mutex order_mutex;
    std::vector<std::string> order;
    http.server().Get(R"(/(\w+)\.png)", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/gate.png")
            while (!release && !http.stopping()) std::this_thread::sleep_for(1ms);
        {
            std::lock_guard lock(order_mutex);
            order.push_back(req.path);
        }
        res.set_content(test::png_of(8, 8, {5, 5, 5}), "image/png");
    });
    ImageLoaderOptions options;
    options.workers = 1;
    ImageLoader loader(std::move(options));
    loader.request(one(http.url("/gate.png"), 50, 50));   // keeps the worker busy
    while (loader.stats().loading == 0) std::this_thread::sleep_for(1ms);
    loader.request(std::vector<ImageRequest>{{http.url("/a1.png"), 50, 50}, {http.url("/a2.png"), 50, 50}});
    loader.request(std::vector<ImageRequest>{{http.url("/b1.png"), 50, 50}, {http.url("/b2.png"), 50, 50}});
    loader.request(std::vector<ImageRequest>{{http.url("/a2.png"), 50, 50}});   // scrolled back to a2
    CHECK(loader.stats().queued == 4);
    release = true;
    REQUIRE(wait_for(loader, 5).size() == 5);
    std::lock_guard lock(order_mutex);
    CHECK(order == std::vector<std::string>{"/gate.png", "/a2.png", "/b1.png", "/b2.png", "/a1.png"});
}

TEST_CASE("the queue of requests is bounded by dropping the least recently asked for", "[image_loader]") {
    test::LocalHttpServer http;
    std::atomic<bool> release{false};
    http.server().Get(R"(/(\w+)\.png)", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/gate.png")
            while (!release && !http.stopping()) std::this_thread::sleep_for(1ms);
        res.set_content(test::png_of(8, 8, {5, 5, 5}), "image/png");
    });
    ImageLoaderOptions options;
    options.workers = 1;
    options.max_queued = 3;
    ImageLoader loader(std::move(options));
    loader.request(one(http.url("/gate.png"), 50, 50));
    while (loader.stats().loading == 0) std::this_thread::sleep_for(1ms);
    for (int i = 0; i < 10; ++i) loader.request(one(http.url("/p" + std::to_string(i) + ".png"), 50, 50));
    CHECK(loader.stats().queued == 3);
    release = true;
    auto got = wait_for(loader, 4);
    REQUIRE(got.size() == 4);
    std::vector<std::string> names;
    for (const auto& r : got) names.push_back(r.location.substr(r.location.rfind('/') + 1));
    CHECK(names == std::vector<std::string>{"gate.png", "p9.png", "p8.png", "p7.png"});
    CHECK(wait_until_idle(loader));
}

TEST_CASE("one picture asked for at two sizes is loaded once at the larger or again when already loading", "[image_loader]") {
    test::LocalHttpServer http;
    std::atomic<bool> release{false};
    HitCounter counter;
    http.server().Get(R"(/(\w+)\.png)", [&](const httplib::Request& req, httplib::Response& res) {
        counter.note(req.path);
        while (req.path != "/gate.png" && !release && !http.stopping()) std::this_thread::sleep_for(1ms);
        res.set_content(test::png_of(2000, 1000, {10, 20, 30}), "image/png");
    });
    ImageLoaderOptions options;
    options.workers = 2;
    ImageLoader loader(std::move(options));

    SECTION("still queued: merged into one request at the larger size") {
        loader.request(std::vector<ImageRequest>{{http.url("/wait1.png"), 60, 60}, {http.url("/wait2.png"), 60, 60}});
        while (loader.stats().loading < 2) std::this_thread::sleep_for(1ms);   // both workers held
        loader.request(one(http.url("/millet.png"), 60, 60));    // a card
        loader.request(one(http.url("/millet.png"), 60, 60));
        loader.request(one(http.url("/millet.png"), 700, 400));  // the product page
        CHECK(loader.stats().queued == 1);
        release = true;
        const auto got = wait_for(loader, 3);
        REQUIRE(got.size() == 3);
        // Once released, a freed worker may take millet before the other wait ends: find it by name.
        const auto millet = std::find_if(got.begin(), got.end(),
                                         [&](const LoadedImage& r) { return r.location == http.url("/millet.png"); });
        REQUIRE(millet != got.end());
        CHECK(millet->size_class == ImageSize{768, 512});
        CHECK(millet->image.width == 1024);
        CHECK(millet->image.height == 512);
        CHECK(counter.of("/millet.png") == 1);
    }
    SECTION("already loading small: the larger is loaded after it") {
        loader.request(one(http.url("/millet.png"), 60, 60));
        while (loader.stats().loading == 0) std::this_thread::sleep_for(1ms);
        loader.request(one(http.url("/millet.png"), 60, 60));    // loading already covers it
        CHECK(loader.stats().queued == 0);
        loader.request(one(http.url("/millet.png"), 700, 400));
        CHECK(loader.stats().queued == 1);
        std::this_thread::sleep_for(50ms);   // the idle second worker must leave it until the small one is done
        CHECK(loader.stats().loading == 1);
        CHECK(counter.of("/millet.png") == 1);
        release = true;
        const auto got = wait_for(loader, 2);
        REQUIRE(got.size() == 2);
        CHECK(got[0].size_class == ImageSize{64, 64});
        CHECK(got[0].image.height == 64);
        CHECK(got[1].size_class == ImageSize{768, 512});
        CHECK(counter.of("/millet.png") == 2);
    }
}

TEST_CASE("failed pictures are asked for again only after retry_failed", "[image_loader]") {
    test::LogCapture log;
    test::TempDir dir;
    const std::string where = (dir / "later.png").string();
    ImageLoader loader({});
    loader.request(one(where, 50, 50));
    auto got = wait_for(loader, 1);
    REQUIRE(got.size() == 1);
    CHECK_FALSE(got[0].ok());
    CHECK_THAT(got[0].error, Catch::Contains("later.png"));

    test::write_file(dir / "later.png", test::png_of(20, 20, {7, 7, 7}));   // the organiser uploads it
    loader.request(one(where, 50, 50));
    CHECK(loader.idle());   // still failed: not asked for
    loader.retry_failed();
    loader.request(one(where, 50, 50));
    got = wait_for(loader, 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].ok());
    CHECK(log.count({"WARN", "later.png"}) == 1);
}

// [SECTION] Logging, local files, the disk cache, the byte bound
TEST_CASE("many failures: the first few are logged one by one and the rest summarised", "[image_loader]") {
    test::LogCapture log;
    test::TempDir dir;
    ImageLoaderOptions options;
    options.individual_failure_lines = 3;
    options.workers = 1;
    ImageLoader loader(std::move(options));
    std::vector<ImageRequest> frame;
    for (int i = 0; i < 8; ++i) frame.push_back({(dir / ("gone" + std::to_string(i) + ".png")).string(), 50, 50});
    loader.request(frame);
    REQUIRE(wait_for(loader, 8).size() == 8);
    CHECK(log.count({"WARN", "gone", "placeholder"}) == 3);
    CHECK(log.count({"WARN", "more than 3 pictures failed within 5 min; the latest:"}) == 1);
    CHECK(log.count({"WARN"}) == 4);
    loader.stop();   // the counted rest reach the log
    CHECK(log.count({"WARN", "repeated 4 times"}) == 1);
}

TEST_CASE("a relative image path is read next to the feed file", "[image_loader]") {
    test::TempDir dir;
    test::write_file(dir / "feed" / "pics" / "millet.png", test::png_of(16, 16, {250, 200, 0}));
    ImageLoaderOptions options;
    options.feed_location = (dir / "feed" / "feed.json").string();
    ImageLoader loader(std::move(options));
    loader.request(one("pics/millet.png", 16, 16));
    const auto got = wait_for(loader, 1);
    REQUIRE(got.size() == 1);
    REQUIRE(got[0].ok());
    CHECK(got[0].location == "pics/millet.png");   // the feed's text stays the key
    CHECK(near(centre_of(got[0].image), {250, 200, 0}, 0));
}

TEST_CASE("a downloaded picture is kept in the disk cache and shown offline", "[image_loader]") {
    test::TempDir dir;
    DocumentCache cache(dir / "cache");
    std::string error;
    REQUIRE(cache.prepare(error));
    auto http = std::make_unique<test::LocalHttpServer>();
    http->server().Get("/millet.png", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::png_of(32, 32, {250, 200, 0}), "image/png");
    });
    const std::string url = http->url("/millet.png");
    ImageLoaderOptions options;
    options.cache = &cache;
    {
        ImageLoader loader(options);
        loader.request(one(url, 32, 32));
        const auto got = wait_for(loader, 1);
        REQUIRE(got.size() == 1);
        CHECK(got[0].ok());
    }
    http.reset();   // offline; a restarted kiosk
    ImageLoader loader(options);
    loader.request(one(url, 32, 32));
    const auto got = wait_for(loader, 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].ok());
}

TEST_CASE("decoded pictures waiting for the UI are bounded in bytes", "[image_loader]") {
    test::TempDir dir;
    ImageLoaderOptions options;
    options.max_ready_bytes = 100 * 100 * 4 + 1;   // a bit more than one picture
    options.workers = 1;
    std::vector<ImageRequest> frame;
    for (int i = 0; i < 5; ++i) {
        const auto path = dir / ("p" + std::to_string(i) + ".png");
        test::write_file(path, test::png_of(100, 100, {1, 2, 3}));
        frame.push_back({path.string(), 100, 100});
    }
    ImageLoader loader(std::move(options));
    loader.request(frame);
    // Two fit (the second starts while there is room); the rest wait for take().
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (loader.stats().ready < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(2ms);
    std::this_thread::sleep_for(100ms);   // would a third be decoded? (it must not)
    CHECK(loader.stats().ready == 2);
    CHECK(loader.stats().queued == 3);
    CHECK(wait_for(loader, 5).size() == 5);
}
