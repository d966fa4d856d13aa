// Feed pictures (county and product images). Screens always call draw_image;
// until the image pipeline has registered a texture for a URL, draw_image
// draws a placeholder tile instead, so screens need no change when pictures arrive.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

#include <string>
#include <string_view>

namespace kiosk {

// What a picture stands for, for its placeholder: a colour chosen by `key`
// (the same every run) behind the first character of `label`, large.
struct ImagePlaceholder {
    std::string_view key;     // e.g. the county or product id
    std::string_view label;   // e.g. its name in the visitor's language
};

// The image pipeline's entry point (UI thread): `url` is now shown as
// `texture`, a picture of `size` pixels. A null texture forgets the URL.
void set_image_texture(const std::string& url, ImTextureID texture, ImVec2 size);
void clear_image_textures();

// Told of every picture draw_image draws, with the size it is drawn at, so the
// image pipeline knows what to load and what is in use (UI thread). Screens
// get it through FrameContext::images.
class ImageDemand {
public:
    virtual ~ImageDemand() = default;
    virtual void drawn(const std::string& url, float width, float height) = 0;
};

// Draws `url`'s picture cover-fitted into `r` (cropped, never stretched), or
// the placeholder when it has no texture, and tells `demand` (null: nobody
// listens) that it was drawn. True when the picture itself was drawn.
bool draw_image(ImDrawList* dl, const Theme& theme, ImageDemand* demand, const std::string& url, const ImRect& r,
                const ImagePlaceholder& placeholder, float rounding = 0.0f,
                ImDrawFlags corners = ImDrawFlags_RoundCornersAll);

// The placeholder's background colour for `key`.
ImU32 placeholder_color(std::string_view key);

} // namespace kiosk
