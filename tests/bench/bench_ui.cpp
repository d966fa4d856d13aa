#include "bench_ui.h"

#include <chrono>

namespace kiosk::bench {

FrameTimes BenchUi::frame(ImVec2 pos, bool down) {
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    FrameTimes t;
    ui_.input(pos, down);
    const int installs = ui_.atlas_installs();
    const auto start = clock::now();
    t.new_data = ui_.update();
    const auto updated = clock::now();
    ui_.render();
    const auto end = clock::now();
    t.fonts_installed = ui_.atlas_installs() != installs;
    t.update = ms(start, updated);
    t.draw = ms(updated, end);
    t.total = ms(start, end);
    return t;
}

} // namespace kiosk::bench
