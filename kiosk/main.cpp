// kiosk: the venue program, and the organisers' tools as subcommands.
#include "app/app.h"
#include "app/config_flags.h"
#include "app/deferred_index_source.h"
#include "app/pipeline_source.h"
#include "base/embedded.h"
#include "base/log.h"
#include "base/process_memory.h"
#include "commands/announce_command.h"
#include "commands/check_command.h"
#include "commands/hash_pin_command.h"
#include "commands/import_commands.h"
#include "commands/report_command.h"
#include "feed/validator.h"
#include "images/image_loader.h"
#include "platform/runner.h"
#include "service/play_log.h"
#include "service/status_writer.h"
#include "service/usage_stats.h"
#include "sources/document_parsers.h"
#include "sources/pipeline.h"
#include "widgets/image_textures.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>

namespace {

using namespace kiosk;

constexpr std::string_view kDemoFeed = "config/demo-feed.json";

// Parsed once, before the UI runs; its search index comes from a worker (DeferredIndexSource), or at
// once for a screenshot, which must show search results in its one picture.
IndexedFeed demo_feed(bool screenshot) {
    static const std::shared_ptr<const Feed> demo = parse_feed(*embedded_file(kDemoFeed)).feed;   // validated by the tests
    return screenshot ? index_feed(demo) : IndexedFeed{demo, nullptr};
}

PipelineConfig pipeline_config(const KioskConfig& config) {
    PipelineConfig out;
    out.feed_location = config.sources.feed;
    out.live_location = config.sources.live;
    out.announcements_location = config.sources.announcements;
    out.cache_dir = config.storage.cache_dir;
    out.image_cache_bytes = static_cast<std::uintmax_t>(config.storage.image_cache_mb) * 1024 * 1024;
    out.feed_poll_interval = std::chrono::seconds(config.sources.feed_poll_seconds);
    out.live_poll_interval = std::chrono::seconds(config.sources.live_poll_seconds);
    out.feed_stale_after = std::chrono::minutes(config.sources.feed_stale_minutes);
    out.live_stale_after = std::chrono::minutes(config.sources.live_stale_minutes);
    out.live_guard.spike_factor = config.sources.live_spike_factor;   // [Issue 16]
    out.live_guard.default_cadence_seconds = config.sources.live_cadence_seconds;
    return out;
}

// The feed the first frame shows: what the pipeline has (the source, or its
// cache) once it answered, else the demo event, marked as sample data.
struct FirstFeed {
    IndexedFeed feed;
    bool demo = false;   // its search index is still to be built (DeferredIndexSource)
};
FirstFeed first_feed(FeedPipeline* pipeline, PipelineSource* source, bool screenshot) {
    const bool has_feed = pipeline && pipeline->feed_status() != std::nullopt;
    if (!has_feed && (!pipeline || pipeline->announcements_status() == std::nullopt))
        return {demo_feed(screenshot), true};
    // A screenshot waits out a whole fetch; a kiosk shows something within seconds.
    source->wait_for_first_answer(screenshot ? std::chrono::seconds(25) : std::chrono::seconds(3));
    if (!has_feed) return {demo_feed(screenshot), true};   // announcements alone: over the demo event
    if (auto feed = pipeline->feed().latest()) {
        // The pipeline's first feed comes before its index; a screenshot must show search results.
        if (screenshot && !feed->search) return {index_feed(feed->feed), false};
        return {*feed, false};
    }
    log_warning("no valid feed yet from " + pipeline->feed_status()->location +
                ": showing the embedded demo event until it answers");
    if (screenshot) return {};
    return {demo_feed(false), true};
}

// The admin panel's view of this run: who may open it, and the pipeline it reports on.
AdminHooks admin_hooks(const KioskConfig& config, FeedPipeline* pipeline) {
    AdminHooks hooks;
    hooks.version = KIOSK_VERSION;
    hooks.access = admin_access(config);
    hooks.pin_hash = config.admin_pin_hash;
    hooks.kiosk_mode = config.display.kiosk_mode;
    hooks.wake_ui = wake_ui;   // the PIN check's end is drawn at once, not at the next touch
    if (!pipeline) return hooks;
    hooks.feed_status = [pipeline] { return pipeline->feed_status(); };
    hooks.live_status = [pipeline] { return pipeline->live_status(); };
    hooks.reload = [pipeline] { pipeline->refresh_now(); };
    if (DocumentCache* cache = pipeline->cache()) {
        hooks.cache_written = [cache]() -> std::optional<std::chrono::system_clock::time_point> {
            std::error_code ec;
            const auto written = std::filesystem::last_write_time(cache->document_path("feed"), ec);
            if (ec) return std::nullopt;
            return std::chrono::time_point_cast<std::chrono::system_clock::duration>(
                std::chrono::file_clock::to_sys(written));
        };
        hooks.clear_image_cache = [cache](std::string& error) { return cache->clear_images(error); };
    }
    return hooks;
}

// The announcements on screen, from the UI thread to the status writer's.
class ShownBoard {
public:
    void set(std::vector<ShownAnnouncement> shown) {
        std::lock_guard lock(mutex_);
        shown_ = std::move(shown);
    }
    std::vector<ShownAnnouncement> get() const {
        std::lock_guard lock(mutex_);
        return shown_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<ShownAnnouncement> shown_;
};

// Each county's attract-loop seconds in today's play log (the event's day), for a fair restart.
std::vector<std::pair<std::string, std::int64_t>> seed_airtime(const KioskConfig& config, const Feed& feed) {
    if (config.storage.data_dir.empty()) return {};
    std::string error;
    const auto zone = TimeZone::load(feed.event.time_zone, &error);
    return play_seconds_today(config.storage.data_dir, std::time(nullptr), zone ? *zone : TimeZone::fixed_offset(8 * 3600));
}

// Writes status_dir's health files and data_dir's visitor statistics (and the play log, when given) while the kiosk runs.
std::unique_ptr<StatusWriter> status_writer(const KioskConfig& config, const Feed& feed, FeedPipeline* pipeline,
                                            const RenderCounters& counters, UsageCounter& usage, const ShownBoard& board,
                                            PlayLog* play_log) {
    StatusWriter::Config sc;
    sc.status_dir = config.storage.status_dir;
    sc.data_dir = config.storage.data_dir;
    sc.play = play_log;
    std::string error;
    if (auto zone = TimeZone::load(feed.event.time_zone, &error)) sc.zone = std::move(*zone);
    const auto started = std::chrono::steady_clock::now();
    const auto start_time = std::chrono::system_clock::now();   // once: a restart is a new value
    auto collect = [&config, pipeline, &counters, started, start_time, &board] {
        HealthSnapshot h;
        h.version = KIOSK_VERSION;
        h.kiosk_id = config.identity.id;
        h.kiosk_tags = config.identity.tags;
        h.shown = board.get();
        h.time = std::chrono::system_clock::now();
        h.uptime_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        h.start_time = start_time;
        h.kiosk_mode = config.display.kiosk_mode;
        h.frames_drawn = counters.frames_drawn;
        h.display_asleep = counters.display_asleep;
        if (const std::int64_t ms = counters.screen_picture_unix_ms; ms > 0)
            h.screen_picture = ScreenPictureStatus{kScreenPictureFile, std::chrono::system_clock::time_point(
                                                                         std::chrono::milliseconds(ms))};
        h.texture_bytes = counters.texture_bytes;
        if (const std::int64_t touched = counters.last_touch_unix)
            h.last_touch = std::chrono::system_clock::time_point(std::chrono::seconds(touched));
        h.resident_bytes = resident_bytes();
        if (pipeline) {
            h.feed = pipeline->feed_status();
            h.live = pipeline->live_status();
            h.announcements = pipeline->announcements_status();
            h.live_anomalies = pipeline->live_anomalies();   // [Issue 16]
        }
        return h;
    };
    return std::make_unique<StatusWriter>(std::move(sc), std::move(collect), &usage);
}

// The flags of the kiosk itself (no subcommand).
struct KioskFlags {
    ConfigFlags config;
    std::string screenshot, screen = "home", now_text;
    double exit_after = 0;
    double untouched = 0;   // --untouched: the idle time already passed at the start
    bool accessible = false;   // --accessible: start in the 无障碍 / Accessible mode
};

void add_kiosk_flags(CLI::App& cli, KioskFlags& flags) {
    add_config_flags(cli, flags.config);
    cli.add_option("--screenshot", flags.screenshot, "Render one screen to this PNG file and exit (needs an X display; try xvfb-run -a)");
    cli.add_option("--screen", flags.screen, "Screen to start on: home|schedule|session:ID|catalogue|county:ID|product:ID[@PLATFORM]|live|attract|"
                                             "map|map:AREA_ID|search[:LETTERS]");
    cli.add_option("--exit-after", flags.exit_after, "Close after SECONDS and print the frames drawn (benchmarks)")
        ->check(CLI::Range(0.1, 7 * 86400.0));
    cli.add_option("--now", flags.now_text, "Pretend the clock stands at this ISO 8601 instant, e.g. 2020-05-16T20:00:00+08:00");
    cli.add_option("--untouched", flags.untouched, "Start as if nobody had touched the screen for SECONDS (--untouched 85 "
                                                   "--screen product:ID shows the Still there? countdown)")
        ->check(CLI::Range(0.0, 3600.0));
    cli.add_flag("--accessible", flags.accessible, "Start in the accessible mode (1.5x text, high contrast, every control "
                                                   "within reach; the idle reset ends it)");
}

RunnerOptions runner_options(const KioskConfig& config, const KioskFlags& flags) {
    RunnerOptions runner;
    if (config.display.width > 0) {
        runner.window.width = config.display.width;
        runner.window.height = config.display.height;
        if (config.display.kiosk_mode && flags.screenshot.empty())
            log_warning("kiosk mode fills the monitor at its own resolution; the configured size is for windows "
                        "and screenshots");
    }
    runner.screenshots.path = flags.screenshot;
    runner.window.kiosk_mode = config.display.kiosk_mode;
    runner.window.monitor_index = config.display.monitor_index;
    runner.window.monitor_name = config.display.monitor_name;
    runner.window.rotation = config.display.rotation;
    runner.benchmark.exit_after_seconds = flags.exit_after;
    if (flags.screenshot.empty() && !config.storage.status_dir.empty()) {
        runner.screen_pictures.path = (std::filesystem::path(config.storage.status_dir) / kScreenPictureFile).string();
        runner.screen_pictures.interval_seconds = config.display.screen_picture_seconds;
    }
    return runner;
}

// The app's start: language, idling, the screen (--screen) and the clock (--now).
// False, with a message on `err`, when a flag's value is not understood.
bool app_options(const KioskConfig& config, const KioskFlags& flags, AppOptions& options, std::ostream& err) {
    options.lang = config.visitor.lang;
    options.idle_seconds = config.visitor.idle_seconds;
    options.kiosk_location = config.placement.location;   // --location, or the config's kiosk_location
    options.kiosk_heading = config.placement.heading;
    options.route_url = config.placement.route_url;
    options.identity = {config.identity.id, config.identity.tags};
    options.display_hours = config.display.hours;
    options.wake_seconds = config.display.wake_minutes * 60.0;
    options.untouched_at_start = flags.untouched;
    options.panel = panel_geometry(config);   // [Issue 19] the reach band
    options.accessible = flags.accessible;
    if (!parse_route(flags.screen, options.start)) {
        err << "kiosk: --screen " << flags.screen << " is not one of home, schedule, session:ID, catalogue, "
               "county:ID, product:ID, product:ID@PLATFORM (taobao, jd, ...), live, attract, map, map:AREA_ID, search or search:LETTERS (a-z, 0-9, at most 32)\n";
        return false;
    }
    if (!flags.now_text.empty()) {
        const auto now = parse_iso8601(flags.now_text);
        if (!now) {
            err << "kiosk: --now " << flags.now_text
                << " is not an ISO 8601 time with offset, e.g. 2020-05-16T20:00:00+08:00\n";
            return false;
        }
        options.pinned_now = now->unix_seconds;
    }
    return true;
}

// The kiosk: its sources, status files and pictures around the runner's loop.
int run_kiosk(const KioskFlags& flags) {
    keep_heap_small();   // a kiosk runs all event: what a build or parse frees goes back to the system
    KioskConfig config;
    if (!load_effective_config(flags.config, config, std::cerr)) return 2;
    if (flags.config.print_config) {
        std::cout << config_to_json(config);
        return 0;
    }

    set_log_level(config.log_level);
    RunnerOptions runner = runner_options(config, flags);
    AppOptions options;
    if (!app_options(config, flags, options, std::cerr)) return 2;
    const std::string& screenshot = flags.screenshot;
    std::unique_ptr<FeedPipeline> pipeline;
    std::unique_ptr<PipelineSource> source;
    if (!config.sources.feed.empty() || !config.sources.live.empty() || !config.sources.announcements.empty()) {
        pipeline = std::make_unique<FeedPipeline>(pipeline_config(config), parse_feed_document, parse_live_document,
                                                  wake_ui, parse_announcements_document);
        source = std::make_unique<PipelineSource>(*pipeline);
        pipeline->start();
    }
    options.admin = admin_hooks(config, pipeline.get());
    // While the pipeline's worker parses the first feed: the font files found and the display opened.
    DisplayStart display = open_display();
    const FirstFeed first = first_feed(pipeline.get(), source.get(), !screenshot.empty());
    const IndexedFeed& feed = first.feed;
    if (!feed.feed) {
        std::cerr << "kiosk: no valid feed from " << config.sources.feed << " and none cached (see the log above)\n";
        return 1;
    }
    UsageCounter usage;
    PlayLog play_log;
    RenderCounters counters;
    ShownBoard board;
    std::unique_ptr<StatusWriter> status;
    if (screenshot.empty()) {
        options.usage = &usage;
        // A pinned clock (--now) shows another day: its slides are no airtime of the real one, so no play log.
        const bool real_clock = !options.pinned_now;
        if (real_clock) options.play_log = &play_log;
        runner.counters = &counters;
        status = status_writer(config, *feed.feed, pipeline.get(), counters, usage, board, real_clock ? &play_log : nullptr);
        if (real_clock) options.airtime_seed = seed_airtime(config, *feed.feed);
        status->start();
        // An announcement shown or gone: in status.json and kiosk.prom at once, not at the next 15 s round.
        options.announcements_shown = [&board, writer = status.get()](const std::vector<ShownAnnouncement>& shown) {
            board.set(shown);
            writer->write_soon();
        };
    }
    KioskApp app(feed, options);
    // The demo's search index, built while the first frame is drawn (the pipeline's comes from the pipeline).
    std::optional<DeferredIndexSource> deferred_index;
    if (first.demo && !feed.search) deferred_index.emplace(feed.feed, source.get(), wake_ui);
    app.set_source(deferred_index ? static_cast<SnapshotSource*>(&*deferred_index) : source.get());

    // Pictures: downloaded into the pipeline's cache; relative paths are relative to the feed.
    ImageLoaderOptions image_options;
    image_options.cache = pipeline ? pipeline->cache() : nullptr;
    image_options.feed_location = config.sources.feed;
    image_options.on_ready = wake_ui;
    ImageLoader image_loader(std::move(image_options));
    const std::unique_ptr<TextureUploader> uploader = make_gl_texture_uploader();
    ImageTextureOptions texture_options;
    texture_options.budget_bytes = static_cast<std::size_t>(config.display.texture_budget_mb) * 1024 * 1024;
    ImageTextures images(image_loader, *uploader, texture_options);
    app.set_images(&images);

    const int code = run(app, runner, std::move(display));
    image_loader.stop();
    if (status) status->stop();   // a last round: this run's final counts
    if (pipeline) pipeline->stop();
    return code;
}

// A subcommand: run when the command line named it.
struct Subcommand {
    const CLI::App* command;
    std::function<int()> run;
};

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"吕梁广场电商直播 venue kiosk: schedule, county products and live sales from a JSON feed."};
    cli.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
    cli.require_subcommand(0, 1);
    KioskFlags kiosk_flags;
    add_kiosk_flags(cli, kiosk_flags);

