// Search without a keyboard: a large letter keyboard, the letters typed, and
// what they find (products, counties, sessions, venue areas) grouped by kind
// and ranked, anew with every key. The index comes built with the feed
// (FrameContext::search); a key costs one SearchIndex::find(). Where the parts
// go: screens/search_layout.h.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "screens/above_part.h"
#include "screens/catalogue_parts.h"
#include "screens/search_layout.h"
#include "search/search_index.h"
#include "widgets/letter_keyboard.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <array>
#include <optional>

namespace kiosk {

namespace {

constexpr std::size_t kShownPerKind = 30;   // more than a visitor reads; typing another letter narrows it

// The page a result opens: a place on the venue opens the walk there from this kiosk ("map:AREA_ID").
std::optional<Route> result_route(SearchKind kind, const std::string& id) {
    switch (kind) {
    case SearchKind::product: return Route{ScreenId::product, id};
    case SearchKind::county: return Route{ScreenId::county, id};
    case SearchKind::session: return Route{ScreenId::session, id};
    case SearchKind::area: return Route{ScreenId::map_route, id};
    }
    return std::nullopt;
}

// In English, the Chinese name the pinyin was typed for, as signs at the venue write it: "交城骏枣  ·  ".
std::string also_in_chinese(const LocalizedText& name, Lang lang) {
    if (lang != Lang::en || name.zh.empty() || name.zh == name.in(lang)) return {};
    return name.zh + "  ·  ";
}

const char* group_key(SearchKind kind) {
    switch (kind) {
    case SearchKind::product: return "search_products";
    case SearchKind::county: return "search_counties";
    case SearchKind::session: return "search_sessions";
    case SearchKind::area: return "search_areas";
    }
    return "search_products";
}

struct Row {
    enum class Type { heading, hit, more } type = Type::hit;
    SearchKind kind = SearchKind::product;
    std::string id;          // hit: the item's id
    std::size_t count = 0;   // heading: matches of the kind; more: how many are not shown
};

class SearchScreen final : public Screen {
public:
    void enter(const Route& route) override {
        letters_ = route.id;
        searched_ = std::nullopt;   // search again on the next frame
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        // [Issue 19] In the accessible mode the letters typed and what they found go above the reach band.
        const ImRect above = above_room(f, t.px(112 + 40));
        const SearchLayout l = search_layout(t, f.origin, f.size, above.GetWidth() > 0);
        one_line_ = above.GetWidth() > 0 && search_lists_on_one_line(t, l.results);
        type(f, draw_letter_keyboard(f.draw, t, f.touch, l.keyboard, f.lang));
        search(f);
        if (above.GetWidth() > 0) {
            draw_above(f, above);
        } else {
            draw_field(f, l.field);
            if (l.note.GetHeight() > t.fonts.body->FontSize) draw_note(f, l.note);
        }
        draw_results(f, l.results);
    }

    double seconds_until_change(std::int64_t, double) const override { return scroll_.animating() ? 0 : kNoChange; }

private:
    // A key typed: the letters change, and so does the route (Back from a result returns to them).
    void type(FrameContext& f, KeyTyped key) {
        switch (key.action) {
        case KeyAction::none: return;
        case KeyAction::letter:
            if (letters_.size() < kMaxQueryLength) letters_ += key.letter;
            break;
        case KeyAction::backspace:
            if (!letters_.empty()) letters_.pop_back();
            break;
        case KeyAction::clear: letters_.clear(); break;
        }
        f.nav.replace(Route{ScreenId::search, letters_});
    }

