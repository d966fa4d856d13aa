#include "sources/file_watch.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

void save(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

} // namespace

TEST_CASE("a file written in place is noticed", "[file_watch]") {
    test::TempDir dir;
    save(dir / "feed.json", "v1");
    FileWatch watch(dir / "feed.json");
    REQUIRE(watch.error().empty());
    CHECK_FALSE(watch.wait(50ms));   // nothing happened yet
    save(dir / "feed.json", "v2");
    CHECK(watch.wait(2s));
    CHECK_FALSE(watch.wait(50ms));   // the events of one save count once
}

TEST_CASE("an editor's save by rename is noticed, other files are not", "[file_watch]") {
    test::TempDir dir;
    save(dir / "feed.json", "v1");
    FileWatch watch(dir / "feed.json");
    save(dir / "notes.txt", "unrelated");
    CHECK_FALSE(watch.wait(100ms));
    save(dir / ".feed.json.swp", "v2");
    std::filesystem::rename(dir / ".feed.json.swp", dir / "feed.json");
    CHECK(watch.wait(2s));
}

TEST_CASE("deleting the file and creating it again are both noticed", "[file_watch]") {
    test::TempDir dir;
    save(dir / "feed.json", "v1");
    FileWatch watch(dir / "feed.json");
    std::filesystem::remove(dir / "feed.json");
    CHECK(watch.wait(2s));
    save(dir / "feed.json", "v2");
    CHECK(watch.wait(2s));
}

TEST_CASE("a missing directory is reported and watched once it exists", "[file_watch]") {
    test::TempDir dir;
    FileWatch watch(dir / "later" / "feed.json");
    CHECK(watch.error().find("later") != std::string::npos);
    CHECK_FALSE(watch.wait(20ms));
    std::filesystem::create_directory(dir / "later");
    CHECK_FALSE(watch.wait(20ms));   // this wait sets the watch up
    CHECK(watch.error().empty());
    save(dir / "later" / "feed.json", "v1");
    CHECK(watch.wait(2s));
}

TEST_CASE("interrupt ends a long wait from another thread", "[file_watch]") {
    test::TempDir dir;
    FileWatch watch(dir / "feed.json");
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        watch.interrupt();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(watch.wait(60s));
    CHECK(std::chrono::steady_clock::now() - start < 30s);
    stopper.join();
}