    CLI::App* check = cli.add_subcommand("check", "Validate feed files: prints file:line:col: error|warning: /pointer: message");
    std::vector<std::string> check_files;
    check->add_option("FEED", check_files, "Feed files to check")->required();
    CLI::App* hash_pin = cli.add_subcommand("hash-pin", "Read an admin PIN (4-8 digits) on standard input; print the "
                                                        "admin_pin_hash value for the config file");
    OrganiserCommands organiser;
    add_organiser_commands(cli, organiser);
    AnnounceCommand announce;
    add_announce_command(cli, announce);
    ReportCommand report;
    add_report_command(cli, report);
    auto organiser_command = [&] { return *run_organiser_command(organiser, std::cout, std::cerr); };
    const Subcommand subcommands[] = {
        {check, [&] { return check_feed_files(check_files, std::cout, std::cerr); }},
        {hash_pin, [] { return run_hash_pin(std::cin, stdin_is_terminal(), std::cout, std::cerr); }},
        {organiser.import_csv, organiser_command},
        {organiser.import_schedule, organiser_command},
        {organiser.preview, organiser_command},
        {announce.command, [&] { return run_announce(announce.options, std::time(nullptr), std::cout, std::cerr); }},
        {report.command, [&] { return run_report(report.options, std::cout, std::cerr); }},
    };

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;   // --help and --version exit 0; usage errors 2
    }
    for (const Subcommand& subcommand : subcommands)
        if (subcommand.command->parsed()) return subcommand.run();
    return run_kiosk(kiosk_flags);
}
