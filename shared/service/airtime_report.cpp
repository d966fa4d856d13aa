#include "service/airtime_report.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "feed/model.h"
#include "service/play_log.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace kiosk {

namespace {

using Json = nlohmann::json;
using Counts = std::map<std::string, std::uint64_t>;

constexpr std::size_t kMaxLogBytes = 256u * 1024 * 1024;

// `key`'s object of counts, or an error: each value a whole number from 0 up.
bool counts_of(const Json& line, const char* key, Counts& out, std::string& error) {
    const auto it = line.find(key);
    if (it == line.end()) return true;
    if (!it->is_object()) {
        error = std::string("\"") + key + "\" is not an object";
        return false;
    }
    for (const auto& [name, value] : it->items()) {
        if (!value.is_number_unsigned()) {
            error = std::string("\"") + key + "\"/\"" + name + "\" is not a count";
            return false;
        }
        out[name] = value.get<std::uint64_t>();
    }
    return true;
}

template <typename Each>
void each_line(std::string_view text, Each each) {
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;   // a blank line is not an entry
        each(number, line);
    }
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string figures_csv(const CountyFigures& f) {
    return std::to_string(f.attract_seconds) + "," + std::to_string(f.product_views) + "," + std::to_string(f.qr_shows) + "," +
           std::to_string(f.searches) + "," + std::to_string(f.routes);
}

Json figures_json(const CountyFigures& f) {
    return {{"attract_seconds", f.attract_seconds}, {"product_views", f.product_views}, {"qr_shows", f.qr_shows},
            {"searches", f.searches}, {"routes", f.routes}};
}

} // namespace

void CountyFigures::add(const CountyFigures& o) {
    attract_seconds += o.attract_seconds;
    product_views += o.product_views;
    qr_shows += o.qr_shows;
    searches += o.searches;
    routes += o.routes;
}

ReportBuilder::ReportBuilder(const Feed& feed) : feed_(feed) {}

std::string ReportBuilder::county_of_product(const std::string& product) const {
    const Product* p = feed_.product(product);
    return p && feed_.county(p->county) ? p->county : kNoCounty;
}

std::string ReportBuilder::county_of_search(const std::string& key) const {
    const std::size_t colon = key.find(':');
    const std::string kind = key.substr(0, colon), id = colon == std::string::npos ? std::string() : key.substr(colon + 1);
    if (kind == "product") return county_of_product(id);
    if (kind == "county") return feed_.county(id) ? id : kNoCounty;
    if (kind == "session")
        if (const Session* s = feed_.session(id); s && feed_.county(s->county)) return s->county;
    return kNoCounty;
}

std::string ReportBuilder::county_of_area(const std::string& area) const {
    for (const County& c : feed_.counties)
        if (!c.booth_area.empty() && c.booth_area == area) return c.id;
    return kNoCounty;
}

void ReportBuilder::add_play_file(const std::string& date, const std::string& name, std::string_view text) {
    ++files_;
    auto& day = days_[date];
    each_line(text, [&](std::size_t number, std::string_view line) {
        std::string error;
        const auto entry = parse_play_line(line, error);
        if (!entry) problems_.push_back(name + ":" + std::to_string(number) + ": " + error);
        else day[entry->county].attract_seconds += entry->to - entry->from;
    });
}

bool ReportBuilder::add_usage_line(const std::string& date, std::string_view line, std::string& error) {
    const Json json = Json::parse(line.begin(), line.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        error = "not a JSON object";
        return false;
    }
    Counts opens, qr, searches, routes;   // all read before any counts: a bad line counts nothing
    if (!counts_of(json, "product_opens", opens, error) || !counts_of(json, "qr_shows", qr, error) ||
        !counts_of(json, "search_opens", searches, error) || !counts_of(json, "routes", routes, error))
        return false;
    auto& day = days_[date];
    for (const auto& [id, n] : opens) day[county_of_product(id)].product_views += n;
    for (const auto& [id, n] : qr) day[county_of_product(id)].qr_shows += n;
    for (const auto& [key, n] : searches) day[county_of_search(key)].searches += n;
    for (const auto& [area, n] : routes) day[county_of_area(area)].routes += n;
    return true;
}

void ReportBuilder::add_usage_file(const std::string& date, const std::string& name, std::string_view text) {
    ++files_;
    days_[date];
    each_line(text, [&](std::size_t number, std::string_view line) {
        std::string error;
        if (!add_usage_line(date, line, error)) problems_.push_back(name + ":" + std::to_string(number) + ": " + error);
    });
}

AirtimeReport ReportBuilder::finish(const std::string& from, const std::string& to) const {
    AirtimeReport report{from, to, {}, {}, problems_, files_};
    for (const auto& [date, counties] : days_) {
        auto emit = [&, date = date](const std::string& id, const CountyFigures& figures) {
            const County* c = feed_.county(id);
            report.rows.push_back({date, id, c ? c->name.zh : std::string(), c ? c->name.en : std::string(), figures});
            report.totals.add(figures);
        };
        for (const County& c : feed_.counties) {   // every county every day, a zero row too: who got nothing shows
            const auto it = counties.find(c.id);
            emit(c.id, it == counties.end() ? CountyFigures{} : it->second);
        }
        for (const auto& [id, figures] : counties)   // the play log's counties the feed no longer has, and "?"
            if (!feed_.county(id)) emit(id, figures);
    }
    return report;
}

AirtimeReport build_airtime_report(const std::filesystem::path& data_dir, std::int64_t first_day, std::int64_t last_day,
                                   const Feed& feed) {
    ReportBuilder builder(feed);
    for (std::int64_t day = first_day; day <= last_day; ++day) {
        const std::string date = format_date(day);
        for (const bool play : {true, false}) {
            const auto path = data_dir / ((play ? "play-" : "stats-") + date + ".jsonl");
            std::error_code ec;
            if (!std::filesystem::exists(path, ec)) continue;
            std::string error;
            const auto text = read_whole_file(path, kMaxLogBytes, error);
            if (!text) {
                builder.add_problem(error);
                continue;
            }
            if (play) builder.add_play_file(date, path.string(), *text);
            else builder.add_usage_file(date, path.string(), *text);
        }
    }
    return builder.finish(format_date(first_day), format_date(last_day));
}

std::string format_report_csv(const AirtimeReport& report) {
    std::string out = "日期 date,县 county,county_id,轮播秒数 attract_seconds,商品浏览 product_views,二维码 qr_shows,"
                      "搜索 searches,路线 routes\r\n";
    for (const ReportRow& row : report.rows) {
        const std::string name = row.name_zh.empty() ? row.county : row.name_zh + (row.name_en.empty() ? "" : " " + row.name_en);
        out += row.date + "," + csv_field(name) + "," + csv_field(row.county) + "," + figures_csv(row.figures) + "\r\n";
    }
    out += "合计 total,,," + figures_csv(report.totals) + "\r\n";
    return out;
}

std::string format_report_json(const AirtimeReport& report) {
    Json rows = Json::array();
    for (const ReportRow& row : report.rows) {
        Json r = figures_json(row.figures);
        r["date"] = row.date;
        r["county"] = row.county;
        r["name"] = {{"zh", row.name_zh}, {"en", row.name_en}};
        rows.push_back(std::move(r));
    }
    const Json out = {{"from", report.from}, {"to", report.to}, {"rows", rows}, {"totals", figures_json(report.totals)},
                      {"problems", report.problems}};
    return out.dump(2) + "\n";
}

} // namespace kiosk
