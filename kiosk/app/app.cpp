// Index of this file:
// [SECTION] Glyphs and live figures of a feed
// [SECTION] Construction, clock and location
// [SECTION] Navigation
// [SECTION] Fonts and new data
// [SECTION] Drawing: the top bar and the screen
// [SECTION] Idling and the GPU
// [SECTION] Display hours
#include "app/app.h"

#include "base/log.h"
#include "feed/local_time_text.h"
#include "feed/order_platforms.h"
#include "screens/screens.h"
#include "service/kiosk_location.h"
#include "widgets/accessible_button.h"
#include "widgets/announcement_view.h"
#include "widgets/image_textures.h"
#include "widgets/scroll_cue.h"
#include "widgets/still_there_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <unordered_set>
#include <utility>

namespace kiosk {

namespace {

constexpr float kTopBarHeight = 96;   // at 1080p

// [SECTION] Glyphs and live figures of a feed
std::shared_ptr<const LiveStats> live_of(const std::shared_ptr<const Feed>& feed) {
    return std::shared_ptr<const LiveStats>(feed, &feed->live);   // shares the feed's lifetime
}

// Names and titles go to both sets; long texts only to the body size.
void add_display(FontGlyphs& glyphs, const LocalizedText& text) {
    for (GlyphSet* set : {&glyphs.all, &glyphs.display}) {
        set->add(text.zh);
        set->add(text.en);
    }
}

void add_body(FontGlyphs& glyphs, const LocalizedText& text) {
    glyphs.all.add(text.zh);
    glyphs.all.add(text.en);
}

// Every text of `f`, `live` and the announcements (what glyph_source() runs, on any thread).
void collect_glyphs(const Feed& f, const LiveStats& live, const std::vector<Announcement>& announcements,
                    FontGlyphs& glyphs) {
    for (const Announcement& a : announcements) add_display(glyphs, a.text);   // the takeover draws them in the title font
    for (std::string_view text : all_ui_texts()) add_display(glyphs, LocalizedText::plain(std::string(text)));
    // What the number and date formatters write besides digits ("5月16日 周六", "110.14万").
    add_display(glyphs, LocalizedText::plain("年月日周一二三四五六万亿"));
    for (const OrderPlatform& p : order_platforms())   // [order links] the tabs and the app in each caption
        add_display(glyphs, {std::string(p.name_zh) + std::string(p.app_zh), std::string(p.name_en) + std::string(p.app_en)});
    add_display(glyphs, f.event.title);
    add_display(glyphs, f.event.venue);
    add_body(glyphs, f.event.contact);
    for (const Session& s : f.schedule) {
        add_display(glyphs, s.title);
        add_display(glyphs, s.location);
        add_body(glyphs, s.description);
    }
    for (const County& c : f.counties) {
        add_display(glyphs, c.name);
        add_body(glyphs, c.blurb);
    }
    for (const Product& p : f.products) {
        add_display(glyphs, p.name);
        add_display(glyphs, p.producer);
        add_display(glyphs, p.unit);
        add_body(glyphs, p.description);
        for (const LocalizedText& tag : p.tags) add_display(glyphs, tag);
    }
    for (const Area& a : f.venue.areas) add_display(glyphs, a.name);   // search results name them
    for (const Floor& floor : f.venue.floors) add_display(glyphs, floor.name);
    for (const SessionLive& s : live.sessions)
        for (const PlatformLive& p : s.platforms) add_display(glyphs, p.name);
    for (const Floor& fl : f.venue.floors) add_display(glyphs, fl.name);
    for (const Area& a : f.venue.areas) add_display(glyphs, a.name);
}

// Whether `a` names the same platforms, in the same words, as `b`.
bool same_platform_names(const LiveStats& a, const LiveStats& b) {
    std::vector<const LocalizedText*> names_a, names_b;
    for (const SessionLive& s : a.sessions)
        for (const PlatformLive& p : s.platforms) names_a.push_back(&p.name);
    for (const SessionLive& s : b.sessions)
        for (const PlatformLive& p : s.platforms) names_b.push_back(&p.name);
    return std::equal(names_a.begin(), names_a.end(), names_b.begin(), names_b.end(),
                      [](const LocalizedText* x, const LocalizedText* y) { return x->zh == y->zh && x->en == y->en; });
}

// [Issue 16] The trend the worker summed (histories and what it showed) when the live figures carry one;
// else the totals of each update as they come.
void record_trend(LiveTrend& trend, const LiveStats& live) {
    if (!live.trend.empty()) {
        trend = LiveTrend(trend.capacity());
        for (const LivePoint& p : live.trend) trend.record(p.unix_seconds, {p.viewers, p.orders, p.revenue_fen});
    } else if (!live.empty()) {
        trend.record(live.updated_at.unix_seconds, live_totals(live));
    }
}

} // namespace

// [SECTION] Construction, clock and location
KioskApp::KioskApp(std::shared_ptr<const Feed> feed, AppOptions options)
    : KioskApp(index_feed(std::move(feed)), std::move(options)) {}

KioskApp::KioskApp(IndexedFeed feed, AppOptions options)
    : feed_(std::move(feed.feed)), search_(std::move(feed.search)), options_(std::move(options)), lang_(options_.lang),
      zone_(TimeZone::fixed_offset(8 * 3600)), route_(options_.start), admin_(options_.admin.pin_hash, options_.admin.wake_ui),
      place_{options_.kiosk_location, options_.kiosk_heading, options_.route_url},
      still_there_(options_.idle_seconds),
      still_there_accessible_(options_.idle_seconds * kAccessibleIdleFactor, kStillThereSeconds * kAccessibleIdleFactor) {
    live_ = live_of(feed_);
    announcements_ = feed_->announcements;   // their glyphs in the first atlas
    record_trend(trend_, *live_);
    if (options_.pinned_now) pinned_offset_ = *options_.pinned_now - std::time(nullptr);
    load_zone();
    check_location();
    for (const auto& [county, seconds] : options_.airtime_seed) airtime_.credit(county, static_cast<double>(seconds));
    if (options_.accessible) set_accessible(true);   // its fonts in the first atlas
    screen_for(route_.screen).enter(route_);
}

KioskApp::~KioskApp() = default;

void KioskApp::load_zone() {
    std::string error;
    if (auto zone = TimeZone::load(feed_->event.time_zone, &error)) {
        zone_ = std::move(*zone);
    } else {
        // The validator refuses unknown zones; this only happens without tzdata.
        std::fprintf(stderr, "kiosk: %s; showing times in UTC+08:00\n", error.c_str());
        zone_ = TimeZone::fixed_offset(8 * 3600);
    }
}

void KioskApp::check_location() {
    const auto note = check_kiosk_location(options_.kiosk_location, feed_->venue);
    const std::string message = note ? note->message : std::string();
    if (note && message != location_note_) log_message(note->level, message);
    location_note_ = message;
}

std::int64_t KioskApp::now_unix() const {
    const std::int64_t now = wall_clock_ ? wall_clock_() : static_cast<std::int64_t>(std::time(nullptr));
    return now + pinned_offset_;
}

// [SECTION] Navigation
Screen& KioskApp::screen_for(ScreenId id) {
    auto& slot = screens_[id];
    if (!slot) {
        switch (id) {
        case ScreenId::live: slot = make_live_screen(); break;
        case ScreenId::attract: slot = make_attract_screen(); break;
        case ScreenId::schedule: slot = make_schedule_screen(); break;
        case ScreenId::session: slot = make_session_screen(); break;
        case ScreenId::catalogue: slot = make_catalogue_screen(); break;
        case ScreenId::county: slot = make_county_screen(); break;
        case ScreenId::product: slot = make_product_screen(); break;
        case ScreenId::search: slot = make_search_screen(); break;
        case ScreenId::map: slot = make_map_screen(); break;
        case ScreenId::map_route: slot = make_route_screen(); break;
        default: slot = make_home_screen(); break;
        }
    }
    return *slot;
}

void KioskApp::go(const Route& route) {
    if (route == route_) return;
    if (options_.usage && route_.screen == ScreenId::search) {   // a search result opened: counted for its county
        const char* kind = route.screen == ScreenId::product ? "product"
                           : route.screen == ScreenId::county ? "county"
                           : route.screen == ScreenId::session ? "session" : nullptr;
        if (kind) options_.usage->search_open(kind, route.id);
    }
    if (route.screen == ScreenId::home || route.screen == ScreenId::attract) history_.clear();
    else history_.push_back(route_);
    route_ = route;
    entered();
}

void KioskApp::back() {
    if (history_.empty()) {
        go(Route{});
        return;
    }
    route_ = history_.back();
    history_.pop_back();
    entered();
}

void KioskApp::replace(const Route& route) {
    if (route.screen == route_.screen) route_ = route;   // only the current screen's own route changes
}

void KioskApp::end_attract_airtime() {
    airtime_.stop(last_now_);
    if (options_.play_log) options_.play_log->stop(std::chrono::system_clock::time_point(std::chrono::seconds(now_unix())));
}

void KioskApp::note_emergency_cover(bool covered) {
    if (covered == emergency_covering_) return;
    emergency_covering_ = covered;
    if (covered) end_attract_airtime();
    else if (route_.screen == ScreenId::attract) screen_for(route_.screen).enter(route_);   // afresh: a new slide, logged from now
}

void KioskApp::entered() {
    if (route_.screen != ScreenId::attract) end_attract_airtime();   // the attract loop's slide ends where the visitor came
    screen_for(route_.screen).enter(route_);
    if (!options_.usage) return;
    options_.usage->screen_view(route_name(Route{route_.screen, {}}));
    if (route_.screen == ScreenId::product) options_.usage->product_open(route_.id);
    if (route_.screen == ScreenId::map_route) options_.usage->route_shown(route_.id);
}

// [SECTION] Fonts and new data
GlyphSource KioskApp::glyph_source() const {
    // What shows once the atlas is in: the held data where there is some, else what shows now.
    std::shared_ptr<const Feed> feed = held_.feed ? held_.feed->feed : feed_;
    std::shared_ptr<const LiveStats> live = held_.live ? held_.live : live_document_ ? live_document_ : live_of(feed);
    auto texts = std::make_shared<std::vector<Announcement>>(announcements_);   // every list that may merge into them
    texts->insert(texts->end(), feed->announcements.begin(), feed->announcements.end());
    if (held_.announcements) texts->insert(texts->end(), held_.announcements->begin(), held_.announcements->end());
    std::shared_ptr<const std::vector<Announcement>> announcements = std::move(texts);
    return [feed = std::move(feed), live = std::move(live), announcements, large = large_fonts_wanted_](FontGlyphs& glyphs) {
        collect_glyphs(*feed, *live, *announcements, glyphs);
        glyphs.large = large;   // [Issue 19] once the accessible mode was on, its 1.5× sizes too
    };
}

void KioskApp::set_fonts(const FontSet& fonts, float pixel_scale) {
    theme_.font_set = fonts;
    theme_.use_language(lang_);
    theme_.scale = pixel_scale;
    theme_.apply_to_style();
}

bool KioskApp::update(double now, bool& new_text) {
    new_text = false;
    const bool admin_changed = update_admin(now);
    const bool pictures_changed = images_ && images_->update();
    const bool data_changed = take_new_data(new_text);
    take_announcement_document(new_text);
    bool announcement_text = false;
    const bool announcements_changed = update_announcements(announcement_text);
    // [Issue 19] The accessible mode's first switch-on: its 1.5× fonts are built on the worker.
    const bool large_fonts_asked = large_fonts_wanted_ && !large_fonts_requested_;
    large_fonts_requested_ = large_fonts_requested_ || large_fonts_asked;
    new_text = new_text || announcement_text || large_fonts_asked;
    return admin_changed || pictures_changed || data_changed || announcements_changed || large_fonts_asked;
}

bool KioskApp::update_announcements(bool& new_text) {
    std::vector<Announcement> merged = announcement_document_
                                           ? merge_announcements(feed_->announcements, *announcement_document_)
                                           : feed_->announcements;
    merged = merge_announcements(merged, local_announcements_);   // staff's own, from the admin panel
    new_text = merged != announcements_;   // rare: a new or edited announcement may bring new characters
    if (new_text) announcements_ = std::move(merged);
    const std::int64_t now = now_unix();
    std::vector<Announcement> active = active_announcements(announcements_, now, options_.identity);
    if (active == shown_) return new_text;
    const auto has = [](const std::vector<Announcement>& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&](const Announcement& a) { return a.id == id; });
    };
    for (const Announcement& old : shown_) {
        if (has(active, old.id)) continue;
        const auto still = std::find_if(announcements_.begin(), announcements_.end(),
                                        [&](const Announcement& a) { return a.id == old.id; });
        // Its time is up: ended; gone from the list (or no longer for this kiosk): withdrawn.
        report_announcement(old, still != announcements_.end() && still->ends_at.unix_seconds <= now ? "ended" : "withdrawn");
        shown_since_.erase(old.id);
    }
    for (const Announcement& a : active)
        if (!has(shown_, a.id)) {
            shown_since_[a.id] = std::chrono::system_clock::time_point(std::chrono::seconds(now));
            report_announcement(a, "shown");
        }
    shown_ = std::move(active);
    if (options_.announcements_shown) {
        std::vector<ShownAnnouncement> report;
        for (const Announcement& a : shown_)
            report.push_back({a.id, std::string(severity_key(a.severity)), shown_since_[a.id]});
        options_.announcements_shown(report);
    }
    return true;
}

