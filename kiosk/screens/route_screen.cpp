// The walk from this kiosk to an area: the shortest route drawn on the plan
// floor by floor with direction marks, where it starts and ends, its metres
// and minutes, each leg in words (乘电梯到 2 层 / Take the lift to 2F), a
// step-free toggle, and, when the organisers give a route_url, a QR code that
// takes the route along. Routing runs on arrival and on the toggle, not per frame.
#include "screens/screens.h"

#include "feed/venue_route.h"
#include "screens/above_part.h"
#include "screens/route_layout.h"
#include "screens/venue_parts.h"
#include "service/route_link.h"
#include "widgets/floor_plan_view.h"
#include "widgets/qr_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr ImU32 kLegBlue = IM_COL32(37, 99, 235, 255);
// [Issue 19] The legs' blue, darker in the high-contrast palette: white on it 8.9:1 (on kLegBlue 5.2:1).
ImU32 leg_blue(const Theme& t) { return t.high_contrast ? IM_COL32(30, 64, 175, 255) : kLegBlue; }

// `text` with every `field` replaced by `value`.
std::string fill(std::string text, std::string_view field, std::string_view value) {
    for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + value.size()))
        text.replace(at, field.size(), value);
    return text;
}

std::string floor_name(const Venue& venue, const std::string& id, Lang lang) {
    const Floor* f = venue.floor(id);
    return f ? f->name.in(lang) : id;
}

// One leg in words: 步行 40 米到电梯 / Walk 40 m to the lift; 乘电梯到 2 层 / Take the lift to 2F.
std::string leg_text(const WalkRoute& route, std::size_t i, const Venue& venue, const Area& to, Lang lang) {
    const WalkLeg& leg = route.legs[i];
    const std::string metres = std::to_string(std::lround(leg.metres));
    if (leg.kind == WalkLegKind::lift) return fill(ui_text("route_take_lift", lang), "{floor}", floor_name(venue, leg.to_floor, lang));
    if (leg.kind == WalkLegKind::stairs) return fill(ui_text("route_take_stairs", lang), "{floor}", floor_name(venue, leg.to_floor, lang));
    if (route.metres <= 0) return ui_text("route_already_here", lang);
    if (i + 1 < route.legs.size()) {
        const bool lift = route.legs[i + 1].kind == WalkLegKind::lift;
        return fill(ui_text(lift ? "route_walk_to_lift" : "route_walk_to_stairs", lang), "{n}", metres);
    }
    return fill(fill(ui_text("route_walk_to", lang), "{n}", metres), "{place}", to.name.in(lang));
}

class RouteScreen final : public Screen {
public:
    void enter(const Route& route) override {
        area_id_ = route.id;
        step_free_ = false;
        routed_feed_ = nullptr;   // route again on the next frame
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const ImRect all(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y));
        const Area* to = venue_area(f.feed, area_id_);
        const WalkNode* here = kiosk_node(f);
        const char* problem = f.feed.venue.empty() ? "no_map" : !to ? "route_unknown_area" : !here ? "route_no_location" : nullptr;
        if (problem) {
            draw_text_centered(f.draw, t.fonts.heading, all, t.text_muted, ui_text(problem, f.lang));
            return;
        }
        plan_route(f, *here);

