// Every 15 s on its own thread, so file writes and fsyncs never stall a frame:
// status.json and kiosk.prom replaced atomically in status_dir (fields in
// status_report.h), the visitors' usage batch appended to data_dir's daily
// file (usage_stats.h), and a systemd STATUS= line. stop() runs a last round,
// so a clean shutdown (systemctl stop) loses no counts.
#pragma once

#include "base/log.h"
#include "base/time_zone.h"
#include "service/service_notify.h"
#include "service/status_report.h"
#include "service/play_log.h"
#include "service/usage_stats.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk {

class StatusWriter {
public:
    struct Config {
        std::filesystem::path status_dir;   // empty: no status files
        std::filesystem::path data_dir;     // empty: no usage files
        std::chrono::milliseconds interval{15'000};
        TimeZone zone = TimeZone::fixed_offset(8 * 3600);   // the event's: names the daily files
        PlayLog* play = nullptr;            // the attract loop's play log (play_log.h), to data_dir; null: none
    };

    // `collect` is called on the writer's thread and must be thread-safe;
    // `usage` may be null and must outlive the writer.
    StatusWriter(Config config, std::function<HealthSnapshot()> collect, UsageCounter* usage);
    ~StatusWriter();
    StatusWriter(const StatusWriter&) = delete;
    StatusWriter& operator=(const StatusWriter&) = delete;

    void start();   // the first round at once, then one per interval
    void stop();
    // A round now on the writer's thread, not at the next interval (an announcement appeared). Any thread.
    void write_soon();

    // One round on the caller's thread. False when a file could not be written (logged).
    bool write_round();

    static constexpr const char* kStatusFile = "status.json";
    static constexpr const char* kPrometheusFile = "kiosk.prom";

private:
    void run();

    Config config_;
    std::function<HealthSnapshot()> collect_;
    UsageCounter* usage_;
    ServiceNotifier notifier_;
    LogSummarizer summarizer_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool soon_ = false;
    std::thread worker_;
};

} // namespace kiosk
