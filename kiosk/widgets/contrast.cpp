#include "widgets/contrast.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// An sRGB channel (0–255) to linear light, as WCAG 2 defines it.
double linear(unsigned channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

unsigned channel(ImU32 colour, int shift) { return (colour >> shift) & 0xFF; }

} // namespace

double relative_luminance(ImU32 colour) {
    return 0.2126 * linear(channel(colour, IM_COL32_R_SHIFT)) + 0.7152 * linear(channel(colour, IM_COL32_G_SHIFT)) +
           0.0722 * linear(channel(colour, IM_COL32_B_SHIFT));
}

ImU32 blend_over(ImU32 top, ImU32 under) {
    const unsigned alpha = channel(top, IM_COL32_A_SHIFT);
    const auto mix = [&](int shift) {
        return static_cast<unsigned>(std::lround((channel(top, shift) * alpha + channel(under, shift) * (255 - alpha)) / 255.0));
    };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}

} // namespace kiosk
