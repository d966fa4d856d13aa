// The feed pipeline through the real program under Xvfb: a feed served over
// HTTP is what the screenshot shows, the same as from a local file; with the
// server failing the kiosk shows its cached copy; a feed file saved while the
// kiosk runs reaches its UI.
#include "local_http_server.h"
#include "pipeline_test_support.h"
#include "run_kiosk.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstring>
#include <fstream>
#include <thread>

using namespace kiosk::test;

namespace {

const char* const kAt = " --now 2020-05-16T20:00:00+08:00 --size 1920x1080";

// The demo feed with another event title (new characters, so the atlas must take them too).
std::string demo_titled(const std::string& zh_title) {
    auto feed = nlohmann::ordered_json::parse(read_text(std::filesystem::path(SOURCE_DIR) / "config/demo-feed.json"));
    feed["event"]["title"]["zh"] = zh_title;
    return feed.dump(2);
}

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The home screen's event title, below the top bar at 1920×1080.
struct Region {
    int x0 = 0, y0 = 100, x1 = 1100, y1 = 200;
};

// Pixels that differ between two pictures inside the title region.
std::size_t title_differences(const Picture& a, const Picture& b) {
    const Region r;
    std::size_t n = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x)
            if (std::memcmp(a.at(x, y), b.at(x, y), 3) != 0) ++n;
    return n;
}

Picture screenshot(const std::string& args, const std::filesystem::path& png, const std::filesystem::path& log,
                   int expected_code = 0) {
    std::filesystem::remove(png);
    const int code = run_kiosk(args + kAt + " --screenshot '" + png.string() + "'", kUnderXvfb, log.string());
    INFO(read_text(log));
    REQUIRE(code == expected_code);
    Picture p;
    if (expected_code == 0) {
        REQUIRE(load_picture(png, p));
        REQUIRE(p.width == 1920);
        REQUIRE(p.height == 1080);
    }
    return p;
}

} // namespace

TEST_CASE("a feed served over HTTP is what the kiosk shows and when the server fails its cached copy is", "[xvfb]") {
    TempDir dir;
    const std::string feed = demo_titled("端到端测试专场 鑫淼");
    std::atomic<int> status{200};
    LocalHttpServer http;
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        res.status = status;
        if (status == 200) res.set_content(feed, "application/json");
        else res.set_content("server error", "text/plain");
    });
    const std::string url = http.url("/feed.json");
    write(dir / "feed.json", feed);
    const auto log = dir / "log.txt";

    const Picture served = screenshot("--feed " + url + " --cache-dir '" + (dir / "cache").string() + "'",
                                      dir / "served.png", log);
    const Picture local = screenshot("--feed '" + (dir / "feed.json").string() + "' --cache-dir '" +
                                         (dir / "cache-local").string() + "'",
                                     dir / "local.png", log);
    const Picture demo = screenshot("--cache-dir '" + (dir / "cache-demo").string() + "'", dir / "demo.png", log);
    CHECK(title_differences(served, local) == 0);
    CHECK(title_differences(served, demo) > 1000);

    status = 500;
    const Picture cached = screenshot("--feed " + url + " --cache-dir '" + (dir / "cache").string() + "'",
                                      dir / "cached.png", log);
    CHECK_THAT(read_text(log), Catch::Contains("showing the cached") && Catch::Contains("500"));
    CHECK(title_differences(served, cached) == 0);

    // Without that cache there is nothing valid to show: the cache was what the last picture showed.
    screenshot("--feed " + url + " --cache-dir '" + (dir / "no-cache").string() + "'", dir / "none.png", log, 1);
    CHECK_THAT(read_text(log), Catch::Contains("no valid feed"));
}

TEST_CASE("a feed file saved while the kiosk runs reaches its UI, new glyphs and all", "[xvfb]") {
    TempDir dir;
    const auto path = dir / "feed.json";
    write(path, demo_titled("保存前的标题"));
    const auto log = dir / "log.txt";
    std::atomic<bool> exited{false};
    int code = -1;
    std::thread kiosk([&] {
        code = run_kiosk("--feed '" + path.string() + "' --cache-dir '" + (dir / "cache").string() + "'" + kAt +
                             " --exit-after 15",
                         kUnderXvfb, log.string());
        exited = true;
    });
    auto count_in_log = [&](const std::string& what) {
        const std::string text = read_text(log);
        std::size_t n = 0;
        for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    const bool drawing = eventually([&] { return exited || count_in_log("first frame after") > 0; }, std::chrono::seconds(60));
    REQUIRE(drawing);
    REQUIRE_FALSE(exited);
    REQUIRE(count_in_log("font atlas") == 1);

    // Saved the way editors do: a new file renamed over the old one.
    write(dir / ".feed.json.new", demo_titled("保存后的新标题 骉"));
    std::filesystem::rename(dir / ".feed.json.new", path);
    const auto saved = std::chrono::steady_clock::now();
    // The UI took the new snapshot when it rebuilds the atlas for the title's new characters.
    const bool taken = eventually([&] { return exited || count_in_log("font atlas") >= 2; }, std::chrono::seconds(5));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - saved).count();
    kiosk.join();
    INFO(read_text(log));
    CHECK(taken);
    CHECK(count_in_log("feed: published") == 2);
    CHECK(code == 0);
    CHECK(count_in_log("frames drawn: ") == 1);
    WARN("save → the running kiosk's UI has the new feed: " << static_cast<int>(ms) << " ms (seen in its log)");
}
