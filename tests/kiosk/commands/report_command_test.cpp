// `kiosk report` with the real program on fixture logs (tests/data/report): the
// CSV is GB18030 (Chinese Excel), decodes to exactly the expected figures, names
// the broken log line and still counts the rest; JSON and UTF-8 on request; bad
// dates refused.
#include "import/text_encoding.h"
#include "run_kiosk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kLogs = std::string(TEST_DATA_DIR) + "/report";

std::string report_args(const std::filesystem::path& output, const std::string& more = {}) {
    return "report --from 2020-05-16 --to 2020-05-17 --data-dir '" + kLogs + "' -o '" + output.string() + "'" + more;
}

} // namespace

TEST_CASE("kiosk report writes the county figures as GB18030 CSV and names the broken log line") {
    const auto dir = temp_dir("report");
    const auto csv = dir / "report.csv", log = dir / "report.log";
    REQUIRE(run_kiosk(report_args(csv), kWithoutDisplay, log.string()) == 0);
    const std::string bytes = read_text(csv);
    const std::string said = read_text(log);
    INFO(said);
    CHECK(bytes.find("\xBD\xBB\xB3\xC7") != std::string::npos);   // 交城 in GB18030, not UTF-8
    CHECK(bytes.find("交城") == std::string::npos);
    const DecodedText text = decode_to_utf8(bytes, TextEncoding::gb18030);
    CHECK_FALSE(text.bad_byte);
    CHECK(text.utf8 == read_text(kLogs + "/expected.csv"));
    CHECK_THAT(said, Catch::Contains(kLogs + "/play-2020-05-17.jsonl:2: not a JSON object"));
    CHECK_THAT(said, Catch::Contains("61 s attract loop, 1 bad lines left out"));
}

TEST_CASE("kiosk report writes JSON in UTF-8 with the same totals and refuses bad dates") {
    const auto dir = temp_dir("report-json");
    const auto out = dir / "report.json";
    REQUIRE(run_kiosk(report_args(out, " --format json"), kWithoutDisplay, (dir / "log").string()) == 0);
    const auto json = nlohmann::json::parse(read_text(out));
    CHECK(json["totals"]["attract_seconds"] == 61);
    CHECK(json["totals"]["product_views"] == 2);
    CHECK(json["rows"][0]["name"]["zh"] == "交城县");
    CHECK(json["problems"].size() == 1);
    CHECK(run_kiosk("report --from 2020-05-17 --to 2020-05-16 --data-dir '" + kLogs + "' -o '" + (dir / "x").string() + "'",
                    kWithoutDisplay, (dir / "log2").string()) == 2);
    CHECK_FALSE(std::filesystem::exists(dir / "x"));
    CHECK(run_kiosk(report_args(dir / "y", " --encoding latin1"), kWithoutDisplay, (dir / "log3").string()) == 2);
}
