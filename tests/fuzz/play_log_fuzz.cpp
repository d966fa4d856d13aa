// The attract loop's play log (data_dir/play-DATE.jsonl), read back by a restarted
// kiosk and by `kiosk report`: one line's parse, then as the report counts a file
// of lines. An accepted entry must write out and read back the same.
#include "fuzz_require.h"
#include "service/airtime_report.h"
#include "service/play_log.h"

#include "feed/model.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto entry = parse_play_line(text, error);
    fuzz::require(entry ? error.empty() : !error.empty(), "a refused line says why, an accepted one does not");
    if (entry) {
        fuzz::require(entry->to > entry->from, "an accepted entry ends after it starts");
        const TimeZone zone = TimeZone::fixed_offset(8 * 3600);
        std::string line = format_play_line(*entry, zone);
        line.pop_back();
        std::string again_error;
        const auto again = parse_play_line(line, again_error);
        fuzz::require(again && *again == *entry, "an accepted entry writes out and reads back the same");
        std::int64_t pieces = 0;
        for (const PlayEntry& piece : split_at_midnight(*entry, zone)) pieces += piece.to - piece.from;
        fuzz::require(pieces == entry->to - entry->from, "split at midnight, no second lost or added");
    }
    const Feed feed;
    ReportBuilder builder(feed);
    builder.add_play_file("2020-05-16", "play-2020-05-16.jsonl", text);
    builder.add_usage_file("2020-05-16", "stats-2020-05-16.jsonl", text);
    const AirtimeReport report = builder.finish("2020-05-16", "2020-05-16");
    CountyFigures sum;
    for (const ReportRow& row : report.rows) sum.add(row.figures);
    fuzz::require(sum == report.totals, "the totals are the sum of the rows");
    return 0;
}
