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
};

// Runs the kiosk under xvfb-run for `seconds`; false with `run.log` holding its output when it failed.
bool run_kiosk(const BenchOptions& options, const std::string& args, KioskRun& run) {
    const auto dir = options.work_dir / "kiosk";
    std::filesystem::create_directories(dir);
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << "{ \"idle_seconds\": 3600 }\n";   // stay on the screen: no attract loop
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

} // namespace

void bench_idle_frames(const BenchOptions& options, Table& table) {
    const std::string window = format_number(options.idle_seconds, 0) + " s";
    progress("running the kiosk on the home screen for " + window);
    KioskRun home;
    const std::string home_measure = "frames drawn, home screen untouched, real kiosk under Xvfb, " + window;
    if (run_kiosk(options, "--screen home", home)) table.add(home_measure, per_minute(home));
    else table.fail(home_measure, "the kiosk failed: " + last_lines(home.log));
    if (!home.renderer.empty()) table.add("OpenGL renderer (the kiosk's)", home.renderer);

    // The live screen, the live stats from a local server whose numbers change once a second.
    test::LocalHttpServer http;
    const ChangingLive live;
    const auto started = std::chrono::steady_clock::now();
    std::mutex counts_mutex;
    long not_modified = 0, last_tick = -1, new_documents = 0;
    http.server().Get("/live.json", [&](const httplib::Request& req, httplib::Response& res) {
        const long tick = static_cast<long>(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        const std::string etag = "\"" + std::to_string(tick) + "\"";
        res.set_header("ETag", etag);
        std::lock_guard lock(counts_mutex);
        if (req.get_header_value("If-None-Match") == etag) {
            ++not_modified;
            res.status = 304;
            return;
        }
        if (tick != last_tick) ++new_documents;
        last_tick = tick;
        res.set_content(live.document(tick), "application/json");
    });
    progress("running the kiosk on the live screen for " + window);
    KioskRun on_live;
    const std::string live_measure = "frames drawn, live screen untouched, live stats changing every second "
                                     "(polled every 2 s, the default), " + window;
    if (run_kiosk(options, "--screen live --live " + http.url("/live.json"), on_live)) {
        std::lock_guard lock(counts_mutex);
        table.add(live_measure, per_minute(on_live) + "; " + std::to_string(new_documents) + " new documents served, " +
                                    std::to_string(not_modified) + " polls answered 304 = " +
                                    format_number(new_documents ? on_live.frames / double(new_documents) : 0, 1) +
                                    " frames per new document");
    } else {
        table.fail(live_measure, "the kiosk failed: " + last_lines(on_live.log));
    }
}

} // namespace kiosk::bench
