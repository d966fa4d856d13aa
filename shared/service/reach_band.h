// [Issue 19] Where the panel's pixels are above the floor: the panel's visible
// area as a visitor sees it (config panel_width_mm, panel_height_mm,
// panel_bottom_mm) mapped onto the UI's pixels (after rotation), and the rows
// of the reach band, 380–1220 mm above the floor, in which EN 301 549 and the
// ADA want the controls of a self-service terminal. UI-free: the audit test
// and the accessible mode share it.
#pragma once

#include <optional>
#include <string>

namespace kiosk {

inline constexpr double kReachLowMm = 380;    // the reach band's lowest point above the floor
inline constexpr double kReachHighMm = 1220;  // and its highest
inline constexpr double kMinTouchTargetMm = 15;   // the smallest touch target EN 301 549 accepts

// The panel's visible area on its stand, as the visitor sees it (after rotation).
struct PanelGeometry {
    double width_mm = 1210;    // a 55" 16:9 panel held landscape
    double height_mm = 680;
    double bottom_mm = 750;    // its lower edge above the floor (a typical floor stand)
    friend bool operator==(const PanelGeometry&, const PanelGeometry&) = default;
};

// The pixel rows of a UI `width_px` × `height_px` (upright, as drawn) on `panel`.
// A panel given landscape for a portrait UI (or the other way round) is taken as
// turned on its stand: width and height swap, the lower edge stays where it is.
class ReachBand {
public:
    ReachBand(const PanelGeometry& panel, float width_px, float height_px);

    const PanelGeometry& panel() const { return panel_; }   // as the UI stands (after any swap)
    bool turned() const { return turned_; }                  // the configured panel was swapped to fit the UI
    double px_per_mm() const { return px_per_mm_; }          // vertical; the horizontal is the same for square pixels
    float mm_to_px(double mm) const { return static_cast<float>(mm * px_per_mm_); }
    // Height above the floor of pixel row `y` (0 = the UI's top edge), in mm.
    double row_height_mm(float y) const;
    // The pixel row `mm` above the floor (may lie outside 0..height_px).
    float row_at_mm(double mm) const;
    // The band's rows, clipped to the UI: top() ≤ y ≤ bottom() lies 380–1220 mm above the
    // floor. empty() when the panel is wholly above or below the band.
    float top() const { return top_; }
    float bottom() const { return bottom_; }
    bool empty() const { return bottom_ <= top_; }
    // Whether rows y0..y1 (y0 ≤ y1) lie wholly inside the band (half a pixel of rounding allowed).
    bool contains_rows(float y0, float y1) const { return y0 >= top_ - 0.5f && y1 <= bottom_ + 0.5f; }
    // The smallest touch target side in pixels (kMinTouchTargetMm).
    float min_target_px() const { return mm_to_px(kMinTouchTargetMm); }

private:
    PanelGeometry panel_;
    bool turned_ = false;
    float height_px_;
    double px_per_mm_;
    float top_, bottom_;
};

// What is wrong with a panel geometry for the accessible mode: "" when the band
// holds at least `min_band_mm` of the panel's height, else a sentence saying why.
std::string reach_band_problem(const PanelGeometry& panel, double min_band_mm = 200);

} // namespace kiosk
