#include "sources/document_cache.h"

#include "base/atomic_file.h"
#include "small_mount.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kiosk;

namespace {

std::function<const char*(const char*)> environment(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> const char* {
        auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
}

} // namespace

TEST_CASE("the default cache dir follows systemd, then XDG, then HOME", "[feed_cache]") {
    CHECK(default_cache_dir(environment({{"CACHE_DIRECTORY", "/var/cache/lvliang-kiosk:/var/cache/other"},
                                         {"XDG_CACHE_HOME", "/home/k/.xdg"}})) == "/var/cache/lvliang-kiosk");
    CHECK(default_cache_dir(environment({{"XDG_CACHE_HOME", "/home/k/.xdg"}, {"HOME", "/home/k"}})) ==
          "/home/k/.xdg/lvliang-kiosk");
    CHECK(default_cache_dir(environment({{"XDG_CACHE_HOME", "relative"}, {"HOME", "/home/k"}})) ==
          "/home/k/.cache/lvliang-kiosk");
    CHECK(default_cache_dir(environment({})) == "/var/cache/lvliang-kiosk");
}

TEST_CASE("a stored document comes back with its validators", "[feed_cache]") {
    test::TempDir dir;
    DocumentCache cache(dir / "cache");
    std::string error;
    REQUIRE(cache.prepare(error));
    CachedDocument doc{"{\"format\":1}", "https://example.org/feed.json", "\"v1\"", "Sat, 16 May 2020 11:30:00 GMT", {}};
    REQUIRE(cache.store("feed", doc, error));

    DocumentCache reopened(dir / "cache");
    const auto loaded = reopened.load("feed", error);
    REQUIRE(loaded);
    CHECK(loaded->text == doc.text);
    CHECK(loaded->url == doc.url);
    CHECK(loaded->etag == "\"v1\"");
    CHECK(loaded->last_modified == doc.last_modified);
    CHECK(std::chrono::system_clock::now() - loaded->written < std::chrono::minutes(1));

    CHECK_FALSE(reopened.load("live", error));
    CHECK(error.find("live.json") != std::string::npos);
}

TEST_CASE("validators that don't describe the cached text are dropped", "[feed_cache]") {
    test::TempDir dir;
    DocumentCache cache(dir.path());
    std::string error;
    REQUIRE(cache.prepare(error));
    REQUIRE(cache.store("feed", {"old text", "https://example.org/f", "\"old\"", "", {}}, error));
    // As if killed between writing the new text and its validators.
    REQUIRE(write_file_atomically(cache.document_path("feed"), "new text", error));
    const auto loaded = cache.load("feed", error);
    REQUIRE(loaded);
    CHECK(loaded->text == "new text");
    CHECK(loaded->etag.empty());
}

TEST_CASE("images are cached by URL", "[feed_cache]") {
    test::TempDir dir;
    DocumentCache cache(dir.path());
    std::string error;
    REQUIRE(cache.prepare(error));
    REQUIRE(cache.store_image("https://example.org/a.png", "PNG-A", error));
    REQUIRE(cache.store_image("https://example.org/b.png", "PNG-B", error));
    CHECK(cache.image_path("https://example.org/a.png") != cache.image_path("https://example.org/b.png"));
    CHECK(cache.load_image("https://example.org/a.png", error) == "PNG-A");
    CHECK_FALSE(cache.load_image("https://example.org/c.png", error));
}

TEST_CASE("clearing the image cache removes the images and keeps the documents", "[feed_cache]") {
    test::TempDir dir;
    DocumentCache cache(dir.path());
    std::string error;
    REQUIRE(cache.prepare(error));
    REQUIRE(cache.store_image("https://example.org/a.png", "PNG-A", error));
    REQUIRE(cache.store_image("https://example.org/b.png", "PNG-B", error));
    REQUIRE(cache.store("feed", CachedDocument{"{}", "https://example.org/feed.json", "", "", {}}, error));
    CHECK(cache.clear_images(error) == 2);
    CHECK_FALSE(cache.load_image("https://example.org/a.png", error));
    CHECK(cache.load("feed", error).has_value());
    CHECK(cache.clear_images(error) == 0);
    DocumentCache missing(dir.path() / "nowhere");
    CHECK(missing.clear_images(error) == -1);
    CHECK_THAT(error, Catch::Contains("nowhere"));
}

TEST_CASE("a writer killed with SIGKILL at any instant leaves a loadable cache", "[feed_cache]") {
    test::TempDir dir;
    // Big enough that a kill often lands inside a write.
    const std::string a = "{\"version\":\"A\",\"pad\":\"" + std::string(3u << 20, 'a') + "\"}";
    const std::string b = "{\"version\":\"B\",\"pad\":\"" + std::string(2u << 20, 'b') + "\"}";
    std::string error;
    {
        DocumentCache cache(dir.path());
        REQUIRE(cache.prepare(error));
        REQUIRE(cache.store("feed", {a, "https://example.org/f", "\"A\"", "", {}}, error));
    }
    std::mt19937 rng(20200516);
    int leftovers_seen = 0;
    // Until several kills landed inside a write (a temporary file was left), so the case is really covered.
    for (int round = 0; round < 80 && leftovers_seen < 3; ++round) {
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(ready[0]);
            DocumentCache cache(dir.path());
            std::string child_error;
            const char started = 1;
            [[maybe_unused]] ssize_t w = ::write(ready[1], &started, 1);
            for (int i = 0;; ++i) {
                const bool first = i % 2 == 0;
                cache.store("feed", {first ? b : a, "https://example.org/f", first ? "\"B\"" : "\"A\"", "", {}},
                            child_error);
            }
        }
        ::close(ready[1]);
        char started = 0;
        REQUIRE(::read(ready[0], &started, 1) == 1);
        ::close(ready[0]);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE(WIFSIGNALED(status));

        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            leftovers_seen += entry.path().filename().string().find(".tmp-") != std::string::npos;

        DocumentCache cache(dir.path());
        REQUIRE(cache.prepare(error));
        const auto loaded = cache.load("feed", error);
        REQUIRE(loaded);
        const bool is_a = loaded->text == a;
        const bool is_b = loaded->text == b;
        CHECK((is_a || is_b));
        if (!loaded->etag.empty()) CHECK(loaded->etag == (is_a ? "\"A\"" : "\"B\""));
        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
    CHECK(leftovers_seen >= 3);
}

namespace {

void set_last_use(const std::filesystem::path& file, std::chrono::hours ago) {
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() - ago);
}

} // namespace

