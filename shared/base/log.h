// One line per event to stderr, with local time and level (journald keeps it;
// under systemd each line also carries its priority for `journalctl -p`).
// Thread-safe. A LogSummarizer keeps repeated events to one line per window.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace kiosk {

enum class LogLevel { debug, info, warning, error };

std::string_view log_level_name(LogLevel level);   // "DEBUG", "INFO", "WARN", "ERROR"

// Receives each finished line (no trailing newline). The default writes to stderr.
using LogSink = std::function<void(LogLevel level, std::string_view line)>;

// Replaces the sink (nullptr restores stderr) and returns the previous one; for tests and the admin panel.
LogSink set_log_sink(LogSink sink);

// Lines below this level are dropped; info by default.
void set_log_level(LogLevel minimum);

// "2020-05-16T19:30:01.123+08:00 WARN  message"
void log_message(LogLevel level, std::string_view message);
std::string format_log_line(LogLevel level, std::chrono::system_clock::time_point when, std::string_view message);

// True when `fd` is the stream named by `journal_stream` ("DEV:INODE", systemd's
// $JOURNAL_STREAM): then stderr goes to the journal, not to a terminal or a file.
bool fd_is_journal_stream(int fd, const char* journal_stream);

// sd-daemon's priority prefix for journald ("<3>" error, "<4>" warning, "<6>" info, "<7>" debug).
std::string_view journal_priority_prefix(LogLevel level);

// The bytes written to stderr for one line: the priority prefix when `to_journal`, then the line and '\n'.
std::string stderr_record(LogLevel level, std::string_view line, bool to_journal);

inline void log_debug(std::string_view m) { log_message(LogLevel::debug, m); }
inline void log_info(std::string_view m) { log_message(LogLevel::info, m); }
inline void log_warning(std::string_view m) { log_message(LogLevel::warning, m); }
inline void log_error(std::string_view m) { log_message(LogLevel::error, m); }

// Logs the first event of a kind at once, then counts repeats and logs them as
// one line per window: "fetch failed … (repeated 37 times in 5 min)". A kind is
// a caller-chosen key such as "feed:fail:http 500".
class LogSummarizer {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit LogSummarizer(std::chrono::steady_clock::duration window = std::chrono::minutes(5),
                           Clock clock = std::chrono::steady_clock::now);

    void report(LogLevel level, const std::string& kind, std::string_view message);

    // The condition behind every kind starting with `prefix` ended: logs the repeats
    // not yet logged and forgets those kinds, so the next event is logged at once.
    void clear(std::string_view prefix);

    // Logs the repeats of kinds whose window ended; call now and then (each poll).
    void tick();

private:
    struct Entry {
        LogLevel level = LogLevel::info;
        std::string last_message;
        std::chrono::steady_clock::time_point window_start;
        int repeats = 0;   // events since window_start not logged yet
    };
    void flush(Entry& e, std::chrono::steady_clock::time_point now);

    std::chrono::steady_clock::duration window_;
    Clock clock_;
    std::mutex mutex_;
    std::map<std::string, Entry, std::less<>> entries_;
};

// "3 s", "5 min", "2 h": for durations in log lines.
std::string format_duration(std::chrono::steady_clock::duration d);

} // namespace kiosk
