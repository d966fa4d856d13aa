// Measure 7: frames the real kiosk draws under Xvfb (software GL) in a window
// of time, on the untouched home screen and on the live screen while a local
// server's live stats change every second. The kiosk counts them itself
// (--exit-after SECONDS prints "frames drawn: N").
#include "base/embedded.h"
#include "bench.h"
#include "growing_live.h"
#include "local_http_server.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <sys/wait.h>

namespace kiosk::bench {

namespace {

constexpr const char* kPinnedNow = "2020-05-16T20:30:00+08:00";   // 交城 is live in the demo feed

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct KioskRun {
    long frames = -1;
    double seconds = 0;
    std::string renderer;
    std::string log;
    // The UI thread's loop passes (the kiosk's own figures at --exit-after).
    double median_ms = 0, longest_ms = 0, longest_picture_ms = 0;
    long frame_passes = 0, picture_passes = 0, pictures = 0;
};

// Runs the kiosk under xvfb-run for `seconds`; false with `run.log` holding its output when it failed.
// `config_keys`: more keys for its config file.
bool run_kiosk(const BenchOptions& options, const std::string& args, KioskRun& run, const std::string& config_keys = "") {
    const auto dir = options.work_dir / "kiosk";
    std::filesystem::create_directories(dir);
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << "{ \"idle_seconds\": 3600" << config_keys << " }\n";   // stay on the screen: no attract loop
    const auto log = dir / "log.txt";
    const int limit = static_cast<int>(options.idle_seconds) + 60;   // never hang the bench
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", options.idle_seconds);
    const std::string command = "timeout -k 5 " + std::to_string(limit) + " xvfb-run -a -s '-screen 0 1920x1080x24' '" +
                                options.kiosk_binary + "' --config '" + config.string() + "' --cache-dir '" +
                                (dir / "cache").string() + "' --now " + kPinnedNow + " --exit-after " + seconds + " " + args + " >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    run.log = read_all(log);
    std::smatch m;
    static const std::regex line(R"(frames drawn: (\d+) in ([0-9.]+) s \(OpenGL renderer: (.*)\))");
    if (!std::regex_search(run.log, m, line)) return false;
    run.frames = std::stol(m[1].str());
    run.seconds = std::stod(m[2].str());
    run.renderer = m[3];
    static const std::regex passes(R"(frame passes: median ([0-9.]+) ms, longest ([0-9.]+) ms \((\d+)\); passes with )"
                                   R"(screen-picture work: longest ([0-9.]+) ms \((\d+)\); screen pictures written: (\d+))");
    if (std::regex_search(run.log, m, passes)) {
        run.median_ms = std::stod(m[1].str());
        run.longest_ms = std::stod(m[2].str());
        run.frame_passes = std::stol(m[3].str());
        run.longest_picture_ms = std::stod(m[4].str());
        run.picture_passes = std::stol(m[5].str());
        run.pictures = std::stol(m[6].str());
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string last_lines(const std::string& log) {
    std::string tail = log.size() > 400 ? "…" + log.substr(log.size() - 400) : log;
    for (char& c : tail)
        if (c == '\n' || c == '|') c = ' ';
    return tail;
}

std::string per_minute(const KioskRun& run) {
    return format_number(static_cast<double>(run.frames), 0) + " frames in " + format_number(run.seconds, 1) + " s = " +
           format_number(run.frames * 60.0 / run.seconds, 1) + " per minute";
}

// The demo's live part, its numbers growing every second and updated_at the kiosk's (pinned) now.
class ChangingLive {
public:
    ChangingLive() : base_(nlohmann::json::parse(*embedded_file("config/demo-feed.json"))["live"]) {}
    // The document for second `tick`; its ETag is the tick.
    std::string document(long tick) const { return test::grown_live_document(base_, tick, iso_at(tick)); }

private:
    // 20:30:00 + seconds on the event's second day (the window is minutes long, never past midnight).
    static std::string iso_at(long seconds) {
        const long of_day = 20 * 3600 + 30 * 60 + seconds;
        char buf[40];
        std::snprintf(buf, sizeof buf, "2020-05-16T%02ld:%02ld:%02ld+08:00", of_day / 3600 % 24, of_day / 60 % 60,
                      of_day % 60);
        return buf;
    }
    nlohmann::json base_;
};


// A local server of the live document, its numbers changing once a second; counts what it served.
class LiveServer {
public:
    LiveServer() : started_(std::chrono::steady_clock::now()) {
        http_.server().Get("/live.json", [this](const httplib::Request& req, httplib::Response& res) {
            const long tick = static_cast<long>(std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
            const std::string etag = "\"" + std::to_string(tick) + "\"";
            res.set_header("ETag", etag);
            std::lock_guard lock(mutex_);
            if (req.get_header_value("If-None-Match") == etag) {
                ++not_modified_;
                res.status = 304;
                return;
            }
            if (tick != last_tick_) ++new_documents_;
            last_tick_ = tick;
            res.set_content(live_.document(tick), "application/json");
        });
    }
    std::string url() { return http_.url("/live.json"); }
    long new_documents() {
        std::lock_guard lock(mutex_);
        return new_documents_;
    }
    long not_modified() {
        std::lock_guard lock(mutex_);
        return not_modified_;
    }

private:
    test::LocalHttpServer http_;
    const ChangingLive live_;
    const std::chrono::steady_clock::time_point started_;
    std::mutex mutex_;
    long not_modified_ = 0, last_tick_ = -1, new_documents_ = 0;
};

std::string pass_times(const KioskRun& run) {
    return "median frame " + format_number(run.median_ms, 1) + " ms, longest frame " + format_number(run.longest_ms, 1) +
           " ms (" + std::to_string(run.frame_passes) + " frames)";
}

} // namespace

void bench_screen_pictures(const BenchOptions& options, Table& table) {
    const std::string window = format_number(options.idle_seconds, 0) + " s";
    const std::string status_dir = (options.work_dir / "kiosk" / "status").string();
    LiveServer live;
    const std::string args = "--screen live --live " + live.url();
    progress("running the kiosk on the changing live screen without screen pictures for " + window);
    KioskRun without;
    const std::string without_measure = "UI loop passes, live screen changing every second, no screen pictures, " + window;
    if (run_kiosk(options, args, without, ", \"screen_picture_seconds\": 0, \"status_dir\": \"" + status_dir + "\""))
        table.add(without_measure, pass_times(without));
    else
        table.fail(without_measure, "the kiosk failed: " + last_lines(without.log));

    progress("running it again with a screen picture every 2 s for " + window);
    KioskRun with;
    const std::string with_measure = "UI loop passes, the same with a screen picture every 2 s (PBO read, worker "
                                     "downscale and PNG), " + window;
    if (!run_kiosk(options, args, with, ", \"screen_picture_seconds\": 2, \"status_dir\": \"" + status_dir + "\"")) {
        table.fail(with_measure, "the kiosk failed: " + last_lines(with.log));
        return;
    }
    if (with.pictures == 0) {
        table.fail(with_measure, "no screen picture was written: " + last_lines(with.log));
        return;
    }
    table.add(with_measure, pass_times(with) + "; passes doing picture work: longest " +
                                format_number(with.longest_picture_ms, 1) + " ms (" + std::to_string(with.picture_passes) +
                                " passes) = " + format_number(with.median_ms > 0 ? with.longest_picture_ms / with.median_ms : 0, 2) +
                                "× the median frame; " + std::to_string(with.pictures) + " pictures written");
}

void bench_idle_frames(const BenchOptions& options, Table& table) {
    const std::string window = format_number(options.idle_seconds, 0) + " s";
    progress("running the kiosk on the home screen for " + window);
    KioskRun home;
    const std::string home_measure = "frames drawn, home screen untouched, real kiosk under Xvfb, " + window;
    if (run_kiosk(options, "--screen home", home)) table.add(home_measure, per_minute(home));
    else table.fail(home_measure, "the kiosk failed: " + last_lines(home.log));
    if (!home.renderer.empty()) table.add("OpenGL renderer (the kiosk's)", home.renderer);

    // The live screen, the live stats from a local server whose numbers change once a second.
    LiveServer http;
    progress("running the kiosk on the live screen for " + window);
    KioskRun on_live;
    const std::string live_measure = "frames drawn, live screen untouched, live stats changing every second "
                                     "(polled every 2 s, the default), " + window;
    if (run_kiosk(options, "--screen live --live " + http.url(), on_live)) {
        const long new_documents = http.new_documents(), not_modified = http.not_modified();
        table.add(live_measure, per_minute(on_live) + "; " + std::to_string(new_documents) + " new documents served, " +
                                    std::to_string(not_modified) + " polls answered 304 = " +
                                    format_number(new_documents ? on_live.frames / double(new_documents) : 0, 1) +
                                    " frames per new document");
    } else {
        table.fail(live_measure, "the kiosk failed: " + last_lines(on_live.log));
    }
}

} // namespace kiosk::bench
