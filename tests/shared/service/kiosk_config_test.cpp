// Index of this file:
// [SECTION] Helpers
// [SECTION] The config file: keys, defaults, problems with their place
// [SECTION] Flags and --print-config
// [SECTION] Defaults: storage paths, staleness, admin access
// [SECTION] The venue keys: kiosk_location, kiosk_heading, route_url
#include "service/kiosk_config.h"

#include "admin/pin_hash.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace kiosk;

// [SECTION] Helpers
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shipped_config() { return read_file(std::string(SOURCE_DIR) + "/config/kiosk.json"); }

std::string all_problems(const std::vector<ConfigProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += format_config_problem(p) + "\n";
    return out;
}

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

} // namespace

// [SECTION] The config file: keys, defaults, problems with their place
TEST_CASE("config/kiosk.json documents every key with its default value", "[kiosk_config]") {
    const std::string text = shipped_config();
    KioskConfig from_file;
    const auto problems = apply_config_text(text, "kiosk.json", from_file);
    INFO(all_problems(problems));
    CHECK(problems.empty());
    CHECK(config_to_json(from_file) == config_to_json(KioskConfig{}));
    for (std::string_view key : config_keys()) {
        INFO(key);
        CHECK(text.find("\"" + std::string(key) + "\":") != std::string::npos);
    }
}

TEST_CASE("a config file sets the keys it has and keeps the rest", "[kiosk_config]") {
    KioskConfig c;
    c.sources.live_poll_seconds = 7;   // not in the file: stays
    const auto problems = apply_config_text(R"({
        // the venue's feed; "//" inside strings is not a comment
        "feed": "https://example.com/feed.json", /* a block
        comment */ "lang": "en",
        "size": "1080x1920", "kiosk_mode": true, "monitor": "HDMI-1", "rotation": 270,
        "idle_seconds": 45, "cache_dir": "/srv/kiosk-cache", "allow_http_qr": true,
        "log_level": "debug", "texture_budget_mb": 512, "kiosk_location": "n-hall.2", "kiosk_heading": 270
    })", "venue.json", c);
    INFO(all_problems(problems));
    CHECK(problems.empty());
    CHECK(c.sources.feed == "https://example.com/feed.json");
    CHECK(c.sources.live_poll_seconds == 7);
    CHECK(c.visitor.lang == Lang::en);
    CHECK(c.display.width == 1080);
    CHECK(c.display.height == 1920);
    CHECK(c.display.kiosk_mode);
    CHECK(c.display.monitor_name == "HDMI-1");
    CHECK(c.display.rotation == 270);
    CHECK(c.visitor.idle_seconds == 45);
    CHECK(c.storage.cache_dir == "/srv/kiosk-cache");
    CHECK(c.sources.allow_http_qr);
    CHECK(c.log_level == LogLevel::debug);
    CHECK(c.display.texture_budget_mb == 512);
    CHECK(c.placement.location == "n-hall.2");
    CHECK(c.placement.heading == 270);
}

TEST_CASE("unknown keys are warnings naming the key, the file and where", "[kiosk_config]") {
    KioskConfig c;
    const auto problems = apply_config_text("{\n  \"lang\": \"en\",\n  \"idle_secs\": 30,\n  \"colour\": 1\n}",
                                            "venue.json", c);
    REQUIRE(problems.size() == 2);
    CHECK_FALSE(has_error(problems));
    CHECK(format_config_problem(problems[0]) ==
          "venue.json:3:16: warning: idle_secs: unknown key, ignored (did you mean \"idle_seconds\"?)");
    CHECK(format_config_problem(problems[1]) == "venue.json:4:13: warning: colour: unknown key, ignored");
    CHECK(c.visitor.lang == Lang::en);   // the known keys still apply
}