    // Once per change of the letters or of the feed: never per frame.
    void search(const FrameContext& f) {
        const Searched now{f.search, &f.feed, letters_};
        if (searched_ && *searched_ == now) return;
        const bool same_letters = searched_ && searched_->letters == letters_;
        searched_ = now;
        rows_.clear();
        totals_ = {};
        if (!same_letters) scroll_.reset();
        if (!f.search) return;
        const SearchResults results = f.search->find(letters_, kShownPerKind);
        for (std::size_t k = 0; k < kSearchKinds; ++k) {
            const auto& hits = results.by_kind[k];
            if (hits.empty()) continue;
            const auto kind = static_cast<SearchKind>(k);
            rows_.push_back(Row{Row::Type::heading, kind, {}, results.total[k]});
            for (const SearchHit& hit : hits) rows_.push_back(Row{Row::Type::hit, kind, std::string(hit.id), 0});
            if (results.total[k] > hits.size()) rows_.push_back(Row{Row::Type::more, kind, {}, results.total[k] - hits.size()});
            totals_[k] = results.total[k];
        }
    }

    void draw_field(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        dl->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
        dl->AddRect(r.Min, r.Max, t.accent, t.rounding(), 0, std::max(2.0f, t.px(3)));
        const float pad = t.px(28);
        if (letters_.empty()) {
            const std::string prompt = fit_line(t.fonts.body, ui_text("search_prompt", f.lang), r.GetWidth() - 2 * pad);
            draw_text(dl, t.fonts.body, ImVec2(r.Min.x + pad, r.GetCenter().y - t.fonts.body->FontSize * 0.5f), t.text_muted, prompt);
            return;
        }
        ImFont* font = t.fonts.title;
        const float size = fitted_font_size(font, letters_, r.GetWidth() - 2 * pad - t.px(16));
        const ImVec2 pos(r.Min.x + pad, r.GetCenter().y - size * 0.55f);
        dl->AddText(font, size, pos, t.text, letters_.data(), letters_.data() + letters_.size());
        const float caret_x = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, letters_.data(), letters_.data() + letters_.size()).x + t.px(6);
        dl->AddRectFilled(ImVec2(caret_x, r.Min.y + t.px(24)), ImVec2(caret_x + std::max(2.0f, t.px(4)), r.Max.y - t.px(24)), t.accent);
    }

    // [Issue 19] Above the reach band: 搜索 / Search, the letters typed in their field, how many results of each kind.
    void draw_above(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        AboveScope scope(f);
        std::size_t found = 0;
        for (const std::size_t n : totals_) found += n;
        const std::string heading = letters_.empty() ? ui_text("search", f.lang)
                                                     : ui_text("search", f.lang) + "  ·  " + ui_text_n("search_found_n", f.lang, std::to_string(found));
        const float title_h = t.fonts.title->FontSize + t.px(16);
        const bool titled = r.GetHeight() >= title_h + t.px(112);
        if (titled) draw_above_heading(f, r, heading, {});
        const float field_top = titled ? r.Min.y + title_h : r.Min.y;
        const ImRect field(ImVec2(r.Min.x, field_top), ImVec2(r.Max.x, field_top + t.px(112)));
        draw_field(f, field);
        ImRect note(ImVec2(r.Min.x, field.Max.y + t.px(16)), r.Max);
        const std::string counts = letters_.empty() ? ui_text("search_hint", f.lang) : kind_counts(f.lang);
        if (!counts.empty() && note.GetHeight() >= t.fonts.heading->FontSize)
            note.Min.y += draw_text(f.draw, t.fonts.heading, note.Min, t.text_muted, fit_line(t.fonts.heading, counts, note.GetWidth())) + t.px(24);
        if (!rows_.empty()) {   // where the room is tall (a portrait panel): the best of what was found, at eye level
            draw_best(f, note);
            return;
        }
        // Nothing found, and room: how to search (the result list says it while nothing is typed).
        const std::string& how = ui_text("search_how", f.lang);
        if (!letters_.empty() && text_size(t.fonts.heading, how, note.GetWidth()).y <= note.GetHeight())
            draw_text(f.draw, t.fonts.heading, note.Min, t.text, how, note.GetWidth());
    }