void KioskApp::report_announcement(const Announcement& a, const char* event) {
    log_info("announcement " + a.id + " (" + std::string(severity_key(a.severity)) + ") " + event + ": " + a.text.zh);
    if (options_.usage) options_.usage->announcement(event, a.id);
}

bool KioskApp::take_new_data(bool& new_text) {
    if (!source_) return false;
    // Staleness comes with time alone, without any new data: look each time.
    const Freshness freshness = source_->freshness();
    const bool freshness_changed = freshness.feed_offline != freshness_.feed_offline ||
                                   freshness.live_offline != freshness_.live_offline ||
                                   freshness.data_time != freshness_.data_time;
    freshness_ = freshness;
    // The newest the app has, held or shown: the source replaces what it has newer.
    const IndexedFeed had = held_.feed ? *held_.feed : IndexedFeed{feed_, search_};
    const std::shared_ptr<const LiveStats> had_live = held_.live ? held_.live : live_document_;
    IndexedFeed indexed = had;
    std::shared_ptr<const LiveStats> live = had_live;
    if (!source_->take_new(indexed, live)) return freshness_changed;
    bool shown = freshness_changed;
    if (indexed.feed != had.feed) {   // a worker collects its glyphs: held until the atlas holds them
        if (indexed.search == had.search) indexed.search = nullptr;   // never an index of another feed
        held_.feed = std::move(indexed);
        new_text = true;
        // Figures never wait for fonts: the held feed's own, when they name platforms the fonts hold.
        if (!live_document_ && !held_.live && fonts_hold_platform_names(theme_.font_set, held_.feed->feed->live)) {
            live_ = live_of(held_.feed->feed);
            record_trend(trend_, *live_);
            shown = true;
        }
    } else if (indexed.search != had.search) {   // the index of the feed held or shown came
        (held_.feed ? held_.feed->search : search_) = std::move(indexed.search);
        shown = shown || !held_.feed;
    }
    if (live != had_live) {
        // A live update brings new text only in its platform names (rarely new): names as on
        // screen, or all in the fonts, show at once; no whole feed's glyphs every few seconds.
        if (live && !same_platform_names(*live, *live_) && !fonts_hold_platform_names(theme_.font_set, *live)) {
            held_.live = std::move(live);
            new_text = true;
        } else {
            held_.live = nullptr;   // older than this one
            show_live(std::move(live));
            shown = true;
        }
    }
    return shown;
}