        const float m = t.margin();
        const bool portrait = f.size.y > f.size.x;
        ImRect plan_r(ImVec2(all.Min.x + m, all.Min.y + t.px(20)), ImVec2(all.Max.x - m, all.Max.y - t.px(24)));
        // [Issue 19] In the accessible mode the plan, zoomed in on the walk, goes above the reach band (nothing on it
        // is touched); the band keeps the floor tabs over the words, their steps and the step-free toggle.
        if (const ImRect above = above_room(f, t.px(240)); above.GetWidth() > 0) {
            {
                AboveScope scope(f);
                draw_plan_box(f, draw_heading_above(f, above, *to), *to, *here, true);
            }
            const float tabs_h = t.px(72);
            draw_floor_tabs(f, plan_r.Min.x, plan_r.Min.y, tabs_h, plan_r.Max.x, floor_, floors_);
            draw_panel(f, ImRect(ImVec2(plan_r.Min.x, plan_r.Min.y + tabs_h + t.px(16)), plan_r.Max), *to, *here, true, false);
            return;
        }
        ImRect panel = plan_r;
        if (portrait) {   // the words as tall as they need at the bottom, the plan (under its tabs) the rest
            const RoutePortrait layout = route_portrait_layout(t, plan_r, panel_content_height(f, plan_r.GetWidth() - 2 * t.px(28), *to, *here));
            plan_r = layout.plan;
            panel = layout.panel;
        } else {
            panel.Min.x = plan_r.Max.x - t.px(620);
            plan_r.Max.x = panel.Min.x - t.px(24);
        }
        draw_plan(f, plan_r, *to, *here, portrait);
        draw_panel(f, panel, *to, *here, portrait);
    }