    // [Issue 19] Above the band, read only: each kind's first results (its name, its line about it) as many as fit
    // in `r`, a kind's name over them and how many more the list in the band holds under them.
    void draw_best(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        std::array<std::vector<const Row*>, kSearchKinds> hits;   // each kind's, in the list's order
        for (const Row& row : rows_)
            if (row.type == Row::Type::hit) hits[static_cast<std::size_t>(row.kind)].push_back(&row);
        const float body = t.fonts.body->FontSize, label_h = body + t.px(8), more_h = body + t.px(12), group_gap = t.px(20);
        const float entry_h = t.fonts.heading->FontSize + t.px(4) + body + t.px(16);
        std::array<std::size_t, kSearchKinds> shown{};
        const auto height = [&] {
            float h = 0;
            for (std::size_t k = 0; k < kSearchKinds; ++k)
                if (shown[k] > 0) h += (h > 0 ? group_gap : 0) + label_h + shown[k] * entry_h + (shown[k] < hits[k].size() ? more_h : 0);
            return h;
        };
        for (bool grew = true; grew;) {   // one more of each kind in turn while they fit: every kind's first ones
            grew = false;
            for (std::size_t k = 0; k < kSearchKinds; ++k) {
                if (shown[k] == hits[k].size()) continue;
                ++shown[k];
                if (height() <= r.GetHeight()) grew = true;
                else --shown[k];
            }
        }
        const float indent = t.px(24), w = r.GetWidth() - indent;
        float y = r.Min.y;
        for (std::size_t k = 0; k < kSearchKinds; ++k) {
            if (shown[k] == 0) continue;
            if (y > r.Min.y) y += group_gap;
            draw_text(f.draw, t.fonts.body, ImVec2(r.Min.x, y), t.bar, ui_text(group_key(static_cast<SearchKind>(k)), f.lang));
            y += label_h;
            for (std::size_t i = 0; i < shown[k]; ++i, y += entry_h) {
                Described d;
                if (!describe(f, *hits[k][i], d)) continue;
                draw_text(f.draw, t.fonts.heading, ImVec2(r.Min.x + indent, y), t.text, fit_line(t.fonts.heading, d.name, w));
                draw_text(f.draw, t.fonts.body, ImVec2(r.Min.x + indent, y + t.fonts.heading->FontSize + t.px(4)), t.text_muted,
                          fit_line(t.fonts.body, d.detail, w));
            }
            if (shown[k] < hits[k].size()) {
                draw_text(f.draw, t.fonts.body, ImVec2(r.Min.x + indent, y), t.text_muted,
                          fit_line(t.fonts.body, ui_text_n("search_more_below", f.lang, std::to_string(hits[k].size() - shown[k])), w));
                y += more_h;
            }
        }
    }

    // "商品 3  ·  县区 1": how many of each kind the letters found; "" when none.
    std::string kind_counts(Lang lang) const {
        std::string counts;
        for (std::size_t k = 0; k < kSearchKinds; ++k) {
            if (totals_[k] == 0) continue;
            if (!counts.empty()) counts += "  ·  ";
            counts += ui_text(group_key(static_cast<SearchKind>(k)), lang) + " " + std::to_string(totals_[k]);
        }
        return counts;
    }

    // Landscape only: how much of each kind was found.
    void draw_note(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        const std::string counts = kind_counts(f.lang);
        if (counts.empty()) return;
        const std::string text = ui_text_n("search_found", f.lang, counts);
        const int lines = std::max(1, static_cast<int>(r.GetHeight() / (t.fonts.body->FontSize * 1.2f)));
        draw_text(f.draw, t.fonts.body, r.Min, t.text_muted, clamp_lines(t.fonts.body, text, r.GetWidth(), lines), r.GetWidth());
    }

    float row_height(const Theme& t, const Row& row) const {
        if (one_line_) {
            switch (row.type) {
            case Row::Type::heading: return search_line_heading_height(t);
            case Row::Type::hit: return search_line_hit_height(t);
            case Row::Type::more: return search_line_more_height(t);
            }
        }
        switch (row.type) {
        case Row::Type::heading: return search_heading_height(t);
        case Row::Type::hit: return search_hit_height(t);
        case Row::Type::more: return search_more_height(t);
        }
        return search_heading_height(t);
    }