void KioskApp::take_announcement_document(bool& new_text) {
    std::shared_ptr<const std::vector<Announcement>> list = held_.announcements ? held_.announcements : announcement_document_;
    if (!source_ || !source_->take_announcements(list) || !list) return;
    if (fonts_hold_announcements(theme_.font_set, *list)) {
        held_.announcements = nullptr;   // older than this one
        announcement_document_ = std::move(list);
    } else {
        held_.announcements = std::move(list);
        new_text = true;
    }
}

bool KioskApp::glyphs_ready() {
    if (held_.empty()) return false;
    HeldData held = std::exchange(held_, HeldData{});
    if (held.feed) show_feed(std::move(*held.feed));
    if (held.live || held.feed) show_live(held.live ? std::move(held.live) : live_document_);
    if (held.announcements) announcement_document_ = std::move(held.announcements);
    bool merged_anew = false;
    update_announcements(merged_anew);   // the held announcements in this frame too
    return true;
}

void KioskApp::show_feed(IndexedFeed indexed) {
    const bool zone_changed = indexed.feed->event.time_zone != feed_->event.time_zone;
    feed_ = std::move(indexed.feed);
    search_ = std::move(indexed.search);
    if (zone_changed) load_zone();
    check_location();
    if (images_) {
        images_->feed_changed();   // a picture that failed may be there now
        std::unordered_set<std::string> pictures;
        for (const County& c : feed_->counties) pictures.insert(c.image);
        for (const Product& p : feed_->products) pictures.insert(p.image);
        images_->forget_all_but(pictures);
    }
}

