// The organisers' path with the real program: spreadsheets → import-csv →
// import-schedule → a feed `kiosk check` accepts → preview pictures.
#include "feed/validator.h"
#include "run_kiosk.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kImportData = std::string(TEST_DATA_DIR) + "/import/";

std::string in_quotes(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string import_args(const std::string& products, const std::filesystem::path& output) {
    return "import-csv --counties '" + kImportData + "counties.csv' --products " + in_quotes(products) + " --schedule '" +
           kImportData + "schedule-gb18030.csv' --event '" + kImportData + "event.json' -o " + in_quotes(output);
}

} // namespace

TEST_CASE("import-csv writes a feed kiosk check accepts, import-schedule merges a pretalx schedule into it") {
    const auto dir = temp_dir("organiser");
    const auto feed = dir / "feed.json", log = dir / "import.log";
    std::filesystem::remove(feed);
    REQUIRE(run_kiosk(import_args(kImportData + "products.csv", feed), kWithoutDisplay, log.string()) == 0);
    INFO(read_text(log));
    CHECK(read_text(log).find("wrote " + feed.string()) != std::string::npos);
    CHECK(read_text(log).find("schedule-gb18030.csv: GB18030") != std::string::npos);
    CHECK(run_kiosk("check " + in_quotes(feed), kWithoutDisplay, (dir / "check.log").string()) == 0);

    const auto merge_log = dir / "merge.log";
    REQUIRE(run_kiosk("import-schedule '" + std::string(TEST_DATA_DIR) + "/schedule-pretalx.json' --into " + in_quotes(feed),
                      kWithoutDisplay, merge_log.string()) == 0);
    const FeedParseResult merged = parse_feed(read_text(feed));
    REQUIRE(merged.ok());
    CHECK(merged.feed->schedule.size() == 9);
    CHECK(merged.feed->products.size() == 19);   // the rest of the feed stays
    CHECK(run_kiosk("check " + in_quotes(feed), kWithoutDisplay, (dir / "check2.log").string()) == 0);
}

TEST_CASE("import-csv with a bad price writes nothing and names the row and column") {
    const auto dir = temp_dir("organiser-bad");
    const auto products = dir / "products.csv", feed = dir / "feed.json", log = dir / "import.log";
    std::filesystem::remove(feed);
    std::string text = read_text(kImportData + "products.csv");
    text.replace(text.find(",88.00,"), 7, ",88.0.0,");
    std::ofstream(products, std::ios::binary) << text;
    CHECK(run_kiosk(import_args(products.string(), feed), kWithoutDisplay, log.string()) == 1);
    INFO(read_text(log));
    CHECK(read_text(log).find(products.string() + ":3:7: error: 价格/price: not a price") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(feed));
}

TEST_CASE("import-csv takes the venue from --venue and --areas") {
    const auto dir = temp_dir("organiser-venue");
    const auto feed = dir / "feed.json", log = dir / "import.log";
    std::filesystem::remove(feed);
    const std::string venue = " --areas '" + kImportData + "areas.csv' --venue '" + kImportData + "venue.json'";
    REQUIRE(run_kiosk(import_args(kImportData + "products.csv", feed) + venue, kWithoutDisplay, log.string()) == 0);
    INFO(read_text(log));
    const FeedParseResult parsed = parse_feed(read_text(feed));
    REQUIRE(parsed.ok());
    CHECK(parsed.feed->venue.areas.size() == 3);
    CHECK(parsed.feed->venue.area("booth-jiaocheng")->county == "jiaocheng");

    const auto alone = dir / "alone.log";
    CHECK(run_kiosk(import_args(kImportData + "products.csv", dir / "other.json") + " --areas '" + kImportData +
                        "areas.csv'",
                    kWithoutDisplay, alone.string()) == 1);
    CHECK(read_text(alone).find("areas.csv: error: an areas sheet needs --venue VENUE.json") != std::string::npos);
}

TEST_CASE("preview of an invalid feed writes the report and no pictures") {
    const auto dir = temp_dir("preview-invalid");
    std::filesystem::remove_all(dir / "out");
    const auto log = dir / "preview.log";
    CHECK(run_kiosk("preview '" + std::string(TEST_DATA_DIR) + "/broken/03-negative-price.json' -o " +
                        in_quotes(dir / "out"),
                    kWithoutDisplay, log.string()) == 1);
    INFO(read_text(log));
    CHECK(read_text(dir / "out" / "validation.txt").find("1 invalid") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "contact-sheet.png"));
}

