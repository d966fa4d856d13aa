// What the catalogue, county and product screens share: where their card grids
// go (from the area below the top bar alone, no fonts, so tests can tap a card
// by position), the product-count caption and the product badges.
#pragma once

#include "feed/model.h"
#include "screens/screen.h"
#include "widgets/card_grid.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <string>
#include <string_view>

namespace kiosk {

class ImageDemand;   // image_view.h

// The catalogue's county tiles, below its heading. In portrait (issue 19) the fewest columns
// whose rows all fit, the tiles grown taller to fill the height; scrolling when none fit. `header`: the
// height over the grid; kOwnHeader for the screen's heading (in the accessible mode the heading goes above
// the reach band and the grid takes the band).
inline constexpr float kOwnHeader = -1;
CardGrid county_tile_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count, float header = kOwnHeader);
// A county's product cards, below the county's name and blurb; in portrait as the county tiles.
CardGrid product_card_grid(const Theme& t, ImVec2 origin, ImVec2 size, int count, float header = kOwnHeader);

// The picture's height for its width on the grid's cards at the screen's `size`: 0.56 for a
// county and 0.62 for a product in landscape; in portrait what a grown card leaves above its text.
float county_tile_picture_ratio(const Theme& t, const CardGrid& grid, ImVec2 size);
float product_card_picture_ratio(const Theme& t, const CardGrid& grid, ImVec2 size);

// A tappable card with its picture (or placeholder) across the top, inside the
// border: `picture_ratio` of the card's width high. True when tapped; `picture`
// gets the picture's rectangle, for what is drawn over it; `images` is told it was drawn.
bool draw_picture_card(ImDrawList* dl, const Theme& t, TouchInput& touch, ImageDemand* images, const ImRect& card,
                       float picture_ratio, const std::string& url, std::string_view id, std::string_view name, ImRect& picture);

// A product's card as a county page shows it: picture (`picture_ratio` of the width high), badges,
// two lines of name, price and unit. True when tapped.
bool draw_product_card(FrameContext& f, const Product& p, const ImRect& r, float picture_ratio);
// The height of a product card's text under its picture (name lines, price, paddings).
float product_card_text_height(const Theme& t);

// "12 件商品" / "12 products" / "1 product".
std::string product_count_text(std::int64_t n, Lang lang);

// 售罄, 精选 and the product's tags as badges from `pos`, wrapping within
// `max_width` to at most `max_rows` rows; badges that do not fit are left out.
// Returns the height used (0 when there are none).
float draw_product_badges(ImDrawList* dl, const Theme& t, const Product& p, Lang lang, ImVec2 pos, float max_width,
                          int max_rows);

} // namespace kiosk