void KioskApp::show_live(std::shared_ptr<const LiveStats> live) {
    live_document_ = std::move(live);
    // The separate live document, once there is one, wins over the feed's own "live".
    live_ = live_document_ ? live_document_ : live_of(feed_);
    record_trend(trend_, *live_);
}

// [SECTION] Drawing: the top bar and the screen
void KioskApp::draw_top_bar(ImDrawList* dl, const ImRect& bar, double now) {
    (void)now;
    const Theme& t = theme_;
    dl->AddRectFilled(bar.Min, bar.Max, t.bar);
    const float h = bar.GetHeight() - 2 * t.text_px(14);
    const float y = bar.Min.y + t.text_px(14);
    float right = bar.Max.x - t.margin();
    // [Issue 19] A button as wide as its label needs (the accessible mode's 1.5× text), never under `at_1080p`.
    const auto width = [&](float at_1080p, std::string_view label, ImFont* font) {
        return std::max(t.px(at_1080p), text_size(font ? font : t.fonts.body, label).x + 2 * t.text_px(24));
    };

    // Language switch: the two languages side by side, the current one lit.
    ImFont* zh_font = t.fonts_for(Lang::zh).body;
    ImFont* en_font = t.fonts_for(Lang::en).body;   // each label in its own language's face
    const float en_w = width(120, "EN", en_font), zh_w = width(120, "中文", zh_font);
    const ImRect en(ImVec2(right - en_w, y), ImVec2(right, y + h));
    const ImRect zh(ImVec2(en.Min.x - t.px(8) - zh_w, y), ImVec2(en.Min.x - t.px(8), y + h));
    if (touch_button(dl, t, touch_, zh, "中文", lang_ == Lang::zh ? ButtonStyle::selected : ButtonStyle::on_bar, zh_font))
        lang_ = Lang::zh;
    if (touch_button(dl, t, touch_, en, "EN", lang_ == Lang::en ? ButtonStyle::selected : ButtonStyle::on_bar, en_font))
        lang_ = Lang::en;
    right = zh.Min.x - t.px(24);

    const std::string& home_label = ui_text("home", lang_);
    const ImRect home(ImVec2(right - width(150, home_label, nullptr), y), ImVec2(right, y + h));
    if (touch_button(dl, t, touch_, home, home_label, ButtonStyle::on_bar)) go(Route{});
    right = home.Min.x - t.px(16);

    // Search from anywhere; lit while searching (a tap there keeps the letters).
    const bool searching = route_.screen == ScreenId::search;
    const std::string& search_label = ui_text("search", lang_);
    const ImRect search_r(ImVec2(right - width(150, search_label, nullptr), y), ImVec2(right, y + h));
    if (touch_button(dl, t, touch_, search_r, search_label, searching ? ButtonStyle::selected : ButtonStyle::on_bar) &&
        !searching)
        go(Route{ScreenId::search, {}});
    right = search_r.Min.x - t.px(16);

    // Offline: say since when the data is, so nobody mistakes it for live.
    if (freshness_.feed_offline || freshness_.live_offline) {
        std::string text = ui_text("offline", lang_);
        if (freshness_.data_time) {
            const auto unix = std::chrono::duration_cast<std::chrono::seconds>(freshness_.data_time->time_since_epoch());
            text += " · " + ui_text("data_from", lang_) + " " + format_hhmm(zone_.to_local(unix.count()));
        }
        const float w = text_size(t.fonts.body, text).x + t.px(20);
        const ImVec2 pos(right - w, bar.Min.y + (bar.GetHeight() - t.fonts.body->FontSize - t.px(4)) * 0.5f);
        draw_badge(dl, t, pos, text, t.highlight, t.warning);
        right = pos.x - t.px(16);
    }

    float left = bar.Min.x + t.margin();
    if (!history_.empty()) {
        const std::string& back_label = ui_text("back", lang_);
        const ImRect back_r(ImVec2(left, y), ImVec2(left + width(150, back_label, nullptr), y + h));
        if (touch_button(dl, t, touch_, back_r, back_label, ButtonStyle::on_bar)) back();
        left = back_r.Max.x + t.px(24);
    }
    const std::string title = fit_line(t.fonts.heading, feed_->event.title.in(lang_), right - left - t.px(16));
    const float th = text_size(t.fonts.heading, title).y;
    draw_text(dl, t.fonts.heading, ImVec2(left, bar.Min.y + (bar.GetHeight() - th) * 0.5f), t.bar_text, title);
}

