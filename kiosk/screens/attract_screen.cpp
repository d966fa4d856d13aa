// Attract loop, shown when nobody has touched the kiosk for a while: the
// counties' products (fair turns by county, featured first: the app's
// AirtimeScheduler decides, the play log hears what is on air) and, after each
// round of counties, the live-sale totals take turns every few seconds with a
// cross-fade, under a large "touch the screen to start". KioskApp turns the
// first touch into a trip Home, so nothing here is tappable.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "widgets/live_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>

namespace kiosk {

namespace {

constexpr double kSlideSeconds = 8.0;
constexpr double kFadeSeconds = 0.8;

// A slide: a product by id, or the live totals when `live`.
struct Slide {
    std::string product;
    bool live = false;
};

// Scales the alpha of every vertex added since `first_vertex`: fades whatever
// was drawn, text and widgets included.
void fade_since(ImDrawList* dl, int first_vertex, float alpha) {
    for (int i = first_vertex; i < dl->VtxBuffer.Size; ++i) {
        ImU32& col = dl->VtxBuffer[i].col;
        const auto a = static_cast<ImU32>(static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * alpha + 0.5f);
        col = (col & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
    }
}

std::string event_dates(const Event& e, Lang lang) {
    const auto first = parse_date(e.first_day), last = parse_date(e.last_day);
    if (!first || !last) return e.first_day + " – " + e.last_day;
    return format_day_label(*first, lang) + " – " + format_day_label(*last, lang);
}

class AttractScreen final : public Screen {
public:
    void enter(const Route&) override {
        started_ = false;
        turn_ = SIZE_MAX;
    }

    void draw(FrameContext& f) override {
        if (!started_) {
            start_ = f.now;
            started_ = true;
        }
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float m = t.margin();
        const ImRect area(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y));

        // The event, small, at the top.
        float y = area.Min.y + t.px(36);
        const float title_h = t.fonts.title->FontSize;
        draw_text_centered(dl, t.fonts.title, ImRect(ImVec2(area.Min.x + m, y), ImVec2(area.Max.x - m, y + title_h)), t.bar,
                           f.feed.event.title.in(f.lang));
        y += title_h + t.px(8);
        draw_text_centered(dl, t.fonts.body, ImRect(ImVec2(area.Min.x + m, y), ImVec2(area.Max.x - m, y + t.fonts.body->FontSize)),
                           t.text_muted, event_dates(f.feed.event, f.lang));
        y += t.fonts.body->FontSize + t.px(32);

        // The call to touch: a wide band at the bottom.
        const float band_h = t.px(180);
        const ImRect band(ImVec2(area.Min.x, area.Max.y - band_h), area.Max);
        dl->AddRectFilled(band.Min, band.Max, t.bar);
        dl->AddRectFilled(band.Min, ImVec2(band.Max.x, band.Min.y + t.px(8)), t.accent);
        draw_text_centered(dl, t.fonts.title, band, t.bar_text, ui_text("attract_touch", f.lang));

        const ImRect stage(ImVec2(area.Min.x + m, y), ImVec2(area.Max.x - m, band.Min.y - t.px(32)));
        const double elapsed = std::max(0.0, f.now - start_);
        const auto turn = static_cast<std::size_t>(elapsed / kSlideSeconds);
        const double into = elapsed - static_cast<double>(turn) * kSlideSeconds;
        if (turn != turn_) advance(f, turn);
        if (!current_) {
            draw_text_centered(dl, t.fonts.heading, stage, t.text_muted, f.feed.event.venue.in(f.lang));
            return;
        }
        const Slide& current = *current_;
        if (turn > 0 && into < kFadeSeconds && previous_) {
            // Cross-fade with a short drift to the left.
            const float p = static_cast<float>(into / kFadeSeconds);
            const float eased = 1.0f - (1.0f - p) * (1.0f - p);
            const float drift = t.px(80);
            int first = dl->VtxBuffer.Size;
            draw_slide(f, *previous_, stage, -drift * eased);
            fade_since(dl, first, 1.0f - eased);
            first = dl->VtxBuffer.Size;
            draw_slide(f, current, stage, drift * (1.0f - eased));
            fade_since(dl, first, eased);
        } else {
            draw_slide(f, current, stage, 0);
        }
        if (!current.live) live_boundary_unix_ = INT64_MAX;   // only the live slide shows what is running
    }

    double seconds_until_change(std::int64_t now_unix, double now) const override {
        if (!started_) return 0;
        const double boundary = std::min(figures_.seconds_until_text_changes(now, lang_),
                                         live_boundary_unix_ == INT64_MAX
                                             ? kNoChange
                                             : static_cast<double>(std::max<std::int64_t>(0, live_boundary_unix_ - now_unix)));
        if (slide_count_ < 2) return boundary;
        const double elapsed = std::max(0.0, now - start_);
        const double into = std::fmod(elapsed, kSlideSeconds);
        if (elapsed >= kSlideSeconds && into < kFadeSeconds) return 0;
        return std::min(boundary, kSlideSeconds - into);
    }

private:
    // The next slide at a new turn: the live totals after each round of counties, else
    // the product the scheduler says; what is on air goes to the play log.
    void advance(const FrameContext& f, std::size_t turn) {
        AirtimeScheduler& airtime = f.airtime ? *f.airtime : own_airtime_;
        if (&f.feed != feed_seen_) {   // a new feed: its counties and products take the turns
            feed_seen_ = &f.feed;
            const auto counties = airtime_counties(f.feed);
            county_count_ = counties.size();
            slide_count_ = f.live.empty() ? 0 : 1;
            for (const AirtimeCounty& c : counties) slide_count_ += c.products.size();
            airtime.set_counties(counties);
        }
        const auto wall = std::chrono::system_clock::time_point(std::chrono::seconds(f.now_unix));
        previous_ = turn_ == SIZE_MAX ? std::nullopt : current_;
        turn_ = turn;
        std::optional<AirtimeSlot> slot;
        if (f.live.empty() || since_live_ < std::max<std::size_t>(1, county_count_)) slot = airtime.next(f.now);
        if (slot) {
            ++since_live_;
            current_ = Slide{slot->product, false};
            if (f.play_log) f.play_log->showing(slot->county, slot->product, wall);
            return;
        }
        airtime.stop(f.now);
        if (f.play_log) f.play_log->stop(wall);
        since_live_ = 0;
        current_ = f.live.empty() ? std::nullopt : std::optional<Slide>(Slide{{}, true});
    }

    void draw_slide(FrameContext& f, const Slide& slide, ImRect r, float dx) {
        r.Min.x += dx;
        r.Max.x += dx;
        if (slide.live) draw_live(f, r);
        else if (const Product* p = f.feed.product(slide.product)) draw_product(f, *p, r);
    }

    void draw_product(FrameContext& f, const Product& p, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const bool portrait = r.GetHeight() > r.GetWidth();
        // Picture beside the text in landscape, above it in portrait.
        const float side = portrait ? std::min(r.GetWidth() * 0.8f, r.GetHeight() * 0.45f) : std::min(r.GetHeight(), r.GetWidth() * 0.42f);
        const float text_w = portrait ? r.GetWidth() : r.GetWidth() - side - t.px(64);

        // Measure the text block first, to centre it.
        const std::string name = clamp_lines(t.fonts.title, p.name.in(f.lang), text_w, 2);
        // Descriptions are only in the body font's glyph set (see KioskApp::collect_glyphs).
        const std::string about = clamp_lines(t.fonts.body, p.description.in(f.lang), text_w, portrait ? 4 : 3);
        const std::string price = format_money_fen(p.price_fen);
        const std::string unit = p.unit.empty() ? std::string() : "/ " + p.unit.in(f.lang);
        const float badge_h = t.fonts.body->FontSize + t.px(4);
        const float name_h = text_size(t.fonts.title, name, text_w).y;
        const float about_h = about.empty() ? 0 : text_size(t.fonts.body, about, text_w).y + t.px(24);
        const float price_size = fitted_font_size(t.fonts.number, price, text_w * 0.7f);
        const float block = badge_h + t.px(24) + name_h + t.px(16) + about_h + t.px(8) + price_size;

        ImRect picture, text_r;
        if (portrait) {
            const float top = r.Min.y + std::max(0.0f, (r.GetHeight() - side - t.px(48) - block) * 0.5f);
            picture = ImRect(ImVec2(r.GetCenter().x - side * 0.5f, top), ImVec2(r.GetCenter().x + side * 0.5f, top + side));
            text_r = ImRect(ImVec2(r.Min.x, picture.Max.y + t.px(48)), r.Max);
        } else {
            picture = ImRect(ImVec2(r.Min.x, r.GetCenter().y - side * 0.5f), ImVec2(r.Min.x + side, r.GetCenter().y + side * 0.5f));
            text_r = ImRect(ImVec2(picture.Max.x + t.px(64), r.Min.y + std::max(0.0f, (r.GetHeight() - block) * 0.5f)), r.Max);
        }

        // The kiosk does not load product photos: a calm placeholder with the
        // county's name stands in for one.
        dl->AddRectFilled(picture.Min, picture.Max, t.highlight, t.rounding() * 2);
        dl->AddCircleFilled(picture.GetCenter(), side * 0.3f, (t.accent & ~IM_COL32_A_MASK) | (70u << IM_COL32_A_SHIFT), 64);
        if (const County* county = f.feed.county(p.county))
            draw_text_centered(dl, t.fonts.title, ImRect(picture.Min, picture.Max), t.bar, county->name.in(f.lang));

        const float x = text_r.Min.x;
        float y = text_r.Min.y;
        // Every county's products take turns now: the badge only on the featured ones.
        float bx = p.featured ? x + draw_badge(dl, t, ImVec2(x, y), ui_text("featured", f.lang), t.accent, IM_COL32_WHITE) + t.px(12) : x;
        for (const LocalizedText& tag : p.tags) {
            const float tag_w = text_size(t.fonts.body, tag.in(f.lang)).x + t.px(20);
            if (bx + tag_w > text_r.Max.x) break;
            bx += draw_badge(dl, t, ImVec2(bx, y), tag.in(f.lang), t.highlight, t.warning) + t.px(12);
        }
        y += badge_h + t.px(24);
        y += draw_text(dl, t.fonts.title, ImVec2(x, y), t.text, name, text_w) + t.px(16);
        if (!about.empty()) y += draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, about, text_w) + t.px(24);
        y += t.px(8);
        dl->AddText(t.fonts.number, price_size, ImVec2(x, y), t.live, price.data(), price.data() + price.size());
        const float price_w = t.fonts.number->CalcTextSizeA(price_size, FLT_MAX, 0, price.data(), price.data() + price.size()).x;
        if (!unit.empty())
            draw_text(dl, t.fonts.heading, ImVec2(x + price_w + t.px(16), y + price_size - t.fonts.heading->FontSize - t.px(10)),
                      t.text_muted, fit_line(t.fonts.heading, unit, std::max(0.0f, text_r.Max.x - x - price_w - t.px(16))));
    }

