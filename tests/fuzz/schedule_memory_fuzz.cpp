// [issue 16: schedule changes] The worker's schedule-memory.json from the cache
// directory: read as at start-up, then the demo feed compared with it; a memory
// that reads must write out and read back the same.
#include "fuzz_require.h"
#include "base/embedded.h"
#include "feed/schedule_changes.h"
#include "feed/validator.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto demo = parse_feed(*embedded_file("config/demo-feed.json")).feed;
    std::string error;
    auto memory = memory_from_json(std::string_view(reinterpret_cast<const char*>(data), size), error);
    if (!memory) {
        fuzz::require(!error.empty(), "a refused memory says why");
        return 0;
    }
    const std::string written = memory_to_json(*memory);
    const auto reread = memory_from_json(written, error);
    fuzz::require(reread.has_value(), "a memory that reads, written out, reads back");
    fuzz::require(memory_to_json(*reread) == written, "a memory reads back the same");
    Feed feed = *demo;
    compare_with_memory(feed, *memory, "feed.json");
    for (const Session& s : feed.schedule) (void)todays_changes(feed, TimeZone::fixed_offset(8 * 3600), s.start.unix_seconds);
    return 0;
}
