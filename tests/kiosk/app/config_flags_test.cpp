// The real program's configuration handling: --config, --print-config, flags
// over the file, bad values, and `kiosk hash-pin`.
#include "admin/pin_hash.h"
#include "run_kiosk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Output {
    int code = -1;
    std::string out, err;
};

// Runs the program with stdout and stderr kept apart; `stdin_text` is piped in.
Output run(const std::string& args, const std::string& stdin_text = {}) {
    const auto dir = temp_dir("config-cli");
    const auto in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
    std::ofstream(in) << stdin_text;
    const std::string command = std::string(kWithoutDisplay) + " '" + KIOSK_BINARY + "' " + args + " <'" + in.string() +
                                "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(out), read_text(err)};
}

std::string write_config(const std::string& name, const std::string& text) {
    const auto path = temp_dir("config-cli") / name;
    std::ofstream(path) << text;
    return path.string();
}

} // namespace

TEST_CASE("the program prints every key with --print-config, as JSON that reads back the same") {
    const Output first = run("--print-config --lang en --rotation 90 --kiosk --size 1080x1920");
    INFO(first.err);
    REQUIRE(first.code == 0);
    const auto doc = nlohmann::json::parse(first.out);
    CHECK(doc["lang"] == "en");
    CHECK(doc["rotation"] == 90);
    CHECK(doc["kiosk_mode"] == true);
    CHECK(doc["size"] == "1080x1920");
    CHECK(doc["feed"] == "");
    CHECK(doc["idle_seconds"] == 90);

    const std::string path = write_config("printed.json", first.out);
    const Output second = run("--config '" + path + "' --print-config");
    CHECK(second.code == 0);
    CHECK(second.err.empty());
    CHECK(second.out == first.out);
}

TEST_CASE("the shipped config/kiosk.json loads without a word and gives the defaults") {
    const Output shipped = run("--config '" SOURCE_DIR "/config/kiosk.json' --print-config");
    const Output defaults = run("--print-config");
    CHECK(shipped.code == 0);
    CHECK(shipped.err.empty());
    CHECK(shipped.out == defaults.out);
}

TEST_CASE("flags override the config file") {
    const std::string path = write_config("venue.json", R"({"lang": "en", "rotation": 180, "feed": "/srv/feed.json",
        "cache_dir": "/srv/cache", "kiosk_mode": false, "size": "1280x720"})");
    const Output o = run("--config '" + path + "' --lang zh --rotation 270 --feed /srv/other.json --cache-dir /tmp/c "
                         "--kiosk --size auto --live https://example.com/live.json --print-config");
    INFO(o.err);
    REQUIRE(o.code == 0);
    const auto doc = nlohmann::json::parse(o.out);
    CHECK(doc["lang"] == "zh");
    CHECK(doc["rotation"] == 270);
    CHECK(doc["feed"] == "/srv/other.json");
    CHECK(doc["live"] == "https://example.com/live.json");
    CHECK(doc["cache_dir"] == "/tmp/c");
    CHECK(doc["kiosk_mode"] == true);
    CHECK(doc["size"] == "auto");

    const std::string placed = write_config("placed.json", R"({"kiosk_location": "n-hall", "kiosk_heading": 90})");
    const Output located = run("--config '" + placed + "' --location n-studio-2 --print-config");
    INFO(located.err);
    REQUIRE(located.code == 0);
    CHECK(nlohmann::json::parse(located.out)["kiosk_location"] == "n-studio-2");
    CHECK(nlohmann::json::parse(located.out)["kiosk_heading"] == 90);

    const Output file_only = run("--config '" + path + "' --print-config");
    const auto from_file = nlohmann::json::parse(file_only.out);
    CHECK(from_file["lang"] == "en");
    CHECK(from_file["rotation"] == 180);
    CHECK(from_file["size"] == "1280x720");
}

