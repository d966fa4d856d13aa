// PNG files written on a worker thread, one after another, so the thread that
// read a picture's pixels goes on drawing the next one while this one is
// compressed (the preview's hundreds of screenshots: two cores, both busy).
// At most `max_waiting` pictures wait (each a whole screen of RGBA): submit()
// blocks beyond that, so memory stays bounded however fast pictures come.
#pragma once

#include "images/png_encode.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

class PngFileWriter {
public:
    explicit PngFileWriter(std::size_t max_waiting = 2);
    ~PngFileWriter();   // writes what waits, then stops
    PngFileWriter(const PngFileWriter&) = delete;
    PngFileWriter& operator=(const PngFileWriter&) = delete;

    // Queues `rgba` (width × height × 4 bytes; rows bottom-up as GL reads them when `bottom_up`)
    // to be written to `path` atomically.
    void submit(std::string path, std::vector<std::uint8_t> rgba, int width, int height, bool bottom_up);

    // Waits until every picture submitted so far is written; returns the failures since the last
    // call ("PATH: reason"), empty when all were written.
    std::vector<std::string> finish();

private:
    struct Job {
        std::string path;
        std::vector<std::uint8_t> rgba;
        int width = 0, height = 0;
        bool bottom_up = false;
    };
    void run();
    static std::string write(const Job& job);   // empty, or why it failed

    const std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> waiting_;
    bool writing_ = false;
    bool stopping_ = false;
    std::vector<std::string> failures_;
    std::thread worker_;   // last: starts once the rest is ready
};

} // namespace kiosk