void KioskApp::draw(double now) {
    const ImGuiIO& io = ImGui::GetIO();
    last_now_ = now;
    if (first_frame_) {   // the idle countdown starts when the screen first shows (or earlier: --untouched)
        touch_.note_activity(now - options_.untouched_at_start);
        first_frame_ = false;
    }
    touch_.begin_frame(io, now, theme_.px(14));
    if (touch_.last_activity() != touch_seen_) {   // someone is here: the display stays on a while after
        touch_seen_ = touch_.last_activity();
        awake_until_ = std::max(awake_until_, touch_seen_ + options_.wake_seconds);
    }
    if (still_there_drawn_ > 0 && touch_.pressed()) touch_.consume();   // the touch that answers 还在吗？ fires nothing beneath
    still_there_drawn_ = 0;
    check_admin_entrances(now);

    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 display = io.DisplaySize;
    const bool idle = still_there_now().reset_due(touch_.last_activity(), now);
    theme_.use_language(lang_);   // each language's text in its own faces (English: Latin first)
    if (admin_.is_open() && !idle) {
        draw_admin(dl, display, now);
        return;
    }
    if (admin_.is_open()) admin_.close();   // staff walked away: close it behind them

    // Nobody has touched the screen for a while: back to the attract loop, in the default language.
    if (route_.screen != ScreenId::attract && idle) {
        go(Route{ScreenId::attract, {}});
        lang_ = options_.lang;
        set_accessible(false);   // the next visitor finds the kiosk as it was
    }
    // The touch that wakes the kiosk only goes Home; it fires nothing under the finger.
    // [Issue 19] The whole screen is its target (recorded for the audit; nothing else there reacts).
    if (route_.screen == ScreenId::attract)
        touch_.note_target(ImRect(ImVec2(0, 0), display), ui_text("attract_touch", lang_), TouchTarget::anywhere);
    if (route_.screen == ScreenId::attract && touch_.pressed()) {
        touch_.consume();
        go(Route{});
    }

    theme_.use_language(lang_);   // the idle reset may have changed it
    dl->AddRectFilled(ImVec2(0, 0), display, theme_.background);
    reach_band_ = ReachBand(options_.panel, display.x, display.y);
    const bool attract = route_.screen == ScreenId::attract;
    std::size_t banners = 0;
    for (const Announcement& a : shown_) banners += a.severity != AnnouncementSeverity::emergency;
    const float banners_top = display.y - announcement_banners_height(theme_, banners);   // the banners take the bottom
    // Where the top bar and the screen go: in the accessible mode both inside the reach band, a heading above it.
    const auto layout = [&](ImRect& bar, ImRect& area, ImRect& strip) {
        const float bar_top = accessible_ && !attract ? reach_band_.top() : 0.0f;
        bar = ImRect(ImVec2(0, bar_top), ImVec2(display.x, bar_top + theme_.text_px(kTopBarHeight)));   // [Issue 19] ×1.5 with the mode's text
        if (attract) {   // no top bar, no button: the whole screen
            area = ImRect(ImVec2(0, 0), ImVec2(display.x, banners_top));
            return;
        }
        // The button's strip under the screen, never below the reach band (a panel reaching under 380 mm).
        const float strip_bottom = std::max(bar.Max.y + theme_.px(kAccessibleStripHeight + 120),
                                            std::min(banners_top, reach_band_.bottom()));
        strip = ImRect(ImVec2(0, strip_bottom - theme_.px(kAccessibleStripHeight)), ImVec2(display.x, strip_bottom));
        area = ImRect(ImVec2(0, bar.Max.y), ImVec2(display.x, strip.Min.y));
    };
    ImRect bar, area, strip;
    layout(bar, area, strip);
    accessible_button_ = ImRect();
    if (!attract && !emergency_shown()) {
        const bool was = accessible_;
        check_accessible_button(strip);
        if (accessible_ != was) {   // this frame already in the new layout
            layout(bar, area, strip);
            accessible_button_ = accessible_button_rect(theme_, strip);
        }
    }
    FrameContext frame{*feed_, *live_, theme_, zone_, lang_, now_unix(), now, *this, touch_, dl,
                       area.Min, area.GetSize(), freshness_, trend_, options_.usage, images_,
                       search_.get(), &place_, &shown_, &airtime_, options_.play_log, &reach_band_,
                       accessible_ && !attract, ImRect(), false};
    note_emergency_cover(emergency_shown());
    if (emergency_shown()) {   // nothing of the screen beneath: no touch may reach it
        touch_.consume();
        draw_announcements(frame, display);
        return;
    }
    Screen& screen = screen_for(route_.screen);
    const bool heading = !attract && accessible_ && bar.Min.y > 0;
    if (heading) frame.above = draw_accessible_heading(dl, ImRect(ImVec2(0, 0), ImVec2(display.x, bar.Min.y)));
    dl->PushClipRect(frame.origin, ImVec2(display.x, area.Max.y), false);
    touch_.show_scroll_cues(frame.accessible ? scroll_cue_strip_height(theme_) : 0.0f);   // [Issue 19] lists show they scroll
    screen.draw(frame);
    if (frame.accessible) draw_scroll_cues(dl, theme_, touch_.scroll_cues(), lang_);
    dl->PopClipRect();
    if (!attract) {
        if (heading && !frame.above_drawn) draw_accessible_title(dl, frame.above);
        draw_top_bar(dl, bar, now);
    }
    draw_announcements(frame, display);
    still_there_drawn_ = draw_still_there_overlay(dl, display, now);
    // The strip and button on a list of their own (what the screen draws stays the screen's); the
    // Still there? overlay covers them as it covers everything (its touch only dismisses).
    if (!attract && still_there_drawn_ == 0) {
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        draw_accessible_strip(fg, theme_, strip);
        draw_accessible_button(fg, theme_, lang_, accessible_button_, accessible_, accessible_button_held_);
    }
    if (images_) images_->end_frame();   // ask for the pictures this frame lacked
}

