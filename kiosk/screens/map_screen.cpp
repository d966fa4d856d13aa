// The venue map: floor tabs, the floor's plan heading-up (what is ahead of the
// visitor is up), 你在这里 / You are here at the kiosk's node, names too long
// for their areas as numbered markers with a key beside the plan, and a card
// for the area tapped: what it is, what is there now (the county's products,
// the session running or next) and 带我去 / Take me there.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "screens/above_part.h"
#include "screens/map_layout.h"
#include "screens/map_places_part.h"
#include "screens/session_text.h"
#include "screens/venue_parts.h"
#include "widgets/floor_plan_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

class MapScreen final : public Screen {
public:
    void enter(const Route&) override {
        selected_.clear();
        floor_.clear();   // the kiosk's floor on the next frame
        places_.reset();
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const Venue& venue = f.feed.venue;
        const ImRect all(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y));
        if (venue.empty()) {
            draw_text_centered(f.draw, t.fonts.heading, all, t.text_muted, ui_text("no_map", f.lang));
            return;
        }
        const WalkNode* here = kiosk_node(f);
        if (!venue.floor(floor_)) floor_ = here ? here->floor : venue.floors.front().id;
        if (!selected_.empty() && !venue.area(selected_)) selected_.clear();   // a new feed lost it

        if (const ImRect above = above_room(f, t.px(240)); above.GetWidth() > 0) return draw_plan_above(f, above, here);
        const float m = t.margin();
        const float top = f.origin.y + t.px(20);
        const std::string& title = ui_text("venue_map", f.lang);
        draw_text(f.draw, t.fonts.title, ImVec2(f.origin.x + m, top), t.text, title);
        const float title_w = text_size(t.fonts.title, title).x;
        const float tabs_h = t.px(72);
        const std::string before = floor_;
        draw_floor_tabs(f, f.origin.x + m + title_w + t.px(32), top + (t.fonts.title->FontSize - tabs_h) * 0.5f, tabs_h,
                        all.Max.x - m, floor_);
        if (floor_ != before) selected_.clear();

        // The plan and the card: side by side in landscape, the card below in portrait.
        const bool portrait = f.size.y > f.size.x;
        const float body_top = top + std::max(t.fonts.title->FontSize, tabs_h) + t.px(20);
        ImRect plan_r(ImVec2(all.Min.x + m, body_top), ImVec2(all.Max.x - m, all.Max.y - t.px(24)));
        ImRect card_r = plan_r;
        if (portrait) {   // the plan as tall as it needs at full width, the card below
            const Floor& fl = *venue.floor(floor_);
            card_r.Min.y = plan_r.Max.y - std::max(t.px(480), plan_r.GetHeight() - plan_box_height(f, fl, plan_r.GetWidth()) - t.px(20));
            // A place without products lists the floor's places under its card: on an area shortened by the
            // accessible strip the plan gives way so they still fit (three columns), down to a third of the body.
            const Area* chosen = selected_.empty() ? nullptr : venue.area(selected_);
            if (chosen && !area_county(f.feed, *chosen)) {
                const float need = place_list_card_height(f, *chosen, card_r.GetWidth());
                if (card_r.GetHeight() < need) card_r.Min.y = std::max(body_top + plan_r.GetHeight() / 3, card_r.Max.y - need);
            }
            plan_r.Max.y = card_r.Min.y - t.px(20);
        } else {
            card_r.Min.x = plan_r.Max.x - t.px(560);
            plan_r.Max.x = card_r.Min.x - t.px(24);
        }
        draw_plan(f, plan_r, here);
        draw_card(f, card_r, portrait);
    }

    double seconds_until_change(std::int64_t now_unix, double) const override {
        if (places_.animating()) return 0;
        return static_cast<double>(60 - now_unix % 60);   // the card's "on now" follows the clock
    }

