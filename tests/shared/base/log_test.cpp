#include "base/log.h"

#include "log_capture.h"

#include <catch2/catch.hpp>

#include <regex>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

TEST_CASE("log lines carry an ISO time with offset, the level and the message on one line", "[log]") {
    const auto when = std::chrono::system_clock::from_time_t(1589628601) + 123ms;   // 2020-05-16T11:30:01.123Z
    const std::string line = format_log_line(LogLevel::warning, when, "feed: fetch failed\nsecond line");
    CHECK(std::regex_match(line, std::regex(R"(2020-05-16T\d\d:\d\d:01\.123[+-]\d\d:\d\d WARN  feed: fetch failed second line)")));
    CHECK(format_log_line(LogLevel::error, when, "x").find(" ERROR x") != std::string::npos);
}

TEST_CASE("log_message goes to the sink and honours the minimum level", "[log]") {
    test::LogCapture capture(LogLevel::info);
    log_debug("hidden detail");
    log_info("cache: wrote feed.json");
    log_error("feed: rejected");
    const auto lines = capture.lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("INFO  cache: wrote feed.json") != std::string::npos);
    CHECK(lines[1].find("ERROR feed: rejected") != std::string::npos);
}

TEST_CASE("format_duration picks a readable unit", "[log]") {
    CHECK(format_duration(80ms) == "80 ms");
    CHECK(format_duration(3s) == "3 s");
    CHECK(format_duration(59s) == "59 s");
    CHECK(format_duration(5min) == "5 min");
    CHECK(format_duration(119min) == "119 min");
    CHECK(format_duration(3h) == "3 h");
}

TEST_CASE("the summarizer logs the first event, then one line per window for repeats", "[log]") {
    test::LogCapture capture;
    const auto start = std::chrono::steady_clock::time_point{} + 1h;
    auto now = start;
    LogSummarizer summarizer(5min, [&] { return now; });

    summarizer.report(LogLevel::warning, "feed:fail:http 500", "feed: GET http://x/feed: HTTP 500");
    CHECK(capture.lines().size() == 1);
    for (int i = 0; i < 37; ++i) {
        now += 2s;
        summarizer.report(LogLevel::warning, "feed:fail:http 500", "feed: GET http://x/feed: HTTP 500");
        summarizer.tick();
    }
    CHECK(capture.lines().size() == 1);   // repeats inside the window are only counted

    now = start + 5min;
    summarizer.tick();
    REQUIRE(capture.lines().size() == 2);
    CHECK(capture.lines()[1].find("feed: GET http://x/feed: HTTP 500 (repeated 37 times in 5 min)") != std::string::npos);

    // A different kind is news of its own.
    summarizer.report(LogLevel::warning, "live:fail:timeout", "live: timed out");
    CHECK(capture.lines().size() == 3);
}

TEST_CASE("clearing a kind logs pending repeats and makes the next event news again", "[log]") {
    test::LogCapture capture;
    auto now = std::chrono::steady_clock::time_point{} + 1h;
    LogSummarizer summarizer(5min, [&] { return now; });

    summarizer.report(LogLevel::warning, "feed:fail:refused", "feed: connection refused");
    now += 10s;
    summarizer.report(LogLevel::warning, "feed:fail:refused", "feed: connection refused");
    now += 10s;
    summarizer.report(LogLevel::warning, "feed:fail:refused", "feed: connection refused");
    summarizer.report(LogLevel::warning, "live:fail:refused", "live: connection refused");
    summarizer.clear("feed:fail:");
    REQUIRE(capture.lines().size() == 3);
    CHECK(capture.lines()[2].find("feed: connection refused (repeated 2 times in 20 s)") != std::string::npos);

    summarizer.report(LogLevel::warning, "feed:fail:refused", "feed: connection refused");
    CHECK(capture.lines().size() == 4);   // logged at once after the clear
    summarizer.report(LogLevel::warning, "live:fail:refused", "live: connection refused");
    CHECK(capture.lines().size() == 4);   // the live kind was not cleared
}

TEST_CASE("a kind quiet for a whole window is forgotten", "[log]") {
    test::LogCapture capture;
    auto now = std::chrono::steady_clock::time_point{} + 1h;
    LogSummarizer summarizer(1min, [&] { return now; });
    summarizer.report(LogLevel::info, "live:updated", "live: new stats");
    now += 2min;
    summarizer.tick();
    CHECK(capture.lines().size() == 1);   // nothing to summarise
    summarizer.report(LogLevel::info, "live:updated", "live: new stats");
    CHECK(capture.lines().size() == 2);
}

TEST_CASE("stderr lines carry journald's priority prefix only when stderr is the journal stream", "[log]") {
    int journal[2], other[2];
    REQUIRE(pipe(journal) == 0);
    REQUIRE(pipe(other) == 0);
    struct stat st {};
    REQUIRE(fstat(journal[1], &st) == 0);
    const std::string journal_stream = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);   // as systemd sets it
    CHECK(fd_is_journal_stream(journal[1], journal_stream.c_str()));
    CHECK_FALSE(fd_is_journal_stream(other[1], journal_stream.c_str()));   // stderr redirected elsewhere
    CHECK_FALSE(fd_is_journal_stream(journal[1], nullptr));                // a terminal, a test run: not set
    CHECK_FALSE(fd_is_journal_stream(journal[1], "garbage"));
    CHECK_FALSE(fd_is_journal_stream(journal[1], (journal_stream + "x").c_str()));
    for (int fd : {journal[0], journal[1], other[0], other[1]}) close(fd);

    CHECK(stderr_record(LogLevel::error, "E", true) == "<3>E\n");
    CHECK(stderr_record(LogLevel::warning, "W", true) == "<4>W\n");
    CHECK(stderr_record(LogLevel::info, "I", true) == "<6>I\n");
    CHECK(stderr_record(LogLevel::debug, "D", true) == "<7>D\n");
    CHECK(stderr_record(LogLevel::error, "E", false) == "E\n");
    CHECK(stderr_record(LogLevel::warning, "W", false) == "W\n");
}
