#include "screens/catalogue_parts.h"

#include "feed/number_format.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

bool is_portrait(ImVec2 size) { return size.y > size.x; }

constexpr float kCountyPicture = 0.56f, kProductPicture = 0.62f;   // a picture's height for its width, landscape
constexpr float kTallestPicture = 1.0f;                            // portrait pictures grow up to square

// A line of `font`: its size, or (no fonts yet: layout tests) `at_1080p` scaled as the fonts are built.
float line_height(const Theme& t, const ImFont* font, float at_1080p) { return font ? font->FontSize : t.px(at_1080p); }

// The texts under a card's picture: a county's name and count; a product's two name lines and price. From the
// fonts in use: the accessible mode's are 1.5× (issue 19: the name's second line ran into the price).
float county_text_height(const Theme& t) {
    return t.px(16) + line_height(t, t.fonts.heading, 40) + t.px(6) + line_height(t, t.fonts.body, 28) + t.px(18);
}
float product_text_height(const Theme& t) {
    return t.px(14) + 2 * line_height(t, t.fonts.body, 28) + t.px(10) + line_height(t, t.fonts.heading, 40) + t.px(16);
}

// [Issue 19] Portrait: the fewest columns (two or more) whose rows all fit the viewport at the
// landscape picture shape, the pictures then grown (up to square) until the rows fill it; when
// none fits, the most columns of at least `min_w`, scrolling as in landscape.
CardGrid portrait_grid(const ImRect& view, int count, float min_w, float gap, float picture, float text_h) {
    const int most = grid_columns(view.GetWidth(), min_w, gap, 2);
    for (int columns = 2; columns <= most && count > 0; ++columns) {
        const CardGrid g = make_card_grid(view, count, columns, gap, picture, text_h);
        if (g.content_height() > view.GetHeight()) continue;
        const int rows = g.rows();
        const float fill = (view.GetHeight() - 2 * g.pad_top - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
        const float grown = std::clamp(std::floor(fill - text_h) / g.card.x, picture, kTallestPicture);
        return make_card_grid(view, count, columns, gap, grown, text_h);
    }
    return make_card_grid(view, count, most, gap, picture, text_h);
}

// The picture's share of a card's width: the landscape constant, or what a portrait card leaves above its text.
float picture_ratio(const CardGrid& grid, ImVec2 size, float landscape, float text_h) {
    if (!is_portrait(size) || grid.card.x <= 0 || grid.card.y <= std::round(grid.card.x * landscape + text_h)) return landscape;
    return (grid.card.y - text_h) / grid.card.x;
}

// The grid's viewport: the full width within the margins, from `header` below the top to the bottom.
ImRect grid_viewport(const Theme& t, ImVec2 origin, ImVec2 size, float header) {
    return ImRect(ImVec2(origin.x + t.margin(), origin.y + header),
                  ImVec2(origin.x + size.x - t.margin(), origin.y + size.y));
}

} // namespace

// Heading (title font) and a one-line hint; the fonts are t.px(60) and t.px(28) tall.
CardGrid county_tile_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count, float header) {
    if (header < 0) header = t.px(24 + 60 + 8 + 28 + 20);
    const ImRect view = grid_viewport(t, origin, size, header);
    const float gap = t.px(24);
    if (is_portrait(size)) return portrait_grid(view, count, t.px(320), gap, kCountyPicture, county_text_height(t));
    const int columns = grid_columns(view.GetWidth(), t.px(320), gap, 2);
    return make_card_grid(view, count, columns, gap, kCountyPicture, county_text_height(t));
}

float county_tile_picture_ratio(const Theme& t, const CardGrid& grid, ImVec2 size) {
    return picture_ratio(grid, size, kCountyPicture, county_text_height(t));
}

// The county's name (title font) and its blurb: two body lines, three in portrait.
CardGrid product_card_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count, float header) {
    const int blurb_lines = is_portrait(size) ? 3 : 2;
    if (header < 0) header = t.px(24 + 60 + 10 + 20) + blurb_lines * t.px(28);
    const ImRect view = grid_viewport(t, origin, size, header);
    const float gap = t.px(24);
    if (is_portrait(size)) return portrait_grid(view, count, t.px(300), gap, kProductPicture, product_text_height(t));
    const int columns = grid_columns(view.GetWidth(), t.px(300), gap, 2);
    return make_card_grid(view, count, columns, gap, kProductPicture, product_text_height(t));
}

float product_card_picture_ratio(const Theme& t, const CardGrid& grid, ImVec2 size) {
    return picture_ratio(grid, size, kProductPicture, product_text_height(t));
}

