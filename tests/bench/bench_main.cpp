// kiosk_bench: measures the feed pipeline and the UI, prints a Markdown table.
//   kiosk_bench [--quick] [--seconds S] [--runs N] [--only SECTION,...]
//   kiosk_bench generate N OUT.json [--one-county] [--seed S]
#include "bench.h"
#include "feed_generator.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

namespace {

using namespace kiosk::bench;

// The value of the first "key: value" or "key=value" line of a file starting with `key`; "" when none.
std::string value_in(const char* path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0) continue;
        std::string value = line.substr(key.size());
        const std::size_t start = value.find_first_not_of(" \t:=\"");
        const std::size_t end = value.find_last_not_of(" \t\"");
        return start == std::string::npos ? "" : value.substr(start, end - start + 1);
    }
    return "";
}

std::string machine() {
    std::ifstream loadavg("/proc/loadavg");
    double one = 0, five = 0, fifteen = 0;
    loadavg >> one >> five >> fifteen;
    std::ostringstream out;
    out << "nproc " << std::thread::hardware_concurrency() << ", " << value_in("/proc/cpuinfo", "model name")
        << ", load average " << one << " " << five << " " << fifteen << " at the start; "
        << value_in("/etc/os-release", "PRETTY_NAME") << "; build " << BENCH_BUILD_TYPE;
    return out.str();
}

int generate_command(int products, const std::string& out_path, bool one_county, std::uint32_t seed) {
    FeedGeneratorOptions g;
    g.products = products;
    g.one_county = one_county;
    g.seed = seed;
    const std::string text = generate_feed(g);
    std::ofstream out(out_path, std::ios::binary);
    if (!(out << text) || !out.flush()) {
        std::cerr << "kiosk_bench: cannot write " << out_path << "\n";
        return 1;
    }
    std::cerr << "kiosk_bench: wrote " << out_path << ": " << generated_product_count(g) << " products, "
              << text.size() << " bytes\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Measures the kiosk's feed pipeline and UI; prints a Markdown table (stdout), progress on stderr."};
    BenchOptions options;
    options.kiosk_binary = KIOSK_BINARY;
    double seconds = 60;
    std::vector<std::string> only;
    cli.add_flag("--quick", options.quick, "Small sizes and a 3 s frame window: the CI smoke test (about 20 s)");
    cli.add_option("--seconds", seconds, "Each real-kiosk frame-counting window, in seconds (default 60)")
        ->check(CLI::Range(1.0, 3600.0));
    cli.add_option("--runs", options.runs, "Repetitions of the timed steps (default 5)")->check(CLI::Range(1, 1000));
    cli.add_option("--kiosk", options.kiosk_binary, "The kiosk program to run (default: the one built with this)");
    cli.add_option("--only", only, "Sections to run: parse, ui, reload, wire, save, frames, picture, route, search, preview (default: all)")
        ->delimiter(',')
        ->check(CLI::IsMember({"parse", "ui", "reload", "wire", "save", "frames", "picture", "route", "search", "preview"}));

    CLI::App* generate = cli.add_subcommand("generate", "Write a generated feed of N products to OUT.json");
    int products = 0;
    std::string out_path;
    bool one_county = false;
    std::uint32_t seed = FeedGeneratorOptions{}.seed;
    generate->add_option("N", products, "Products")->required()->check(CLI::Range(1, 50000));
    generate->add_option("OUT", out_path, "Output file")->required();
    generate->add_flag("--one-county", one_county, "All N products in 交城县 (the other counties get 3 each)");
    generate->add_option("--seed", seed, "Random seed (the same seed gives the same feed)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (generate->parsed()) return generate_command(products, out_path, one_county, seed);

    options.idle_seconds = cli.count("--seconds") ? seconds : options.quick ? 3 : 60;
    if (options.quick) {
        options.feed_sizes = {40, 500};
        options.grid_sizes = {500};
        options.reload_size = 2000;
        options.search_size = 2000;
        if (!cli.count("--runs")) options.runs = 3;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        std::cerr << "kiosk_bench: cannot create a temporary directory\n";
        return 1;
    }
    options.work_dir = pattern;

    const std::set<std::string> sections(only.begin(), only.end());
    auto wanted = [&](const char* name) { return sections.empty() || sections.count(name) > 0; };
    Table table;
    table.add("machine", machine());
    const auto start = std::chrono::steady_clock::now();
    try {
        if (wanted("parse")) bench_generate_and_parse(options, table);
        if (wanted("ui")) bench_ui_frames(options, table);
        if (wanted("reload")) bench_reload(options, table);
        if (wanted("wire")) bench_wire_bytes(options, table);
        if (wanted("save")) bench_save_latency(options, table);
        if (wanted("frames")) bench_idle_frames(options, table);
        if (wanted("picture")) bench_screen_pictures(options, table);
        if (wanted("route")) bench_routes(options, table);
        if (wanted("search")) bench_search(options, table);
        if (wanted("preview")) bench_preview(options, table);
    } catch (const std::exception& e) {
        table.fail("kiosk_bench", e.what());
    }
    std::error_code ec;
    std::filesystem::remove_all(options.work_dir, ec);
    progress("done in " + format_number(ms_since(start) / 1000, 1) + " s");
    table.print(std::cout);
    return table.failed() ? 1 : 0;
}
