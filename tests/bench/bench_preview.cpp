// The organiser's preview (issue 17): `kiosk preview` of the demo feed under
// Xvfb, its wall time and peak memory; then one of its 1080p pictures
// compressed by stb_image_write (how screenshots were written before) and by
// libpng (encode_png, how they are now), side by side.
#include "base/embedded.h"
#include "bench.h"
#include "images/png_encode.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <fstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::bench {

namespace {

struct ChildRun {
    int exit_code = -1;
    double seconds = 0;
    double peak_rss_mb = 0;   // the largest process of the command's tree (the kiosk: Xvfb is smaller)
};

ChildRun run_shell(const std::string& command) {
    ChildRun run;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid) {
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.peak_rss_mb = double(usage.ru_maxrss) / 1024;   // kB on Linux
    }
    run.seconds = ms_since(start) / 1000;
    return run;
}

void compare_png_encoders(const std::filesystem::path& picture, int runs, Table& table) {
    int w = 0, h = 0, channels = 0;
    unsigned char* rgba = stbi_load(picture.c_str(), &w, &h, &channels, 4);
    if (!rgba) {
        table.fail("PNG encoders", "cannot read " + picture.string());
        return;
    }
    std::vector<double> stb_ms, png_ms;
    std::size_t stb_bytes = 0, png_bytes = 0;
    for (int i = 0; i < runs; ++i) {
        std::string out;
        auto start = std::chrono::steady_clock::now();
        stbi_write_png_to_func([](void* o, void* d, int n) { static_cast<std::string*>(o)->append(static_cast<char*>(d), n); },
                               &out, w, h, 4, rgba, w * 4);
        stb_ms.push_back(ms_since(start));
        stb_bytes = out.size();
        start = std::chrono::steady_clock::now();
        const auto png = encode_png(RgbaView{rgba, w, h, std::ptrdiff_t(w) * 4});
        png_ms.push_back(ms_since(start));
        png_bytes = png ? png->size() : 0;
    }
    stbi_image_free(rgba);
    const std::string what = "a " + std::to_string(w) + "×" + std::to_string(h) + " screen to PNG (" + picture.filename().string() + ")";
    table.add(what + ": stb_image_write, before", format_stats(stats_of(stb_ms), "ms") + ", " + format_size(double(stb_bytes)));
    table.add(what + ": libpng (encode_png), now", format_stats(stats_of(png_ms), "ms") + ", " + format_size(double(png_bytes)));
}

} // namespace

void bench_preview(const BenchOptions& options, Table& table) {
    const auto dir = options.work_dir / "preview";
    std::filesystem::create_directories(dir);
    const auto feed = dir / "demo-feed.json";
    std::ofstream(feed) << *embedded_file("config/demo-feed.json");
    // --quick: one county's pages, so the CI smoke test stays short.
    const std::string county = options.quick ? " --county jiaocheng" : "";
    progress("preview of the demo feed" + county);
    const auto out = dir / "out";
    const std::string command = "timeout -k 5 600 xvfb-run -a -s '-screen 0 1920x1080x24' '" + options.kiosk_binary + "' preview '" +
                                feed.string() + "' -o '" + out.string() + "'" + county +
                                " --now 2020-05-16T20:30:00+08:00 >'" + (dir / "log.txt").string() + "' 2>&1";
    const ChildRun run = run_shell(command);
    std::size_t pictures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(out))
        pictures += entry.path().extension() == ".png" && entry.path().filename().string().rfind("contact-sheet", 0) != 0;
    const std::string what = "kiosk preview of the demo feed" + county;
    if (run.exit_code != 0 || pictures == 0) {
        table.fail(what, "exit " + std::to_string(run.exit_code) + ", " + std::to_string(pictures) + " pictures (see " +
                             (dir / "log.txt").string() + ")");
        return;
    }
    table.add(what + ": wall time, pictures", format_number(run.seconds, 1) + " s for " + std::to_string(pictures) +
                                                   " pictures and the contact sheet (" +
                                                   format_number(run.seconds * 1000 / double(pictures), 0) + " ms each)");
    table.add(what + ": peak memory (largest process's RSS)", format_number(run.peak_rss_mb, 0) + " MB");
    compare_png_encoders(out / (options.quick ? "county-jiaocheng-zh-1920x1080.png" : "home-zh-1920x1080.png"), options.runs, table);
}

} // namespace kiosk::bench