// [Issue 19] The accessible mode.
void KioskApp::set_accessible(bool on) {
    accessible_ = on;
    theme_.large_text = on;
    theme_.use_high_contrast(on);
    theme_.use_language(lang_);
    large_fonts_wanted_ = large_fonts_wanted_ || on;   // kept once built: a second visitor needs no new atlas
}

void KioskApp::check_accessible_button(const ImRect& area) {
    accessible_button_ = accessible_button_rect(theme_, area);
    accessible_button_held_ = touch_.holding(accessible_button_);
    if (touch_.tapped(accessible_button_, ui_text("accessible", lang_))) {   // named for the audit
        if (!accessible_ && options_.usage) options_.usage->accessible_mode_on();
        set_accessible(!accessible_);
        accessible_button_held_ = false;
    }
}

ImRect KioskApp::draw_accessible_heading(ImDrawList* dl, const ImRect& area) {
    const Theme& t = theme_;
    dl->AddRectFilled(area.Min, area.Max, t.highlight);
    const float pad = t.margin();
    const ImRect rest(ImVec2(area.Min.x + pad, area.Min.y + pad), ImVec2(area.Max.x - pad, area.Max.y - pad));
    // The mode's line now only on a tall heading (portrait): a short one (landscape) keeps its rows for the
    // screen, and gets the line with the title when the screen drew nothing there.
    return accessible_heading_tall(rest) ? draw_accessible_mode_line(dl, rest) : rest;
}

