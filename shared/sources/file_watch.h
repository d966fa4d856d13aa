// Notices when a local file is saved. Watches the file's directory with
// inotify, so editors that save by writing a new file and renaming it over the
// old one are seen too. Linux only, like the kiosk.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk {

class FileWatch {
public:
    explicit FileWatch(std::filesystem::path file);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    // Non-empty when the directory can't be watched right now (it is retried on
    // each wait); callers should then also poll the file's stat.
    const std::string& error() const { return error_; }

    // Waits up to `timeout` for the file to be written, replaced, created or
    // removed; true when it was. Events in quick succession count as one.
    bool wait(std::chrono::milliseconds timeout);

    // Makes the current or next wait() return false at once; from any thread.
    void interrupt();

private:
    bool try_watch();

    std::filesystem::path file_;
    std::string name_;
    int inotify_fd_ = -1;
    int watch_ = -1;
    int wake_fd_ = -1;   // eventfd written by interrupt()
    std::string error_;
};

} // namespace kiosk
