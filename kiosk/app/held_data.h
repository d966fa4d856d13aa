// [Issue 17] New data whose characters the installed font atlas may lack waits
// here, off screen, while a worker collects its glyphs and builds an atlas with
// them: the old data stays on screen, fully drawn, and the new comes in the same
// frame as the atlas that draws it (no fallback boxes in between).
#pragma once

#include "feed/announcements.h"
#include "feed/model.h"
#include "platform/fonts.h"
#include "search/indexed_feed.h"

#include <memory>
#include <optional>
#include <vector>

namespace kiosk {

// The newest of each kind taken from the sources and not shown yet; null/empty: nothing held of it.
struct HeldData {
    std::optional<IndexedFeed> feed;
    std::shared_ptr<const LiveStats> live;                             // the live document
    std::shared_ptr<const std::vector<Announcement>> announcements;   // the announcements document
    bool empty() const { return !feed && !live && !announcements; }
};

// The UI thread's quick check for small texts (platform names, announcements): whether both
// languages' display fonts hold every character of them (empty texts need none; before any fonts
// are set, no other).
bool fonts_hold(const FontSet& fonts, const LocalizedText& text);
bool fonts_hold_platform_names(const FontSet& fonts, const LiveStats& live);
bool fonts_hold_announcements(const FontSet& fonts, const std::vector<Announcement>& list);

} // namespace kiosk
