// A picture of each screen: every so often, when the screen changed, a small
// PNG of exactly what the panel shows (rotation and burn-in shift included)
// goes into the status directory for staff to look at from afar.
//
// The UI thread only starts a read of the window's back buffer into a pixel
// pack buffer (asynchronous where the GPU is) and, a loop pass or more later,
// maps it once a fence says it is done; a worker downscales the mapped pixels,
// the UI thread unmaps them, and the worker encodes the PNG and writes it
// atomically. Needs a current GL 3 context on the UI thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

struct ScreenPictureOptions {
    std::string path;                // "" = no pictures
    double interval_seconds = 60;    // at most one this often
    int max_side = 480;              // pixels on the long side
    bool wanted() const { return !path.empty() && interval_seconds > 0; }
};

// Scales `w`×`h` RGBA rows (bottom-up, as GL reads them) to fit `max_side` and
// returns them top-down, opaque; `out_w`, `out_h` get the new size.
std::vector<unsigned char> downscale_picture(const unsigned char* rgba, int w, int h, int max_side, int& out_w, int& out_h);

class ScreenPictureTaker {
public:
    // `written` runs on the worker after each PNG was written, with its time (unix ms).
    ScreenPictureTaker(ScreenPictureOptions options, std::function<void(std::int64_t)> written);
    ~ScreenPictureTaker();
    ScreenPictureTaker(const ScreenPictureTaker&) = delete;
    ScreenPictureTaker& operator=(const ScreenPictureTaker&) = delete;

    // Whether a picture should be taken now: the interval passed, the screen
    // changed since the last one (`frames_drawn` moved), and none is under way.
    bool due(double now, std::uint64_t frames_drawn) const;
    // Starts reading the bound framebuffer's `width`×`height` (the final picture).
    void start(int width, int height, double now, std::uint64_t frames_drawn);
    // Between frames: hands a finished read to the worker, unmaps one the worker is done with.
    // True when it did either (the benchmark counts that pass's time against the pictures).
    bool poll();
    // Whether poll() has work (the loop then does not sleep long).
    bool busy() const { return state_ != State::idle; }
    // The GL context is about to go.
    void release_gpu();
    std::uint64_t pictures_written() const { return written_count_; }

private:
    enum class State { idle, reading, mapped };
    void run();

    ScreenPictureOptions options_;
    std::function<void(std::int64_t)> written_;
    State state_ = State::idle;
    unsigned pbo_ = 0;
    void* fence_ = nullptr;          // GLsync
    int width_ = 0, height_ = 0;
    double last_start_ = 0;          // the loop clock starts near 0: the first picture one interval in, not at start-up
    std::uint64_t last_frames_ = ~std::uint64_t{0};
    std::atomic<std::uint64_t> written_count_{0};

    std::mutex mutex_;
    std::condition_variable wake_;
    const unsigned char* job_ = nullptr;   // mapped pixels the worker reads
    bool job_done_ = false;                // the worker no longer reads them
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace kiosk