bool draw_picture_card(ImDrawList* dl, const Theme& t, TouchInput& touch, ImageDemand* images, const ImRect& card,
                       float picture_ratio, const std::string& url, std::string_view id, std::string_view name, ImRect& picture) {
    const bool tapped = touch_card(dl, t, touch, card, id);
    const float border = std::max(1.0f, t.px(1.5f));
    picture = ImRect(ImVec2(card.Min.x + border, card.Min.y + border),
                     ImVec2(card.Max.x - border, card.Min.y + std::round(card.GetWidth() * picture_ratio)));
    draw_image(dl, t, images, url, picture, ImagePlaceholder{id, name}, t.rounding() - border, ImDrawFlags_RoundCornersTop);
    return tapped;
}

bool draw_product_card(FrameContext& f, const Product& p, const ImRect& r, float picture_ratio) {
    const Theme& t = f.theme;
    ImDrawList* dl = f.draw;
    const std::string& name = p.name.in(f.lang);
    ImRect image;
    const bool tapped = draw_picture_card(dl, t, f.touch, f.images, r, picture_ratio, p.image, p.id, name, image);
    if (p.sold_out)   // washed out: still visible, clearly not on offer
        dl->AddRectFilled(image.Min, image.Max, IM_COL32(255, 255, 255, 130), t.rounding() - std::max(1.0f, t.px(1.5f)),
                          ImDrawFlags_RoundCornersTop);
    const float pad = t.px(16);
    draw_product_badges(dl, t, p, f.lang, ImVec2(image.Min.x + t.px(12), image.Min.y + t.px(12)),
                        image.GetWidth() - t.px(24), 1);

    const float text_w = r.GetWidth() - 2 * pad;
    draw_text(dl, t.fonts.body, ImVec2(r.Min.x + pad, image.Max.y + t.px(14)), t.text,
              clamp_lines(t.fonts.body, name, text_w, 2));

    // Price, then "/unit" smaller, sharing the bottom line of the card.
    const std::string price = format_money_fen(p.price_fen);
    const float price_y = r.Max.y - t.px(16) - t.fonts.heading->FontSize;
    const float price_w = text_size(t.fonts.heading, price).x;
    draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + pad, price_y), p.sold_out ? t.text_muted : t.bar, price);
    if (!p.unit.empty()) {
        const float unit_x = r.Min.x + pad + price_w + t.px(4);
        const std::string unit = fit_line(t.fonts.body, "/" + p.unit.in(f.lang), r.Max.x - pad - unit_x);
        draw_text(dl, t.fonts.body, ImVec2(unit_x, price_y + t.fonts.heading->FontSize - t.fonts.body->FontSize - t.px(4)),
                  t.text_muted, unit);
    }
    return tapped;
}

float product_card_text_height(const Theme& t) { return product_text_height(t); }

std::string product_count_text(std::int64_t n, Lang lang) {
    if (n == 1) return ui_text("one_product", lang);
    std::string text = ui_text("n_products", lang);
    const auto at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, format_count(n, lang));
    return text;
}

float draw_product_badges(ImDrawList* dl, const Theme& t, const Product& p, Lang lang, ImVec2 pos, float max_width,
                          int max_rows) {
    struct Badge { std::string_view text; ImU32 fill, color; };
    std::vector<Badge> badges;
    if (p.sold_out) badges.push_back({ui_text("badge_sold_out", lang), IM_COL32(70, 62, 60, 235), IM_COL32_WHITE});
    if (p.featured) badges.push_back({ui_text("badge_featured", lang), t.accent, IM_COL32_WHITE});
    for (const LocalizedText& tag : p.tags)
        if (!tag.empty()) badges.push_back({tag.in(lang), t.highlight, t.warning});
    if (badges.empty()) return 0;

    // The same metrics draw_badge uses: body text, 10 px padding each side, 4 px taller than the text.
    const float pad = t.px(10), spacing = t.px(8);
    const float height = t.fonts.body->FontSize + t.px(4);
    float x = pos.x, y = pos.y;
    int row = 0;
    for (const Badge& b : badges) {
        const float w = text_size(t.fonts.body, b.text).x + 2 * pad;
        if (w > max_width) continue;
        if (x > pos.x && x + w > pos.x + max_width) {   // start a new row, if allowed
            if (row + 1 >= max_rows) continue;          // a shorter badge may still fit this row
            ++row;
            x = pos.x;
            y += height + spacing;
        }
        x += draw_badge(dl, t, ImVec2(x, y), b.text, b.fill, b.color) + spacing;
    }
    return (row + 1) * height + row * spacing;
}

} // namespace kiosk