bool KioskApp::accessible_heading_tall(const ImRect& rest) const { return rest.GetHeight() >= theme_.px(600); }

ImRect KioskApp::draw_accessible_mode_line(ImDrawList* dl, const ImRect& area) {
    const Theme& t = theme_;
    const float symbol = std::min(t.px(120), area.GetHeight());
    if (symbol <= t.px(40)) return area;
    draw_accessibility_symbol(dl, ImVec2(area.Min.x + symbol * 0.5f, area.Min.y + symbol * 0.5f), symbol, t.bar, t.px(8));
    draw_text(dl, t.fonts.heading, ImVec2(area.Min.x + t.margin() + symbol, area.Min.y + (symbol - t.fonts.heading->FontSize) * 0.5f),
              t.bar, ui_text("accessible_on", lang_));
    return ImRect(ImVec2(area.Min.x, area.Min.y + symbol + t.gap()), area.Max);
}

void KioskApp::draw_accessible_title(ImDrawList* dl, ImRect area) {
    // The event's title, as large as fits; nothing up here reacts to a touch.
    const Theme& t = theme_;
    if (!accessible_heading_tall(area)) area = draw_accessible_mode_line(dl, area);
    const float w = area.GetWidth();
    const std::string& title = feed_->event.title.in(lang_);
    ImFont* font = text_size(t.fonts.title, title, w).y <= area.GetHeight() ? t.fonts.title : t.fonts.heading;
    if (text_size(font, title, w).y <= area.GetHeight())
        dl->AddText(font, font->FontSize, area.Min, t.text, title.data(), title.data() + title.size(), w);
}

