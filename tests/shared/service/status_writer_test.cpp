// The health files and the visitors' statistics: the documented fields with
// sane values, the Prometheus text format, daily files by the event's date.
#include "service/status_writer.h"

#include "base/atomic_file.h"
#include "base/timestamp.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace kiosk;
using namespace kiosk::test;
using Clock = std::chrono::system_clock;

namespace {

Clock::time_point utc(const char* iso) { return Clock::time_point(std::chrono::seconds(parse_iso8601(iso)->unix_seconds)); }

TimeZone shanghai() {
    std::string error;
    auto zone = TimeZone::load("Asia/Shanghai", &error);
    REQUIRE(zone);
    return *zone;
}

HealthSnapshot sample_health() {
    HealthSnapshot h;
    h.version = "9.8.7";
    h.time = utc("2020-05-16T12:00:15Z");
    h.uptime_seconds = 3600.7;
    h.start_time = utc("2020-05-16T11:00:14Z");
    h.last_touch = utc("2020-05-16T12:00:01Z");
    h.kiosk_mode = true;
    h.frames_drawn = 12345;
    h.resident_bytes = 150u << 20;
    h.texture_bytes = 3u << 20;
    h.kiosk_id = "hall1-east";
    h.kiosk_tags = {"hall-1", "entrance"};
    h.shown = {{"evacuate-1", "emergency", utc("2020-05-16T12:00:10Z")}, {"talk-moved", "notice", utc("2020-05-16T11:00:00Z")}};
    SourceStatus feed;
    feed.name = "feed";
    feed.location = "https://example.org/feed.json";
    feed.is_url = true;
    feed.has_data = true;
    feed.last_success = utc("2020-05-16T12:00:00Z");
    feed.last_error = "HTTP 503";
    feed.consecutive_failures = 2;
    feed.attempts = 40;
    feed.published = 3;
    feed.rejected = 1;
    feed.stale_after = std::chrono::minutes(30);
    h.feed = feed;
    return h;   // live: not configured
}

std::string read(const std::filesystem::path& p) {
    std::string error;
    return read_whole_file(p, 1 << 20, error).value_or("");
}

} // namespace

TEST_CASE("status.json holds the documented fields with sane values") {
    TempDir dir;
    StatusWriter writer({dir / "status", dir / "data"}, sample_health, nullptr);
    REQUIRE(writer.write_round());
    const auto doc = nlohmann::json::parse(read(dir / "status" / StatusWriter::kStatusFile));
    CHECK(doc.at("version") == "9.8.7");
    CHECK(doc.at("time") == "2020-05-16T12:00:15Z");
    CHECK(doc.at("time_unix") == 1589630415);
    CHECK(doc.at("uptime_seconds") == 3600);
    CHECK(doc.at("kiosk_mode") == true);
    CHECK(doc.at("frames_drawn") == 12345);
    CHECK(doc.at("resident_bytes") == 150u << 20);
    CHECK(doc.at("texture_bytes") == 3u << 20);
    const auto& feed = doc.at("feed");
    CHECK(feed.at("location") == "https://example.org/feed.json");
    CHECK(feed.at("age_seconds") == 15);
    CHECK(feed.at("offline") == false);
    CHECK(feed.at("consecutive_errors") == 2);
    CHECK(feed.at("last_error") == "HTTP 503");
    CHECK(feed.at("fetches") == 40);
    CHECK(feed.at("updates") == 3);
    CHECK(feed.at("rejected") == 1);
    CHECK(feed.at("last_success") == "2020-05-16T12:00:00Z");
    CHECK(doc.at("live").is_null());
    CHECK(doc.at("kiosk_id") == "hall1-east");
    CHECK(doc.at("kiosk_tags") == nlohmann::json{"hall-1", "entrance"});
    CHECK(doc.at("announcements").is_null());
    REQUIRE(doc.at("announcements_shown").size() == 2);
    CHECK(doc.at("announcements_shown")[0] ==
          nlohmann::json{{"id", "evacuate-1"}, {"severity", "emergency"}, {"since", "2020-05-16T12:00:10Z"}});
    // Nothing undocumented: the header of status_report.h lists exactly these.
    std::set<std::string> keys;
    for (auto it = doc.begin(); it != doc.end(); ++it) keys.insert(it.key());
    CHECK(keys == std::set<std::string>{"version", "time", "time_unix", "uptime_seconds", "kiosk_mode", "frames_drawn",
                                        "resident_bytes", "texture_bytes", "display_asleep", "screen_picture",
                                        "feed", "live", "kiosk_id", "kiosk_tags", "announcements",
                                        "announcements_shown"});
}

TEST_CASE("a source without data has a null age and shows offline") {
    HealthSnapshot h = sample_health();
    h.feed->has_data = false;
    h.feed->last_success.reset();
    const auto doc = nlohmann::json::parse(format_status_json(h));
    CHECK(doc["feed"]["age_seconds"].is_null());
    CHECK(doc["feed"]["last_success"].is_null());
    CHECK(doc["feed"]["offline"] == true);
    CHECK(format_status_prometheus(h).find("kiosk_source_age_seconds{") == std::string::npos);
}

