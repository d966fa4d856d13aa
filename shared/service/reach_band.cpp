#include "service/reach_band.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk {

ReachBand::ReachBand(const PanelGeometry& panel, float width_px, float height_px)
    : panel_(panel), height_px_(height_px) {
    // A landscape panel with a portrait UI (or the reverse) stands turned.
    const bool ui_portrait = height_px > width_px;
    const bool panel_portrait = panel.height_mm > panel.width_mm;
    if (ui_portrait != panel_portrait && panel.width_mm != panel.height_mm) {
        std::swap(panel_.width_mm, panel_.height_mm);
        turned_ = true;
    }
    px_per_mm_ = panel_.height_mm > 0 ? height_px / panel_.height_mm : 0;
    top_ = std::clamp(row_at_mm(kReachHighMm), 0.0f, height_px);
    bottom_ = std::clamp(row_at_mm(kReachLowMm), 0.0f, height_px);
}

double ReachBand::row_height_mm(float y) const {
    return panel_.bottom_mm + (height_px_ - y) / px_per_mm_;
}

float ReachBand::row_at_mm(double mm) const {
    return static_cast<float>(height_px_ - (mm - panel_.bottom_mm) * px_per_mm_);
}

std::string reach_band_problem(const PanelGeometry& panel, double min_band_mm) {
    const double low = std::max(panel.bottom_mm, kReachLowMm);
    const double high = std::min(panel.bottom_mm + panel.height_mm, kReachHighMm);
    if (high - low >= min_band_mm) return {};
    const auto mm = [](double v) { return std::to_string(static_cast<long>(std::lround(v))); };
    return "the panel spans " + mm(panel.bottom_mm) + "–" + mm(panel.bottom_mm + panel.height_mm) +
           " mm above the floor: " + (high > low ? "only " + mm(high - low) + " mm" : std::string("none")) +
           " of it lies in the reach band " + mm(kReachLowMm) + "–" + mm(kReachHighMm) + " mm (at least " + mm(min_band_mm) +
           " mm are needed for the accessible mode's controls)";
}

} // namespace kiosk
