// `kiosk import-schedule`: a pretalx or frab schedule.json from a conference
// tool, merged into the demo event (without its live part, so a merge can
// succeed); a merged feed must pass the kiosk's own check.
#include "base/embedded.h"
#include "feed/validator.h"
#include "fuzz_require.h"
#include "import/schedule_import.h"
#include "import_promises.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string base = [] {
        nlohmann::json demo = nlohmann::json::parse(*embedded_file("config/demo-feed.json"));
        demo.erase("live");   // it names the demo's sessions, which an import replaces
        return demo.dump(2);
    }();
    fuzz::require(parse_feed(base).ok(), "the base feed is valid");

    fuzz::require_import_promises(import_schedule(std::string_view(reinterpret_cast<const char*>(data), size), base));
    return 0;
}