TEST_CASE("each bad value is an error naming the key at its line and column", "[kiosk_config]") {
    const std::pair<const char*, const char*> bad[] = {
        {"feed", "42"},
        {"feed", "\"ftp://example.com/feed.json\""},
        {"feed", "\"http://\""},
        {"feed", "\"https:///feed.json\""},
        {"live", "\"http://:8080/live.json\""},
        {"live", "[]"},
        {"feed_poll_seconds", "2"},
        {"feed_poll_seconds", "30.5"},
        {"live_poll_seconds", "0"},
        {"feed_stale_minutes", "\"30\""},
        {"live_stale_minutes", "100000"},
        {"allow_http_qr", "1"},
        {"cache_dir", "\"cache\""},
        {"data_dir", "null"},
        {"status_dir", "\"~/status\""},
        {"lang", "\"fr\""},
        {"idle_seconds", "9"},
        {"idle_seconds", "-90"},
        {"kiosk_mode", "\"yes\""},
        {"size", "\"1920*1080\""},
        {"size", "\"100x100\""},
        {"size", "\"1920x1080x2\""},
        {"monitor", "-1"},
        {"monitor", "\"\""},
        {"monitor", "1.5"},
        {"rotation", "45"},
        {"rotation", "\"90\""},
        {"texture_budget_mb", "8"},
        {"image_cache_mb", "0"},
        {"admin_pin_hash", "\"2468\""},
        {"admin_pin_hash", "\"pbkdf2-sha256$5$c2FsdHNhbHQ=$AAAA\""},
        {"log_level", "\"verbose\""},
        {"kiosk_location", "12"},
        {"kiosk_location", "\"hall entrance\""},
        {"kiosk_location", "\"入口\""},
        {"kiosk_heading", "360"},
        {"kiosk_heading", "-90"},
        {"kiosk_heading", "45.5"},
        {"kiosk_heading", "\"north\""},
    };
    for (const auto& [key, value] : bad) {
        // A good key first: it must still apply next to the bad one.
        const bool lang_key = std::string_view(key) == "lang";
        const std::string good = lang_key ? "\"idle_seconds\": 45" : "\"lang\": \"en\"";
        const std::string text = "{\n  " + good + ",\n  \"" + key + "\": " + value + "\n}";
        INFO(text);
        KioskConfig c;
        const auto problems = apply_config_text(text, "venue.json", c);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].is_error);
        CHECK(problems[0].key == key);
        CHECK_THAT(format_config_problem(problems[0]),
                   Catch::StartsWith("venue.json:3:" + std::to_string(7 + std::string(key).size()) + ": error: " + key + ": "));
        KioskConfig expected;
        if (lang_key) expected.visitor.idle_seconds = 45;
        else expected.visitor.lang = Lang::en;
        CHECK(config_to_json(c) == config_to_json(expected));   // the bad value changed nothing
    }
}

TEST_CASE("text that is not a JSON object is an error with its position", "[kiosk_config]") {
    KioskConfig c;
    auto p = apply_config_text("{\n  \"lang\": \"en\",,\n}", "venue.json", c);
    REQUIRE(p.size() == 1);
    CHECK_THAT(format_config_problem(p[0]), Catch::StartsWith("venue.json:2:16: error: not valid JSON: "));

    // Found by fuzz_config (tests/fuzz/corpus/config/crash-number-overflow): nlohmann throws
    // out_of_range, not parse_error, for a number beyond a double, and it ended the program.
    p = apply_config_text("{\n  \"rotation\": 1e999\n}", "venue.json", c);
    REQUIRE(p.size() == 1);
    CHECK(format_config_problem(p[0]) == "venue.json:2:15: error: not valid JSON: number too large: 1e999");

    p = apply_config_text("[1, 2]", "venue.json", c);
    REQUIRE(p.size() == 1);
    CHECK_THAT(format_config_problem(p[0]), Catch::Contains("must be a JSON object"));

    p = apply_config_text("{ /* never closed", "venue.json", c);
    REQUIRE(p.size() == 1);
    CHECK(p[0].is_error);

    p = apply_config_text("{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}", "deep.json", c);
    REQUIRE(p.size() == 1);
    CHECK_THAT(format_config_problem(p[0]), Catch::Contains("nested too deeply"));

    p = apply_config_file("/nonexistent/kiosk.json", c);
    REQUIRE(p.size() == 1);
    CHECK_THAT(format_config_problem(p[0]), Catch::Contains("/nonexistent/kiosk.json: error: cannot read"));
}

