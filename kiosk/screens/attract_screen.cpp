// Attract loop, shown when nobody has touched the kiosk for a while: featured
// products and the live-sale totals take turns every few seconds with a
// cross-fade, under a large "touch the screen to start". KioskApp turns the
// first touch into a trip Home, so nothing here is tappable.
#include "screens.h"

#include "live_view.h"
#include "number_format.h"
#include "ui_strings.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr double kSlideSeconds = 8.0;
constexpr double kFadeSeconds = 0.8;

// A slide: a featured product, or the live totals when `product` is null.
struct Slide {
    const Product* product = nullptr;
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
    void enter(const Route&) override { started_ = false; }

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
        collect_slides(f);
        slide_count_ = slides_.size();
        if (slides_.empty()) {
            draw_text_centered(dl, t.fonts.heading, stage, t.text_muted, f.feed.event.venue.in(f.lang));
            return;
        }
        const double elapsed = std::max(0.0, f.now - start_);
        const auto turn = static_cast<std::size_t>(elapsed / kSlideSeconds);
        const double into = elapsed - static_cast<double>(turn) * kSlideSeconds;
        const Slide& current = slides_[turn % slides_.size()];
        if (turn > 0 && into < kFadeSeconds && slides_.size() > 1) {
            // Cross-fade with a short drift to the left.
            const float p = static_cast<float>(into / kFadeSeconds);
            const float eased = 1.0f - (1.0f - p) * (1.0f - p);
            const float drift = t.px(80);
            int first = dl->VtxBuffer.Size;
            draw_slide(f, slides_[(turn - 1) % slides_.size()], stage, -drift * eased);
            fade_since(dl, first, 1.0f - eased);
            first = dl->VtxBuffer.Size;
            draw_slide(f, current, stage, drift * (1.0f - eased));
            fade_since(dl, first, eased);
        } else {
            draw_slide(f, current, stage, 0);
        }
    }

    double seconds_until_change(std::int64_t, double now) const override {
        if (!started_) return 0;
        if (figures_.animating(now)) return 0;
        if (slide_count_ < 2) return kNoChange;
        const double elapsed = std::max(0.0, now - start_);
        const double into = std::fmod(elapsed, kSlideSeconds);
        if (elapsed >= kSlideSeconds && into < kFadeSeconds) return 0;
        return kSlideSeconds - into;
    }