int KioskApp::draw_still_there_overlay(ImDrawList* dl, ImVec2 display, double now) {
    const StillThere& still = still_there_now();
    const int seconds = still.reading(route_, touch_.last_activity(), now);
    if (seconds > 0) {
        const float top = accessible_ ? reach_band_.top() : 0.0f;   // in the mode its button inside the reach band
        draw_still_there(dl, theme_, lang_, display, seconds, static_cast<int>(std::ceil(still.countdown())), top);
        // [Issue 19] Any touch answers it (draw() consumes it): the whole display, over the page, and its button.
        touch_.note_target(ImRect(ImVec2(0, 0), display), ui_text("still_there", lang_), TouchTarget::anywhere);
        touch_.note_target(still_there_button(theme_, display, top), ui_text("still_here", lang_));
    }
    return seconds;
}

void KioskApp::draw_announcements(const FrameContext& frame, ImVec2 display) {
    if (!frame.announcements || frame.announcements->empty()) return;
    const Announcement& first = frame.announcements->front();
    if (first.severity == AnnouncementSeverity::emergency) {
        draw_announcement_takeover(frame.draw, frame.theme, display, first);
        return;
    }
    std::vector<const Announcement*> banners;
    for (const Announcement& a : *frame.announcements) banners.push_back(&a);
    draw_announcement_banners(frame.draw, frame.theme, frame.lang, display, banners);
}

// [SECTION] Idling and the GPU
double KioskApp::seconds_until_change(double now) const {
    const auto next_announcement = next_announcement_change(announcements_, now_unix(), options_.identity);
    const double announcement_wait = next_announcement ? static_cast<double>(*next_announcement - now_unix()) : kNoChange;
    if (emergency_shown() && !admin_.is_open())   // the takeover stands still whatever the screen beneath would do
        return std::min(announcement_wait, corner_hold_.seconds_until_done(now));
    double wait = kNoChange;
    if (route_.screen != ScreenId::attract)   // the reset, and on a page mid-visit each second of the countdown before it
        wait = still_there_now().seconds_until_change(route_, touch_.last_activity(), now, still_there_drawn_);
    const auto it = screens_.find(route_.screen);
    if (it != screens_.end()) wait = std::min(wait, it->second->seconds_until_change(now_unix(), now));
    wait = std::min(wait, corner_hold_.seconds_until_done(now));   // a still finger sends no events
    if (admin_.is_open())
        wait = std::min({admin_.seconds_until_change(), std::max(0.0, touch_.last_activity() + idle_seconds() - now)});
    if (images_ && images_->has_ready()) wait = 0;   // a few uploads per frame until all are shown
    // An announcement starting or ending by the clock alone: a frame then, none before.
    return std::min(wait, announcement_wait);
}

// [SECTION] Display hours
WakeReason KioskApp::wake_reason(double now) const {
    if (emergency_awake_ || emergency_shown()) return WakeReason::emergency;   // an emergency wakes a sleeping display
    if (display_on(options_.display_hours, zone_.to_local(now_unix()))) return WakeReason::hours;
    if (now < awake_until_) return WakeReason::touch;
    return WakeReason::none;
}

bool KioskApp::display_wanted(double now) {
    const bool asleep = wake_reason(now) == WakeReason::none;
    if (asleep && !asleep_) {   // the next visitor finds the attract loop, in the default language
        if (admin_.is_open()) admin_.close();
        go(Route{ScreenId::attract, {}});
        lang_ = options_.lang;
        set_accessible(false);
    }
    asleep_ = asleep;
    return !asleep;
}

void KioskApp::input_while_asleep(double now) { awake_until_ = std::max(awake_until_, now + options_.wake_seconds); }

bool KioskApp::busy_loading() const { return images_ && images_->busy(); }

std::uint64_t KioskApp::image_texture_bytes() const { return images_ ? images_->stats().bytes : 0; }

void KioskApp::release_gpu() {
    if (images_) images_->release_all();
}

} // namespace kiosk