TEST_CASE("the image cache stays under its limit by deleting the least recently used", "[feed_cache]") {
    test::TempDir dir;
    DocumentCache cache(dir.path());
    std::string error;
    REQUIRE(cache.prepare(error));
    cache.set_image_limit(3500);
    const std::string kb(1000, 'x');
    for (const char* url : {"https://a/1.png", "https://a/2.png", "https://a/3.png"})
        REQUIRE(cache.store_image(url, kb, error));
    set_last_use(cache.image_path("https://a/1.png"), std::chrono::hours(3));
    set_last_use(cache.image_path("https://a/2.png"), std::chrono::hours(2));
    set_last_use(cache.image_path("https://a/3.png"), std::chrono::hours(1));
    REQUIRE(cache.load_image("https://a/1.png", error));   // shown again: now the most recent

    REQUIRE(cache.store_image("https://a/4.png", kb, error));
    CHECK(cache.image_usage().files == 3);
    CHECK(cache.image_usage().bytes == 3000);
    CHECK_FALSE(std::filesystem::exists(cache.image_path("https://a/2.png")));   // the least recently used
    CHECK(cache.load_image("https://a/1.png", error) == kb);
    CHECK(cache.load_image("https://a/3.png", error) == kb);
    CHECK(cache.load_image("https://a/4.png", error) == kb);

    // One picture larger than the whole limit is kept (it is on screen); the others make way.
    REQUIRE(cache.store_image("https://a/big.png", std::string(5000, 'y'), error));
    CHECK(cache.image_usage().files == 1);
    CHECK(std::filesystem::exists(cache.image_path("https://a/big.png")));
}

TEST_CASE("a full disk: the image cache makes room among its own files and documents keep the last good copy",
          "[feed_cache]") {
    test::TempDir dir;
    test::SmallMount disk(dir / "cache", 64 * 1024);
    REQUIRE(disk.ok());
    DocumentCache cache(dir / "cache");
    std::string error;
    REQUIRE(cache.prepare(error));
    cache.set_image_limit(0);   // no limit of ours: only the disk's
    REQUIRE(cache.store("feed", CachedDocument{"{\"old\":1}", "https://feed", "", "", {}}, error));
    const std::string picture(12 * 1024, 'p');   // 3 pages each; the disk has 16
    int stored = 0;
    for (; stored < 3; ++stored) REQUIRE(cache.store_image("https://img/" + std::to_string(stored), picture, error));
    set_last_use(cache.image_path("https://img/0"), std::chrono::hours(2));

    // The disk is now full: the next picture only fits where the oldest was.
    REQUIRE(cache.store_image("https://img/new", std::string(24 * 1024, 'n'), error));
    CHECK_FALSE(std::filesystem::exists(cache.image_path("https://img/0")));
    CHECK(cache.load_image("https://img/new", error).has_value());

    // A document too large for what is left fails, named, and the last good one stays.
    CHECK_FALSE(cache.store("feed", CachedDocument{std::string(60 * 1024, ' ') + "{}", "https://feed", "", "", {}}, error));
    CHECK_THAT(error, Catch::Contains("feed.json") && Catch::Contains("No space left"));
    const auto old = cache.load("feed", error);
    REQUIRE(old);
    CHECK(old->text == "{\"old\":1}");
}