private:
    // Routes when the visitor arrives, toggles step-free, or a new feed comes; not every frame.
    void plan_route(const FrameContext& f, const WalkNode& here) {
        if (&f.feed == routed_feed_ && f.feed.venue.nodes.data() == routed_nodes_ && step_free_ == routed_step_free_) return;
        route_ = route_to_area(f.feed.venue, here.id, area_id_, WalkOptions{step_free_});
        routed_feed_ = &f.feed;
        routed_nodes_ = f.feed.venue.nodes.data();
        routed_step_free_ = step_free_;
        floor_ = here.floor;
        floors_.clear();
        for (const WalkLeg& leg : route_.legs)
            for (const std::string* fl : {&leg.floor, &leg.to_floor})
                if (std::find(floors_.begin(), floors_.end(), *fl) == floors_.end()) floors_.push_back(*fl);
    }

    // The route's points on the shown floor (its legs, its ends, the destination), for the portrait zoom.
    std::vector<PlanPoint> focus_points(const Venue& venue, const Area& to, const WalkNode& here) const {
        std::vector<PlanPoint> out;
        if (here.floor == floor_) out.push_back(here.at);
        if (to.floor == floor_) out.insert(out.end(), to.polygon.begin(), to.polygon.end());
        if (!route_.found) return out;
        for (const WalkLeg& leg : route_.legs)
            for (std::size_t n = leg.first; n <= leg.last; ++n) {
                const WalkNode& node = venue.nodes[static_cast<std::size_t>(route_.nodes[n])];
                if (node.floor == floor_) out.push_back(node.at);
            }
        return out;
    }

    // The floor tabs over the plan's box.
    void draw_plan(FrameContext& f, const ImRect& r, const Area& to, const WalkNode& here, bool portrait) {
        const Theme& t = f.theme;
        const float tabs_h = t.px(72);
        draw_floor_tabs(f, r.Min.x, r.Min.y, tabs_h, r.Max.x, floor_, floors_);
        draw_plan_box(f, ImRect(ImVec2(r.Min.x, r.Min.y + tabs_h + t.px(16)), r.Max), to, here, portrait);
    }

    // The shown floor's plan in `box` with the walk on it; `focused`: zoomed in on the walk (portrait, the accessible mode).
    void draw_plan_box(FrameContext& f, const ImRect& box, const Area& to, const WalkNode& here, bool focused) {
        const Theme& t = f.theme;
        const Venue& venue = f.feed.venue;
        f.draw->AddRectFilled(box.Min, box.Max, t.card, t.rounding());
        const Floor* floor = venue.floor(floor_);
        if (!floor) return;
        ImRect inner = box;
        inner.Expand(-t.px(24));
        inner.Min.y += t.px(40);
        const double heading = f.place ? f.place->heading : 0;
        const PlanTransform plan = focused ? focused_plan(floor->width_m, floor->height_m, heading, inner.Min, inner.Max,
                                                           focus_points(venue, to, here), kRouteMarginM, kRouteMaxZoom)
                                            : PlanTransform(floor->width_m, floor->height_m, heading, inner.Min, inner.Max);
        f.draw->PushClipRect(box.Min, box.Max, true);
        std::string here_area;
        const std::string here_label = you_are_here_label(f, here, here_area);
        draw_floor_plan(f.draw, t, venue, floor_, plan, f.lang, to.id, here_area);
        std::vector<ImRect> avoid = area_bounds(venue, floor_, plan, here_area);   // for the marker's label
        if (route_.found) {
            for (std::size_t i = 0; i < route_.legs.size(); ++i) {
                const WalkLeg& leg = route_.legs[i];
                const ImVec2 first = plan.to_screen(venue.nodes[static_cast<std::size_t>(route_.nodes[leg.first])].at);
                const ImVec2 last = plan.to_screen(venue.nodes[static_cast<std::size_t>(route_.nodes[leg.last])].at);
                if (leg.kind == WalkLegKind::walk && leg.floor == floor_) {
                    std::vector<ImVec2> points;
                    for (std::size_t n = leg.first; n <= leg.last; ++n)
                        points.push_back(plan.to_screen(venue.nodes[static_cast<std::size_t>(route_.nodes[n])].at));
                    draw_walk_line(f.draw, t, points);
                    for (std::size_t n = 1; n < points.size(); ++n) {   // the line is not to be covered either
                        ImRect seg(ImMin(points[n - 1], points[n]), ImMax(points[n - 1], points[n]));
                        seg.Expand(t.px(10));
                        avoid.push_back(seg);
                    }
                } else if (leg.kind != WalkLegKind::walk && leg.floor == floor_) {
                    draw_plan_tag(f.draw, t, first, leg_text(route_, i, venue, to, f.lang), leg_blue(t));
                } else if (leg.kind != WalkLegKind::walk && leg.to_floor == floor_) {
                    draw_plan_tag(f.draw, t, last, fill(ui_text("route_arrive_from", f.lang), "{floor}", floor_name(venue, leg.floor, f.lang)), leg_blue(t));
                }
            }
            const WalkNode& door = venue.nodes[static_cast<std::size_t>(route_.nodes.back())];
            if (door.floor == floor_) draw_destination_pin(f.draw, t, plan.to_screen(door.at));
        }
        if (here.floor == floor_) draw_you_are_here(f.draw, t, plan.to_screen(here.at), here_label, avoid, box);
        f.draw->PopClipRect();
    }

    // [Issue 19] Above the reach band: where to and how far, at the left of a wide room (landscape) or over a tall
    // one. Returns the room left for the plan.
    ImRect draw_heading_above(FrameContext& f, const ImRect& r, const Area& to) {
        const Theme& t = f.theme;
        const bool wide = r.GetWidth() > r.GetHeight() * 2;
        const float w = wide ? std::round(r.GetWidth() * 0.3f) : r.GetWidth();
        const std::string where = clamp_lines(t.fonts.title, fill(ui_text("route_to", f.lang), "{place}", to.name.in(f.lang)), w, wide ? 2 : 1);
        float y = r.Min.y + draw_text(f.draw, t.fonts.title, r.Min, t.text, where, w) + t.px(12);
        if (route_.found) {
            const std::string total = fill(fill(ui_text("route_total", f.lang), "{n}", std::to_string(std::lround(route_.metres))), "{min}",
                                           std::to_string(route_.minutes()));
            const std::string shown = clamp_lines(t.fonts.heading, total, w, 2);
            if (y + text_size(t.fonts.heading, shown, w).y <= r.Max.y)
                y += draw_text(f.draw, t.fonts.heading, ImVec2(r.Min.x, y), t.bar, shown, w) + t.px(20);
        }
        return wide ? ImRect(ImVec2(r.Min.x + w + t.px(32), r.Min.y), r.Max) : ImRect(ImVec2(r.Min.x, y), r.Max);
    }

    // `heading`: the words start with where to and how far (false: drawn above the reach band).
    void draw_panel(FrameContext& f, const ImRect& r, const Area& to, const WalkNode& here, bool portrait, bool heading = true) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        ImRect in = draw_card_panel(dl, t, r, 28);

        // The QR code: beside the words in portrait, under them in landscape.
        const QrMatrix* qr = route_qr(f, to, here);
        ImRect words = in;
        if (qr) {
            const float box = portrait ? t.px(300) : std::min(t.px(300), in.GetHeight() * 0.4f);
            const int module = qr_module_px(*qr, box, t.scale);
            const float side = qr_side_px(*qr, module);
            const float caption_h = t.fonts.body->FontSize * 2 + t.px(8);
            const ImVec2 at = portrait ? ImVec2(in.Max.x - side, in.Min.y) : ImVec2(in.GetCenter().x - side * 0.5f, in.Max.y - side - caption_h);
            draw_qr(dl, *qr, at, static_cast<float>(module));
            const ImRect caption(ImVec2(at.x - t.px(20), at.y + side), ImVec2(at.x + side + t.px(20), at.y + side + caption_h));
            draw_text(dl, t.fonts.body, ImVec2(caption.Min.x, caption.Min.y), t.text_muted,
                      clamp_lines(t.fonts.body, ui_text("route_scan", f.lang), caption.GetWidth(), 2), caption.GetWidth());
            if (portrait) words.Max.x = at.x - t.px(32);
            else words.Max.y = at.y - t.px(16);
        }
        draw_words(f, words, to, portrait, heading);
    }

    const QrMatrix* route_qr(const FrameContext& f, const Area& to, const WalkNode& here) {
        if (!route_.found || !f.place || f.place->route_url.empty()) return nullptr;
        return qr_.get(fill_route_url(f.place->route_url, here.id, to.door, to.id));
    }

    // Portrait: the height the words (and the QR code beside them) need inside a card `width` wide.
    float panel_content_height(const FrameContext& f, float width, const Area& to, const WalkNode& here) {
        const Theme& t = f.theme;
        float qr_h = 0;
        if (const QrMatrix* qr = route_qr(f, to, here)) {
            const float side = qr_side_px(*qr, qr_module_px(*qr, t.px(300), t.scale));
            qr_h = side + t.fonts.body->FontSize * 2 + t.px(8);
            width -= side + t.px(32);
        }
        float h = text_size(t.fonts.title, clamp_lines(t.fonts.title, fill(ui_text("route_to", f.lang), "{place}", to.name.in(f.lang)), width, 2), width).y
                  + t.px(16);
        if (!route_.found) {
            h += text_size(t.fonts.heading, clamp_lines(t.fonts.heading, ui_text(step_free_ ? "route_no_step_free" : "route_unreachable", f.lang), width, 3), width).y;
        } else {
            h += t.fonts.heading->FontSize + t.px(20);
            for (std::size_t i = 0; i < route_.legs.size(); ++i) h += leg_row_height(f, leg_text(route_, i, f.feed.venue, to, f.lang), width, true);
        }
        return std::max(h + t.px(12) + t.px(80), qr_h) + 1;   // the toggle under them; 1 px against rounding
    }

    // A step's row: two lines of the heading font in landscape; in portrait, its lines of the title font.
    static float leg_row_height(const FrameContext& f, const std::string& text, float width, bool portrait) {
        const Theme& t = f.theme;
        if (!portrait) return t.fonts.heading->FontSize * 2 + t.px(24);
        const float tw = width - 2 * t.px(20) - t.px(16);
        return std::max(t.px(64), text_size(t.fonts.title, clamp_lines(t.fonts.title, text, tw, 2), tw).y + t.px(24));
    }

    // Where to, how far, the legs, and the step-free toggle at the bottom.
    void draw_words(FrameContext& f, const ImRect& in, const Area& to, bool portrait, bool heading = true) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float w = in.GetWidth();
        float y = in.Min.y;
        if (heading) {
            y += draw_text(dl, t.fonts.title, ImVec2(in.Min.x, y), t.text,
                           clamp_lines(t.fonts.title, fill(ui_text("route_to", f.lang), "{place}", to.name.in(f.lang)), w, 2), w);
            y += t.px(16);
        }
        const float toggle_h = t.px(80);
        const ImRect toggle(ImVec2(in.Min.x, in.Max.y - toggle_h), in.Max);
        if (touch_button(dl, t, f.touch, toggle, ui_text(step_free_ ? "step_free_on" : "step_free_off", f.lang),
                         step_free_ ? ButtonStyle::selected : ButtonStyle::secondary, t.fonts.heading))
            step_free_ = !step_free_;   // routed again on the next frame

        if (!route_.found) {
            draw_text(dl, t.fonts.heading, ImVec2(in.Min.x, y), t.live,
                      clamp_lines(t.fonts.heading, ui_text(step_free_ ? "route_no_step_free" : "route_unreachable", f.lang), w, 3), w);
            return;
        }
        const std::string total = fill(fill(ui_text("route_total", f.lang), "{n}", std::to_string(std::lround(route_.metres))), "{min}",
                                       std::to_string(route_.minutes()));
        if (heading) y += draw_text(dl, t.fonts.heading, ImVec2(in.Min.x, y), t.bar, fit_line(t.fonts.heading, total, w)) + t.px(20);

        ImFont* step_font = portrait ? t.fonts.title : t.fonts.heading;   // large type where the panel has room
        for (std::size_t i = 0; i < route_.legs.size(); ++i) {
            const std::string text = leg_text(route_, i, f.feed.venue, to, f.lang);
            const float row_h = leg_row_height(f, text, w, portrait);
            if (y + row_h > toggle.Min.y - t.px(12)) break;
            const WalkLeg& leg = route_.legs[i];
            const ImRect row(ImVec2(in.Min.x, y), ImVec2(in.Max.x, y + row_h - t.px(8)));
            if (f.touch.holding(row)) dl->AddRectFilled(row.Min, row.Max, t.card_pressed, t.px(8));
            if (f.touch.tapped(row, "route leg")) floor_ = leg.floor;   // show the floor of the leg
            const float r = t.px(20);
            const ImVec2 c(row.Min.x + r, row.Min.y + (portrait ? (step_font->FontSize - 2 * r) * 0.5f + t.px(4) : t.px(8)) + r);
            dl->AddCircleFilled(c, r, leg_blue(t), 24);
            const std::string n = std::to_string(i + 1);
            const ImVec2 ns = text_size(t.fonts.body, n);
            draw_text(dl, t.fonts.body, ImVec2(c.x - ns.x * 0.5f, c.y - ns.y * 0.5f), IM_COL32_WHITE, n);
            const float tx = row.Min.x + 2 * r + t.px(16);
            draw_text(dl, step_font, ImVec2(tx, row.Min.y + t.px(4)), t.text, clamp_lines(step_font, text, row.Max.x - tx, 2), row.Max.x - tx);
            y += row_h;
        }
    }

    std::string area_id_;
    bool step_free_ = false;
    WalkRoute route_;
    const Feed* routed_feed_ = nullptr;
    const WalkNode* routed_nodes_ = nullptr;
    bool routed_step_free_ = false;
    std::string floor_;                 // shown
    std::vector<std::string> floors_;   // those the route passes
    QrCache qr_;
};

} // namespace

std::unique_ptr<Screen> make_route_screen() { return std::make_unique<RouteScreen>(); }

} // namespace kiosk
