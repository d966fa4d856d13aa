// [Issue 19] The reach band: the panel's rows in mm above the floor, the rows of 380–1220 mm,
// a panel turned to fit the UI, and the configuration's panel_* keys with their messages.
#include "service/kiosk_config.h"
#include "service/reach_band.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

std::string all_problems(const std::vector<ConfigProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += format_config_problem(p) + "\n";
    return out;
}

EnvLookup home_only() {
    return [](const char* name) -> std::optional<std::string> {
        return std::string(name) == "HOME" ? std::optional<std::string>("/home/staff") : std::nullopt;
    };
}

} // namespace

TEST_CASE("the reach band of the default panel in landscape: the rows 380 to 1220 mm above the floor", "[reach_band]") {
    const ReachBand band(PanelGeometry{}, 1920, 1080);   // 1210 × 680 mm, its lower edge at 750 mm
    CHECK_FALSE(band.turned());
    CHECK(band.px_per_mm() == Approx(1080.0 / 680));
    CHECK(band.row_height_mm(1080) == Approx(750));
    CHECK(band.row_height_mm(0) == Approx(1430));
    CHECK(band.row_at_mm(1220) == Approx(1080 - 470 * 1080.0 / 680));   // 334 px from the top
    CHECK(band.top() == Approx(333.53).margin(0.01));
    CHECK(band.bottom() == 1080);   // the lower edge is above 380 mm: the whole bottom is in reach
    CHECK(band.contains_rows(500, 1080));
    CHECK_FALSE(band.contains_rows(300, 500));
    CHECK(band.min_target_px() == Approx(15 * 1080.0 / 680));
}

TEST_CASE("a landscape panel for a portrait UI is taken as turned on its stand", "[reach_band]") {
    const ReachBand band(PanelGeometry{}, 1080, 1920);
    CHECK(band.turned());
    CHECK(band.panel().width_mm == 680);
    CHECK(band.panel().height_mm == 1210);
    CHECK(band.row_height_mm(1920) == Approx(750));
    CHECK(band.row_height_mm(0) == Approx(1960));
    CHECK(band.top() == Approx(1920 - 470 * 1920.0 / 1210));
    const ReachBand portrait(PanelGeometry{680, 1210, 750}, 1080, 1920);   // said so in the config: the same
    CHECK_FALSE(portrait.turned());
    CHECK(portrait.top() == Approx(band.top()));
}

TEST_CASE("a low panel has its band's lower edge above the panel's", "[reach_band]") {
    const ReachBand band(PanelGeometry{1210, 680, 200}, 1920, 1080);   // 200–880 mm
    CHECK(band.top() == 0);
    CHECK(band.bottom() == Approx(1080 - 180 * 1080.0 / 680));
    CHECK(band.row_height_mm(band.bottom()) == Approx(380));
}

TEST_CASE("a panel wholly above the band has an empty band and a problem naming why", "[reach_band]") {
    const PanelGeometry high{1210, 680, 1300};
    CHECK(ReachBand(high, 1920, 1080).empty());
    CHECK(reach_band_problem(high) ==
          "the panel spans 1300–1980 mm above the floor: none of it lies in the reach band 380–1220 mm (at least 200 mm "
          "are needed for the accessible mode's controls)");
    CHECK(reach_band_problem(PanelGeometry{1210, 680, 1100}).find("only 120 mm") != std::string::npos);
    CHECK(reach_band_problem(PanelGeometry{}).empty());
}

TEST_CASE("the panel keys: defaults, bad values and a panel out of reach", "[reach_band][kiosk_config]") {
    KioskConfig c;
    CHECK(panel_geometry(c) == PanelGeometry{});
    CHECK(apply_config_text(R"({"panel_width_mm": 680, "panel_height_mm": 1210, "panel_bottom_mm": 700})", "k.json", c).empty());
    CHECK(panel_geometry(c) == PanelGeometry{680, 1210, 700});
    CHECK(finish_config(c, home_only()).empty());

    KioskConfig bad;
    const auto problems = apply_config_text(R"({"panel_width_mm": 20, "panel_height_mm": "tall", "panel_bottom_mm": -5})",
                                            "k.json", bad);
    const std::string text = all_problems(problems);
    CHECK(problems.size() == 3);
    CHECK(text.find("k.json:1:") == 0);   // each with its place in the file
    CHECK(text.find("error: panel_width_mm: 20 is not between 100 and 5000") != std::string::npos);
    CHECK(text.find("panel_height_mm: \"tall\" is not a whole number") != std::string::npos);
    CHECK(text.find("panel_bottom_mm: -5 is not between 0 and 2500") != std::string::npos);
    CHECK(panel_geometry(bad) == PanelGeometry{});   // bad values leave the defaults

    KioskConfig high;
    REQUIRE(apply_config_text(R"({"panel_bottom_mm": 1500})", "k.json", high).empty());
    const std::string out_of_reach = all_problems(finish_config(high, home_only()));
    CHECK(out_of_reach.find("error: panel_bottom_mm: the panel spans 1500–2180 mm above the floor: none of it") != std::string::npos);

    const auto flag = apply_config_flag("panel_bottom_mm", "--panel-bottom-mm", "900", high);
    CHECK_FALSE(flag.has_value());
    CHECK(high.display.panel_bottom_mm == 900);
}

TEST_CASE("print-config writes the panel keys and reads them back", "[reach_band][kiosk_config]") {
    KioskConfig c;
    c.display.panel_width_mm = 700;
    c.display.panel_height_mm = 1220;
    c.display.panel_bottom_mm = 650;
    const std::string json = config_to_json(c);
    CHECK(json.find("\"panel_width_mm\": 700") != std::string::npos);
    CHECK(json.find("\"panel_bottom_mm\": 650") != std::string::npos);
    KioskConfig back;
    REQUIRE_FALSE(has_error(apply_config_text(json, "printed", back)));
    CHECK(panel_geometry(back) == panel_geometry(c));
}
