// County catalogue: every county as a large tile (picture, name, how many
// products), in a grid that scrolls by drag. A tap opens the county.
#include "screens/screens.h"

#include "screens/above_part.h"
#include "screens/catalogue_parts.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <unordered_map>

namespace kiosk {

namespace {

class CatalogueScreen final : public Screen {
public:
    void enter(const Route&) override {
        scroll_.scroll_to(scroll_.offset());   // a fling left running stops; the place is kept for Back
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        count_products(f.feed);

        // [Issue 19] In the accessible mode the heading goes above the reach band, with the counts; the band keeps the tiles.
        const bool above = draw_above(f);
        if (!above) {
            const float x = f.origin.x + t.margin();
            const float width = f.size.x - 2 * t.margin();
            float y = f.origin.y + t.px(24);
            y += draw_text(dl, t.fonts.title, ImVec2(x, y), t.text, fit_line(t.fonts.title, ui_text("catalogue", f.lang), width));
            y += t.px(8);
            draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, fit_line(t.fonts.body, ui_text("choose_county", f.lang), width));
        }

        const CardGrid grid = county_tile_grid(t, f.origin, f.size, static_cast<int>(f.feed.counties.size()),
                                               above ? t.px(16) : kOwnHeader);
        scroll_.update(f.touch, grid.viewport, grid.content_height(), f.now);
        dl->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
        const auto [first, last] = grid.visible(scroll_.offset());
        for (int i = first; i < last; ++i) {
            const County& county = f.feed.counties[static_cast<std::size_t>(i)];
            if (draw_tile(f, county, grid.rect(i, scroll_.offset()), county_tile_picture_ratio(t, grid, f.size)) &&
                grid.viewport.Contains(f.touch.press_position()))
                f.nav.go(Route{ScreenId::county, county.id});
        }
        dl->PopClipRect();
    }

    double seconds_until_change(std::int64_t, double) const override { return scroll_.animating() ? 0 : kNoChange; }

private:
    // [Issue 19] The heading, how many counties and products, and what to do, above the reach band. False: no room.
    bool draw_above(FrameContext& f) {
        const Theme& t = f.theme;
        const ImRect room = above_room(f, t.px(120));
        if (room.GetWidth() <= 0) return false;
        AboveScope scope(f);
        const std::string counts = ui_text_n("n_counties", f.lang, std::to_string(f.feed.counties.size())) + "  ·  " +
                                   product_count_text(static_cast<std::int64_t>(f.feed.products.size()), f.lang);
        const float y = draw_above_heading(f, room, ui_text("catalogue", f.lang), {counts, ui_text("choose_county", f.lang)});
        draw_county_counts(f, ImRect(ImVec2(room.Min.x, y + t.px(32)), room.Max));
        return true;
    }

    // Where the room above the band is tall (portrait): every county with its product count, in two columns,
    // when they all fit (a list cut short would hide counties).
    void draw_county_counts(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImFont* font = t.fonts.heading;
        const float step = font->FontSize + t.px(20), gap = t.px(48);
        const int rows = (static_cast<int>(f.feed.counties.size()) + 1) / 2;
        if (rows == 0 || static_cast<float>(rows) * step > r.GetHeight()) return;
        const float col_w = (r.GetWidth() - gap) / 2;
        for (std::size_t i = 0; i < f.feed.counties.size(); ++i) {
            const County& county = f.feed.counties[i];
            const auto it = counts_.find(county.id);
            const std::string n = std::to_string(it == counts_.end() ? 0 : it->second);
            const float x = r.Min.x + static_cast<float>(i % 2) * (col_w + gap), y = r.Min.y + static_cast<float>(i / 2) * step;
            const float n_w = text_size(font, n).x;
            draw_text(f.draw, font, ImVec2(x, y), t.text, fit_line(font, county.name.in(f.lang), col_w - n_w - t.px(24)));
            draw_text(f.draw, font, ImVec2(x + col_w - n_w, y), t.text_muted, n);
            f.draw->AddLine(ImVec2(x, y + step - t.px(10)), ImVec2(x + col_w, y + step - t.px(10)), t.card_border, std::max(1.0f, t.px(1)));
        }
    }

    // True when tapped.
    bool draw_tile(FrameContext& f, const County& county, const ImRect& r, float picture_ratio) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const std::string& name = county.name.in(f.lang);
        ImRect image;
        const bool tapped = draw_picture_card(dl, t, f.touch, f.images, r, picture_ratio, county.image, county.id, name, image);

        const float pad = t.px(16);
        const float text_w = r.GetWidth() - 2 * pad;
        float y = image.Max.y + t.px(16);
        y += draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + pad, y), t.text, fit_line(t.fonts.heading, name, text_w));
        y += t.px(6);
        const auto it = counts_.find(county.id);
        const std::int64_t n = it == counts_.end() ? 0 : it->second;
        draw_text(dl, t.fonts.body, ImVec2(r.Min.x + pad, y), t.text_muted,
                  fit_line(t.fonts.body, n > 0 ? product_count_text(n, f.lang) : ui_text("no_products", f.lang), text_w));
        return tapped;
    }

    // Products per county, counted once per feed snapshot rather than every frame.
    void count_products(const Feed& feed) {
        if (&feed == counted_feed_ && feed.products.data() == counted_products_) return;
        counts_.clear();
        for (const Product& p : feed.products) ++counts_[p.county];
        counted_feed_ = &feed;
        counted_products_ = feed.products.data();
    }

    ScrollArea scroll_;
    std::unordered_map<std::string, std::int64_t> counts_;
    const Feed* counted_feed_ = nullptr;
    const Product* counted_products_ = nullptr;
};

} // namespace

std::unique_ptr<Screen> make_catalogue_screen() { return std::make_unique<CatalogueScreen>(); }

} // namespace kiosk