TEST_CASE("preview renders every screen and page, a contact sheet with captions and the report", "[xvfb]") {
    const auto dir = temp_dir("preview");
    const auto out = dir / "out", log = dir / "preview.log";
    std::filesystem::remove_all(out);
    // The small feed with a second order platform for its first product: that tab's code gets its own pictures.
    const std::string feed_path = (dir / "feed-two-platforms.json").string();
    nlohmann::json doc = nlohmann::json::parse(read_text(std::string(TEST_DATA_DIR) + "/feed-small.json"));
    const std::string jd_url = "https://item.jd.com/100008348542.html";
    doc["products"][0]["order_links"] = {{{"platform", "taobao"}, {"url", "https://item.taobao.com/item.htm?id=614532371010"}},
                                         {{"platform", "jd"}, {"url", jd_url}}};
    std::ofstream(feed_path) << doc.dump(2);
    const int code = run_kiosk("preview '" + feed_path + "' -o " + in_quotes(out) + " --now 2020-05-16T20:30:00+08:00",
                               kUnderXvfb, log.string());
    INFO(read_text(log));
    REQUIRE(code == 0);

    // The file names say what they show: screen[-id]-lang-WxH.png.
    const FeedParseResult feed = parse_feed(read_text(feed_path));
    REQUIRE(feed.ok());
    std::vector<std::string> routes = {"home", "schedule", "catalogue", "live", "attract"};
    for (const Session& s : feed.feed->schedule) routes.push_back("session-" + s.id);
    for (const County& c : feed.feed->counties) routes.push_back("county-" + c.id);
    for (const Product& p : feed.feed->products) routes.push_back("product-" + p.id);
    std::set<std::string> expected = {"contact-sheet.png", "validation.txt"};
    for (const std::string& route : routes)
        for (const char* lang : {"zh", "en"})
            for (const char* size : {"1920x1080", "1080x1920"}) expected.insert(route + "-" + lang + "-" + size + ".png");
    const std::string jd_tab = "product-" + feed.feed->products[0].id + "@jd";   // zh landscape, en portrait
    expected.insert({jd_tab + "-zh-1920x1080.png", jd_tab + "-en-1080x1920.png"});
    std::set<std::string> written;
    for (const auto& entry : std::filesystem::directory_iterator(out)) written.insert(entry.path().filename().string());
    CHECK(written == expected);

    CHECK(zbar_read(out / (jd_tab + "-en-1080x1920.png")) == jd_url);
    CHECK(zbar_read(out / ("product-" + feed.feed->products[0].id + "-zh-1920x1080.png")).find("taobao.com") != std::string::npos);

    Picture portrait;
    REQUIRE(load_picture(out / ("product-" + feed.feed->products[0].id + "-en-1080x1920.png"), portrait));
    CHECK((portrait.width == 1080 && portrait.height == 1920));

    Picture sheet;
    REQUIRE(load_picture(out / "contact-sheet.png", sheet));
    CHECK(sheet.width > 1000);
    CHECK(sheet.height > 500);
    std::set<std::uint32_t> colours;   // a blank sheet has one or two
    for (int y = 0; y < sheet.height; y += 3)
        for (int x = 0; x < sheet.width; x += 3) {
            const unsigned char* p = sheet.at(x, y);
            colours.insert(std::uint32_t(p[0]) << 16 | p[1] << 8 | p[2]);
        }
    CHECK(colours.size() > 100);
    // The header's title is drawn text: dark pixels on the light band above the thumbnails.
    int dark = 0;
    for (int y = 10; y < 100; ++y)
        for (int x = 0; x < std::min(sheet.width, 900); ++x) dark += sheet.at(x, y)[0] < 100;
    CHECK(dark > 500);
    CHECK(read_text(out / "validation.txt").find("1 file: 1 valid, 0 invalid") != std::string::npos);
}

TEST_CASE("preview --county renders that county's pages alone and a sheet too big for one page in several", "[xvfb]") {
    const auto dir = temp_dir("preview-county");
    const auto out = dir / "out", log = dir / "preview.log";
    const std::string feed_path = std::string(TEST_DATA_DIR) + "/feed-small.json";
    // 5 thumbnails a page instead of 120: wenshui's 12 pictures make pages of 5, 5 and 2.
    const int code = run_kiosk("preview '" + feed_path + "' -o " + in_quotes(out) + " --county wenshui --now 2020-05-16T20:30:00+08:00",
                               std::string("KIOSK_PREVIEW_PAGE_CELLS=5 ") + kUnderXvfb, log.string());
    INFO(read_text(log));
    REQUIRE(code == 0);
    std::set<std::string> expected = {"contact-sheet-1.png", "contact-sheet-2.png", "contact-sheet-3.png", "validation.txt"};
    for (const char* route : {"session-wenshui-live", "county-wenshui", "product-ws-seabuckthorn"})
        for (const char* lang : {"zh", "en"})
            for (const char* size : {"1920x1080", "1080x1920"}) expected.insert(std::string(route) + "-" + lang + "-" + size + ".png");
    std::set<std::string> written;
    for (const auto& entry : std::filesystem::directory_iterator(out)) written.insert(entry.path().filename().string());
    CHECK(written == expected);   // no home, no other county, no single contact-sheet.png
    CHECK(read_text(log).find("12 screens, contact-sheet-1.png … contact-sheet-3.png") != std::string::npos);

    Picture full, last;
    REQUIRE(load_picture(out / "contact-sheet-1.png", full));
    REQUIRE(load_picture(out / "contact-sheet-3.png", last));
    CHECK(full.width == last.width);      // at least four columns on every page
    CHECK(full.height > last.height);     // 5 thumbnails take two rows, 2 take one
    CHECK(colours_in(last, 0, 120, last.width, last.height, 2) > 100);   // its two thumbnails are there

    const int unknown = run_kiosk("preview '" + feed_path + "' -o " + in_quotes(dir / "none") + " --county lishi",
                                  kWithoutDisplay, (dir / "unknown.log").string());
    CHECK(unknown == 2);
    CHECK(read_text(dir / "unknown.log").find("--county lishi is not a county of") != std::string::npos);
    CHECK(read_text(dir / "unknown.log").find("jiaocheng, wenshui") != std::string::npos);
}