private:
    // [Issue 19] The accessible mode: the title and the plan (you are here, the chosen place lit) above the reach band,
    // looked at and never touched; the band keeps the floor tabs and, across its width, the card listing the places.
    void draw_plan_above(FrameContext& f, const ImRect& above, const WalkNode* here) {
        const Theme& t = f.theme;
        {
            AboveScope scope(f);
            const std::string& title = ui_text("venue_map", f.lang);
            draw_text(f.draw, t.fonts.title, above.Min, t.text, title);
            ImRect plan_r = above;   // beside the title in a wide room (landscape), under it in a tall one
            if (above.GetWidth() > above.GetHeight() * 2) plan_r.Min.x += text_size(t.fonts.title, title).x + t.px(32);
            else plan_r.Min.y += t.fonts.title->FontSize + t.px(20);
            // Numbered markers only on a plan tall enough to keep them apart (portrait); on a short one (landscape)
            // the names that fit, the list in the band naming every place.
            draw_plan(f, plan_r, here, false, plan_r.GetHeight() >= t.px(500));
        }
        const float m = t.margin(), top = f.origin.y + t.px(20), tabs_h = t.px(72);
        const std::string before = floor_;
        draw_floor_tabs(f, f.origin.x + m, top, tabs_h, f.origin.x + f.size.x - m, floor_);
        if (floor_ != before) {
            selected_.clear();
            places_.reset();
        }
        // Every place a row; the chosen one's card beside the list, in the right half.
        ImRect list_r(ImVec2(f.origin.x + m, top + tabs_h + t.px(20)), ImVec2(f.origin.x + f.size.x - m, f.origin.y + f.size.y - t.px(24)));
        const Area* chosen = selected_.empty() ? nullptr : f.feed.venue.area(selected_);
        if (chosen) {
            const ImRect card_r(ImVec2(std::round(list_r.GetCenter().x + t.px(12)), list_r.Min.y), list_r.Max);
            list_r.Max.x = card_r.Min.x - t.px(24);
            draw_card(f, card_r, false);
        }
        if (const std::string tapped = places_.draw(f, list_r, labels_, selected_); !tapped.empty()) selected_ = tapped;
    }

    // `tappable`: a tap on an area opens its card (not above the reach band). `markers`: names that do not fit
    // as numbered markers (else left out).
    void draw_plan(FrameContext& f, const ImRect& r, const WalkNode* here, bool tappable = true, bool markers = true) {
        const Theme& t = f.theme;
        const Floor& floor = *f.feed.venue.floor(floor_);
        f.draw->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
        ImRect inner = r;
        inner.Expand(-t.px(24));
        inner.Min.y += t.px(40);   // room for the marker's label over the top row of areas
        const PlanTransform plan(floor.width_m, floor.height_m, f.place ? f.place->heading : 0, inner.Min, inner.Max);
        f.draw->PushClipRect(r.Min, r.Max, true);
        std::string here_area;
        const std::string here_label = here ? you_are_here_label(f, *here, here_area) : std::string();
        labels_ = plan_labels(t, f.feed.venue, floor_, plan, f.lang, markers, here_area);   // names that fit, else numbers
        if (here && here->floor == floor_) {   // [Issue 19] a tap on you-are-here picks the place it names
            labels_.here = f.feed.venue.area(here_area);
            labels_.here_at = plan.to_screen(here->at);
        }
        draw_floor_plan(f.draw, t, f.feed.venue, floor_, plan, labels_, f.lang, selected_);
        if (here && here->floor == floor_) draw_you_are_here(f.draw, t, plan.to_screen(here->at), here_label, area_bounds(f.feed.venue, floor_, plan, here_area), r);
        f.draw->PopClipRect();
        if (!tappable) return;   // [Issue 19] the accessible mode's plan only shows: its places are rows in the band
        const float reach = std::max(number_marker_radius(t), t.touch_min() * 0.5f);
        const bool tapped = f.touch.tapped(r, "floor plan", TouchTarget::surface);
        if (f.touch.recording_targets())   // [Issue 19] each place on the plan a target of its own (the audit's)
            for (PlanPlace& p : plan_places(f.feed.venue, floor_, plan, labels_, reach)) {
                p.rect.ClipWithFull(r);
                f.touch.note_target(p.rect, p.area->id, TouchTarget::place);
            }
        if (tapped) {   // a marker may reach past its small area: it wins over what lies under it
            const Area* a = marker_at(labels_, f.touch.position(), reach);
            if (!a) a = area_at(f.feed.venue, floor_, plan.to_plan(f.touch.position()));
            selected_ = a ? a->id : std::string();
        }
    }

    // The height of a portrait card for a place without products with the floor's places listed under it in
    // three columns (draw_card's parts: title, kind and floor, hint, the rows, 带我去 / Take me there).
    float place_list_card_height(const FrameContext& f, const Area& area, float width) const {
        const Theme& t = f.theme;
        const float pad = t.px(28), w = width - 2 * pad;
        const int rows = (static_cast<int>(labels_.labels.size()) + 2) / 3;
        const float title = text_size(t.fonts.title, clamp_lines(t.fonts.title, area.name.in(f.lang), w, 2), w).y;
        return 2 * pad + title + t.px(12) + t.fonts.body->FontSize + t.px(28) + t.fonts.body->FontSize + t.px(16) +
               static_cast<float>(rows) * (t.touch_min() + t.px(8)) + t.px(24) + t.px(96) + t.px(2);
    }

    void draw_card(FrameContext& f, const ImRect& r, bool portrait) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        ImRect in = draw_card_panel(dl, t, r, 28);
        const Area* area = selected_.empty() ? nullptr : f.feed.venue.area(selected_);
        if (!area) {
            draw_hint(f, in, portrait);
            return;
        }
        const float w = in.GetWidth();
        float y = in.Min.y;
        y += draw_text(dl, t.fonts.title, ImVec2(in.Min.x, y), t.text, clamp_lines(t.fonts.title, area->name.in(f.lang), w, 2), w);
        y += t.px(12);
        float x = in.Min.x;
        x += draw_badge(dl, t, ImVec2(x, y), ui_text(area_kind_key(area->kind), f.lang), area_kind_fill(area->kind), t.text) + t.px(12);
        if (const Floor* fl = f.feed.venue.floor(area->floor))
            draw_text(dl, t.fonts.body, ImVec2(x, y + t.px(2)), t.text_muted, fit_line(t.fonts.body, fl->name.in(f.lang), in.Max.x - x));
        y += t.fonts.body->FontSize + t.px(28);

        const float go_h = t.px(96);
        const ImRect go(ImVec2(in.Min.x, in.Max.y - go_h), in.Max);
        y = draw_session(f, *area, ImRect(ImVec2(in.Min.x, y), ImVec2(in.Max.x, go.Min.y)));
        const bool county = draw_county(f, *area, ImRect(ImVec2(in.Min.x, y), ImVec2(in.Max.x, go.Min.y - t.px(16))));
        if (portrait && !county) {   // the card's room below a place without products: the floor's other places
            const std::string& hint = ui_text("map_tap_hint", f.lang);
            const float list_top = y + t.fonts.body->FontSize + t.px(16);
            if (draw_directory(f, ImRect(ImVec2(in.Min.x, list_top), ImVec2(in.Max.x, go.Min.y - t.px(24)))) > list_top)
                draw_text(dl, t.fonts.body, ImVec2(in.Min.x, y), t.text_muted, fit_line(t.fonts.body, hint, w));
        }
        if (touch_button(dl, t, f.touch, go, ui_text("take_me_there", f.lang), ButtonStyle::primary, t.fonts.title))
            f.nav.go(Route{ScreenId::map_route, area->id});
    }

    // Nothing chosen yet: what to do, the names of the numbered areas, and what the colours mean.
    // In portrait, every place of the floor as a row (the key's numbers among them) when they fit over the colours.
    void draw_hint(FrameContext& f, const ImRect& in, bool portrait) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float w = in.GetWidth();
        float y = in.Min.y;
        y += draw_text(dl, t.fonts.heading, ImVec2(in.Min.x, y), t.text, clamp_lines(t.fonts.heading, ui_text("map_tap_hint", f.lang), w, 2), w);
        y += t.px(24);
        std::vector<AreaKind> kinds;   // those on this floor, once each
        for (const Area& a : f.feed.venue.areas)
            if (a.floor == floor_ && std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) kinds.push_back(a.kind);
        const float row = t.fonts.body->FontSize + t.px(14);
        const int cols = w > t.px(700) ? 3 : 2;
        const float col_w = w / cols;
        const std::size_t rows = (kinds.size() + cols - 1) / cols;
        float places_bottom = y;   // the places over the colours, else the places alone (each row shows its colour)
        if (portrait) places_bottom = draw_directory(f, ImRect(ImVec2(in.Min.x, y), ImVec2(in.Max.x, in.Max.y - static_cast<float>(rows) * row - t.px(16))), 2);
        if (portrait && places_bottom <= y) places_bottom = draw_directory(f, ImRect(ImVec2(in.Min.x, y), in.Max), 2);
        if (portrait && places_bottom <= y) places_bottom = draw_directory(f, ImRect(ImVec2(in.Min.x, y), in.Max), 3);
        y = places_bottom > y ? places_bottom + t.px(8) : draw_key(f, ImRect(ImVec2(in.Min.x, y), in.Max));
        if (y + static_cast<float>(rows) * row > in.Max.y) return;   // whole or not at all: the key comes first
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            const float x = in.Min.x + static_cast<float>(i % cols) * col_w;
            const float ry = y + static_cast<float>(i / cols) * row;
            const float sw = t.fonts.body->FontSize;
            dl->AddRectFilled(ImVec2(x, ry), ImVec2(x + sw, ry + sw), area_kind_fill(kinds[i]), t.px(4));
            dl->AddRect(ImVec2(x, ry), ImVec2(x + sw, ry + sw), IM_COL32(150, 128, 112, 255), t.px(4));
            draw_text(dl, t.fonts.body, ImVec2(x + sw + t.px(10), ry), t.text,
                      fit_line(t.fonts.body, ui_text(area_kind_key(kinds[i]), f.lang), col_w - sw - t.px(20)));
        }
    }

    // The key: a row per numbered marker on the plan, its number and name, in number order, in two
    // columns when the names fit, and in more (names cut short) when one column would not hold them
    // all: every number on the plan is in it. A tap on a row opens the area's card. Returns the bottom.
    float draw_key(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        const std::vector<const AreaLabel*> entries = labels_.markers();
        if (entries.empty()) return r.Min.y;
        // A tight row (issue 19: the card is shorter above the accessible strip and the key takes two columns at
        // 1080p): the marker 4 px in, its name 12 px after it, 12 px between columns, so "Zhongyang booth" stays whole.
        const float radius = number_marker_radius(t), text_x = 2 * radius + t.px(16), gap = t.px(12), end_pad = t.px(4);
        float widest = 0;
        for (const AreaLabel* e : entries) widest = std::max(widest, text_size(t.fonts.body, e->area->name.in(f.lang)).x);
        const float row_h = t.touch_min(), step = row_h + t.px(4);   // each row a whole touch target
        const std::size_t fit_rows = std::max<std::size_t>(1, static_cast<std::size_t>((r.GetHeight() + t.px(4)) / step));
        std::size_t cols = r.GetWidth() >= 2 * (text_x + widest + end_pad) + gap ? 2 : 1;
        cols = std::max(cols, std::min<std::size_t>(3, (entries.size() + fit_rows - 1) / fit_rows));
        const float col_w = r.GetWidth() / static_cast<float>(cols);
        const std::size_t rows = (entries.size() + cols - 1) / cols;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const ImVec2 at(r.Min.x + static_cast<float>(i / rows) * col_w, r.Min.y + static_cast<float>(i % rows) * step);
            if (at.y + row_h > r.Max.y) continue;   // more than three columns hold: only on a panel too small
            const ImRect row(at, ImVec2(at.x + col_w - (cols > 1 ? gap : 0), at.y + row_h));
            if (f.touch.holding(row)) f.draw->AddRectFilled(row.Min, row.Max, t.card_pressed, t.px(8));
            if (f.touch.tapped(row, entries[i]->area->id)) selected_ = entries[i]->area->id;
            draw_number_marker(f.draw, t, ImVec2(row.Min.x + radius + t.px(4), row.GetCenter().y), radius, entries[i]->number);
            const std::string name = fit_line(t.fonts.body, entries[i]->area->name.in(f.lang), row.Max.x - row.Min.x - text_x - end_pad);
            draw_text(f.draw, t.fonts.body, ImVec2(row.Min.x + text_x, row.GetCenter().y - t.fonts.body->FontSize * 0.5f), t.text, name);
        }
        return std::min(r.Max.y, r.Min.y + static_cast<float>(rows) * step) + t.px(16);
    }

    // The floor's places, each a row that opens its card: its number on the plan (or its colour) and its
    // name in large type, in feed order, column by column (at most `max_columns`). Returns the bottom; `r`'s top when they do not fit.
    float draw_directory(FrameContext& f, const ImRect& r, int max_columns = 3) {
        const Theme& t = f.theme;
        const MapDirectory d = map_directory(t, r, static_cast<int>(labels_.labels.size()), max_columns);
        if (!d.fits()) return r.Min.y;
        const float radius = number_marker_radius(t);
        for (std::size_t i = 0; i < labels_.labels.size(); ++i) {
            const AreaLabel& label = labels_.labels[i];
            const ImRect row = d.row(static_cast<int>(i));
            const bool chosen = label.area->id == selected_;
            if (chosen || f.touch.holding(row)) f.draw->AddRectFilled(row.Min, row.Max, t.card_pressed, t.px(8));
            if (f.touch.tapped(row, label.area->id)) selected_ = label.area->id;
            const ImVec2 c(row.Min.x + radius + t.px(4), row.GetCenter().y);
            if (label.kind == LabelKind::marker) {
                draw_number_marker(f.draw, t, c, radius, label.number, chosen);
            } else {
                const float h = radius * 0.8f;
                f.draw->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), area_kind_fill(label.area->kind), t.px(4));
                f.draw->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), IM_COL32(150, 128, 112, 255), t.px(4));
            }
            const float tx = row.Min.x + 2 * radius + t.px(20);
            ImFont* font = d.columns > 2 ? t.fonts.body : t.fonts.heading;
            draw_text(f.draw, font, ImVec2(tx, row.GetCenter().y - font->FontSize * 0.5f), t.text,
                      fit_line(font, label.area->name.in(f.lang), row.Max.x - tx - t.px(8)));
        }
        return d.bottom();
    }

    // The session on now or next here, as a tappable row. Returns the bottom.
    float draw_session(FrameContext& f, const Area& area, const ImRect& r) {
        const Theme& t = f.theme;
        bool running = false;
        const Session* s = area_session(f.feed, area, f.now_unix, running);
        if (!s) return r.Min.y;
        const float h = t.px(24) + t.fonts.body->FontSize * 2 + t.px(40);
        if (r.Min.y + h > r.Max.y) return r.Min.y;
        const ImRect row(r.Min, ImVec2(r.Max.x, r.Min.y + h));
        if (touch_card(f.draw, t, f.touch, row, s->id)) f.nav.go(Route{ScreenId::session, s->id});
        const float pad = t.px(20);
        float x = row.Min.x + pad, y = row.Min.y + t.px(16);
        x += draw_badge(f.draw, t, ImVec2(x, y), ui_text(running ? "session_running" : "up_next", f.lang), running ? t.live : t.accent,
                        IM_COL32_WHITE) + t.px(12);
        const std::string when = running ? time_left_text(*s, f.now_unix, f.lang)
                                         : format_day_label(f.zone.day_number_at(s->start.unix_seconds), f.lang) + "  " + time_range(*s, f.zone);
        draw_text(f.draw, t.fonts.body, ImVec2(x, y + t.px(2)), running ? t.live : t.text_muted, fit_line(t.fonts.body, when, row.Max.x - pad - x));
        y += t.fonts.body->FontSize + t.px(16);
        draw_text(f.draw, t.fonts.body, ImVec2(row.Min.x + pad, y), t.text, fit_line(t.fonts.body, s->title.in(f.lang) + "  ›", row.GetWidth() - 2 * pad));
        return row.Max.y + t.px(20);
    }

    // The county here and as many of its products as fit, each one tap away. False when the area has no county.
    bool draw_county(FrameContext& f, const Area& area, const ImRect& r) {
        const Theme& t = f.theme;
        const County* county = area_county(f.feed, area);
        if (!county) return false;
        const float button_h = t.px(72);
        if (r.Min.y + button_h > r.Max.y) return true;
        const std::string label = county->name.in(f.lang) + "  ›";
        const ImRect button(r.Min, ImVec2(r.Max.x, r.Min.y + button_h));
        if (touch_button(f.draw, t, f.touch, button, label, ButtonStyle::secondary, t.fonts.heading))
            f.nav.go(Route{ScreenId::county, county->id});
        if (&f.feed != listed_feed_ || county->id != listed_county_) {   // listed once per area and feed
            products_ = f.feed.products_of(county->id);
            listed_feed_ = &f.feed;
            listed_county_ = county->id;
        }
        float y = button.Max.y + t.px(12);
        const float row_h = t.fonts.body->FontSize + t.px(28);
        for (const Product* p : products_) {
            if (y + row_h > r.Max.y) break;
            const ImRect row(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + row_h - t.px(6)));
            if (f.touch.holding(row)) f.draw->AddRectFilled(row.Min, row.Max, t.card_pressed, t.px(8));
            if (f.touch.tapped(row, p->id)) f.nav.go(Route{ScreenId::product, p->id});
            draw_text(f.draw, t.fonts.body, ImVec2(row.Min.x + t.px(12), row.Min.y + t.px(11)), t.text,
                      fit_line(t.fonts.body, "· " + p->name.in(f.lang), row.GetWidth() - t.px(24)));
            y += row_h;
        }
        return true;
    }

    std::string floor_;
    std::string selected_;   // area id; "" = none
    PlanLabels labels_;      // this frame's names and numbered markers on the plan, for taps and the key
    MapPlaceList places_;    // [Issue 19] the accessible mode's list of the floor's places
    std::vector<const Product*> products_;
    const Feed* listed_feed_ = nullptr;
    std::string listed_county_;
};

} // namespace

std::unique_ptr<Screen> make_map_screen() { return std::make_unique<MapScreen>(); }

} // namespace kiosk
