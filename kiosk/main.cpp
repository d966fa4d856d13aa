// kiosk: the venue program, and the organisers' tools as subcommands.
#include "app.h"
#include "config_flags.h"
#include "embedded.h"
#include "feed_check.h"
#include "feed_parse.h"
#include "hash_pin_command.h"
#include "runner.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace kiosk;

constexpr std::string_view kDemoFeed = "config/demo-feed.json";

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

    ConfigFlags config_flags;
    add_config_flags(cli, config_flags);
    std::string screenshot, screen = "home", now_text;
    cli.add_option("--screenshot", screenshot, "Render one screen to this PNG file and exit (needs an X display; try xvfb-run -a)");
    cli.add_option("--screen", screen, "Screen to start on: home|schedule|session:ID|catalogue|county:ID|product:ID|live|attract");
    cli.add_option("--now", now_text, "Pretend the clock stands at this ISO 8601 instant, e.g. 2020-05-16T20:00:00+08:00");

    CLI::App* check = cli.add_subcommand("check", "Validate feed files: prints file:line:col: error|warning: /pointer: message");
    std::vector<std::string> check_files;
    check->add_option("FEED", check_files, "Feed files to check")->required();
    CLI::App* hash_pin = cli.add_subcommand("hash-pin", "Read an admin PIN (4-8 digits) on standard input; print the "
                                                        "admin_pin_hash value for the config file");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;   // --help and --version exit 0; usage errors 2
    }
    if (check->parsed()) return check_feed_files(check_files, std::cout, std::cerr);
    if (hash_pin->parsed()) return run_hash_pin(std::cin, stdin_is_terminal(), std::cout, std::cerr);

    KioskConfig config;
    if (!load_effective_config(config_flags, config, std::cerr)) return 2;
    if (config_flags.print_config) {
        std::cout << config_to_json(config);
        return 0;
    }

    RunnerOptions runner;
    if (config.display.width > 0) {
        runner.width = config.display.width;
        runner.height = config.display.height;
    }
    runner.screenshot_path = screenshot;
    AppOptions options;
    options.lang = config.visitor.lang;
    options.idle_seconds = config.visitor.idle_seconds;
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

    std::shared_ptr<const Feed> feed = load_start_feed(config.sources.feed);
    if (!feed) return 1;
    KioskApp app(feed, options);
    return run(app, runner);
}