    // The live totals, what is live now and the best sellers, centred on the stage.
    void draw_live(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        figures_.set(live_totals(f.live), f.now);
        lang_ = f.lang;
        const bool portrait = r.GetHeight() > r.GetWidth();
        const float gap = t.px(24);

        const Session* running = running_live_session(f.feed, f.now_unix);
        live_boundary_unix_ = next_live_boundary(f.feed, f.now_unix);
        // Best sellers: one per line in portrait; in landscape as many whole names as fit on one line.
        std::vector<std::string> best;
        const auto top = live_top_products(f.live);
        for (std::size_t i = 0; i < top.size() && i < 3; ++i) {
            const Product* p = f.feed.product(top[i].product);
            std::string name = p ? p->name.in(f.lang) : top[i].product;
            if (portrait) {
                best.push_back(fit_line(t.fonts.heading, name, r.GetWidth()));
            } else if (best.empty()) {
                best.push_back(fit_line(t.fonts.heading, name, r.GetWidth()));
            } else if (text_size(t.fonts.heading, best[0] + "  ·  " + name).x <= r.GetWidth()) {
                best[0] += "  ·  " + name;
            }
        }
        const float heading_h = t.fonts.title->FontSize + t.px(16);
        const float running_h = running ? t.fonts.heading->FontSize + t.px(24) : 0;
        const float card_h = portrait ? t.px(200) : t.px(260);
        const float cards_h = portrait ? 3 * card_h + 2 * gap : card_h;
        const float line_h = t.fonts.heading->FontSize + t.px(8);
        const float best_h = best.empty() ? 0 : t.px(40) + t.fonts.body->FontSize + t.px(8) + line_h * static_cast<float>(best.size());
        float y = r.Min.y + std::max(0.0f, (r.GetHeight() - heading_h - running_h - t.px(16) - cards_h - best_h) * 0.5f);

        draw_text_centered(dl, t.fonts.title, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + t.fonts.title->FontSize)), t.text,
                           ui_text("live_sales", f.lang));
        y += heading_h;
        if (running) {
            // A red "live now" badge before the session's title, centred together.
            const std::string& badge = ui_text("now_live", f.lang);
            const float badge_w = text_size(t.fonts.body, badge).x + t.px(20);
            const std::string title = fit_line(t.fonts.heading, running->title.in(f.lang), r.GetWidth() - badge_w - t.px(16));
            const float total = badge_w + t.px(16) + text_size(t.fonts.heading, title).x;
            const float x = r.GetCenter().x - total * 0.5f;
            draw_badge(dl, t, ImVec2(x, y + (t.fonts.heading->FontSize - t.fonts.body->FontSize - t.px(4)) * 0.5f), badge, t.live,
                       IM_COL32_WHITE);
            draw_text(dl, t.fonts.heading, ImVec2(x + badge_w + t.px(16), y), t.text, title);
            y += running_h;
        }
        y += t.px(16);

