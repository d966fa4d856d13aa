// Announcements on the visitor screens (feed/announcements.h): info and notice
// as banners along the bottom, an emergency as a full-screen, high-contrast
// takeover in both languages. Draws only; the app decides which are shown.
#pragma once

#include "feed/announcements.h"
#include "widgets/theme.h"

#include <imgui.h>

#include <cstddef>
#include <vector>

namespace kiosk {

// How many banners show at most; more wait until one ends.
inline constexpr std::size_t kMaxBanners = 2;

// The height the banners for `count` announcements take (0 for none).
float announcement_banners_height(const Theme& theme, std::size_t count);

// The first kMaxBanners of `banners` stacked upwards from the bottom of the display, in
// `lang` (falling back to Chinese), each marked 通知 / Notice or 提示 / Info.
void draw_announcement_banners(ImDrawList* dl, const Theme& theme, Lang lang, ImVec2 display,
                               const std::vector<const Announcement*>& banners);

// The whole display: the emergency's Chinese and English text, white on deep red, under 紧急通知 EMERGENCY.
void draw_announcement_takeover(ImDrawList* dl, const Theme& theme, ImVec2 display, const Announcement& emergency);

} // namespace kiosk
