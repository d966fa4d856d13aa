#include "base/log.h"

#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace kiosk {

namespace {

std::mutex g_log_mutex;
LogSink g_sink;                          // empty: stderr
LogLevel g_minimum = LogLevel::info;

void write_stderr(LogLevel level, std::string_view line) {
    // Decided once: systemd sets $JOURNAL_STREAM before exec and stderr is not redirected later.
    static const bool to_journal = fd_is_journal_stream(STDERR_FILENO, std::getenv("JOURNAL_STREAM"));
    const std::string out = stderr_record(level, line, to_journal);
    std::fwrite(out.data(), 1, out.size(), stderr);   // one write per line keeps lines whole
    std::fflush(stderr);
}

} // namespace

std::string_view log_level_name(LogLevel level) {
    switch (level) {
    case LogLevel::debug: return "DEBUG";
    case LogLevel::info: return "INFO";
    case LogLevel::warning: return "WARN";
    case LogLevel::error: return "ERROR";
    }
    return "?";
}

bool fd_is_journal_stream(int fd, const char* journal_stream) {
    if (!journal_stream) return false;
    std::uintmax_t device = 0, inode = 0;
    char rest = 0;
    if (std::sscanf(journal_stream, "%" SCNuMAX ":%" SCNuMAX "%c", &device, &inode, &rest) != 2) return false;
    struct stat st {};
    if (fstat(fd, &st) != 0) return false;
    return static_cast<std::uintmax_t>(st.st_dev) == device && static_cast<std::uintmax_t>(st.st_ino) == inode;
}

std::string_view journal_priority_prefix(LogLevel level) {
    switch (level) {
    case LogLevel::debug: return SD_DEBUG;
    case LogLevel::info: return SD_INFO;
    case LogLevel::warning: return SD_WARNING;
    case LogLevel::error: return SD_ERR;
    }
    return SD_INFO;
}

std::string stderr_record(LogLevel level, std::string_view line, bool to_journal) {
    std::string out;
    if (to_journal) out = journal_priority_prefix(level);   // journald strips it and files the line at that priority
    out += line;
    out += '\n';
    return out;
}

LogSink set_log_sink(LogSink sink) {
    std::lock_guard lock(g_log_mutex);
    LogSink previous = std::move(g_sink);
    g_sink = std::move(sink);
    return previous;
}

void set_log_level(LogLevel minimum) {
    std::lock_guard lock(g_log_mutex);
    g_minimum = minimum;
}

std::string format_log_line(LogLevel level, std::chrono::system_clock::time_point when, std::string_view message) {
    using namespace std::chrono;
    const std::time_t seconds = system_clock::to_time_t(when);
    const auto millis = duration_cast<milliseconds>(when.time_since_epoch()).count() % 1000;
    std::tm local{};
    localtime_r(&seconds, &local);
    char stamp[64];
    std::size_t n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &local);
    const long offset = local.tm_gmtoff / 60;
    std::snprintf(stamp + n, sizeof stamp - n, ".%03d%c%02ld:%02ld", static_cast<int>(millis < 0 ? 0 : millis),
                  offset < 0 ? '-' : '+', (offset < 0 ? -offset : offset) / 60, (offset < 0 ? -offset : offset) % 60);

    std::string line = stamp;
    line += ' ';
    std::string_view name = log_level_name(level);
    line += name;
    line.append(6 - name.size(), ' ');   // aligns messages: "INFO  ", "ERROR "
    // Embedded newlines would split one event over several journal entries.
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    return line;
}

void log_message(LogLevel level, std::string_view message) {
    const auto now = std::chrono::system_clock::now();
    std::lock_guard lock(g_log_mutex);
    if (level < g_minimum) return;
    const std::string line = format_log_line(level, now, message);
    if (g_sink) g_sink(level, line);
    else write_stderr(level, line);
}

std::string format_duration(std::chrono::steady_clock::duration d) {
    using namespace std::chrono;
    if (d < seconds(1)) return std::to_string(duration_cast<milliseconds>(d).count()) + " ms";
    const auto s = duration_cast<seconds>(d + milliseconds(500)).count();
    if (s < 60) return std::to_string(s) + " s";
    if (s < 120 * 60) return std::to_string((s + 30) / 60) + " min";
    return std::to_string((s + 1800) / 3600) + " h";
}

LogSummarizer::LogSummarizer(std::chrono::steady_clock::duration window, Clock clock)
    : window_(window), clock_(std::move(clock)) {}

void LogSummarizer::flush(Entry& e, std::chrono::steady_clock::time_point now) {
    if (e.repeats > 0) {
        log_message(e.level, e.last_message + " (repeated " + std::to_string(e.repeats) +
                                 (e.repeats == 1 ? " time in " : " times in ") + format_duration(now - e.window_start) + ")");
    }
    e.repeats = 0;
    e.window_start = now;
}

void LogSummarizer::report(LogLevel level, const std::string& kind, std::string_view message) {
    const auto now = clock_();
    std::lock_guard lock(mutex_);
    auto it = entries_.find(kind);
    if (it == entries_.end()) {
        entries_.emplace(kind, Entry{level, std::string(message), now, 0});
        log_message(level, message);
        return;
    }
    Entry& e = it->second;
    e.level = level;
    e.last_message = message;
    if (now - e.window_start < window_) {
        ++e.repeats;
    } else if (e.repeats > 0) {
        ++e.repeats;
        flush(e, now);
    } else {
        log_message(level, message);
        e.window_start = now;
    }
}

void LogSummarizer::clear(std::string_view prefix) {
    const auto now = clock_();
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (std::string_view(it->first).substr(0, prefix.size()) == prefix) {
            flush(it->second, now);
            it = entries_.erase(it);
        } else {
            ++it;
        }
    }
}

void LogSummarizer::tick() {
    const auto now = clock_();
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
        Entry& e = it->second;
        if (now - e.window_start < window_) { ++it; continue; }
        if (e.repeats > 0) {
            flush(e, now);
            ++it;
        } else {
            it = entries_.erase(it);   // quiet for a whole window: the next one is news again
        }
    }
}

} // namespace kiosk
