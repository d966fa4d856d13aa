// kiosk_bench: the measures behind the README's performance table. Each
// section adds rows to one Markdown table; progress goes to stderr.
#pragma once

#include <chrono>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::bench {

struct BenchOptions {
    bool quick = false;               // the CI smoke test: small sizes, short windows
    double idle_seconds = 60;         // each real-kiosk frame-counting window
    int runs = 5;                     // repetitions of the timed steps
    std::vector<int> feed_sizes{40, 2000, 10000};   // products
    std::vector<int> grid_sizes{2000, 10000};       // products in one county
    int reload_size = 10000;
    int route_nodes = 2000;                         // walkway nodes of the generated venue
    int search_size = 10000;                        // products the search is timed over
    std::string kiosk_binary;
    std::filesystem::path work_dir;   // temporary files
};

// min / median / max of some samples, in the samples' unit.
struct Stats {
    double min = 0, median = 0, max = 0;
    std::size_t n = 0;
};
Stats stats_of(std::vector<double> samples);

// "1.23 / 1.45 / 2.01 ms": min / median / max, with 3 significant digits unless `decimals` is given.
std::string format_stats(const Stats& s, const char* unit, int decimals = -1);
std::string format_number(double value, int decimals);   // 12345.6 → "12,345.6"
std::string format_bytes(double bytes);                  // "33,012 B (32.2 KB)"
std::string format_size(double bytes);                   // "32.2 KB", for labels

double ms_since(std::chrono::steady_clock::time_point start);

class Table {
public:
    void add(std::string measure, std::string value);
    // A measure that could not be taken: a row saying why, and a non-zero exit.
    void fail(std::string measure, std::string why);
    bool failed() const { return failures_ > 0; }
    void print(std::ostream& out) const;

private:
    std::vector<std::pair<std::string, std::string>> rows_;
    int failures_ = 0;
};

void progress(const std::string& line);   // "kiosk_bench: …" on stderr

// The sections, in the order the brief lists them.
void bench_generate_and_parse(const BenchOptions& options, Table& table);
void bench_ui_frames(const BenchOptions& options, Table& table);
void bench_reload(const BenchOptions& options, Table& table);
void bench_wire_bytes(const BenchOptions& options, Table& table);
void bench_save_latency(const BenchOptions& options, Table& table);
void bench_idle_frames(const BenchOptions& options, Table& table);
// The UI loop's passes on a changing screen with and without a screen picture every 2 s (longest against the median).
void bench_screen_pictures(const BenchOptions& options, Table& table);
void bench_routes(const BenchOptions& options, Table& table);   // venue routing (issue 14)
void bench_search(const BenchOptions& options, Table& table);
void bench_preview(const BenchOptions& options, Table& table);   // kiosk preview and PNG writing (issue 17)

} // namespace kiosk::bench
