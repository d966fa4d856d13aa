// kiosk: the venue program, and the organisers' tools as subcommands.
#include "app.h"
#include "embedded.h"
#include "feed_check.h"
#include "feed_parse.h"
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

// Loads the feed the kiosk starts with. Prints every problem; nullptr when unusable.
std::shared_ptr<const Feed> load_start_feed(const std::string& source) {
    std::string text, name;
    if (source.empty()) {
        text = std::string(*embedded_file(kDemoFeed));
        name = "(embedded demo feed)";
    } else {
        std::ifstream in(source, std::ios::binary);
        if (!in) {
            std::cerr << "kiosk: cannot read the feed " << source << "\n";
            return nullptr;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
        name = source;
    }
    FeedParseResult result = parse_feed(text);
    for (const Problem& p : result.problems)
        if (p.severity == Severity::error) std::cerr << format_problem(name, p) << "\n";
    if (!result.ok()) std::cerr << "kiosk: the feed " << name << " is not valid (see above); run `kiosk check` on it\n";
    return result.feed;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"吕梁广场电商直播 venue kiosk: schedule, county products and live sales from a JSON feed."};
    cli.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
    cli.require_subcommand(0, 1);

    std::string feed_source, lang_code = "zh", size = "1920x1080", screenshot, screen = "home", now_text;
    cli.add_option("--feed", feed_source, "Feed file path or http(s) URL (default: the embedded demo event)");
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

    std::shared_ptr<const Feed> feed = load_start_feed(feed_source);
    if (!feed) return 1;
    KioskApp app(feed, options);
    return run(app, runner);
}
