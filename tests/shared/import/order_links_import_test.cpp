// [order links] import-csv: the order_links / 各平台下单链接 cell becomes a product's
// order_links; a platform the kiosk does not know, or an entry without a link, is
// an error at its row and column; kiosk check's notes on the links come back to the cell.
#include "base/atomic_file.h"
#include "import/csv.h"
#include "import/csv_columns.h"
#include "import/csv_import.h"

#include "import_samples.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk;

namespace {

// The sample products with an 各平台下单链接 column after 下单链接 (column J → K), its cell for
// jc-junzao (row 2) `cell`, every other row's empty. Read and written back as CSV, every cell quoted.
CsvImportInputs inputs_with_links(const std::string& cell) {
    CsvImportInputs in;
    in.counties = {"counties.csv", kiosk::test::import_sample("counties.csv")};
    in.event = {"event.json", kiosk::test::import_sample("event.json")};
    const CsvTable table = parse_csv(kiosk::test::import_sample("products.csv"));
    REQUIRE_FALSE(table.error);
    std::string out;
    for (std::size_t r = 0; r < table.records.size(); ++r) {
        std::vector<std::string> fields = table.records[r].fields;
        REQUIRE(fields.size() >= 10);
        fields.insert(fields.begin() + 10, r == 0 ? "各平台下单链接" : r == 1 ? cell : "");
        for (std::size_t f = 0; f < fields.size(); ++f) {
            std::string quoted = "\"";
            for (char c : fields[f]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += (f ? "," : "") + quoted + "\"";
        }
        out += "\r\n";
    }
    in.products = {"products.csv", out};
    return in;
}

std::vector<std::string> lines_of(const ImportResult& result, Severity severity) {
    std::vector<std::string> out;
    for (const ImportProblem& p : result.problems)
        if (p.problem.severity == severity) out.push_back(format_import_problem(p));
    return out;
}

} // namespace

TEST_CASE("import-csv: the order_links cell gives a product one link per platform", "[order_links]") {
    const ImportResult result = import_csv_feed(
        inputs_with_links("淘宝 https://item.taobao.com/item.htm?id=1\n京东：https://item.jd.com/2.html；"
                          "wechat=https://wxaurl.cn/x; https://v.douyin.com/abc/"));
    INFO(Catch::Detail::stringify(lines_of(result, Severity::error)));
    REQUIRE(result.ok());
    const auto feed = nlohmann::json::parse(result.feed_json);
    const auto& junzao = feed["products"][0];
    REQUIRE(junzao["id"] == "jc-junzao");
    CHECK(junzao["order_links"] == nlohmann::json::parse(R"([
        {"platform": "taobao", "url": "https://item.taobao.com/item.htm?id=1"},
        {"platform": "jd", "url": "https://item.jd.com/2.html"},
        {"platform": "wechat", "url": "https://wxaurl.cn/x"},
        {"url": "https://v.douyin.com/abc/"}])"));
    CHECK_FALSE(feed["products"][1].contains("order_links"));
}

TEST_CASE("import-csv: an unknown platform or an entry without a link is an error at its cell", "[order_links]") {
    const ImportResult unknown = import_csv_feed(inputs_with_links("亚马逊 https://amazon.example/1"));
    CHECK_FALSE(unknown.ok());
    const auto errors = lines_of(unknown, Severity::error);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::StartsWith("products.csv:2:11: error: 各平台下单链接/order_links: unknown order platform \"亚马逊\": use one of taobao (淘宝), tmall (天猫), jd (京东)"));
    CHECK_THAT(errors[0], Catch::Contains("未知的下单平台“亚马逊”"));

    const ImportResult no_link = import_csv_feed(inputs_with_links("淘宝"));
    REQUIRE(lines_of(no_link, Severity::error).size() == 1);
    CHECK_THAT(lines_of(no_link, Severity::error)[0], Catch::StartsWith("products.csv:2:11: error: 各平台下单链接/order_links: \"淘宝\" has no link"));

    // What kiosk check finds in the links comes back to the cell too.
    const ImportResult twice = import_csv_feed(inputs_with_links("淘宝 https://item.taobao.com/1; https://m.tb.cn/2"));
    CHECK_FALSE(twice.ok());
    REQUIRE(lines_of(twice, Severity::error).size() == 1);
    CHECK_THAT(lines_of(twice, Severity::error)[0], Catch::StartsWith("products.csv:2:11: error: order_links: a second order link for Taobao (taobao)"));
}
