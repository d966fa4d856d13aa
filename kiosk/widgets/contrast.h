// [Issue 19] WCAG 2 contrast of colours: the relative luminance of an sRGB colour, the ratio of
// two (what the accessibility audit measures the theme's text against its background with).
#pragma once

#include <imgui.h>

namespace kiosk {

// WCAG 2's relative luminance of `colour`'s red, green and blue (alpha ignored): 0 black … 1 white.
double relative_luminance(ImU32 colour);

// (L1 + 0.05) / (L2 + 0.05) of the lighter over the darker: 1 (the same) … 21 (black and white).
double contrast_ratio(ImU32 a, ImU32 b);

// `top` laid over the opaque `under` by top's alpha: the opaque colour the eye sees.
ImU32 blend_over(ImU32 top, ImU32 under);

} // namespace kiosk
