#include "bench_ui.h"

#include <chrono>
#include <ctime>

namespace kiosk::bench {

namespace {

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

} // namespace

FrameTimes BenchUi::frame(ImVec2 pos, bool down) {
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    FrameTimes t;
    ui_.input(pos, down);
    const int installs = ui_.atlas_installs();
    const double cpu_start = thread_cpu_ms();
    const auto start = clock::now();
    t.new_data = ui_.update();
    const auto updated = clock::now();
    ui_.render();
    const auto end = clock::now();
    t.cpu = thread_cpu_ms() - cpu_start;
    t.fonts_installed = ui_.atlas_installs() != installs;
    t.update = ms(start, updated);
    t.draw = ms(updated, end);
    t.total = ms(start, end);
    return t;
}

} // namespace kiosk::bench