TEST_CASE("unknown config keys are warned about, naming the key and the file") {
    const std::string path = write_config("typo.json", "{\n  \"idle_secs\": 30\n}\n");
    const Output o = run("--config '" + path + "' --print-config");
    CHECK(o.code == 0);
    CHECK_THAT(o.err, Catch::Contains(path + ":2:16: warning: idle_secs: unknown key"));
}

TEST_CASE("a bad config value or flag exits 2 naming the key and where") {
    const std::string path = write_config("bad.json", "{\n  \"lang\": \"en\",\n  \"rotation\": 45\n}\n");
    Output o = run("--config '" + path + "' --print-config");
    CHECK(o.code == 2);
    CHECK(o.out.empty());
    CHECK_THAT(o.err, Catch::Contains(path + ":3:15: error: rotation: 45 is not one of 0, 90, 180, 270"));

    o = run("--config '" + path + "' --rotation 90 --print-config");   // the flag does not hide the file's mistake
    CHECK(o.code == 2);

    o = run("--rotation 45 --print-config");
    CHECK(o.code == 2);
    CHECK_THAT(o.err, Catch::Contains("--rotation: 45"));
    o = run("--location 'hall 2' --print-config");
    CHECK(o.code == 2);
    CHECK_THAT(o.err, Catch::Contains("--location: \"hall 2\" is not a node id"));
    o = run("--config /nonexistent/kiosk.json --print-config");
    CHECK(o.code == 2);
    CHECK_THAT(o.err, Catch::Contains("/nonexistent/kiosk.json: error: cannot read the config file"));

    const std::string stale = write_config("stale.json", R"({"feed_poll_seconds": 600, "feed_stale_minutes": 5})");
    o = run("--config '" + stale + "' --print-config");
    CHECK(o.code == 2);
    CHECK_THAT(o.err, Catch::Contains("feed_stale_minutes"));
}

TEST_CASE("hash-pin reads a PIN from a pipe and prints a hash that verifies") {
    const Output o = run("hash-pin", "2468\n");
    INFO(o.err);
    REQUIRE(o.code == 0);
    REQUIRE(!o.out.empty());
    const std::string hash = o.out.substr(0, o.out.find('\n'));
    CHECK(verify_pin("2468", hash));
    CHECK_FALSE(verify_pin("2469", hash));

    // The printed value is accepted as admin_pin_hash.
    const std::string path = write_config("pin.json", "{\"admin_pin_hash\": \"" + hash + "\"}");
    const Output config = run("--config '" + path + "' --print-config");
    CHECK(config.code == 0);
    CHECK(nlohmann::json::parse(config.out)["admin_pin_hash"] == hash);
}

TEST_CASE("hash-pin refuses what is not 4 to 8 digits") {
    for (const char* bad : {"123\n", "123456789\n", "12a4\n", ""}) {
        INFO(bad);
        const Output o = run("hash-pin", bad);
        CHECK(o.code == 2);
        CHECK(o.out.empty());
        CHECK_THAT(o.err, Catch::Contains("kiosk hash-pin: "));
    }
}

TEST_CASE("a kiosk_location the feed's venue lacks is logged as a warning naming it but the demo's entrance is not", "[xvfb]") {
    const auto dir = temp_dir("location");
    const auto png = dir / "home.png", log = dir / "log.txt";
    REQUIRE(run_kiosk("--location n-lobby --screenshot '" + png.string() + "'", kUnderXvfb, log.string()) == 0);
    CHECK_THAT(read_text(log), Catch::Contains("kiosk_location \"n-lobby\" is not a node of the feed's venue"));
    CHECK_THAT(read_text(log), Catch::Contains("WARN"));

    REQUIRE(run_kiosk("--screenshot '" + png.string() + "'", kUnderXvfb, log.string()) == 0);   // the default: "entrance"
    CHECK_THAT(read_text(log), !Catch::Contains("kiosk_location"));
}