    void draw_results(FrameContext& f, const ImRect& view) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        if (rows_.empty()) {
            const std::string text = !f.search        ? ui_text("search_unavailable", f.lang)
                                     : letters_.empty() ? ui_text("search_how", f.lang)
                                                        : ui_text_n("search_none", f.lang, letters_);
            draw_text(dl, t.fonts.heading, view.Min, t.text_muted, clamp_lines(t.fonts.heading, text, view.GetWidth(), 6),
                      view.GetWidth());
            return;
        }
        float content = 0;
        for (const Row& row : rows_) content += row_height(t, row);
        scroll_.update(f.touch, view, content, f.now);
        dl->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
        float y = view.Min.y - scroll_.offset();
        for (const Row& row : rows_) {
            const float h = row_height(t, row);
            const ImRect r(ImVec2(view.Min.x, y), ImVec2(view.Max.x, y + h));
            y += h;
            if (r.Max.y < view.Min.y || r.Min.y > view.Max.y) continue;   // only what shows is drawn
            draw_row(f, row, r, view);
        }
        dl->PopClipRect();
    }

    void draw_row(FrameContext& f, const Row& row, const ImRect& r, const ImRect& view) {
        if (one_line_) {
            draw_line_row(f, row, r, view);
            return;
        }
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        if (row.type == Row::Type::heading) {
            const std::string text = ui_text(group_key(row.kind), f.lang) + "  " + std::to_string(row.count);
            draw_text(dl, t.fonts.heading, ImVec2(r.Min.x, r.Max.y - t.fonts.heading->FontSize - t.px(12)), t.bar, text);
            return;
        }
        if (row.type == Row::Type::more) {
            draw_text(dl, t.fonts.body, ImVec2(r.Min.x + t.px(24), r.Min.y + t.px(10)), t.text_muted,
                      ui_text_n("search_more", f.lang, std::to_string(row.count)));
            return;
        }
        Described d;
        if (!describe(f, row, d)) return;
        const ImRect card = result_card(f, row, d.name, ImRect(r.Min, ImVec2(r.Max.x, r.Max.y - t.px(12))), view);
        const float pad = t.px(24), width = card.GetWidth() - 2 * pad;
        draw_text(dl, t.fonts.heading, ImVec2(card.Min.x + pad, card.Min.y + t.px(10)), t.text, fit_line(t.fonts.heading, d.name, width));
        draw_text(dl, t.fonts.body, ImVec2(card.Min.x + pad, card.Max.y - t.fonts.body->FontSize - t.px(12)), t.text_muted,
                  fit_line(t.fonts.body, d.detail, width));
    }

    // A result's card, drawn; a tap on it (pressed inside the list's view) opens the result.
    ImRect result_card(FrameContext& f, const Row& row, const std::string& name, const ImRect& card, const ImRect& view) {
        if (touch_card(f.draw, f.theme, f.touch, card, name) && view.Contains(f.touch.press_position()))
            if (const auto route = result_route(row.kind, row.id)) f.nav.go(*route);
        return card;
    }

