// [Issue 17] New data bringing characters the font atlas lacks waits off screen
// while a worker builds an atlas with them: the old data stays on screen, fully
// drawn, and the new comes in the frame that installs its atlas. No frame ever
// draws a glyph the installed atlas lacks (a fallback box); live figures under
// names the fonts hold never wait; an atlas that cannot be built holds nothing for ever.
#include "app/app.h"
#include "app/held_data.h"
#include "base/timestamp.h"
#include "drawn_text.h"
#include "feed/live_summary.h"
#include "headless_ui.h"
#include "log_capture.h"
#include "temp_dir.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Every font's fallback glyph becomes this one, at texture corners no real glyph has:
// a frame drawing a character its font lacks draws it, and the draw lists show it.
const ImFontGlyph kMissing = [] {
    ImFontGlyph g{};
    g.Visible = 1;
    g.AdvanceX = 10;
    g.X1 = g.Y1 = 10;
    g.U0 = g.V0 = g.U1 = g.V1 = -0.25f;
    return g;
}();

void mark_missing_glyphs() {
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) font->FallbackGlyph = &kMissing;
}

// Glyphs of the last frame drawn as kMissing.
int missing_glyphs_drawn() {
    int vertices = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) vertices += v.uv.x == kMissing.U0 && v.uv.y == kMissing.V0;
    return vertices / 4;
}

// Draws every frame as the runner would draw it, and counts those showing a missing glyph.
struct WatchedUi {
    HeadlessUi& ui;
    int installs_marked = -1;
    int frames = 0;
    int frames_with_missing = 0;
    void frame(ImVec2 pos = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
        ui.input(pos, down);
        ui.update();
        if (ui.atlas_installs() != installs_marked) {   // a new atlas: its fonts marked too
            mark_missing_glyphs();
            installs_marked = ui.atlas_installs();
        }
        ui.render();
        ++frames;
        frames_with_missing += missing_glyphs_drawn() > 0;
    }
    void tap(ImVec2 pos) {
        frame(pos, false);
        for (int i = 0; i < 4; ++i) frame(pos, true);
        frame(pos, false);
        frame(pos, false);
    }
    // Frames until `done` (at most 30 s of wall clock: the worker builds meanwhile). False when it never was.
    template <class Done>
    bool until(Done done) {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (!done()) {
            if (std::chrono::steady_clock::now() > give_up) return false;
            frame();
        }
        return true;
    }
};

struct ScriptedSource final : SnapshotSource {
    std::shared_ptr<const Feed> next_feed;
    std::shared_ptr<const LiveStats> next_live;
    std::shared_ptr<const std::vector<Announcement>> next_announcements;
    bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>& live) override {
        if (!next_feed && !next_live) return false;
        if (next_feed) feed = index_feed(std::move(next_feed));
        if (next_live) live = std::move(next_live);
        next_feed.reset();
        next_live.reset();
        return true;
    }
    bool take_announcements(std::shared_ptr<const std::vector<Announcement>>& list) override {
        if (!next_announcements) return false;
        list = std::move(next_announcements);
        next_announcements.reset();
        return true;
    }
};

// The demo with new Han characters (in no text of the demo) in its title and first product, and new Latin letters in English.
std::shared_ptr<const Feed> with_new_characters(const Feed& demo) {
    auto feed = std::make_shared<Feed>(demo);
    feed->event.title = LocalizedText{"鑫淼犇活动", "Xīn Miǎo Bēn fair"};
    feed->products[0].name = LocalizedText{"犇犇淼鑫枣", "Bēnbēn Miǎoxīn jujubes"};
    feed->products[0].description = LocalizedText{"鑫淼犇：骉猋羴的枣。", "Ŵŷ ŏğ jujubes."};
    feed->index();
    return feed;
}

GlyphSet glyphs_of(const LocalizedText& text) {   // a description's: at body size only
    GlyphSet set;
    set.add(text.zh);
    set.add(text.en);
    return set;
}

