#include "commands/report_command.h"

#include "app/config_flags.h"
#include "base/atomic_file.h"
#include "base/embedded.h"
#include "base/timestamp.h"
#include "feed/validator.h"
#include "import/text_encoding.h"
#include "service/airtime_report.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <sstream>

namespace kiosk {

namespace {

constexpr std::size_t kMaxFeedBytes = 64u * 1024 * 1024;

// The feed from `path`, or the embedded demo event for "" (what a kiosk without a feed runs).
std::shared_ptr<const Feed> load_feed(const std::string& path, std::ostream& err, int& code) {
    std::string error;
    const auto text = path.empty() ? std::optional<std::string>(std::string(*embedded_file("config/demo-feed.json")))
                                   : read_whole_file(path, kMaxFeedBytes, error);
    if (!text) {
        err << "kiosk report: " << error << " | 无法读取数据源\n";
        code = 2;
        return nullptr;
    }
    FeedParseResult parsed = parse_feed(*text);
    if (!parsed.ok()) {
        err << "kiosk report: " << path << " is not a valid feed (kiosk check " << path << " says why) | 数据源有错误\n";
        code = 1;
    }
    return parsed.feed;
}

// data_dir and the feed from the configuration when the flags do not name them.
bool fill_from_config(ReportOptions& o, std::ostream& err) {
    if (!o.data_dir.empty() && !o.feed.empty()) return true;
    ConfigFlags flags;
    flags.config_path = o.config;
    KioskConfig config;
    if (!load_effective_config(flags, config, err)) return false;
    if (o.data_dir.empty()) o.data_dir = config.storage.data_dir;
    std::error_code ec;   // a feed URL is not read here: the report then names counties from the demo event
    if (o.feed.empty() && std::filesystem::is_regular_file(config.sources.feed, ec)) o.feed = config.sources.feed;
    return true;
}

} // namespace

void add_report_command(CLI::App& cli, ReportCommand& command) {
    ReportOptions& o = command.options;
    CLI::App* c = cli.add_subcommand("report", "Per county and day: attract-loop seconds, product page views, QR codes shown, "
                                               "searches and routes to its booth, from data_dir's logs");
    c->add_option("--from", o.from, "The first day, YYYY-MM-DD")->required();
    c->add_option("--to", o.to, "The last day, YYYY-MM-DD (inclusive)")->required();
    c->add_option("--data-dir", o.data_dir, "Where the kiosk wrote play-*.jsonl and stats-*.jsonl (default: config data_dir)");
    c->add_option("--config", o.config, "The configuration file (for data_dir and the feed)");
    c->add_option("--feed", o.feed, "The feed naming the counties and their products (default: the configuration's file, else the demo event)");
    c->add_option("-o,--output", o.output, "The report file (written atomically)")->required();
    c->add_option("--format", o.format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
    c->add_option("--encoding", o.encoding, "gb18030 (default for csv: Chinese Excel) or utf-8 (default for json)")
        ->check(CLI::IsMember({"gb18030", "utf-8", "utf8"}));
    command.command = c;
}

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
    ReportOptions o = options;
    const auto first = parse_date(o.from), last = parse_date(o.to);
    if (!first || !last || *last < *first) {
        err << "kiosk report: --from and --to must be dates YYYY-MM-DD, --to not before --from | 日期有误\n";
        return 2;
    }
    if (!fill_from_config(o, err)) return 2;
    int code = 0;
    const auto feed = load_feed(o.feed, err, code);
    if (!feed) return code;
    const AirtimeReport report = build_airtime_report(o.data_dir, *first, *last, *feed);
    for (const std::string& problem : report.problems) err << problem << " (left out | 此行未计入)\n";
    const bool json = o.format == "json";
    TextEncoding encoding = json ? TextEncoding::utf8 : TextEncoding::gb18030;
    if (!o.encoding.empty()) parse_text_encoding(o.encoding, encoding);
    std::string error;
    const auto bytes = encode_from_utf8(json ? format_report_json(report) : format_report_csv(report), encoding, error);
    if (!bytes || !write_file_atomically(o.output, *bytes, error)) {
        err << "kiosk report: " << error << " | 无法写入报告\n";
        return 2;
    }
    out << "kiosk report: " << o.output << ": " << report.rows.size() << " rows from " << report.files_read << " files in "
        << o.data_dir << ", " << report.totals.attract_seconds << " s attract loop, " << report.problems.size()
        << " bad lines left out\n";
    return 0;
}

} // namespace kiosk