// [SECTION] Flags and --print-config
TEST_CASE("flags override the file and name themselves in errors", "[kiosk_config]") {
    KioskConfig c;
    REQUIRE(apply_config_text(R"({"rotation": 180, "lang": "en", "kiosk_mode": false, "feed": "/srv/a.json"})", "f", c).empty());
    CHECK_FALSE(apply_config_flag("rotation", "--rotation", "90", c));
    CHECK_FALSE(apply_config_flag("lang", "--lang", "zh", c));
    CHECK_FALSE(apply_config_flag("kiosk_mode", "--kiosk", "true", c));
    CHECK_FALSE(apply_config_flag("feed", "--feed", "/srv/b.json", c));
    CHECK_FALSE(apply_config_flag("size", "--size", "1280x720", c));
    CHECK(c.display.rotation == 90);
    CHECK(c.visitor.lang == Lang::zh);
    CHECK(c.display.kiosk_mode);
    CHECK(c.sources.feed == "/srv/b.json");
    CHECK(c.display.width == 1280);

    const auto error = [&](const char* key, const char* flag, const char* value) {
        auto p = apply_config_flag(key, flag, value, c);
        REQUIRE(p);
        return format_config_problem(*p);
    };
    CHECK(error("rotation", "--rotation", "45") == "kiosk: --rotation: 45 is not one of 0, 90, 180, 270");
    CHECK(error("rotation", "--rotation", "ninety") == "kiosk: --rotation: ninety is not a whole number");
    CHECK(error("lang", "--lang", "fr") == "kiosk: --lang: \"fr\" is not \"zh\" or \"en\"");
    CHECK_THAT(error("size", "--size", "12by7"), Catch::StartsWith("kiosk: --size: \"12by7\" is not"));
    CHECK_THAT(error("cache_dir", "--cache-dir", "relative"), Catch::Contains("absolute"));
    CHECK(c.display.rotation == 90);   // unchanged by the bad ones
}

TEST_CASE("the JSON of --print-config reads back to the same configuration", "[kiosk_config]") {
    KioskConfig c;
    c.sources.feed = "https://example.com/活动.json";
    c.sources.live_poll_seconds = 5;
    c.display.monitor_name = "DP-2";
    c.display.width = 1080;
    c.display.height = 1920;
    c.display.rotation = 90;
    c.visitor.lang = Lang::en;
    c.admin_pin_hash = hash_pin_with_salt("2468", "lvliang-salt-01", 1000);
    c.log_level = LogLevel::warning;
    REQUIRE(finish_config(c, env_of({{"HOME", "/home/staff"}})).empty());
    const std::string json = config_to_json(c);

    const auto document = nlohmann::json::parse(json);
    CHECK(document.size() == config_keys().size());
    CHECK(document["monitor"] == "DP-2");
    CHECK(document["size"] == "1080x1920");

    KioskConfig back;
    const auto problems = apply_config_text(json, "printed.json", back);
    INFO(all_problems(problems));
    CHECK(problems.empty());
    CHECK(config_to_json(back) == json);
    CHECK(back.admin_pin_hash == c.admin_pin_hash);
}

// [SECTION] Defaults: storage paths, staleness, admin access
TEST_CASE("storage paths default to systemd's directories, then XDG, then home", "[kiosk_config]") {
    KioskConfig c;
    CHECK(finish_config(c, env_of({{"CACHE_DIRECTORY", "/var/cache/lvliang-kiosk"},
                                   {"STATE_DIRECTORY", "/var/lib/lvliang-kiosk"},
                                   {"XDG_CACHE_HOME", "/x/cache"},
                                   {"HOME", "/home/k"}}))
              .empty());
    CHECK(c.storage.cache_dir == "/var/cache/lvliang-kiosk");
    CHECK(c.storage.data_dir == "/var/lib/lvliang-kiosk");
    CHECK(c.storage.status_dir == "/var/lib/lvliang-kiosk");

    c = {};
    CHECK(finish_config(c, env_of({{"XDG_CACHE_HOME", "/x/cache"}, {"XDG_DATA_HOME", "relative"}, {"HOME", "/home/k"}}))
              .empty());
    CHECK(c.storage.cache_dir == "/x/cache/lvliang-kiosk");
    CHECK(c.storage.data_dir == "/home/k/.local/share/lvliang-kiosk");   // a relative XDG path is ignored

    c = {};
    c.storage.data_dir = "/srv/data";
    c.storage.status_dir = "/srv/status";
    CHECK(finish_config(c, env_of({{"HOME", "/home/k"}})).empty());
    CHECK(c.storage.cache_dir == "/home/k/.cache/lvliang-kiosk");
    CHECK(c.storage.data_dir == "/srv/data");
    CHECK(c.storage.status_dir == "/srv/status");

    c = {};
    const auto problems = finish_config(c, env_of({}));
    REQUIRE(problems.size() == 2);
    CHECK_FALSE(has_error(problems));
    CHECK(problems[0].key == "cache_dir");
    CHECK(c.storage.cache_dir.empty());
}