std::int64_t viewers(const LiveStats& live) { return live_totals(live).viewers; }

AppOptions at(Route start, Lang lang = Lang::zh) {
    AppOptions o;
    o.lang = lang;
    o.start = std::move(start);
    o.pinned_now = parse_iso8601("2020-05-16T21:00:00+08:00")->unix_seconds;   // the demo's evening on air
    o.idle_seconds = 3600;
    return o;
}

} // namespace

TEST_CASE("the missing-glyph check sees a character the installed atlas lacks") {
    KioskApp app(demo_feed(), at(Route{}));
    HeadlessUi ui(app);
    WatchedUi watched{ui};
    watched.frame();
    CHECK(watched.frames_with_missing == 0);
    REQUIRE_FALSE(fonts_hold(ui.fonts().atlas().fonts(), LocalizedText::plain("鑫")));
    ImGui::NewFrame();
    ImGui::GetBackgroundDrawList()->AddText(ui.fonts().atlas().fonts().zh.body, 28, ImVec2(10, 10), IM_COL32_WHITE, "交城鑫");
    ImGui::Render();
    CHECK(missing_glyphs_drawn() == 1);
}

TEST_CASE("a reload with new characters keeps the old feed on screen until its atlas is in and never draws a missing glyph") {
    const Lang lang = GENERATE(Lang::zh, Lang::en);
    const std::shared_ptr<const Feed> demo = demo_feed();
    const std::shared_ptr<const Feed> renamed = with_new_characters(*demo);
    ScriptedSource source;
    KioskApp app(demo, at(Route{}, lang));
    app.set_source(&source);
    HeadlessUi ui(app);
    ui.fonts_on_worker(true);
    WatchedUi watched{ui};
    for (int i = 0; i < 5; ++i) watched.frame();
    for (const LocalizedText* text : {&renamed->event.title, &renamed->products[0].name})
        REQUIRE_FALSE(fonts_hold(ui.fonts().atlas().fonts(), *text));   // new to the atlas, in both languages
    REQUIRE_FALSE(ui.fonts().atlas().glyphs().all.contains_all_of(glyphs_of(renamed->products[0].description)));
    CHECK(drew_text(demo->event.title.in(lang)));

    // The feed and, with it, figures under the platform names the fonts hold.
    auto figures = std::make_shared<LiveStats>(demo->live);
    figures->sessions.at(0).platforms.at(0).viewers += 1000;
    source.next_feed = renamed;
    source.next_live = figures;
    const int installs = ui.atlas_installs();
    watched.frame();
    CHECK(app.holds_new_data());
    CHECK(&app.feed() == demo.get());                      // the old feed stays on screen…
    CHECK(drew_text(demo->event.title.in(lang)));
    CHECK(&app.live() == figures.get());                   // …while figures never wait
    CHECK(viewers(app.live()) == viewers(demo->live) + 1000);

    REQUIRE(watched.until([&] { return &app.feed() != demo.get(); }));
    CHECK(&app.feed() == renamed.get());
    CHECK(ui.atlas_installs() == installs + 1);            // shown in the frame that installed its atlas
    CHECK(drew_text(renamed->event.title.in(lang)));       // drawn in that very frame
    CHECK_FALSE(app.holds_new_data());
    CHECK(&app.live() == figures.get());
    CHECK(ui.fonts().atlas().glyphs().all.contains_all_of(glyphs_of(renamed->products[0].description)));

    // The new texts on the product page, in this language and the other (the top bar's switch).
    app.go(Route{ScreenId::product, renamed->products[0].id});
    for (int i = 0; i < 5; ++i) watched.frame();
    CHECK(drew_text(renamed->products[0].name.in(lang)));
    watched.tap(lang == Lang::zh ? ImVec2(1828, 48) : ImVec2(1700, 48));
    const Lang other = lang == Lang::zh ? Lang::en : Lang::zh;
    REQUIRE(app.lang() == other);
    for (int i = 0; i < 5; ++i) watched.frame();
    CHECK(drew_text(renamed->products[0].name.in(other)));
    CHECK(watched.frames_with_missing == 0);
    CHECK(watched.frames > 10);
}

