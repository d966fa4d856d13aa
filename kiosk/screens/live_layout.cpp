#include "screens/live_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

LivePanels landscape_panels(const Theme& t, const ImRect& area, const LivePanelNeeds& n) {
    const float gap = t.px(24), x = area.Min.x, y = area.Min.y, width = area.GetWidth(), bottom = area.Max.y;
    const float avail = std::max(0.0f, bottom - y), want = std::max({n.platforms, n.counties, n.top});
    // Lists get the height their rows want; the trend takes the rest (at least a readable strip,
    // as tall as the on-air card when there is room). A list is never squeezed below two rows: on a
    // short area the card moves to the right third (the top products go), then goes, then the trend, then the lists.
    // The on-air card (its QR code to order) is worth fewer list rows: the lists give way down to
    // two rows before the card is left out.
    const float with_card = avail - gap - std::max(t.px(200), n.on_air);
    float row_h = std::min(want, with_card);
    if (row_h < n.two_rows && with_card >= std::min(want, n.two_rows)) row_h = std::min(want, n.two_rows);
    const float w = (width - 2 * gap) / 3;
    if (row_h < n.two_rows && n.on_air > 0 && avail >= n.on_air && avail >= n.two_rows + gap + t.px(200)) {
        // Too short for the card under the lists: the card takes the right third at full height in place
        // of the top products; platforms and counties above the trend in the other two thirds.
        LivePanels p;
        const float h = std::min(want, avail - gap - t.px(200)), right = x + 2 * w + gap;
        p.platforms = ImRect(ImVec2(x, y), ImVec2(x + w, y + h));
        p.counties = ImRect(ImVec2(x + w + gap, y), ImVec2(right, y + h));
        p.trend = ImRect(ImVec2(x, y + h + gap), ImVec2(right, bottom));
        p.on_air = ImRect(ImVec2(right + gap, y), ImVec2(x + width, bottom));
        return p;
    }
    if (row_h < n.two_rows) row_h = std::min(want, avail - gap - t.px(200));
    bool below = true;   // the trend (and the on-air card) below the lists
    if (row_h < n.two_rows) {
        row_h = avail >= n.two_rows ? std::min(want, avail) : 0.0f;
        below = avail - row_h - (row_h > 0 ? gap : 0.0f) >= t.px(200);
    }
    const float y2 = row_h > 0 ? y + row_h + gap : y;
    LivePanels p;
    if (row_h > 0) {
        p.platforms = ImRect(ImVec2(x, y), ImVec2(x + w, y + row_h));
        p.counties = ImRect(ImVec2(x + w + gap, y), ImVec2(x + 2 * w + gap, y + row_h));
        p.top = ImRect(ImVec2(x + 2 * (w + gap), y), ImVec2(x + width, y + row_h));
    }
    if (!below) return p;
    // The on-air card beside the trend, a third of the width, when a readable card fits (on_air_part.h).
    float trend_right = x + width;
    const float on_air_x = x + 2 * (w + gap);
    if (n.on_air > 0 && bottom - y2 >= std::max(n.on_air, t.px(120))) {   // the whole card, never cut
        p.on_air = ImRect(ImVec2(on_air_x, y2), ImVec2(x + width, bottom));
        trend_right = on_air_x - gap;
    }
    p.trend = ImRect(ImVec2(x, y2), ImVec2(trend_right, bottom));
    return p;
}

LivePanels short_portrait_panels(const Theme& t, const ImRect& area, const float want[2], const float floors[2]) {
    const float gap = t.px(24), x = area.Min.x, width = area.GetWidth(), half = (width - gap) / 2;
    LivePanels p;
    float y = area.Min.y;
    if (area.Max.y - y >= floors[0]) {
        const float h = std::min(want[0], area.Max.y - y - (area.Max.y - y >= floors[0] + gap + floors[1] ? gap + floors[1] : 0.0f));
        p.platforms = ImRect(ImVec2(x, y), ImVec2(x + half, y + h));
        p.counties = ImRect(ImVec2(x + half + gap, y), ImVec2(x + width, y + h));
        y += h + gap;
    }
    if (area.Max.y - y >= floors[1]) p.top = ImRect(ImVec2(x, y), ImVec2(x + width, y + std::min(want[1], area.Max.y - y)));
    return p;
}

