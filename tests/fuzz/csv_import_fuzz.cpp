// `kiosk import-csv` on spreadsheets as Excel or WPS export them: the input is
// the counties, products, schedule and areas files and the venue JSON one after another, split at NUL
// bytes (no CSV text holds one), read in any encoding, against a fixed event.
#include "import/csv_columns.h"
#include "import/csv_import.h"
#include "import_promises.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace kiosk;

namespace {

constexpr std::string_view kEvent = R"({"event": {
  "title": {"zh": "直播助农 嗨购吕梁", "en": "Live-Stream Sales for Farmers: Shop Lüliang"},
  "venue": "吕梁新区吕梁广场电商扶贫创业孵化园区",
  "first_day": "2020-05-15", "last_day": "2020-05-19", "time_zone": "Asia/Shanghai"}})";

std::vector<std::string> split_at_nul(std::string_view data, std::size_t parts) {
    std::vector<std::string> out;
    while (out.size() + 1 < parts) {
        const std::size_t nul = data.find('\0');
        if (nul == std::string_view::npos) break;
        out.emplace_back(data.substr(0, nul));
        data.remove_prefix(nul + 1);
    }
    out.emplace_back(data);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> files = split_at_nul(std::string_view(reinterpret_cast<const char*>(data), size), 5);
    CsvImportInputs inputs;
    inputs.counties = {"counties.csv", files[0]};
    inputs.products = {"products.csv", files.size() > 1 ? files[1] : std::string()};
    if (files.size() > 2) inputs.schedule = CsvFileInput{"schedule.csv", files[2]};
    if (files.size() > 3) inputs.areas = CsvFileInput{"areas.csv", files[3]};
    if (files.size() > 4) inputs.venue = CsvFileInput{"venue.json", files[4]};
    inputs.event = {"event.json", std::string(kEvent)};
    // The first byte picks the encoding, as the --encoding flag would.
    inputs.encoding = size == 0 ? TextEncoding::detect : static_cast<TextEncoding>(data[0] % 3);

    fuzz::require_import_promises(import_csv_feed(inputs));

    std::string en, zh;
    parse_price_fen(files[0], en, zh);   // prices are cells: any text may land there
    parse_polygon(files[0], en, zh);     // so are polygons
    return 0;
}
