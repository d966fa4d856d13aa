#include "screens/route_layout.h"

#include <algorithm>

namespace kiosk {

RoutePortrait route_portrait_layout(const Theme& t, const ImRect& body, float content_h) {
    const float card_h = std::min(content_h + 2 * t.px(28), body.GetHeight() * 0.5f);
    RoutePortrait out{body, body};
    out.panel.Min.y = body.Max.y - card_h;
    out.plan.Max.y = out.panel.Min.y - t.px(20);
    return out;
}

} // namespace kiosk
