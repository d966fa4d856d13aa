// One county: its name and blurb, then its products as cards (picture, name,
// price per unit, badges) in a grid that scrolls by drag. Only the cards in
// view are built, so a county with thousands of products stays smooth.
#include "screens/screens.h"

#include "feed/number_format.h"
#include "screens/above_part.h"
#include "screens/catalogue_parts.h"
#include "screens/venue_parts.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

class CountyScreen final : public Screen {
public:
    void enter(const Route& route) override {
        if (route.id != county_id_) scroll_.reset();   // Back from a product keeps the place
        else scroll_.scroll_to(scroll_.offset());
        county_id_ = route.id;
        listed_feed_ = nullptr;   // list again on the next frame
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const County* county = f.feed.county(county_id_);
        if (!county) {
            draw_text_centered(dl, t.fonts.heading, ImRect(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y)),
                               t.text_muted, ui_text("county_missing", f.lang));
            return;
        }
        list_products(f.feed);
        // [Issue 19] In the accessible mode the county's picture, name and introduction go above the reach band;
        // the band keeps 在哪 / Where? (when the map has its booth) over the cards.
        const Area* booth = county_area(f.feed, *county);
        const bool above = draw_above(f, *county);
        const float where_row = booth ? t.px(24 + 72 + 16) : t.px(16);
        const CardGrid grid = product_card_grid(t, f.origin, f.size, static_cast<int>(products_.size()), above ? where_row : kOwnHeader);
        if (!above) draw_header(f, *county, grid.viewport.Min.y);
        else if (booth) draw_where_button(f, ImVec2(f.origin.x + f.size.x - t.margin() - where_button_width(f), f.origin.y + t.px(24)), t.px(72), *booth);

        scroll_.update(f.touch, grid.viewport, grid.content_height(), f.now);
        if (products_.empty()) {
            draw_text_centered(dl, t.fonts.heading, grid.viewport, t.text_muted, ui_text("no_products", f.lang));
            return;
        }
        dl->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
        const auto [first, last] = grid.visible(scroll_.offset());
        for (int i = first; i < last; ++i) {
            const Product& p = *products_[static_cast<std::size_t>(i)];
            if (draw_product_card(f, p, grid.rect(i, scroll_.offset()), product_card_picture_ratio(t, grid, f.size)) &&
                grid.viewport.Contains(f.touch.press_position()))
                f.nav.go(Route{ScreenId::product, p.id});
        }
        dl->PopClipRect();
    }

    double seconds_until_change(std::int64_t, double) const override { return scroll_.animating() ? 0 : kNoChange; }

private:
    // [Issue 19] Above the reach band: the county's picture, its name, product count and introduction.
    // False when the mode leaves no room there.
    bool draw_above(FrameContext& f, const County& county) {
        const Theme& t = f.theme;
        const ImRect room = above_room(f, t.px(160));
        if (room.GetWidth() <= 0) return false;
        AboveScope scope(f);
        // A tall room (portrait): the picture across the top, the words under it; a short one: the picture at the
        // left, as tall as the room and at most 40% of the width, the words beside it.
        const bool tall = room.GetHeight() > room.GetWidth() * 0.6f;
        const float pic_w = tall ? room.GetWidth() : std::round(std::min(room.GetWidth() * 0.4f, room.GetHeight() / 0.62f));
        const float pic_h = std::round(tall ? std::min(room.GetHeight() * 0.45f, pic_w * 0.56f) : std::min(room.GetHeight(), pic_w * 0.75f));
        const ImRect picture(room.Min, ImVec2(room.Min.x + pic_w, room.Min.y + pic_h));
        draw_image(f.draw, t, f.images, county.image, picture, ImagePlaceholder{county.id, county.name.in(f.lang)}, t.rounding());
        const ImRect text = tall ? ImRect(ImVec2(room.Min.x, picture.Max.y + t.px(24)), room.Max)
                                 : ImRect(ImVec2(picture.Max.x + t.px(32), room.Min.y), room.Max);
        const float y = draw_above_heading(f, text, county.name.in(f.lang),
                                           {product_count_text(static_cast<std::int64_t>(products_.size()), f.lang)});
        // The introduction in the body font: the one whose glyphs hold every text (platform/fonts.h: FontGlyphs).
        const float line = t.fonts.body->FontSize * 1.25f;
        const int lines = static_cast<int>((room.Max.y - y - t.px(16)) / line);
        if (lines > 0)
            draw_text(f.draw, t.fonts.body, ImVec2(text.Min.x, y + t.px(16)), t.text,
                      clamp_lines(t.fonts.body, county.blurb.in(f.lang), text.GetWidth(), lines), text.GetWidth());
        return true;
    }

    void draw_header(FrameContext& f, const County& county, float bottom) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float x = f.origin.x + t.margin();
        const float width = f.size.x - 2 * t.margin();
        float y = f.origin.y + t.px(24);
        const std::string count = product_count_text(static_cast<std::int64_t>(products_.size()), f.lang);
        const float count_w = text_size(t.fonts.body, count).x;
        // 在哪 / Where? at the right end of the title row, when the venue map has the county's booth.
        const Area* booth = county_area(f.feed, county);
        const float where_w = booth ? where_button_width(f) + t.px(24) : 0;
        const float title_h = draw_text(dl, t.fonts.title, ImVec2(x, y), t.text,
                                        fit_line(t.fonts.title, county.name.in(f.lang), width - count_w - where_w - t.px(32)));
        if (booth) draw_where_button(f, ImVec2(x + width - where_w + t.px(24), y + (title_h - t.px(72)) * 0.5f), t.px(72), *booth);
        // The count sits on the title's baseline, at the right.
        draw_text(dl, t.fonts.body, ImVec2(x + width - where_w - count_w, y + title_h - t.fonts.body->FontSize - t.px(6)),
                  t.text_muted, count);
        y += title_h + t.px(10);
        const float line = t.fonts.body->FontSize;
        const int lines = std::max(1, static_cast<int>((bottom - t.px(20) - y) / line));
        draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, clamp_lines(t.fonts.body, county.blurb.in(f.lang), width, lines));
    }

    // The county's products, listed once per feed snapshot rather than every frame.
    void list_products(const Feed& feed) {
        if (&feed == listed_feed_ && feed.products.data() == listed_products_) return;
        products_ = feed.products_of(county_id_);
        listed_feed_ = &feed;
        listed_products_ = feed.products.data();
    }

    std::string county_id_;
    ScrollArea scroll_;
    std::vector<const Product*> products_;
    const Feed* listed_feed_ = nullptr;
    const Product* listed_products_ = nullptr;
};

} // namespace

std::unique_ptr<Screen> make_county_screen() { return std::make_unique<CountyScreen>(); }

} // namespace kiosk
