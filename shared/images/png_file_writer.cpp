#include "images/png_file_writer.h"

#include "base/atomic_file.h"

#include <utility>

namespace kiosk {

PngFileWriter::PngFileWriter(std::size_t max_waiting)
    : max_waiting_(max_waiting > 0 ? max_waiting : 1), worker_([this] { run(); }) {}

PngFileWriter::~PngFileWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void PngFileWriter::submit(std::string path, std::vector<std::uint8_t> rgba, int width, int height, bool bottom_up) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return waiting_.size() < max_waiting_; });
    waiting_.push_back(Job{std::move(path), std::move(rgba), width, height, bottom_up});
    lock.unlock();
    changed_.notify_all();
}

std::vector<std::string> PngFileWriter::finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return waiting_.empty() && !writing_; });
    return std::exchange(failures_, {});
}

void PngFileWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return;   // stopping, and everything is written
        Job job = std::move(waiting_.front());
        waiting_.pop_front();
        writing_ = true;
        lock.unlock();
        changed_.notify_all();   // room for the next submit
        std::string failure = write(job);
        job = Job{};   // the pixels go before the lock is taken again
        lock.lock();
        writing_ = false;
        if (!failure.empty()) failures_.push_back(std::move(failure));
        changed_.notify_all();
    }
}

std::string PngFileWriter::write(const Job& job) {
    if (job.rgba.size() != std::size_t(job.width) * std::size_t(job.height) * 4 || job.width <= 0 || job.height <= 0)
        return job.path + ": " + std::to_string(job.rgba.size()) + " bytes are not a " + std::to_string(job.width) + "×" +
               std::to_string(job.height) + " picture";
    const std::ptrdiff_t stride = std::ptrdiff_t(job.width) * 4;
    RgbaView view{job.rgba.data(), job.width, job.height, stride};
    if (job.bottom_up) {   // GL's first row is the bottom one
        view.pixels = job.rgba.data() + std::ptrdiff_t(job.height - 1) * stride;
        view.stride = -stride;
    }
    std::string error;
    const auto png = encode_png(view, {}, &error);
    if (!png) return job.path + ": " + error;
    if (!write_file_atomically(job.path, *png, error)) return job.path + ": " + error;
    return {};
}

} // namespace kiosk
