// kiosk: the venue program, and the organisers' tools as subcommands.
#include "app.h"
#include "embedded.h"
#include "feed_check.h"
#include "feed_parse.h"
#include "document_parsers.h"
#include "feed_pipeline.h"
#include "log.h"
#include "pipeline_source.h"
#include "runner.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace kiosk;

constexpr std::string_view kDemoFeed = "config/demo-feed.json";

bool parse_size(const std::string& text, int& w, int& h) {
    char x = 0;
    std::istringstream in(text);
    return (in >> w >> x >> h) && (x == 'x' || x == 'X') && in.peek() == EOF && w >= 320 && h >= 240 &&
           w <= 8192 && h <= 8192;
}

std::shared_ptr<const Feed> demo_feed() {
    static const FeedParseResult demo = parse_feed(*embedded_file(kDemoFeed));   // validated by the tests
    return demo.feed;
}

// The feed the first frame shows: what the pipeline has (the source, or its
// cache) once it answered, else the demo event, marked as sample data.
std::shared_ptr<const Feed> first_feed(FeedPipeline* pipeline, PipelineSource* source, bool screenshot) {
    if (!pipeline || pipeline->feed_status() == std::nullopt) return demo_feed();
    // A screenshot waits out a whole fetch; a kiosk shows something within seconds.
    source->wait_for_first_answer(screenshot ? std::chrono::seconds(25) : std::chrono::seconds(3));
    if (auto feed = pipeline->feed().latest()) return feed;
    log_warning("no valid feed yet from " + pipeline->feed_status()->location +
                ": showing the embedded demo event until it answers");
    return screenshot ? nullptr : demo_feed();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"吕梁广场电商直播 venue kiosk: schedule, county products and live sales from a JSON feed."};
    cli.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
    cli.require_subcommand(0, 1);

    std::string feed_source, live_source, cache_dir, lang_code = "zh", size = "1920x1080", screenshot, screen = "home", now_text;
    cli.add_option("--feed", feed_source, "Feed file path or http(s) URL (default: the embedded demo event)");
    cli.add_option("--live", live_source, "Live-stats document: file path or http(s) URL (optional)");
    cli.add_option("--cache-dir", cache_dir, "Where the last good feed, live stats and images are kept (default: $XDG_CACHE_HOME/lvliang-kiosk)");
    cli.add_option("--lang", lang_code, "Visitor language at start: zh or en")->check(CLI::IsMember({"zh", "en"}));
    cli.add_option("--size", size, "Window or screenshot size, WIDTHxHEIGHT (default 1920x1080)");
    cli.add_option("--screenshot", screenshot, "Render one screen to this PNG file and exit (needs an X display; try xvfb-run -a)");
    cli.add_option("--screen", screen, "Screen to start on: home|schedule|session:ID|catalogue|county:ID|product:ID|live|attract");
    cli.add_option("--now", now_text, "Pretend the clock stands at this ISO 8601 instant, e.g. 2020-05-16T20:00:00+08:00");

    CLI::App* check = cli.add_subcommand("check", "Validate feed files: prints file:line:col: error|warning: /pointer: message");
    std::vector<std::string> check_files;
    check->add_option("FEED", check_files, "Feed files to check")->required();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;   // --help and --version exit 0; usage errors 2
    }
    if (check->parsed()) return check_feed_files(check_files, std::cout, std::cerr);

    RunnerOptions runner;
    if (!parse_size(size, runner.width, runner.height)) {
        std::cerr << "kiosk: --size " << size << " is not WIDTHxHEIGHT between 320x240 and 8192x8192\n";
        return 2;
    }
    runner.screenshot_path = screenshot;
    AppOptions options;
    parse_lang(lang_code, options.lang);
    if (!parse_route(screen, options.start)) {
        std::cerr << "kiosk: --screen " << screen << " is not one of home, schedule, session:ID, catalogue, "
                     "county:ID, product:ID, live, attract\n";
        return 2;
    }
    if (!now_text.empty()) {
        const auto now = parse_iso8601(now_text);
        if (!now) {
            std::cerr << "kiosk: --now " << now_text << " is not an ISO 8601 time with offset, e.g. 2020-05-16T20:00:00+08:00\n";
            return 2;
        }
        options.pinned_now = now->unix_seconds;
    }

    std::unique_ptr<FeedPipeline> pipeline;
    std::unique_ptr<PipelineSource> source;
    if (!feed_source.empty() || !live_source.empty()) {
        PipelineConfig config;
        config.feed_location = feed_source;
        config.live_location = live_source;
        config.cache_dir = cache_dir;
        pipeline = std::make_unique<FeedPipeline>(config, parse_feed_document, parse_live_document, wake_ui);
        source = std::make_unique<PipelineSource>(*pipeline);
        pipeline->start();
    }
    std::shared_ptr<const Feed> feed = first_feed(pipeline.get(), source.get(), !screenshot.empty());
    if (!feed) {
        std::cerr << "kiosk: no valid feed from " << feed_source << " and none cached (see the log above)\n";
        return 1;
    }
    KioskApp app(feed, options);
    app.set_source(source.get());
    const int code = run(app, runner);
    if (pipeline) pipeline->stop();
    return code;
}
