#include "service/status_writer.h"

#include "base/atomic_file.h"

namespace kiosk {

StatusWriter::StatusWriter(Config config, std::function<HealthSnapshot()> collect, UsageCounter* usage)
    : config_(std::move(config)), collect_(std::move(collect)), usage_(usage) {}

StatusWriter::~StatusWriter() { stop(); }

void StatusWriter::start() {
    if (worker_.joinable()) return;
    stopping_ = false;
    worker_ = std::thread([this] { run(); });
}

void StatusWriter::stop() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
    write_round();   // the last counts of a clean shutdown
}

void StatusWriter::write_soon() {
    {
        std::lock_guard lock(mutex_);
        soon_ = true;
    }
    wake_.notify_all();
}

void StatusWriter::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        soon_ = false;
        lock.unlock();
        write_round();
        lock.lock();
        wake_.wait_for(lock, config_.interval, [this] { return stopping_ || soon_; });
    }
}

bool StatusWriter::write_round() {
    const HealthSnapshot health = collect_();
    bool ok = true;
    std::string error;
    if (!config_.status_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config_.status_dir, ec);
        const bool written =
            write_file_atomically(config_.status_dir / kStatusFile, format_status_json(health), error) &&
            write_file_atomically(config_.status_dir / kPrometheusFile, format_status_prometheus(health), error);
        if (written) summarizer_.clear("status:");
        else summarizer_.report(LogLevel::warning, "status:write", "status files: " + error);
        ok = ok && written;
    }
    if (usage_) {
        const UsageBatch batch = usage_->take(health.time);
        if (!config_.data_dir.empty()) {
            const bool appended = append_usage(config_.data_dir, batch, config_.zone, error);
            if (appended) summarizer_.clear("usage:");
            else summarizer_.report(LogLevel::warning, "usage:write", "visitor statistics: " + error);
            ok = ok && appended;
        }
    }
    if (config_.play) {
        const std::vector<PlayEntry> entries = config_.play->take(health.time);
        if (!config_.data_dir.empty()) {
            const bool appended = append_play(config_.data_dir, entries, config_.zone, error);
            if (appended) summarizer_.clear("play:");
            else summarizer_.report(LogLevel::warning, "play:write", "play log: " + error);
            ok = ok && appended;
        }
    }
    summarizer_.tick();
    notifier_.status(format_status_line(health));
    return ok;
}

} // namespace kiosk
