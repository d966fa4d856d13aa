#include "screens/catalogue_parts.h"

#include "feed/number_format.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>

namespace kiosk {

namespace {

bool is_portrait(ImVec2 size) { return size.y > size.x; }

// The grid's viewport: the full width within the margins, from `header` below the top to the bottom.
ImRect grid_viewport(const Theme& t, ImVec2 origin, ImVec2 size, float header) {
    return ImRect(ImVec2(origin.x + t.margin(), origin.y + header),
                  ImVec2(origin.x + size.x - t.margin(), origin.y + size.y));
}

} // namespace

// Heading (title font) and a one-line hint; the fonts are t.px(60) and t.px(28) tall.
CardGrid county_tile_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count) {
    const float header = t.px(24 + 60 + 8 + 28 + 20);
    const ImRect view = grid_viewport(t, origin, size, header);
    const float gap = t.px(24);
    const int columns = grid_columns(view.GetWidth(), t.px(320), gap, 2);
    return make_card_grid(view, count, columns, gap, 0.56f, t.px(16 + 40 + 6 + 28 + 18));
}

// The county's name (title font) and its blurb: two body lines, three in portrait.
CardGrid product_card_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count) {
    const int blurb_lines = is_portrait(size) ? 3 : 2;
    const float header = t.px(24 + 60 + 10 + 20) + blurb_lines * t.px(28);
    const ImRect view = grid_viewport(t, origin, size, header);
    const float gap = t.px(24);
    const int columns = grid_columns(view.GetWidth(), t.px(300), gap, 2);
    return make_card_grid(view, count, columns, gap, 0.62f, t.px(14 + 2 * 28 + 10 + 40 + 16));
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