TEST_CASE("data that goes stale before the next poll is an error", "[kiosk_config]") {
    KioskConfig c;
    c.sources.feed_poll_seconds = 120;
    c.sources.feed_stale_minutes = 2;
    auto problems = finish_config(c, env_of({{"HOME", "/h"}}));
    REQUIRE(problems.size() == 1);
    CHECK(format_config_problem(problems[0]) ==
          "kiosk: config: error: feed_stale_minutes: 2 min must be longer than feed_poll_seconds (120 s)");
    c.sources.feed_stale_minutes = 3;
    CHECK(finish_config(c, env_of({{"HOME", "/h"}})).empty());
}

TEST_CASE("without a PIN the admin panel is open only outside kiosk mode", "[kiosk_config]") {
    KioskConfig c;
    CHECK(admin_access(c) == AdminAccess::open);
    c.display.kiosk_mode = true;
    CHECK(admin_access(c) == AdminAccess::closed);
    c.admin_pin_hash = hash_pin_with_salt("2468", "lvliang-salt-01", 1000);
    CHECK(admin_access(c) == AdminAccess::pin);
    c.display.kiosk_mode = false;
    CHECK(admin_access(c) == AdminAccess::pin);
}

// [SECTION] The venue keys: kiosk_location, kiosk_heading, route_url
TEST_CASE("kiosk_location and kiosk_heading: defaults, the --location flag, and what a bad value says", "[kiosk_config]") {
    KioskConfig c;
    CHECK(c.placement.location == "entrance");   // the demo event's entrance
    CHECK(c.placement.heading == 0);
    CHECK_FALSE(apply_config_flag("kiosk_location", "--location", "n-studio", c));
    CHECK(c.placement.location == "n-studio");
    CHECK_FALSE(apply_config_flag("kiosk_location", "--location", "", c));
    CHECK(c.placement.location.empty());
    const auto bad = apply_config_flag("kiosk_location", "--location", "hall 2", c);
    REQUIRE(bad);
    CHECK(format_config_problem(*bad) == "kiosk: --location: \"hall 2\" is not a node id (1 to 64 letters, digits, _ . -) or \"\"");
    CHECK(c.placement.location.empty());

    const auto problems = apply_config_text("{\n  \"kiosk_heading\": 400\n}", "venue.json", c);
    REQUIRE(problems.size() == 1);
    CHECK(format_config_problem(problems[0]) == "venue.json:2:20: error: kiosk_heading: 400 is not between 0 and 359");
}

TEST_CASE("route_url is empty by default or an https link template and a bad value says what is wrong", "[kiosk_config]") {
    KioskConfig c;
    CHECK(c.placement.route_url.empty());
    CHECK(apply_config_text("{\"route_url\": \"https://example.org/map?from={from}&to={to}\"}", "k.json", c).empty());
    CHECK(c.placement.route_url == "https://example.org/map?from={from}&to={to}");
    const auto problems = apply_config_text("{\n  \"route_url\": \"ftp://example.org/{to}\"\n}", "k.json", c);
    REQUIRE(problems.size() == 1);
    CHECK(format_config_problem(problems[0]).rfind("k.json:2:16: error: route_url: \"ftp://example.org/{to}\" is not an https:// link", 0) == 0);
    CHECK(c.placement.route_url == "https://example.org/map?from={from}&to={to}");   // kept
    CHECK_FALSE(apply_config_text("{\"route_url\": 7}", "k.json", c).empty());
    CHECK_FALSE(apply_config_text("{\"route_url\": \"https://a b\"}", "k.json", c).empty());
    CHECK(apply_config_text("{\"route_url\": \"\"}", "k.json", c).empty());
    CHECK(c.placement.route_url.empty());
}