LivePanels portrait_panels(const Theme& t, const ImRect& area, const LivePanelNeeds& n) {
    const float gap = t.px(24), x = area.Min.x, width = area.GetWidth(), bottom = area.Max.y;
    const float left = area.GetHeight();
    const float want[2] = {std::max(n.platforms, n.counties), n.top};
    const float floors[2] = {std::min(want[0], n.two_rows), std::min(want[1], n.two_rows)};
    const float lists_want = want[0] + want[1] + gap, lists_floor = floors[0] + floors[1] + gap;
    const float trend_want = std::max(t.px(220), std::round(width * 0.6f));
    // A short area (the accessible mode's big type under its strip): no trend, and only the lists
    // that fit at two rows, never squeezed below them or past the area.
    if (left < lists_floor + gap + t.px(220)) return short_portrait_panels(t, area, want, floors);
    // The on-air card only when the trend keeps a readable strip beside the squeezed lists.
    float on_air_block = n.on_air > 0 ? n.on_air + gap : 0.0f;
    if (left - lists_floor - gap - on_air_block < t.px(220)) on_air_block = 0;
    // The lists shrink (each to two rows) before the trend goes below its wanted height.
    const float room = std::clamp(left - gap - on_air_block - trend_want, lists_floor, lists_want);
    const float share = lists_want > lists_floor ? (room - lists_floor) / (lists_want - lists_floor) : 1.0f;
    float h[2];
    for (int i = 0; i < 2; ++i) h[i] = std::floor(floors[i] + (want[i] - floors[i]) * std::min(1.0f, share));

    LivePanels p;
    float y = area.Min.y;
    const float half = (width - gap) / 2;
    p.platforms = ImRect(ImVec2(x, y), ImVec2(x + half, y + h[0]));
    p.counties = ImRect(ImVec2(x + half + gap, y), ImVec2(x + width, y + h[0]));
    y += h[0] + gap;
    p.top = ImRect(ImVec2(x, y), ImVec2(x + width, y + h[1]));
    y += h[1] + gap;
    if (on_air_block > 0) {
        p.on_air = ImRect(ImVec2(x, y), ImVec2(x + width, y + n.on_air));
        y += on_air_block;
    }
    p.trend = ImRect(ImVec2(x, std::min(y, bottom)), ImVec2(x + width, bottom));
    return p;
}

// [Issue 19] The trend drawn elsewhere: the lists in a row at the height they want, the card in the right third.
LivePanels lists_only_panels(const Theme& t, const ImRect& area, const LivePanelNeeds& n) {
    const float gap = t.px(24), x = area.Min.x, y = area.Min.y, width = area.GetWidth(), avail = area.GetHeight();
    const float w = (width - 2 * gap) / 3, right = x + 2 * (w + gap);
    const bool card = n.on_air > 0 && avail >= n.on_air;
    LivePanels p;
    if (card && w < t.px(420)) {   // narrow (a portrait panel's band): the card the right half, the two lists stacked left
        const float half = std::round((width - gap) / 2), list_h = std::floor((avail - gap) / 2);
        if (list_h >= n.two_rows) {
            p.platforms = ImRect(ImVec2(x, y), ImVec2(x + half, y + std::min(list_h, n.platforms)));
            p.counties = ImRect(ImVec2(x, p.platforms.Max.y + gap), ImVec2(x + half, p.platforms.Max.y + gap + std::min(list_h, n.counties)));
        }
        p.on_air = ImRect(ImVec2(x + half + gap, y), ImVec2(x + width, area.Max.y));
        return p;
    }
    const float h = std::min(avail, std::max({n.platforms, n.counties, card ? 0.0f : n.top}));
    if (h >= n.two_rows) {
        p.platforms = ImRect(ImVec2(x, y), ImVec2(x + w, y + h));
        p.counties = ImRect(ImVec2(x + w + gap, y), ImVec2(right - gap, y + h));
        if (!card) p.top = ImRect(ImVec2(right, y), ImVec2(x + width, y + h));
    }
    if (card) p.on_air = ImRect(ImVec2(right, y), ImVec2(x + width, area.Max.y));
    return p;
}

} // namespace

float live_on_air_width(const Theme& t, float width, bool portrait) { return portrait ? width : (width - 2 * t.px(24)) / 3; }

LivePanels live_panels(const Theme& t, const ImRect& area, bool portrait, const LivePanelNeeds& needs) {
    if (!needs.trend) return lists_only_panels(t, area, needs);
    return portrait ? portrait_panels(t, area, needs) : landscape_panels(t, area, needs);
}

} // namespace kiosk
