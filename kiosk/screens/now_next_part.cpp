#include "screens/now_next_part.h"

#include "feed/schedule_changes.h"
#include "screens/session_text.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// One session's card: its badge and countdown, its title as large as fits, time and place, then its description.
void draw_session_card(FrameContext& f, const ImRect& r, const Session& s, bool running) {
    const Theme& t = f.theme;
    ImDrawList* dl = f.draw;
    const ImRect in = draw_card_panel(dl, t, r, 24);
    const float w = in.GetWidth();
    float y = in.Min.y;
    // 进行中 还剩 25 分钟 / 即将开始 starts in 1 h 5 min
    const float badge_w = draw_badge(dl, t, ImVec2(in.Min.x, y), ui_text(running ? "session_running" : "up_next", f.lang),
                                     running ? t.live : t.accent, IM_COL32_WHITE);
    const std::string when = running ? time_left_text(s, f.now_unix, f.lang) : starts_in_text(s, f.zone, f.now_unix, f.lang);
    const float when_x = in.Min.x + badge_w + t.px(16);
    draw_text(dl, t.fonts.heading, ImVec2(when_x, y + (t.fonts.body->FontSize + t.px(4) - t.fonts.heading->FontSize) * 0.5f),
              running ? t.live : t.text, fit_line(t.fonts.heading, when, in.Max.x - when_x));
    y += std::max(t.fonts.body->FontSize + t.px(4), t.fonts.heading->FontSize) + t.px(12);
    // The title: up to three lines of the title font where the card leaves room for the time line under them; on a
    // short card (landscape) with room for one line only, the heading font (up to two lines) when one would cut it.
    const std::string& title = s.title.in(f.lang);
    const float room = in.Max.y - y - t.fonts.heading->FontSize - t.px(12);
    const int title_lines = std::clamp(static_cast<int>(room / t.fonts.title->FontSize), 1, 3);
    ImFont* font = t.fonts.title;
    int lines = title_lines;
    if (title_lines == 1 && text_size(font, title).x > w && in.Max.y - y >= 2 * t.fonts.heading->FontSize * 1.2f)
        font = t.fonts.heading, lines = 2;
    y += draw_text(dl, font, ImVec2(in.Min.x, y), t.text, clamp_lines(font, title, w, lines), w);
    y += t.px(8);
    std::string place = time_range(s, f.zone);
    if (!s.location.in(f.lang).empty()) place += "  ·  " + s.location.in(f.lang);
    if (y + t.fonts.heading->FontSize > in.Max.y) return;
    y += draw_text(dl, t.fonts.heading, ImVec2(in.Min.x, y), t.text_muted, fit_line(t.fonts.heading, place, w)) + t.px(12);
    // The description in the body font: the one whose glyphs hold every text (platform/fonts.h: FontGlyphs).
    const int about_lines = static_cast<int>((in.Max.y - y) / (t.fonts.body->FontSize * 1.25f));
    if (about_lines > 0 && !s.description.in(f.lang).empty())
        draw_text(dl, t.fonts.body, ImVec2(in.Min.x, y), t.text, clamp_lines(t.fonts.body, s.description.in(f.lang), w, about_lines), w);
}

} // namespace

NowAndNext now_and_next(const Feed& feed, std::int64_t now_unix) {
    NowAndNext out;
    for (const Session& s : feed.schedule) {
        if (!out.now && session_running(s, now_unix)) out.now = &s;
        if (session_upcoming(s, now_unix) && (!out.next || s.start.unix_seconds < out.next->start.unix_seconds)) out.next = &s;
    }
    return out;
}

void draw_now_and_next(FrameContext& f, const ImRect& r, const NowAndNext& sessions) {
    if (sessions.empty()) return;
    const float gap = f.theme.px(24);
    const bool both = sessions.now && sessions.next;
    const bool side_by_side = r.GetWidth() > r.GetHeight() * 2;
    ImRect first = r, second = r;
    if (both && side_by_side) {
        first.Max.x = std::round(r.Min.x + (r.GetWidth() - gap) * 0.5f);
        second.Min.x = first.Max.x + gap;
    } else if (both) {
        first.Max.y = std::round(r.Min.y + (r.GetHeight() - gap) * 0.5f);
        second.Min.y = first.Max.y + gap;
    }
    if (sessions.now) draw_session_card(f, first, *sessions.now, true);
    if (sessions.next) draw_session_card(f, sessions.now ? second : first, *sessions.next, false);
}

} // namespace kiosk
