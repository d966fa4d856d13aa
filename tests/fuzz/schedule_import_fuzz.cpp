// `kiosk import-schedule`: a pretalx or frab schedule.json from a conference
// tool, merged into the demo event (without its live part, so a merge can
// succeed); a merged feed must pass the kiosk's own check.
#include "embedded.h"
#include "feed_parse.h"
#include "fuzz_require.h"
#include "schedule_import.h"

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

    const ImportResult result = import_schedule(std::string_view(reinterpret_cast<const char*>(data), size), base);
    bool any_error = false;
    for (const ImportProblem& p : result.problems) {
        any_error = any_error || p.problem.severity == Severity::error;
        format_import_problem(p);
    }
    fuzz::require(result.ok() != any_error, "a feed is written exactly when there is no error");
    if (result.ok()) fuzz::require(parse_feed(result.feed_json).ok(), "a merged feed passes the kiosk's own check");
    return 0;
}