TEST_CASE("kiosk.prom has no last touch before the first touch") {
    HealthSnapshot h = sample_health();
    h.last_touch.reset();
    const std::string text = format_status_prometheus(h);
    CHECK(text.find("\nkiosk_last_touch_time_seconds ") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("# TYPE kiosk_last_touch_time_seconds gauge"));
}

TEST_CASE("kiosk.prom is Prometheus text with every documented metric") {
    TempDir dir;
    StatusWriter writer({dir / "status", {}}, sample_health, nullptr);
    REQUIRE(writer.write_round());
    const std::string text = read(dir / "status" / StatusWriter::kPrometheusFile);
    const std::regex sample_line(R"(([a-z_]+)\{kiosk="hall1-east"(,[a-z_]+="[^"]*")*\} (-?[0-9.e+]+))");
    const std::regex comment_line(R"(# (HELP|TYPE) ([a-z_]+) .+)");
    std::map<std::string, double> values;
    std::set<std::string> typed;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        std::smatch m;
        if (std::regex_match(line, m, comment_line)) {
            if (m[1] == "TYPE") typed.insert(m[2]);
            continue;
        }
        REQUIRE(std::regex_match(line, m, sample_line));
        CHECK(typed.count(m[1]) == 1);   // TYPE comes before the samples
        const std::string labels = line.substr(line.find('{'), line.find('}') - line.find('{') + 1);
        values[m[1].str() + (labels == "{kiosk=\"hall1-east\"}" ? "" : "{" + labels.substr(20))] = std::stod(m[3]);
    }
    CHECK(values.at("kiosk_info{version=\"9.8.7\",tags=\"hall-1,entrance\"}") == 1);
    CHECK(values.at("kiosk_announcement_active{severity=\"emergency\"}") == 1);
    CHECK(values.at("kiosk_announcement_active{severity=\"notice\"}") == 1);
    CHECK(values.at("kiosk_announcement_active{severity=\"info\"}") == 0);
    CHECK(values.at("kiosk_uptime_seconds") == 3600);
    CHECK(values.at("kiosk_start_time_seconds") == 1589626814);   // whole seconds: the same value every round
    CHECK(values.at("kiosk_last_touch_time_seconds") == 1589630401);
    CHECK(values.at("kiosk_frames_drawn_total") == 12345);
    CHECK(values.at("kiosk_resident_memory_bytes") == 150u << 20);
    CHECK(values.at("kiosk_texture_memory_bytes") == 3u << 20);
    CHECK(values.at("kiosk_source_age_seconds{source=\"feed\"}") == 15);
    CHECK(values.at("kiosk_source_offline{source=\"feed\"}") == 0);
    CHECK(values.at("kiosk_source_consecutive_errors{source=\"feed\"}") == 2);
    CHECK(values.at("kiosk_source_fetches_total{source=\"feed\"}") == 40);
    CHECK(values.at("kiosk_source_updates_total{source=\"feed\"}") == 3);
    CHECK(values.at("kiosk_source_rejected_total{source=\"feed\"}") == 1);
    CHECK(values.count("kiosk_source_offline{source=\"live\"}") == 0);   // not configured: no samples
}

TEST_CASE("the systemd status line says each source's state and the memory") {
    const std::string line = format_status_line(sample_health());
    CHECK_THAT(line, Catch::Contains("feed ok (15 s old)") && Catch::Contains("HTTP 503") &&
                         Catch::Contains("150.0 MB resident"));
    CHECK_THAT(line, !Catch::Contains("live"));
}

TEST_CASE("usage counts per batch and starts afresh after each take") {
    UsageCounter usage(utc("2020-05-16T12:00:00Z"));
    usage.screen_view("home");
    usage.screen_view("product");
    usage.screen_view("product");
    usage.product_open("jc-junzao");
    usage.product_open("jc-junzao");
    usage.qr_shown("jc-junzao", "taobao");
    usage.qr_shown("jc-junzao", "jd");
    const UsageBatch batch = usage.take(utc("2020-05-16T12:00:15Z"));
    CHECK(batch.screen_views.at("product") == 2);
    CHECK(batch.screen_views.at("home") == 1);
    CHECK(batch.product_opens.at("jc-junzao") == 2);
    CHECK(batch.qr_shows.at("jc-junzao") == 2);
    CHECK(batch.qr_platforms.at("jc-junzao").at("taobao") == 1);
    CHECK(batch.qr_platforms.at("jc-junzao").at("jd") == 1);
    const UsageBatch next = usage.take(utc("2020-05-16T12:00:30Z"));
    CHECK(next.empty());
    CHECK(next.from == utc("2020-05-16T12:00:15Z"));
}