private:
    // Featured products still for sale, then the live totals when there are any.
    void collect_slides(const FrameContext& f) {
        slides_.clear();
        for (const Product& p : f.feed.products)
            if (p.featured && !p.sold_out) slides_.push_back(Slide{&p});
        if (!f.live.empty()) slides_.push_back(Slide{nullptr});
    }

    void draw_slide(FrameContext& f, const Slide& slide, ImRect r, float dx) {
        r.Min.x += dx;
        r.Max.x += dx;
        if (slide.product) draw_product(f, *slide.product, r);
        else draw_live(f, r);
    }

    void draw_product(FrameContext& f, const Product& p, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const bool portrait = r.GetHeight() > r.GetWidth();
        // The picture area: the feed's images are not loaded by the kiosk, so a
        // calm placeholder with the county's name stands in for it.
        const float side = portrait ? std::min(r.GetWidth(), r.GetHeight() * 0.5f) : std::min(r.GetHeight(), r.GetWidth() * 0.42f);
        const ImRect picture = portrait ? ImRect(ImVec2(r.GetCenter().x - side * 0.5f, r.Min.y), ImVec2(r.GetCenter().x + side * 0.5f, r.Min.y + side))
                                        : ImRect(ImVec2(r.Min.x, r.GetCenter().y - side * 0.5f), ImVec2(r.Min.x + side, r.GetCenter().y + side * 0.5f));
        dl->AddRectFilled(picture.Min, picture.Max, t.highlight, t.rounding() * 2);
        dl->AddCircleFilled(picture.GetCenter(), side * 0.3f, (t.accent & ~IM_COL32_A_MASK) | (70u << IM_COL32_A_SHIFT), 64);
        const County* county = f.feed.county(p.county);
        if (county)
            draw_text_centered(dl, t.fonts.title, ImRect(picture.Min, picture.Max), t.warning, county->name.in(f.lang));

        const ImRect text_r = portrait ? ImRect(ImVec2(r.Min.x, picture.Max.y + t.px(40)), r.Max)
                                       : ImRect(ImVec2(picture.Max.x + t.px(64), r.Min.y), r.Max);
        const float w = text_r.GetWidth();
        // Measure first, then centre the block vertically in its column.
        const std::string name = clamp_lines(t.fonts.title, p.name.in(f.lang), w, 2);
        const std::string producer = clamp_lines(t.fonts.body, p.producer.in(f.lang), w, 2);
        const std::string price = format_money_fen(p.price_fen);
        const std::string unit = p.unit.empty() ? std::string() : "/ " + p.unit.in(f.lang);
        const float badge_h = t.fonts.body->FontSize + t.px(4);
        const float name_h = text_size(t.fonts.title, name, w).y;
        const float producer_h = producer.empty() ? 0 : text_size(t.fonts.body, producer, w).y + t.px(12);
        const float price_size = fitted_font_size(t.fonts.number, price, w * 0.7f);
        const float block = badge_h + t.px(24) + name_h + t.px(12) + producer_h + t.px(24) + price_size;
        float y = portrait ? text_r.Min.y : text_r.Min.y + std::max(0.0f, (text_r.GetHeight() - block) * 0.5f);
        const float x = text_r.Min.x;

        float bx = x + draw_badge(dl, t, ImVec2(x, y), ui_text("featured", f.lang), t.accent, IM_COL32_WHITE) + t.px(12);
        for (const LocalizedText& tag : p.tags) {
            const float tag_w = text_size(t.fonts.body, tag.in(f.lang)).x + t.px(20);
            if (bx + tag_w > text_r.Max.x) break;
            bx += draw_badge(dl, t, ImVec2(bx, y), tag.in(f.lang), t.highlight, t.warning) + t.px(12);
        }
        y += badge_h + t.px(24);
        y += draw_text(dl, t.fonts.title, ImVec2(x, y), t.text, name, w) + t.px(12);
        if (!producer.empty()) y += draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, producer, w) + t.px(12);
        y += t.px(12);
        dl->AddText(t.fonts.number, price_size, ImVec2(x, y), t.live, price.data(), price.data() + price.size());
        const float price_w = t.fonts.number->CalcTextSizeA(price_size, FLT_MAX, 0, price.data(), price.data() + price.size()).x;
        if (!unit.empty())
            draw_text(dl, t.fonts.heading, ImVec2(x + price_w + t.px(16), y + price_size - t.fonts.heading->FontSize - t.px(10)),
                      t.text_muted, fit_line(t.fonts.heading, unit, std::max(0.0f, text_r.Max.x - x - price_w - t.px(16))));
    }

    void draw_live(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        figures_.set(live_totals(f.live), f.now);
        const LiveTotals shown = figures_.shown(f.now);
        const bool portrait = r.GetHeight() > r.GetWidth();

        float y = r.Min.y;
        const float heading_h = t.fonts.title->FontSize;
        draw_text_centered(dl, t.fonts.title, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + heading_h)), t.text,
                           ui_text("live_sales", f.lang));
        y += heading_h + t.px(8);
        const std::string fresh = updated_ago(f.live.updated_at, f.now_unix, f.zone, f.lang);
        draw_text_centered(dl, t.fonts.body, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + t.fonts.body->FontSize)),
                           t.text_muted, fresh);
        y += t.fonts.body->FontSize + t.px(32);

        const std::string numbers[3] = {format_big(shown.viewers, f.lang), format_big(shown.orders, f.lang),
                                        format_big_money_fen(shown.revenue_fen, f.lang)};
        const char* labels[3] = {"viewers", "orders", "revenue"};
        const ImU32 colors[3] = {t.warning, t.good, t.live};
        const float gap = t.px(24);
        if (portrait) {
            const float h = std::min(t.px(200), (r.Max.y - y - 2 * gap) / 3);
            for (int i = 0; i < 3; ++i) {
                draw_figure(dl, t, ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], true);
                y += h + gap;
            }
        } else {
            const float w = (r.GetWidth() - 2 * gap) / 3;
            const float h = std::min(t.px(260), r.Max.y - y);
            for (int i = 0; i < 3; ++i) {
                const float x = r.Min.x + static_cast<float>(i) * (w + gap);
                draw_figure(dl, t, ImRect(ImVec2(x, y), ImVec2(x + w, y + h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], false);
            }
        }
    }

    bool started_ = false;
    double start_ = 0;
    std::vector<Slide> slides_;
    std::size_t slide_count_ = 0;
    LiveFigures figures_;
};

} // namespace

std::unique_ptr<Screen> make_attract_screen() { return std::make_unique<AttractScreen>(); }

} // namespace kiosk
