// Test helper: a live-stats document whose numbers grow step by step, from the
// demo feed's "live" part (benchmarks and the soak poll it as it changes).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace kiosk::test {

// `live` (the demo's "live" object) with every platform's viewers, orders and
// revenue grown by `step` steps and stamped `updated_at`, as a whole document.
inline std::string grown_live_document(nlohmann::json live, std::int64_t step, const std::string& updated_at) {
    for (auto& session : live["sessions"])
        for (auto& p : session["platforms"]) {
            p["viewers"] = p["viewers"].get<std::int64_t>() + 37 * step;
            p["orders"] = p["orders"].get<std::int64_t>() + step;
            p["revenue_fen"] = p["revenue_fen"].get<std::int64_t>() + 3990 * step;
            p["updated_at"] = updated_at;
        }
    return nlohmann::json{{"format", "lvliang-kiosk-feed/1"}, {"live", std::move(live)}}.dump();
}

} // namespace kiosk::test
