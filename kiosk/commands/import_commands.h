// The organisers' commands: `kiosk import-csv`, `kiosk import-schedule` and
// `kiosk preview` (the CLI side; the work is in shared/import/csv_import.h,
// shared/import/schedule_import.h and kiosk/commands/preview.h).
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

struct OrganiserCommands {
    CLI::App* import_csv = nullptr;
    std::string counties, products, schedule, event, output, encoding = "auto";
    std::string areas, venue;   // the venue: an areas sheet, and the JSON with floors, nodes and edges
    CLI::App* import_schedule = nullptr;
    std::string schedule_json, into;
    CLI::App* preview = nullptr;
    std::string preview_feed, preview_dir, preview_now, preview_county;
};

// Adds the three subcommands to `cli`; `commands` must outlive the parse.
void add_organiser_commands(CLI::App& cli, OrganiserCommands& commands);

// Runs the one that was given; nullopt when none was. Exit codes: 0 done,
// 1 the result does not validate (nothing written), 2 a file cannot be read or written.
std::optional<int> run_organiser_command(const OrganiserCommands& commands, std::ostream& out, std::ostream& err);

} // namespace kiosk