TEST_CASE("usage lines go to the daily file of the event's date and hold counts only") {
    TempDir dir;
    const TimeZone zone = shanghai();
    UsageCounter usage(utc("2020-05-16T15:59:50Z"));
    usage.screen_view("home");
    std::string error;
    REQUIRE(append_usage(dir.path(), usage.take(utc("2020-05-16T15:59:59Z")), zone, error));   // 23:59:59 in Lüliang
    usage.product_open("wenshui-pear");
    usage.qr_shown("wenshui-pear", "web");
    REQUIRE(append_usage(dir.path(), usage.take(utc("2020-05-16T16:00:14Z")), zone, error));   // 00:00:14 the next day
    REQUIRE(append_usage(dir.path(), usage.take(utc("2020-05-16T16:00:29Z")), zone, error));   // empty: no line

    const std::string first = read(dir / "stats-2020-05-16.jsonl");
    const std::string second = read(dir / "stats-2020-05-17.jsonl");
    CHECK(first == "{\"from\":\"2020-05-16T23:59:50+08:00\",\"to\":\"2020-05-16T23:59:59+08:00\","
                   "\"screen_views\":{\"home\":1},\"product_opens\":{},\"qr_shows\":{},\"qr_platforms\":{}}\n");
    const auto line = nlohmann::json::parse(second);
    CHECK(line.size() == 6);   // from, to and the four counts: nothing about who
    CHECK(line["product_opens"]["wenshui-pear"] == 1);
    CHECK(line["qr_shows"]["wenshui-pear"] == 1);
    CHECK(line["qr_platforms"]["wenshui-pear"]["web"] == 1);
    CHECK(std::count(second.begin(), second.end(), '\n') == 1);
}

TEST_CASE("the writer thread writes at once and a last round at stop") {
    TempDir dir;
    UsageCounter usage;
    StatusWriter::Config config{dir / "status", dir / "data"};
    config.zone = shanghai();
    StatusWriter writer(config, [] {
        HealthSnapshot h = sample_health();
        h.time = Clock::now();
        return h;
    }, &usage);
    writer.start();
    // The first round runs at start; wait for it without assuming how long it takes.
    for (int i = 0; i < 400 && !std::filesystem::exists(dir / "status" / StatusWriter::kPrometheusFile); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    CHECK(std::filesystem::exists(dir / "status" / StatusWriter::kStatusFile));
    usage.screen_view("live");
    writer.stop();   // 15 s have not passed: the last round carries the view
    std::string all;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "data")) all += read(entry.path());
    CHECK_THAT(all, Catch::Contains("\"screen_views\":{\"live\":1}"));
}

TEST_CASE("an unwritable status directory is reported and does not throw") {
    TempDir dir;
    std::ofstream(dir / "file") << "x";
    StatusWriter writer({dir / "file" / "status", {}}, sample_health, nullptr);   // a file where a directory should be
    CHECK_FALSE(writer.write_round());
}

TEST_CASE("the clock set back or forward across midnight loses no count and writes no line ending before it starts") {
    TempDir dir;
    const TimeZone zone = shanghai();
    UsageCounter usage(utc("2020-05-16T16:00:05Z"));   // 00:00:05 on the 17th in Lüliang
    usage.screen_view("home");
    std::string error;
    // NTP sets the clock back an hour, into the 16th.
    REQUIRE(append_usage(dir.path(), usage.take(utc("2020-05-16T15:00:20Z")), zone, error));
    usage.screen_view("product");
    // …then forward a whole day.
    REQUIRE(append_usage(dir.path(), usage.take(utc("2020-05-17T15:00:35Z")), zone, error));

    const auto back = nlohmann::json::parse(read(dir / "stats-2020-05-16.jsonl"));
    CHECK(back["from"] == "2020-05-16T23:00:20+08:00");
    CHECK(back["to"] == "2020-05-16T23:00:20+08:00");
    CHECK(back["screen_views"]["home"] == 1);
    const auto forward = nlohmann::json::parse(read(dir / "stats-2020-05-17.jsonl"));
    CHECK(forward["from"] == "2020-05-16T23:00:20+08:00");
    CHECK(forward["to"] == "2020-05-17T23:00:35+08:00");
    CHECK(forward["screen_views"]["product"] == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "stats-2020-05-18.jsonl"));
}

TEST_CASE("write_soon writes a round without waiting out the interval") {
    TempDir dir;
    std::atomic<int> rounds{0};
    StatusWriter writer({dir / "status", {}, std::chrono::hours(1)}, [&rounds] {
        ++rounds;
        return sample_health();
    }, nullptr);
    writer.start();
    for (int i = 0; i < 400 && rounds < 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    REQUIRE(rounds >= 1);
    writer.write_soon();
    for (int i = 0; i < 400 && rounds < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    CHECK(rounds >= 2);   // an hour's interval: only write_soon can have caused it
    writer.stop();
}