    // [Issue 19] A row on one line (search_lists_on_one_line): a kind's name, a result's name · its short detail, "N more".
    void draw_line_row(FrameContext& f, const Row& row, const ImRect& r, const ImRect& view) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        ImFont* font = t.fonts.body;
        if (row.type == Row::Type::heading) {
            const std::string text = ui_text(group_key(row.kind), f.lang) + "  " + std::to_string(row.count);
            draw_text(dl, font, ImVec2(r.Min.x, r.Max.y - font->FontSize - t.px(4)), t.bar, text);
            return;
        }
        if (row.type == Row::Type::more) {
            draw_text(dl, font, ImVec2(r.Min.x + t.px(24), r.Min.y + t.px(4)), t.text_muted,
                      fit_line(font, ui_text_n("search_more", f.lang, std::to_string(row.count)), r.GetWidth() - t.px(24)));
            return;
        }
        Described d;
        if (!describe(f, row, d)) return;
        const ImRect card = result_card(f, row, d.name, ImRect(r.Min, ImVec2(r.Max.x, r.Max.y - t.px(6))), view);
        const float pad = t.px(24), width = card.GetWidth() - 2 * pad;
        const std::string name = fit_line(font, d.name, width);
        const ImVec2 at(card.Min.x + pad, card.GetCenter().y - font->FontSize * 0.5f);
        const float name_w = text_size(font, name).x;
        draw_text(dl, font, at, t.text, name);
        const std::string brief = fit_line(font, "  ·  " + d.brief, width - name_w);
        if (!d.brief.empty() && name_w < width && brief != "…") draw_text(dl, font, ImVec2(at.x + name_w, at.y), t.text_muted, brief);
    }

    // A result: its name, a line about it and a shorter one (the one-line rows).
    struct Described {
        std::string name, detail, brief;
    };

    // A result's name and lines about it; false when the feed no longer has it.
    bool describe(const FrameContext& f, const Row& row, Described& d) const {
        const Lang lang = f.lang;
        switch (row.kind) {
        case SearchKind::product: {
            const Product* p = f.feed.product(row.id);
            if (!p) return false;
            d.name = p->name.in(lang);
            const County* c = f.feed.county(p->county);
            d.brief = format_money_fen(p->price_fen) + (p->unit.empty() ? std::string() : " / " + p->unit.in(lang));
            d.detail = also_in_chinese(p->name, lang) + (c ? c->name.in(lang) + "  ·  " : std::string()) + d.brief;
            if (p->sold_out) {
                d.detail += "  ·  " + ui_text("badge_sold_out", lang);
                d.brief += "  ·  " + ui_text("badge_sold_out", lang);
            }
            return true;
        }
        case SearchKind::county: {
            const County* c = f.feed.county(row.id);
            if (!c) return false;
            d.name = c->name.in(lang);
            d.brief = product_count_text(static_cast<std::int64_t>(f.feed.products_of(c->id).size()), lang);
            d.detail = also_in_chinese(c->name, lang) + d.brief;
            return true;
        }
        case SearchKind::session: {
            const Session* s = f.feed.session(row.id);
            if (!s) return false;
            d.name = s->title.in(lang);
            d.brief = format_day_label(f.zone.day_number_at(s->start.unix_seconds), lang) + " " + format_hhmm(f.zone.to_local(s->start.unix_seconds));
            d.detail = also_in_chinese(s->title, lang) + d.brief + (s->location.empty() ? std::string() : "  ·  " + s->location.in(lang));
            return true;
        }
        case SearchKind::area: {
            const Area* a = f.feed.venue.area(row.id);
            if (!a) return false;
            d.name = a->name.in(lang);
            const Floor* floor = f.feed.venue.floor(a->floor);
            d.brief = floor ? floor->name.in(lang) : std::string();
            d.detail = also_in_chinese(a->name, lang) + d.brief;
            return true;
        }
        }
        return false;
    }

    // What the rows were found for: the index, the feed (its names) and the letters.
    struct Searched {
        const SearchIndex* index;
        const Feed* feed;
        std::string letters;
        bool operator==(const Searched&) const = default;
    };

    std::string letters_;
    std::optional<Searched> searched_;
    std::vector<Row> rows_;
    std::array<std::size_t, kSearchKinds> totals_{};   // matches of each kind
    ScrollArea scroll_;
    bool one_line_ = false;   // [Issue 19] this frame's list in one-line rows (search_lists_on_one_line)
};

} // namespace

std::unique_ptr<Screen> make_search_screen() { return std::make_unique<SearchScreen>(); }

} // namespace kiosk
