// `kiosk announce`: staff add an announcement to, or withdraw one from, an
// announcements document (config announcements; feed/announcements.h) without
// editing JSON. The result is validated before it replaces the file atomically;
// a missing file is created, and announcements that have ended are dropped.
//   kiosk announce --into FILE --severity S --zh TEXT [--en TEXT] [--minutes N] [--targets ID…] [--id ID]
//   kiosk announce --into FILE --withdraw ID
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk {

struct AnnounceOptions {
    std::string into;
    std::string severity;              // info | notice | emergency
    std::string zh, en;
    int minutes = 60;                  // from now
    std::vector<std::string> targets;  // kiosk ids or tags; none: every kiosk
    std::string id;                    // "" = made from the severity and the time
    std::string withdraw;              // the id to take out instead of adding one
};

struct AnnounceCommand {
    CLI::App* command = nullptr;
    AnnounceOptions options;
};

// Adds the subcommand to `cli`; `command` must outlive the parse.
void add_announce_command(CLI::App& cli, AnnounceCommand& command);

// Exit codes: 0 written, 1 the result would not validate or the id to withdraw is not
// there (nothing written), 2 the file cannot be read or written. `now_unix` starts a new one.
int run_announce(const AnnounceOptions& options, std::int64_t now_unix, std::ostream& out, std::ostream& err);

} // namespace kiosk
