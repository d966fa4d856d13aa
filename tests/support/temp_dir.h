// Test helper: fresh directories under $TMPDIR, removed when the test is done, so a
// test run leaves the machine as it found it. KIOSK_KEEP_TEST_FILES=1 keeps them
// (to look at screenshots and logs) and prints where each one is.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace kiosk::test {

inline bool keep_test_files() {
    const char* keep = std::getenv("KIOSK_KEEP_TEST_FILES");
    return keep && *keep && std::string(keep) != "0";
}

// Removes a test's directory, or says where it stays.
inline void remove_test_dir(const std::filesystem::path& dir) {
    if (keep_test_files()) {
        std::fprintf(stderr, "KIOSK_KEEP_TEST_FILES: kept %s\n", dir.c_str());
        return;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() { remove_test_dir(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The named directories temp_dir() handed out, removed when the test program exits
// (tests keep paths into them past the scope that asked).
class NamedTempDirs {
public:
    ~NamedTempDirs() {
        for (const auto& dir : dirs_) remove_test_dir(dir);
    }
    void add(const std::filesystem::path& dir) {
        std::lock_guard lock(mutex_);
        dirs_.insert(dir);
    }

private:
    std::mutex mutex_;
    std::set<std::filesystem::path> dirs_;
};

// $TMPDIR/kiosk-test-NAME-PID: per process, since two test runs at once must not
// share (and delete) each other's files.
inline std::filesystem::path temp_dir(const std::string& name) {
    static NamedTempDirs named;
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-test-" + name + "-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    named.add(dir);
    return dir;
}

} // namespace kiosk::test
