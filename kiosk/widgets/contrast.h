// [Issue 19] WCAG 2 contrast of colours: the relative luminance of an sRGB colour, and a
// translucent colour laid over an opaque one (what the accessibility audit measures text against).
#pragma once

#include <imgui.h>

namespace kiosk {

// WCAG 2's relative luminance of `colour`'s red, green and blue (alpha ignored): 0 black … 1 white.
double relative_luminance(ImU32 colour);

// The ratio of two colours, (L1 + 0.05) / (L2 + 0.05), is contrast_ratio in widgets/theme.h.

// `top` laid over the opaque `under` by top's alpha: the opaque colour the eye sees.
ImU32 blend_over(ImU32 top, ImU32 under);

} // namespace kiosk
