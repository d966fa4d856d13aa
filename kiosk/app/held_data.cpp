#include "app/held_data.h"

#include <imgui_internal.h>   // ImTextCharFromUtf8

namespace kiosk {

namespace {

bool font_holds(const ImFont* font, const std::string& utf8) {
    for (const char* s = utf8.c_str(); *s;) {
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, nullptr);
        if (c < 0x20) continue;   // line breaks: laid out, never drawn
        if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

} // namespace

bool fonts_hold(const FontSet& fonts, const LocalizedText& text) {
    // Title size holds the display glyphs (names, announcements); the body size holds them all.
    for (const ImFont* font : {fonts.zh.title, fonts.en.title})
        if (!font_holds(font, text.zh) || !font_holds(font, text.en)) return false;
    return true;
}

bool fonts_hold_platform_names(const FontSet& fonts, const LiveStats& live) {
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms)
            if (!fonts_hold(fonts, p.name)) return false;
    return true;
}

bool fonts_hold_announcements(const FontSet& fonts, const std::vector<Announcement>& list) {
    for (const Announcement& a : list)
        if (!fonts_hold(fonts, a.text)) return false;
    return true;
}

} // namespace kiosk
