#include "app/config_flags.h"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace kiosk {

void add_config_flags(CLI::App& cli, ConfigFlags& flags) {
    cli.add_option("--config", flags.config_path,
                   "Configuration file (JSON; the installed one is /etc/lvliang-kiosk/kiosk.json). Flags override it");
    cli.add_flag("--print-config", flags.print_config, "Print the effective configuration as JSON and exit");

    flags.overrides = {
        {"--feed", "feed", "Feed file path or http(s) URL (default: the embedded demo event)"},
        {"--live", "live", "Live-stats document, path or http(s) URL (default: the feed's own live part)"},
        {"--lang", "lang", "Visitor language at start: zh or en"},
        {"--size", "size", "Window or screenshot size, WIDTHxHEIGHT or auto (1920x1080; in kiosk mode the monitor's)"},
        {"--cache-dir", "cache_dir", "Directory for downloaded feeds and images"},
        {"--kiosk", "kiosk_mode", "Kiosk mode: fullscreen, no cursor, admin panel behind the PIN", true},
        {"--rotation", "rotation", "Screen rotation: 0, 90, 180 or 270 degrees clockwise"},
        {"--location", "kiosk_location", "The walkway node of the feed's venue where this kiosk stands (\"you are here\")"},
    };
    for (auto& o : flags.overrides)   // bound only now: the vector no longer moves
        o.option = o.is_switch ? cli.add_flag(o.flag, o.on, o.help) : cli.add_option(o.flag, o.value, o.help);
}

bool load_effective_config(const ConfigFlags& flags, KioskConfig& config, std::ostream& err) {
    std::vector<ConfigProblem> problems;
    if (!flags.config_path.empty()) problems = apply_config_file(flags.config_path, config);
    for (const auto& o : flags.overrides) {
        if (o.option->count() == 0) continue;
        std::string value = o.is_switch ? (o.on ? "true" : "false") : o.value;
        if (std::string_view(o.key) == "cache_dir" && !value.empty())   // typed in a shell: relative to it
            value = std::filesystem::absolute(value).lexically_normal().string();
        if (auto p = apply_config_flag(o.key, o.flag, value, config)) problems.push_back(std::move(*p));
    }
    if (!has_error(problems)) {
        auto more = finish_config(config);
        problems.insert(problems.end(), more.begin(), more.end());
    }
    for (const auto& p : problems) err << format_config_problem(p) << "\n";
    return !has_error(problems);
}

} // namespace kiosk
