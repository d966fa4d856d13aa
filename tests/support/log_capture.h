// Test helper: collects log lines instead of writing them to stderr.
#pragma once

#include "base/log.h"

#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

class LogCapture {
public:
    explicit LogCapture(LogLevel minimum = LogLevel::debug) {
        set_log_level(minimum);
        previous_ = set_log_sink([this](LogLevel, std::string_view line) {
            std::lock_guard lock(mutex_);
            lines_.emplace_back(line);
        });
    }
    ~LogCapture() {
        set_log_sink(std::move(previous_));
        set_log_level(LogLevel::info);
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<std::string> lines() const {
        std::lock_guard lock(mutex_);
        return lines_;
    }
    // Lines holding every one of `parts`.
    int count(std::initializer_list<std::string_view> parts) const {
        int n = 0;
        for (const std::string& line : lines()) {
            bool all = true;
            for (std::string_view p : parts) all = all && line.find(p) != std::string::npos;
            n += all;
        }
        return n;
    }
    bool has(std::initializer_list<std::string_view> parts) const { return count(parts) > 0; }
    void clear() {
        std::lock_guard lock(mutex_);
        lines_.clear();
    }
    std::string dump() const {
        std::string all;
        for (const std::string& line : lines()) all += line + "\n";
        return all;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
    LogSink previous_;
};

} // namespace kiosk::test
