// `kiosk report`'s figures: per county and event day, the seconds its products
// were on the attract loop (the play log, play_log.h), product page views, order
// QR codes shown, search results opened and routes to its booth (the usage
// statistics, usage_stats.h). Everything in a day's files counts for that day;
// what belongs to no county of the feed (a product it no longer has, a route to
// the toilets) goes in the row "?", so the totals are exactly the sums of the logs.
// A bad line is named (file:line: message) and left out; the rest still counts.
// Pure: the files' text comes in, rows come out.
#pragma once

#include "import/text_encoding.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Feed;

struct CountyFigures {
    std::int64_t attract_seconds = 0;
    std::uint64_t product_views = 0, qr_shows = 0, searches = 0, routes = 0;
    void add(const CountyFigures& o);
    friend bool operator==(const CountyFigures&, const CountyFigures&) = default;
};

struct ReportRow {
    std::string date;        // YYYY-MM-DD
    std::string county;      // county id, "?" for none of the feed's
    std::string name_zh, name_en;
    CountyFigures figures;
};

struct AirtimeReport {
    std::string from, to;               // the dates asked for
    std::vector<ReportRow> rows;        // by date, then counties in feed order, "?" last
    CountyFigures totals;
    std::vector<std::string> problems;  // "file:line: message"
    int files_read = 0;
};

inline constexpr const char* kNoCounty = "?";

class ReportBuilder {
public:
    explicit ReportBuilder(const Feed& feed);
    // One day's play log (play-DATE.jsonl) or usage statistics (stats-DATE.jsonl); `name` for messages.
    void add_play_file(const std::string& date, const std::string& name, std::string_view text);
    void add_usage_file(const std::string& date, const std::string& name, std::string_view text);
    void add_problem(std::string problem) { problems_.push_back(std::move(problem)); }
    AirtimeReport finish(const std::string& from, const std::string& to) const;

private:
    bool add_usage_line(const std::string& date, std::string_view line, std::string& error);
    std::string county_of_product(const std::string& product) const;
    std::string county_of_search(const std::string& key) const;
    std::string county_of_area(const std::string& area) const;

    const Feed& feed_;
    std::map<std::string, std::map<std::string, CountyFigures>> days_;   // date -> county -> figures
    std::vector<std::string> problems_;
    int files_ = 0;
};

// The report over data_dir's files for the days from..to (YYYY-MM-DD, inclusive; a missing file is an empty day).
AirtimeReport build_airtime_report(const std::filesystem::path& data_dir, std::int64_t first_day, std::int64_t last_day,
                                   const Feed& feed);

// A header line and one line per row, then the totals; names quoted when they need it.
std::string format_report_csv(const AirtimeReport& report);
std::string format_report_json(const AirtimeReport& report);

} // namespace kiosk
