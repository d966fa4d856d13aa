#include "commands/import_commands.h"

#include "base/atomic_file.h"
#include "commands/preview.h"
#include "feed/validator.h"
#include "import/csv_import.h"
#include "import/schedule_import.h"

#include <CLI/CLI.hpp>

namespace kiosk {

namespace {

constexpr std::size_t kMaxInputBytes = 64u * 1024 * 1024;

// Reads `path` into `file` (named by its path in messages); false with a message on `err`.
bool read_input(const std::string& path, CsvFileInput& file, std::ostream& err) {
    std::string error;
    auto bytes = read_whole_file(path, kMaxInputBytes, error);
    if (!bytes) {
        err << path << ": error: cannot read: " << error << " | 无法读取文件\n";
        return false;
    }
    file = {path, std::move(*bytes)};
    return true;
}

// The problems, notes and a summary; writes the feed when there is one. The exit code.
int finish(const ImportResult& result, const std::string& output, const char* command, std::ostream& out,
           std::ostream& err) {
    std::size_t errors = 0, warnings = 0;
    for (const ImportProblem& p : result.problems) {
        out << format_import_problem(p) << "\n";
        ++(p.problem.severity == Severity::error ? errors : warnings);
    }
    for (const std::string& note : result.notes) err << "kiosk " << command << ": " << note << "\n";
    if (!result.ok()) {
        out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << ": " << output << " not written | 有错误，未写入文件\n";
        return 1;
    }
    std::string error;
    if (!write_file_atomically(output, result.feed_json, error)) {
        err << "kiosk " << command << ": " << error << "\n";
        return 2;
    }
    out << "wrote " << output << " (valid; " << warnings << (warnings == 1 ? " warning" : " warnings")
        << ") | 已写入，校验通过\n";
    return 0;
}

int run_import_csv(const OrganiserCommands& c, std::ostream& out, std::ostream& err) {
    CsvImportInputs inputs;
    if (c.encoding != "auto" && !parse_text_encoding(c.encoding, inputs.encoding)) {
        err << "kiosk import-csv: --encoding " << c.encoding << " is not auto, utf-8 or gb18030\n";
        return 2;
    }
    if (!read_input(c.counties, inputs.counties, err) || !read_input(c.products, inputs.products, err)) return 2;
    if (!c.schedule.empty() && !read_input(c.schedule, inputs.schedule.emplace(), err)) return 2;
    if (!c.areas.empty() && !read_input(c.areas, inputs.areas.emplace(), err)) return 2;
    if (!c.venue.empty() && !read_input(c.venue, inputs.venue.emplace(), err)) return 2;
    // Without --event, a feed already at -o gives it: importing again keeps the event.
    std::error_code ec;
    const std::string event = !c.event.empty() ? c.event : std::filesystem::exists(c.output, ec) ? c.output : "";
    if (!event.empty() && !read_input(event, inputs.event, err)) return 2;
    if (event.empty()) inputs.event.name = "--event";
    return finish(import_csv_feed(inputs), c.output, "import-csv", out, err);
}

int run_import_schedule(const OrganiserCommands& c, std::ostream& out, std::ostream& err) {
    CsvFileInput schedule, feed;
    if (!read_input(c.schedule_json, schedule, err) || !read_input(c.into, feed, err)) return 2;
    return finish(import_schedule(schedule.bytes, feed.bytes, schedule.name, feed.name), c.into, "import-schedule", out,
                  err);
}

int run_preview_command(const OrganiserCommands& c, std::ostream& out, std::ostream& err) {
    PreviewOptions options;
    options.feed_path = c.preview_feed;
    options.out_dir = c.preview_dir;
    options.county = c.preview_county;
    if (!c.preview_now.empty()) {
        const auto now = parse_iso8601(c.preview_now);
        if (!now) {
            err << "kiosk preview: --now " << c.preview_now
                << " is not an ISO 8601 time with offset, e.g. 2020-05-16T20:00:00+08:00\n";
            return 2;
        }
        options.now = now->unix_seconds;
    }
    return run_preview(options, out, err);
}

} // namespace

void add_organiser_commands(CLI::App& cli, OrganiserCommands& c) {
    c.import_csv = cli.add_subcommand("import-csv", "Build a feed from spreadsheets saved as CSV (headers in Chinese or "
                                                    "English, UTF-8 or GB18030); writes it only when it validates");
    c.import_csv->add_option("--counties", c.counties, "Counties CSV")->required();
    c.import_csv->add_option("--products", c.products, "Products CSV")->required();
    c.import_csv->add_option("--schedule", c.schedule, "Schedule CSV (without: an empty schedule)");
    c.import_csv->add_option("--event", c.event, "JSON with the event (the event object, or a feed whose event is "
                                                 "used); default: the feed already at -o");
    c.import_csv->add_option("--areas", c.areas, "Venue areas CSV (id, name, kind, floor, polygon \"x1 y1; x2 y2; …\", "
                                                 "door, county); needs --venue");
    c.import_csv->add_option("--venue", c.venue, "JSON with the venue's floors, nodes and edges (and areas), or a feed "
                                                 "whose venue is used; default: the event file's venue when it is a feed");
    c.import_csv->add_option("-o,--output", c.output, "The feed to write")->required();
    c.import_csv->add_option("--encoding", c.encoding, "auto (UTF-8 when the bytes are valid UTF-8, else GB18030), "
                                                       "utf-8 or gb18030")->capture_default_str();

    c.import_schedule = cli.add_subcommand("import-schedule", "Replace a feed's schedule with a pretalx or frab "
                                                              "schedule.json; writes the feed only when it validates");
    c.import_schedule->add_option("SCHEDULE", c.schedule_json, "schedule.json exported by pretalx or frab")->required();
    c.import_schedule->add_option("--into", c.into, "The feed to merge into (and overwrite)")->required();

    c.preview = cli.add_subcommand("preview", "Render every screen (zh/en, landscape/portrait) and every page to PNGs, "
                                              "a contact sheet and the validation report (needs X; try xvfb-run -a)");
    c.preview->add_option("FEED", c.preview_feed, "The feed file")->required();
    c.preview->add_option("-o,--output", c.preview_dir, "Directory for the pictures")->required();
    c.preview->add_option("--county", c.preview_county, "Only this county (its id): its page, sessions and products");
    c.preview->add_option("--now", c.preview_now, "The clock the screens show, ISO 8601 with offset "
                                                  "(default: half an hour into the first session)");
}

std::optional<int> run_organiser_command(const OrganiserCommands& c, std::ostream& out, std::ostream& err) {
    if (c.import_csv && c.import_csv->parsed()) return run_import_csv(c, out, err);
    if (c.import_schedule && c.import_schedule->parsed()) return run_import_schedule(c, out, err);
    if (c.preview && c.preview->parsed()) return run_preview_command(c, out, err);
    return std::nullopt;
}

} // namespace kiosk