TEST_CASE("new platform names and announcements with new characters wait for their atlas and figures under known names do not") {
    const std::shared_ptr<const Feed> demo = demo_feed();
    ScriptedSource source;
    KioskApp app(demo, at(Route{ScreenId::live, {}}));
    app.set_source(&source);
    HeadlessUi ui(app);
    ui.fonts_on_worker(true);
    WatchedUi watched{ui};
    for (int i = 0; i < 5; ++i) watched.frame();

    auto renamed_platform = std::make_shared<LiveStats>(demo->live);
    renamed_platform->sessions.at(0).platforms.at(0).name = LocalizedText{"鹂鹃直播", "Lìjuān Live"};
    Announcement notice;
    notice.id = "notice-new";
    notice.severity = AnnouncementSeverity::notice;
    notice.text = LocalizedText{"鑫淼犇展台已开放", "The Xīn Miǎo Bēn stand is open"};
    notice.starts_at = Timestamp{app.now_unix() - 60, 480, true};
    notice.ends_at = Timestamp{app.now_unix() + 3600, 480, true};
    REQUIRE_FALSE(fonts_hold(ui.fonts().atlas().fonts(), notice.text));
    REQUIRE_FALSE(fonts_hold_platform_names(ui.fonts().atlas().fonts(), *renamed_platform));
    source.next_live = renamed_platform;
    source.next_announcements = std::make_shared<const std::vector<Announcement>>(std::vector<Announcement>{notice});
    const int installs = ui.atlas_installs();
    watched.frame();
    CHECK(app.holds_new_data());
    CHECK(&app.live() != renamed_platform.get());
    CHECK(app.shown_announcements().empty());

    // Newer figures under the names on screen: shown at once, and the held ones (older) dropped.
    auto figures = std::make_shared<LiveStats>(demo->live);
    figures->sessions.at(0).platforms.at(0).viewers += 500;
    source.next_live = figures;
    watched.frame();
    CHECK(&app.live() == figures.get());

    REQUIRE(watched.until([&] { return !app.holds_new_data(); }));
    CHECK(ui.atlas_installs() == installs + 1);
    REQUIRE(app.shown_announcements().size() == 1);        // in the frame that installed its atlas
    CHECK(drew_text(notice.text.zh));
    CHECK(&app.live() == figures.get());                   // not the older, held figures
    CHECK(watched.frames_with_missing == 0);
}

TEST_CASE("a feed whose atlas cannot be built is shown with the glyphs there are and the failure is logged") {
    std::string error;
    const auto cjk = find_cjk_font(error);
    REQUIRE(cjk);
    TempDir dir;
    const std::filesystem::path link = dir / "cjk-font";
    std::filesystem::create_symlink(cjk->path, link);
    const std::shared_ptr<const Feed> demo = demo_feed();
    ScriptedSource source;
    KioskApp app(demo, at(Route{}));
    app.set_source(&source);
    HeadlessUi ui(app, 1920, 1080, FontFaces(FontFile{link.string(), cjk->index}));
    ui.fonts_on_worker(true);
    WatchedUi watched{ui};
    watched.frame();
    std::filesystem::remove(link);   // the next build cannot read the font
    LogCapture log;
    const std::shared_ptr<const Feed> renamed = with_new_characters(*demo);
    source.next_feed = renamed;
    const int installs = ui.atlas_installs();
    REQUIRE(watched.until([&] { return &app.feed() == renamed.get(); }));
    CHECK(ui.atlas_installs() == installs);   // none could be built
    CHECK_FALSE(app.holds_new_data());
    CHECK(log.count({"font atlas not rebuilt", "could not read the font file"}) == 1);
}
