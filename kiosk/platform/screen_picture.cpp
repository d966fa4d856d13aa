#include "platform/screen_picture.h"

#include "base/atomic_file.h"
#include "base/log.h"

// Order matters: the define before the first GL header, or gl.h comes without the prototypes.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>

namespace kiosk {

std::vector<unsigned char> downscale_picture(const unsigned char* rgba, int w, int h, int max_side, int& out_w, int& out_h) {
    const double scale = std::min(1.0, double(max_side) / std::max(w, h));
    out_w = std::max(1, int(w * scale + 0.5));
    out_h = std::max(1, int(h * scale + 0.5));
    std::vector<unsigned char> small(static_cast<std::size_t>(out_w) * out_h * 4);
    // GL's rows run bottom-up: start at the last row and step backwards, so the result is top-down.
    const int stride = w * 4;
    stbir_resize_uint8(rgba + static_cast<std::size_t>(h - 1) * stride, w, h, -stride, small.data(), out_w, out_h, 0, 4);
    for (std::size_t i = 3; i < small.size(); i += 4) small[i] = 255;   // the screen is opaque
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
        std::string png;
        stbi_write_png_to_func([](void* out, void* data, int size) { static_cast<std::string*>(out)->append(static_cast<char*>(data), size); },
                               &png, sw, sh, 4, small.data(), sw * 4);
        std::string error;
        if (png.empty() || !write_file_atomically(options_.path, png, error)) {
            log_warning("screen picture: " + (error.empty() ? std::string("cannot encode the PNG") : error));
            continue;
        }
        ++written_count_;
        const auto unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
        if (written_) written_(unix_ms);
    }
}

} // namespace kiosk
