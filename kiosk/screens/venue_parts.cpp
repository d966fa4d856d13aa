#include "screens/venue_parts.h"

#include "feed/schedule_changes.h"

#include "widgets/plan_transform.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>

namespace kiosk {

const Area* venue_area(const Feed& feed, std::string_view id) {
    if (feed.venue.empty() || id.empty()) return nullptr;
    return feed.venue.area(id);
}

const Area* county_area(const Feed& feed, const County& county) { return venue_area(feed, county.booth_area); }

const Area* session_area(const Feed& feed, const Session& session) { return venue_area(feed, session.area); }

const Area* product_area(const Feed& feed, const Product& product) {
    const County* county = feed.county(product.county);
    return county ? county_area(feed, *county) : nullptr;
}

const County* area_county(const Feed& feed, const Area& area) {
    if (!area.county.empty())
        if (const County* c = feed.county(area.county)) return c;
    for (const County& c : feed.counties)
        if (c.booth_area == area.id) return &c;
    return nullptr;
}

const Session* area_session(const Feed& feed, const Area& area, std::int64_t now, bool& running) {
    const Session* next = nullptr;
    running = false;
    for (const Session& s : feed.schedule) {
        if (s.area != area.id) continue;
        if (session_running(s, now)) {   // cancelled sessions are neither running nor next
            running = true;
            return &s;
        }
        if (session_upcoming(s, now) && (!next || s.start.unix_seconds < next->start.unix_seconds)) next = &s;
    }
    return next;
}

const WalkNode* kiosk_node(const FrameContext& f) {
    if (!f.place || f.place->location.empty() || f.feed.venue.empty()) return nullptr;
    return f.feed.venue.node(f.place->location);
}

std::string you_are_here_label(const FrameContext& f, const WalkNode& here, std::string& area_id) {
    const Area* area = area_at(f.feed.venue, here.floor, here.at);
    area_id = area ? area->id : std::string();
    const std::string& words = ui_text("you_are_here", f.lang);
    return area ? words + " · " + area->name.in(f.lang) : words;
}

float plan_box_height(const FrameContext& f, const Floor& fl, float width) {
    const Theme& t = f.theme;
    const PlanTransform probe(fl.width_m, fl.height_m, f.place ? f.place->heading : 0, ImVec2(0, 0),
                              ImVec2(width - 2 * t.px(24), 1e6f));
    float lo = FLT_MAX, hi = -FLT_MAX;   // the turned plan's extent on screen
    for (const PlanPoint p : {PlanPoint{0, 0}, PlanPoint{fl.width_m, 0}, PlanPoint{0, fl.height_m}, PlanPoint{fl.width_m, fl.height_m}}) {
        lo = std::min(lo, probe.to_screen(p).y);
        hi = std::max(hi, probe.to_screen(p).y);
    }
    return hi - lo + 2 * t.px(24) + t.px(40);
}

float draw_floor_tabs(FrameContext& f, float x, float y, float h, float max_right, std::string& floor,
                      const std::vector<std::string>& marked) {
    const Theme& t = f.theme;
    for (const Floor& fl : f.feed.venue.floors) {
        const std::string& name = fl.name.in(f.lang);
        const bool mark = std::find(marked.begin(), marked.end(), fl.id) != marked.end();
        const float w = std::min(max_right - x, text_size(t.fonts.heading, name).x + t.px(48) + (mark ? t.px(24) : 0));
        if (w < t.touch_min()) break;
        const ImRect r(ImVec2(x, y), ImVec2(x + w, y + h));
        if (touch_button(f.draw, t, f.touch, r, name, fl.id == floor ? ButtonStyle::selected : ButtonStyle::secondary,
                         t.fonts.heading))
            floor = fl.id;
        if (mark)   // the route passes this floor
            f.draw->AddCircleFilled(ImVec2(r.Max.x - t.px(18), r.Min.y + t.px(18)), t.px(7), IM_COL32(37, 99, 235, 255), 16);
        x = r.Max.x + t.px(12);
    }
    return x;
}

float where_button_width(const FrameContext& f) {
    return text_size(f.theme.fonts.heading, ui_text("where", f.lang)).x + f.theme.px(64);
}

float draw_where_button(FrameContext& f, ImVec2 at, float h, const Area& area) {
    const float w = where_button_width(f);
    if (touch_button(f.draw, f.theme, f.touch, ImRect(at, ImVec2(at.x + w, at.y + h)), ui_text("where", f.lang),
                     ButtonStyle::primary, f.theme.fonts.heading))
        f.nav.go(Route{ScreenId::map_route, area.id});
    return w;
}

} // namespace kiosk
