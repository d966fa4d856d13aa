// The venue configuration file: read over the defaults, finished as at start-up
// (with a fixed environment), and, when valid, written and read back unchanged.
#include "fuzz_require.h"
#include "service/kiosk_config.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

using namespace kiosk;

namespace {

std::optional<std::string> venue_env(const char* name) {
    if (std::strcmp(name, "HOME") == 0) return std::string("/home/kiosk");
    return std::nullopt;
}

bool apply_all(std::string_view text, KioskConfig& config) {
    auto problems = apply_config_text(text, "kiosk.json", config);
    auto more = finish_config(config, venue_env);
    problems.insert(problems.end(), more.begin(), more.end());
    for (const ConfigProblem& p : problems) format_config_problem(p);
    return !has_error(problems);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    KioskConfig config;
    if (!apply_all(std::string_view(reinterpret_cast<const char*>(data), size), config)) return 0;
    admin_access(config);

    const std::string written = config_to_json(config);
    KioskConfig reread;
    fuzz::require(apply_all(written, reread), "a valid configuration, written out, reads back without errors");
    fuzz::require(config_to_json(reread) == written, "a valid configuration reads back the same");
    return 0;
}
