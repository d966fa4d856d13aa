#include "base/atomic_file.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

TEST_CASE("write_file_atomically replaces a file and leaves no temporary behind", "[atomic_file]") {
    test::TempDir dir;
    std::string error;
    REQUIRE(write_file_atomically(dir / "feed.json", "first", error));
    REQUIRE(write_file_atomically(dir / "feed.json", "second, longer", error));
    CHECK(error.empty());
    CHECK(read_whole_file(dir / "feed.json", 1000, error) == "second, longer");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("write_file_atomically names the path when it cannot write", "[atomic_file]") {
    test::TempDir dir;
    std::string error;
    CHECK_FALSE(write_file_atomically(dir / "missing-dir" / "feed.json", "x", error));
    CHECK(error.find("missing-dir") != std::string::npos);
    CHECK(error.find("No such file or directory") != std::string::npos);
}

TEST_CASE("read_whole_file reports missing files, directories and oversize files", "[atomic_file]") {
    test::TempDir dir;
    std::string error;
    CHECK_FALSE(read_whole_file(dir / "absent.json", 100, error));
    CHECK(error.find("absent.json") != std::string::npos);

    CHECK_FALSE(read_whole_file(dir.path(), 100, error));
    CHECK(error.find("not a regular file") != std::string::npos);

    REQUIRE(write_file_atomically(dir / "big", std::string(101, 'x'), error));
    CHECK_FALSE(read_whole_file(dir / "big", 100, error));
    CHECK(error.find("100-byte limit") != std::string::npos);
    CHECK(read_whole_file(dir / "big", 101, error) == std::string(101, 'x'));
}

TEST_CASE("temporary files of dead writers are removed, live writers' are kept", "[atomic_file]") {
    test::TempDir dir;
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);   // a pid that surely is not running any more

    const std::string dead = ".feed.json.tmp-" + std::to_string(child) + "-3";
    const std::string alive = ".feed.json.tmp-" + std::to_string(::getpid()) + "-0";
    for (const std::string& name : {dead, alive, std::string("feed.json"), std::string(".notes.tmp-x-1")})
        std::ofstream(dir / name) << "partial";

    CHECK(remove_stale_temporary_files(dir.path()) == 1);
    CHECK_FALSE(std::filesystem::exists(dir / dead));
    CHECK(std::filesystem::exists(dir / alive));
    CHECK(std::filesystem::exists(dir / "feed.json"));
    CHECK(std::filesystem::exists(dir / ".notes.tmp-x-1"));
}