        const auto numbers = figures_.texts(f.now, f.lang);
        const char* labels[3] = {"viewers", "orders", "revenue"};
        const ImU32 colors[3] = {t.warning, t.good, t.live};
        if (portrait) {
            for (int i = 0; i < 3; ++i) {
                draw_figure(dl, t, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + card_h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], true);
                y += card_h + gap;
            }
            y -= gap;
        } else {
            const float w = (r.GetWidth() - 2 * gap) / 3;
            for (int i = 0; i < 3; ++i) {
                const float x = r.Min.x + static_cast<float>(i) * (w + gap);
                draw_figure(dl, t, ImRect(ImVec2(x, y), ImVec2(x + w, y + card_h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], false);
            }
            y += card_h;
        }
        if (best.empty()) return;
        y += t.px(40);
        draw_text_centered(dl, t.fonts.body, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + t.fonts.body->FontSize)), t.text_muted,
                           ui_text("live_top_products", f.lang));
        y += t.fonts.body->FontSize + t.px(8);
        for (const std::string& line : best) {
            draw_text_centered(dl, t.fonts.heading, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + t.fonts.heading->FontSize)), t.text, line);
            y += line_h;
        }
    }

    bool started_ = false;
    double start_ = 0;
    std::size_t turn_ = SIZE_MAX;               // the turn current_ was picked for; none yet
    std::optional<Slide> current_, previous_;   // on air, and the one it fades in over
    const Feed* feed_seen_ = nullptr;           // the feed the scheduler has the counties of
    std::size_t county_count_ = 0;              // a round: this many product slides, then the live one
    std::size_t since_live_ = 0;                // product slides since the live one
    AirtimeScheduler own_airtime_;              // when the app gives none (tests)
    std::size_t slide_count_ = 0;
    std::int64_t live_boundary_unix_ = INT64_MAX;   // when the live slide's "live now" line changes
    LiveFigures figures_;
    Lang lang_ = Lang::zh;   // the figures' last language, for seconds_until_change
};

} // namespace

std::unique_ptr<Screen> make_attract_screen() { return std::make_unique<AttractScreen>(); }

} // namespace kiosk
