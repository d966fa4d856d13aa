// Schedule: a tab per event day, that day's sessions in a drag-scrolled list;
// what runs now shows the time left, what comes next a countdown. Today's
// schedule changes (moved, cancelled) are listed under the tabs, each a tap
// away from its session; the rows mark them with the old time struck through.
// In portrait the day tabs sit at the bottom, in reach, and a short day's rows
// grow to fill the panel with each session's description (schedule_layout.h).
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "screens/above_part.h"
#include "screens/now_next_part.h"
#include "screens/schedule_layout.h"
#include "screens/session_text.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk {

namespace {

constexpr std::int64_t kMaxDays = 31;        // tabs beyond a month would not fit; the validator warns
constexpr double kSameVisitSeconds = 90;     // back within this long: keep the chosen day (the kiosk's idle time)
constexpr int kMaxAboutLines = 6;            // a portrait row's description, when the day leaves room for it

// The event's days; from the sessions when first_day/last_day are unusable.
std::vector<std::int64_t> event_days(const Feed& feed, const TimeZone& zone) {
    std::vector<std::int64_t> days;
    const auto first = parse_date(feed.event.first_day), last = parse_date(feed.event.last_day);
    if (first && last && *first <= *last) {
        for (std::int64_t d = *first; d <= *last && d - *first < kMaxDays; ++d) days.push_back(d);
        return days;
    }
    for (const Session& s : feed.schedule) days.push_back(zone.day_number_at(s.start.unix_seconds));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.size() > static_cast<std::size_t>(kMaxDays)) days.resize(kMaxDays);
    return days;
}

class ScheduleScreen final : public Screen {
public:
    void enter(const Route&) override { entered_ = true; }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const std::vector<std::int64_t> days = event_days(f.feed, f.zone);
        const std::int64_t today = f.zone.day_number_at(f.now_unix);
        const bool day_known = std::find(days.begin(), days.end(), day_) != days.end();
        const bool fresh = entered_ && f.now - last_drawn_ > kSameVisitSeconds;
        if (fresh || !day_known) {
            day_ = std::find(days.begin(), days.end(), today) != days.end() || days.empty() ? today : days.front();
            scroll_to_now_ = true;
        }
        entered_ = false;
        last_drawn_ = f.now;
        note_changes(f);
        // [Issue 19] In the accessible mode what is on now and next, large, above the reach band.
        if (const ImRect above = above_room(f, t.px(160)); above.GetWidth() > 0) {
            const NowAndNext sessions = now_and_next(f.feed, f.now_unix);
            if (!sessions.empty()) {
                AboveScope scope(f);
                draw_now_and_next(f, above, sessions);
            }
        }

        const float m = t.margin();
        const ImRect area(ImVec2(f.origin.x + m, f.origin.y + t.px(24)), ImVec2(f.origin.x + f.size.x - m, f.origin.y + f.size.y));
        const bool portrait = schedule_portrait(f.size);
        const ScheduleTabs tabs = schedule_tabs(t, area, static_cast<int>(days.size()), portrait);
        draw_tabs(f, days, today, tabs);
        if (portrait) {   // the changes at the top, the list between them and the tabs at the bottom
            const float changes_bottom = draw_changes(f, area, area.Min.y - t.px(16));
            const float list_bottom = days.empty() ? area.Max.y : tabs.block.Min.y - t.px(24);
            draw_list(f, ImRect(ImVec2(f.origin.x, changes_bottom + t.px(16)), ImVec2(f.origin.x + f.size.x, list_bottom)), area, true);
            return;
        }
        const float tabs_bottom = draw_changes(f, area, tabs.block.Max.y);
        draw_list(f, ImRect(ImVec2(f.origin.x, tabs_bottom + t.px(16)), ImVec2(f.origin.x + f.size.x, area.Max.y)), area, false);
    }

    double seconds_until_change(std::int64_t now_unix, double) const override {
        if (scroll_.animating()) return 0;
        double wait = kNoChange;
        for (const std::int64_t target : targets_) {
            if (target <= now_unix) return 0;   // a session began or ended since the last frame
            wait = std::min(wait, static_cast<double>(seconds_until_countdown_ticks(target, now_unix)));
        }
        if (next_midnight_ > now_unix) wait = std::min(wait, static_cast<double>(next_midnight_ - now_unix));
        return wait;
    }

