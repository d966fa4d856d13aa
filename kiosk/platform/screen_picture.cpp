#include "platform/screen_picture.h"

#include "base/atomic_file.h"
#include "base/log.h"
#include "images/png_encode.h"

// Order matters: the define before the first GL header, or gl.h comes without the prototypes.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace kiosk {

std::vector<unsigned char> downscale_picture(const unsigned char* rgba, int w, int h, int max_side, int& out_w, int& out_h) {
    const double scale = std::min(1.0, double(max_side) / std::max(w, h));
    out_w = std::max(1, int(w * scale + 0.5));
    out_h = std::max(1, int(h * scale + 0.5));
    std::vector<unsigned char> small(static_cast<std::size_t>(out_w) * out_h * 4);
    // A box filter by hand: each small pixel the average of the screen pixels it covers. As good as any
    // kernel for a thumbnail, and each pixel read once: stb_image_resize's float path took several times
    // as long, a sixth of a preview's time.
    std::vector<std::uint32_t> sums(static_cast<std::size_t>(out_w) * 3);
    std::vector<int> column_of(static_cast<std::size_t>(w)), count_in(static_cast<std::size_t>(out_w), 0);
    for (int x = 0; x < w; ++x) ++count_in[static_cast<std::size_t>(column_of[static_cast<std::size_t>(x)] = int(std::int64_t(x) * out_w / w))];
    for (int oy = 0; oy < out_h; ++oy) {
        const int y0 = int(std::int64_t(oy) * h / out_h), y1 = int(std::int64_t(oy + 1) * h / out_h);
        std::fill(sums.begin(), sums.end(), 0u);
        for (int y = y0; y < y1; ++y) {
            // GL's rows run bottom-up: screen row y is the (h - 1 - y)th row read.
            const unsigned char* row = rgba + static_cast<std::size_t>(h - 1 - y) * w * 4;
            for (int x = 0; x < w; ++x) {
                std::uint32_t* sum = &sums[static_cast<std::size_t>(column_of[static_cast<std::size_t>(x)]) * 3];
                sum[0] += row[x * 4];
                sum[1] += row[x * 4 + 1];
                sum[2] += row[x * 4 + 2];
            }
        }
        for (int ox = 0; ox < out_w; ++ox) {
            const std::uint32_t n = std::uint32_t(count_in[static_cast<std::size_t>(ox)]) * std::uint32_t(y1 - y0);
            unsigned char* out = &small[(static_cast<std::size_t>(oy) * out_w + ox) * 4];
            for (int c = 0; c < 3; ++c) out[c] = static_cast<unsigned char>((sums[static_cast<std::size_t>(ox) * 3 + c] + n / 2) / n);
            out[3] = 255;   // the screen is opaque
        }
    }
    return small;
}

ScreenPictureTaker::ScreenPictureTaker(ScreenPictureOptions options, std::function<void(std::int64_t)> written)
    : options_(std::move(options)), written_(std::move(written)) {
    if (options_.wanted()) worker_ = std::thread([this] { run(); });
}

ScreenPictureTaker::~ScreenPictureTaker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

bool ScreenPictureTaker::due(double now, std::uint64_t frames_drawn) const {
    return options_.wanted() && state_ == State::idle && frames_drawn != last_frames_ &&
           now - last_start_ >= options_.interval_seconds;
}

void ScreenPictureTaker::start(int width, int height, double now, std::uint64_t frames_drawn) {
    if (!pbo_) glGenBuffers(1, &pbo_);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_);
    if (width != width_ || height != height_)
        glBufferData(GL_PIXEL_PACK_BUFFER, static_cast<GLsizeiptr>(width) * height * 4, nullptr, GL_STREAM_READ);
    width_ = width;
    height_ = height;
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);   // into the buffer: returns at once on a GPU
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    fence_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    state_ = State::reading;
    last_start_ = now;
    last_frames_ = frames_drawn;
}

bool ScreenPictureTaker::poll() {
    if (state_ == State::reading) {
        const GLenum status = glClientWaitSync(static_cast<GLsync>(fence_), GL_SYNC_FLUSH_COMMANDS_BIT, 0);
        if (status != GL_ALREADY_SIGNALED && status != GL_CONDITION_SATISFIED) return false;   // not yet: next pass
        glDeleteSync(static_cast<GLsync>(fence_));
        fence_ = nullptr;
        glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_);
        const void* pixels = glMapBuffer(GL_PIXEL_PACK_BUFFER, GL_READ_ONLY);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        if (!pixels) {
            log_warning("screen picture: cannot map the pixel buffer");
            state_ = State::idle;
            return true;
        }
        {
            std::lock_guard lock(mutex_);
            job_ = static_cast<const unsigned char*>(pixels);
            job_done_ = false;
        }
        wake_.notify_all();
        state_ = State::mapped;
        return true;
    }
    if (state_ == State::mapped) {
        {
            std::lock_guard lock(mutex_);
            if (!job_done_) return false;
            job_ = nullptr;
        }
        glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_);
        glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
        state_ = State::idle;
        return true;
    }
    return false;
}

void ScreenPictureTaker::release_gpu() {
    if (state_ == State::mapped) {   // wait for the worker's downscale: the memory goes with the unmap
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return job_done_; });
        job_ = nullptr;
        lock.unlock();
        glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_);
        glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    }
    if (fence_) glDeleteSync(static_cast<GLsync>(fence_));
    if (pbo_) glDeleteBuffers(1, &pbo_);
    fence_ = nullptr;
    pbo_ = 0;
    state_ = State::idle;
}

void ScreenPictureTaker::run() {
    for (;;) {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || (job_ && !job_done_); });
        if (stopping_) return;
        const unsigned char* pixels = job_;
        const int w = width_, h = height_;
        lock.unlock();
        int sw = 0, sh = 0;
        const std::vector<unsigned char> small = downscale_picture(pixels, w, h, options_.max_side, sw, sh);
        lock.lock();
        job_done_ = true;   // the UI thread may unmap now
        lock.unlock();
        wake_.notify_all();
        std::string error;
        const auto png = encode_png(RgbaView{small.data(), sw, sh, std::ptrdiff_t(sw) * 4}, {}, &error);
        if (!png || !write_file_atomically(options_.path, *png, error)) {
            log_warning("screen picture: " + error);
            continue;
        }
        ++written_count_;
        const auto unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
        if (written_) written_(unix_ms);
    }
}

} // namespace kiosk
