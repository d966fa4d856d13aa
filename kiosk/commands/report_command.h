// `kiosk report`: the organisers' airtime report per county and event day, from
// the play log and the usage statistics in data_dir (service/airtime_report.h).
//   kiosk report --from DATE --to DATE [--data-dir DIR] [--feed FEED] [--config PATH] -o OUT
//                [--format csv|json] [--encoding gb18030|utf-8]
// CSV in GB18030 by default, so Chinese Excel opens it as is; JSON in UTF-8 by default.
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

struct ReportOptions {
    std::string from, to;      // YYYY-MM-DD, inclusive
    std::string data_dir;      // "" = the configuration's data_dir
    std::string config;        // the configuration file for data_dir and the feed; "" = defaults
    std::string feed;          // the feed naming counties and products; "" = the configuration's, else the demo event
    std::string output;
    std::string format = "csv";
    std::string encoding;      // "" = gb18030 for csv, utf-8 for json
};

struct ReportCommand {
    CLI::App* command = nullptr;
    ReportOptions options;
};

// Adds the subcommand to `cli`; `command` must outlive the parse.
void add_report_command(CLI::App& cli, ReportCommand& command);

// Exit codes: 0 written (bad log lines are named on `err` and left out), 1 the
// feed is invalid, 2 bad dates, an unreadable feed or an unwritable output.
int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

} // namespace kiosk