private:
    // Remembers when what is drawn will change by itself: a running session
    // ends, the next one starts, the day turns.
    void note_changes(const FrameContext& f) {
        targets_.clear();
        std::int64_t next_start = 0;
        for (const Session& s : f.feed.schedule) {
            if (session_running(s, f.now_unix)) targets_.push_back(s.end.unix_seconds);   // cancelled: neither
            if (session_upcoming(s, f.now_unix) && (next_start == 0 || s.start.unix_seconds < next_start))
                next_start = s.start.unix_seconds;
        }
        next_start_ = next_start;
        if (next_start) targets_.push_back(next_start);
        const LocalTime local = f.zone.to_local(f.now_unix);
        next_midnight_ = f.now_unix + 86400 - (local.hour * 3600 + local.minute * 60 + local.second);
    }

    // Day tabs, wrapping onto more rows when there are many days, where `tabs` puts them.
    void draw_tabs(FrameContext& f, const std::vector<std::int64_t>& days, std::int64_t today, const ScheduleTabs& tabs) {
        const Theme& t = f.theme;
        const float tab_w = tabs.tab_w, tab_h = tabs.tab_h;
        const int n = static_cast<int>(days.size());
        for (int i = 0; i < n; ++i) {
            const ImRect r = tabs.tab(i);
            const bool selected = days[i] == day_;
            const std::string label = format_day_label(days[i], f.lang);
            // The heading size when the label fits, else body size, else two lines.
            const float room = tab_w - t.px(24);
            ImFont* font = text_size(t.fonts.heading, label).x <= room ? t.fonts.heading : t.fonts.body;
            const bool one_line = text_size(font, label).x <= room || label.find(' ') == std::string::npos;
            if (touch_button(f.draw, t, f.touch, r, one_line ? std::string_view(label) : std::string_view(),
                             selected ? ButtonStyle::selected : ButtonStyle::secondary, font)) {
                day_ = days[i];
                scroll_.reset();
            }
            const ImU32 ink = selected ? readable_on(t, t.accent, IM_COL32_WHITE) : t.text;
            if (!one_line) {   // "5月15日" over "周五" when the tab is narrow
                const std::size_t space = label.find(' ');
                const float line_h = font->FontSize * 1.15f;
                const float top = r.Min.y + (tab_h - 2 * line_h) * 0.5f;
                draw_text_centered(f.draw, font, ImRect(ImVec2(r.Min.x, top), ImVec2(r.Max.x, top + line_h)), ink,
                                   label.substr(0, space));
                draw_text_centered(f.draw, font, ImRect(ImVec2(r.Min.x, top + line_h), ImVec2(r.Max.x, top + 2 * line_h)), ink,
                                   label.substr(space + 1));
            }
            if (days[i] == today)   // a dot marks today
                f.draw->AddCircleFilled(ImVec2(r.Max.x - t.px(16), r.Min.y + t.px(16)), t.px(7), selected ? IM_COL32_WHITE : t.live);
        }
    }

    // [issue 16] 日程变更: today's moved and cancelled sessions as chips that open them,
    // at most two rows; then "+3 more, marked below" (they are marked in the list). Returns their bottom.
    float draw_changes(FrameContext& f, const ImRect& area, float top) {
        const std::vector<const Session*> changes = todays_changes(f.feed, f.zone, f.now_unix);
        if (changes.empty()) return top;
        const Theme& t = f.theme;
        ImFont* font = t.fonts.body;
        const float gap = t.px(12), pad = t.px(20), chip_h = font->FontSize + t.px(32);
        const float y0 = top + t.px(16);
        const std::string heading = ui_text("schedule_changes", f.lang);
        draw_text(f.draw, t.fonts.heading, ImVec2(area.Min.x, y0 + (chip_h - t.fonts.heading->FontSize) * 0.5f), t.warning, heading);
        const float left = area.Min.x + text_size(t.fonts.heading, heading).x + t.px(24);
        float x = left, y = y0;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Session* s = changes[i];
            const std::string badge = ui_text(s->cancelled ? "session_cancelled" : "session_changed", f.lang);
            const float badge_w = text_size(font, badge).x + t.px(24);
            const float max_w = area.Max.x - left;
            std::string text = change_chip_text(*s, f);
            float w = std::min(max_w, pad * 2 + badge_w + t.px(12) + text_size(font, text).x);
            const std::string more = ui_text_n("schedule_changes_more", f.lang, std::to_string(changes.size() - i));
            const float more_w = i + 1 < changes.size() ? gap + text_size(font, more).x : 0.0f;   // room kept on the last row
            const bool last_row = y > y0;
            if (x > left && x + w + (last_row ? more_w : 0.0f) > area.Max.x) {   // the next row, when there is one
                if (last_row) {
                    draw_text(f.draw, font, ImVec2(x, y + (chip_h - font->FontSize) * 0.5f), t.text_muted, more);
                    break;
                }
                x = left, y += chip_h + gap;
            }
            const ImRect chip(ImVec2(x, y), ImVec2(x + w, y + chip_h));
            if (touch_card(f.draw, t, f.touch, chip, s->id)) f.nav.go(Route{ScreenId::session, s->id});
            const float ty = y + (chip_h - font->FontSize) * 0.5f;
            const float bw = draw_badge(f.draw, t, ImVec2(x + pad, y + (chip_h - font->FontSize - t.px(4)) * 0.5f), badge,
                                        s->cancelled ? t.text_muted : t.warning, IM_COL32_WHITE);
            const float tx = x + pad + bw + t.px(12);
            draw_text(f.draw, font, ImVec2(tx, ty), t.text, fit_line(font, text, chip.Max.x - pad - tx));
            x += w + gap;
        }
        return y + chip_h;
    }

    // "交城直播专场 19:00→19:30" (or "→ 新地点" when only the place changed); a cancelled one its title and time.
    static std::string change_chip_text(const Session& s, const FrameContext& f) {
        std::string text = s.title.in(f.lang) + "  ";
        if (s.cancelled) return text + format_hhmm(f.zone.to_local(s.start.unix_seconds));
        if (time_changed(s)) {
            const std::int64_t old_day = f.zone.day_number_at(s.previous->start.unix_seconds);
            const std::int64_t new_day = f.zone.day_number_at(s.start.unix_seconds);
            text += format_hhmm(f.zone.to_local(s.previous->start.unix_seconds)) + " → ";
            if (old_day != new_day) text += format_day_label(new_day, f.lang) + " ";
            return text + format_hhmm(f.zone.to_local(s.start.unix_seconds));
        }
        return text + "→ " + s.location.in(f.lang);
    }

    void draw_list(FrameContext& f, const ImRect& viewport, const ImRect& area, bool portrait) {
        const Theme& t = f.theme;
        sessions_.clear();
        for (const Session& s : f.feed.schedule)
            if (f.zone.day_number_at(s.start.unix_seconds) == day_) sessions_.push_back(&s);
        std::stable_sort(sessions_.begin(), sessions_.end(),
                         [](const Session* a, const Session* b) { return a->start.unix_seconds < b->start.unix_seconds; });
        if (sessions_.empty()) {
            draw_text(f.draw, t.fonts.heading, ImVec2(area.Min.x, viewport.Min.y + t.px(24)), t.text_muted,
                      ui_text("schedule_day_empty", f.lang));
            scroll_.update(f.touch, viewport, 0, f.now);
            return;
        }

        const bool wide = !portrait && area.GetWidth() >= t.px(1200);
        const float about_h = t.fonts.body->FontSize;
        const float row_h = schedule_row_height(t, area.GetWidth(), viewport.GetHeight(), sessions_.size(), portrait, about_h,
                                                kMaxAboutLines);
        const int about_lines = portrait ? schedule_about_lines(t, row_h, about_h, kMaxAboutLines) : 0;
        const float content_h = sessions_.size() * row_h + t.px(8);
        if (scroll_to_now_) {   // open on what runs now or comes next
            scroll_to_now_ = false;
            std::size_t index = 0;
            while (index < sessions_.size() && sessions_[index]->end.unix_seconds <= f.now_unix) ++index;
            if (index == sessions_.size()) index = 0;
            scroll_.scroll_to(std::clamp(index * row_h, 0.0f, std::max(0.0f, content_h - viewport.GetHeight())));
        }
        scroll_.update(f.touch, viewport, content_h, f.now);

        // Only the rows in view are built.
        const float offset = scroll_.offset();
        const int first = std::max(0, static_cast<int>(std::floor(offset / row_h)));
        const int last = std::min(static_cast<int>(sessions_.size()),
                                  static_cast<int>(std::ceil((offset + viewport.GetHeight()) / row_h)));
        f.draw->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
        for (int i = first; i < last; ++i) {
            const float top = viewport.Min.y + i * row_h - offset;
            const ImRect card(ImVec2(area.Min.x, top), ImVec2(area.Max.x, top + row_h - t.px(16)));
            draw_row(f, *sessions_[i], card, viewport, wide, about_lines);
        }
        f.draw->PopClipRect();
    }

    void draw_row(FrameContext& f, const Session& s, const ImRect& card, const ImRect& viewport, bool wide, int about_lines) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const bool running = session_running(s, f.now_unix);
        const bool next = session_upcoming(s, f.now_unix) && s.start.unix_seconds == next_start_;
        const bool ended = s.end.unix_seconds <= f.now_unix;
        const bool cancelled = s.cancelled;
        const bool moved = !cancelled && change_mark_shown(s, f.zone, f.now_unix);

        // A row half under the tabs opens only when the touch landed on its visible part.
        if (touch_card(dl, t, f.touch, card, s.id) && viewport.Contains(f.touch.press_position()))
            f.nav.go(Route{ScreenId::session, s.id});
        if (running && !f.touch.holding(card)) dl->AddRectFilled(card.Min, card.Max, t.highlight, t.rounding());
        if (running || next)
            dl->AddRectFilled(card.Min, ImVec2(card.Min.x + t.px(10), card.Max.y), running ? t.live : t.accent, t.rounding(),
                              ImDrawFlags_RoundCornersLeft);

        std::string status;
        ImU32 status_ink = t.text_muted;
        ImFont* status_font = t.fonts.heading;
        if (running) status = time_left_text(s, f.now_unix, f.lang), status_ink = t.live;
        else if (next) status = starts_in_text(s, f.zone, f.now_unix, f.lang), status_ink = t.warning;
        else if (cancelled) {}   // its 已取消 badge beside the title says so once
        else if (ended) status = ui_text("session_ended", f.lang), status_font = t.fonts.body;

        std::string place = s.location.in(f.lang);
        if (const County* c = s.county.empty() ? nullptr : f.feed.county(s.county)) {
            if (!place.empty()) place += "  ·  ";
            place += c->name.in(f.lang);
        }

        const float pad = t.px(28);
        const float left = card.Min.x + pad, right = card.Max.x - pad;
        const std::string times = time_range(s, f.zone);
        const ImU32 time_ink = running ? t.live : ended || cancelled ? t.text_muted : t.text;
        ImFont* heading = t.fonts.heading;
        const float heading_h = heading->FontSize, body_h = t.fonts.body->FontSize;
        const float badge_h = body_h + t.px(4);
        const ImU32 title_ink = ended || cancelled ? t.text_muted : t.text;
        // A cancelled session's time struck through; a moved one's old time (and place) before its place.
        const auto draw_times = [&](ImVec2 at) {
            if (cancelled) return draw_struck_text(dl, heading, at, time_ink, times);
            draw_text(dl, heading, at, time_ink, times);
            return text_size(heading, times).x;
        };
        const auto draw_place = [&](float x, float y, float right_edge) {
            if (moved) x += draw_previous(f, s, ImVec2(x, y), right_edge);
            draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, fit_line(t.fonts.body, place, right_edge - x));
        };
        if (wide) {
            // | 19:30–21:00 | [直播] 交城直播专场            还剩 25 分钟 |
            // | 进行中      | 吕梁广场 · 交城县                          |
            const float line1 = card.Min.y + t.px(14), line2 = line1 + heading_h + t.px(14);
            draw_times(ImVec2(left, line1));
            if (running) draw_badge(dl, t, ImVec2(left, line2), ui_text("session_running", f.lang), t.live, IM_COL32_WHITE);
            const float col = left + text_size(heading, "00:00–00:00").x + t.px(40);
            const float status_w = std::min(text_size(status_font, status).x, (right - col) * 0.45f);
            if (!status.empty())
                draw_text(dl, status_font, ImVec2(right - status_w, card.GetCenter().y - status_font->FontSize * 0.5f), status_ink,
                          fit_line(status_font, status, status_w));
            const float text_right = right - status_w - (status.empty() ? 0 : t.px(32));
            float x = col;
            x += draw_badge(dl, t, ImVec2(x, line1 + (heading_h - badge_h) * 0.5f), kind_label(s.kind, f.lang),
                            kind_colour(s.kind, t), IM_COL32_WHITE) + t.px(16);
            if (const float w = draw_change_badge(dl, t, ImVec2(x, line1 + (heading_h - badge_h) * 0.5f), s, f.zone, f.now_unix, f.lang))
                x += w + t.px(16);
            draw_text(dl, heading, ImVec2(x, line1), title_ink, fit_line(heading, s.title.in(f.lang), text_right - x));
            draw_place(col, line2, text_right);
        } else {
            // | 19:30–21:00 [直播]            还剩 25 分钟 |
            // | 交城直播专场                               |
            // | 吕梁广场 · 交城县                          |
            // Portrait, a day with room: what the session is about under the place, the whole centred in the card.
            const std::string about = about_lines > 0 ? clamp_lines(t.fonts.body, s.description.in(f.lang), right - left, about_lines)
                                                      : std::string();
            const float about_h = about.empty() ? 0.0f : t.px(8) + text_size(t.fonts.body, about, right - left).y;
            const float content_h = t.px(12) + heading_h + t.px(10) + heading_h + t.px(12) + body_h + about_h + t.px(12);
            const float centre = about_lines > 0 ? std::max(0.0f, std::floor((card.GetHeight() - content_h) * 0.5f)) : 0.0f;
            const float line1 = card.Min.y + centre + t.px(12), line2 = line1 + heading_h + t.px(10),
                        line3 = line2 + heading_h + t.px(12);
            float x = left;
            x += draw_times(ImVec2(x, line1)) + t.px(16);
            x += draw_badge(dl, t, ImVec2(x, line1 + (heading_h - badge_h) * 0.5f), kind_label(s.kind, f.lang),
                            kind_colour(s.kind, t), IM_COL32_WHITE) + t.px(16);
            if (const float w = draw_change_badge(dl, t, ImVec2(x, line1 + (heading_h - badge_h) * 0.5f), s, f.zone, f.now_unix, f.lang))
                x += w + t.px(16);
            x += t.px(8);
            if (!status.empty()) {
                const std::string line = fit_line(status_font, status, right - x);
                const float w = text_size(status_font, line).x;
                draw_text(dl, status_font, ImVec2(right - w, line1 + (heading_h - status_font->FontSize) * 0.5f), status_ink, line);
            }
            draw_text(dl, heading, ImVec2(left, line2), title_ink, fit_line(heading, s.title.in(f.lang), right - left));
            draw_place(left, line3, right);
            if (!about.empty())
                draw_text(dl, t.fonts.body, ImVec2(left, line3 + body_h + t.px(8)), ended || cancelled ? t.text_muted : t.text, about,
                          right - left);
        }
    }

    // "原定 ~~19:00–20:30~~ ~~旧地点~~": what a moved session was; returns the width used.
    static float draw_previous(FrameContext& f, const Session& s, ImVec2 at, float right) {
        const Theme& t = f.theme;
        ImFont* font = t.fonts.body;
        const float gap = t.px(14);
        float x = at.x;
        const std::string was = ui_text("previous_plan", f.lang);
        draw_text(f.draw, font, ImVec2(x, at.y), t.warning, was);
        x += text_size(font, was).x + t.px(10);
        if (time_changed(s)) x += draw_struck_text(f.draw, font, ImVec2(x, at.y), t.text_muted, previous_time_range(s, f.zone, f.lang)) + gap;
        if (place_changed(s) && !s.previous->location.empty())
            x += draw_struck_text(f.draw, font, ImVec2(x, at.y), t.text_muted,
                                  fit_line(font, s.previous->location.in(f.lang), std::max(0.0f, (right - x) * 0.5f))) + gap;
        return x - at.x;
    }

    std::int64_t day_ = 0;
    ScrollArea scroll_;
    bool entered_ = true;
    bool scroll_to_now_ = false;
    double last_drawn_ = -1e9;
    std::vector<const Session*> sessions_;   // the chosen day's, rebuilt each frame (no stale pointers)
    std::vector<std::int64_t> targets_;      // instants a countdown or a running state changes
    std::int64_t next_start_ = 0;
    std::int64_t next_midnight_ = 0;
};

} // namespace

std::unique_ptr<Screen> make_schedule_screen() { return std::make_unique<ScheduleScreen>(); }

} // namespace kiosk
