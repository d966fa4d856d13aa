// Crash recovery: the real kiosk under a supervisor that restarts it as
// deploy/lvliang-kiosk.service does (Restart=always; exit 2 and 3 are not
// restarted). This machine has no systemd as PID 1 (`systemd-run --user` has no
// bus), so the harness plays the unit, with a 0.2 s restart delay instead of
// RestartSec=2 to keep the test short. The feed's server has gone down (it
// accepts connections and never answers); every restart must show the cached
// feed, and draw its first frame within 2 s of its start.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status, Success…) it must not see
#include "local_http_server.h"

#include "run_kiosk.h"
#include "x_session.h"

#include "base/embedded.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <regex>
#include <sys/resource.h>

using namespace kiosk::test;

namespace {

// Restart=always, RestartPreventExitStatus=2 3, RestartSec=restart_delay.
class Supervisor {
public:
    Supervisor(const VirtualDisplay& display, std::vector<std::string> args, std::filesystem::path log_dir,
               double restart_delay)
        : display_(display), args_(std::move(args)), log_dir_(std::move(log_dir)), restart_delay_(restart_delay) {
        start();
    }

    KioskProcess& current() { return *process_; }
    // Milliseconds from this run's fork to its "first frame" line (polled every 5 ms); -1 if none came.
    long ms_to_first_frame() const {
        const std::string log = current_log();
        while (std::chrono::steady_clock::now() - started_ < std::chrono::duration<double>(kPatience)) {
            if (file_text(log).find("first frame after") != std::string::npos)
                return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::steady_clock::now() - started_).count());
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return -1;
    }
    std::string current_log() const { return (log_dir_ / ("run-" + std::to_string(starts_) + ".log")).string(); }
    int starts() const { return starts_; }

    // Watches the running kiosk for up to `seconds`; when it ends, restarts it as the unit
    // would. True when a restart happened.
    bool restart_when_it_ends(double seconds = kPatience) {
        const std::optional<int> code = process_->wait_exit(seconds);
        if (!code) return false;
        if (*code == 2 || *code == 3) return false;   // RestartPreventExitStatus=2 3
        std::this_thread::sleep_for(std::chrono::duration<double>(restart_delay_));
        start();
        return true;
    }

private:
    void start() {
        ++starts_;
        started_ = std::chrono::steady_clock::now();
        process_ = std::make_unique<KioskProcess>(display_, args_, current_log());
    }

    const VirtualDisplay& display_;
    std::vector<std::string> args_;
    std::filesystem::path log_dir_;
    double restart_delay_;
    int starts_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::unique_ptr<KioskProcess> process_;
};

// "kiosk: first frame after 412 ms" → 412 (counted from the runner's start, after the feed's first answer).
int first_frame_ms(const std::string& log) {
    std::smatch m;
    static const std::regex line("first frame after ([0-9]+) ms");
    return std::regex_search(log, m, line) ? std::stoi(m[1]) : -1;
}

} // namespace

// The promise is 2 s; an instrumented build (ASan, UBSan) starts several times slower.
#ifdef KIOSK_SANITIZED
constexpr long kFirstFrameBoundMs = 8000;
#else
constexpr long kFirstFrameBoundMs = 2000;
#endif

TEST_CASE("SIGKILL and SIGSEGV: the supervisor restarts the kiosk and it shows the cached feed within 2 s",
          "[xvfb][crash]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("crash");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    struct rlimit no_core {0, 0};   // SIGSEGV must not leave a core file behind
    setrlimit(RLIMIT_CORE, &no_core);

    // First the organisers' server answers, and the kiosk caches its feed…
    auto server = std::make_unique<LocalHttpServer>();
    nlohmann::json feed = nlohmann::json::parse(*kiosk::embedded_file("config/demo-feed.json"));
    feed["sample"] = "crash recovery test";
    const std::string feed_text = feed.dump();
    server->server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(feed_text, "application/json");
    });
    const RawSocket dead(true);   // …then its address stops answering: this one accepts and never replies
    const auto config = dir / "kiosk.json";
    auto write_config = [&](const std::string& feed_url) {
        // A first fetch that fails on a loaded machine is tried again in 5 s, not the default 30.
        std::ofstream(config) << nlohmann::json{{"feed", feed_url},
                                                {"feed_poll_seconds", 5},
                                                {"cache_dir", (dir / "cache").string()},
                                                {"status_dir", (dir / "status").string()},
                                                {"data_dir", (dir / "data").string()}}.dump();
    };
    write_config(server->url("/feed.json"));
    {
        KioskProcess first(display, {"--config", config.string()}, (dir / "caching.log").string());
        REQUIRE(wait_for_text((dir / "caching.log").string(), "feed: cache: wrote"));
        REQUIRE(wait_for_text((dir / "caching.log").string(), "first frame after"));   // SIGTERM is handled from then on
        first.terminate();
        REQUIRE(first.wait_exit() == std::optional<int>(0));
    }
    server.reset();
    // The cache holds what came from the old address; the kiosk is now pointed at one that hangs.
    // (The validators are per URL; the cached document is shown whatever the URL.)
    write_config(dead.url("/feed.json"));

    Supervisor unit(display, {"--config", config.string()}, dir, 0.2);
    for (const int signal : {SIGKILL, SIGSEGV, SIGKILL}) {
        const long since_fork = unit.ms_to_first_frame();
        const std::string text = file_text(unit.current_log());
        INFO("run " << unit.starts() << ":\n" << text);
        REQUIRE(since_fork >= 0);
        CHECK_THAT(text, Catch::Contains("feed: showing the cached"));
        CHECK_THAT(text, !Catch::Contains("showing the embedded demo event"));
        CHECK(text.find("feed: showing the cached") < text.find("first frame after"));
        std::printf("crash recovery: run %d: first frame %ld ms after the process started (the kiosk's own count: %d ms)\n",
                    unit.starts(), since_fork, first_frame_ms(text));
        CHECK(since_fork < kFirstFrameBoundMs);

        kill(unit.current().pid(), signal);
        REQUIRE(unit.restart_when_it_ends());
    }
    // The last restart is up too.
    const long last_since_fork = unit.ms_to_first_frame();
    INFO("run " << unit.starts() << ":\n" << file_text(unit.current_log()));
    REQUIRE(last_since_fork >= 0);
    CHECK_THAT(file_text(unit.current_log()), Catch::Contains("feed: showing the cached"));
    CHECK(unit.starts() == 4);
    unit.current().terminate();
    CHECK(unit.current().wait_exit() == std::optional<int>(0));
}
