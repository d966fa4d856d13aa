// The font atlas follows new data without the UI thread collecting or
// building: the old atlas serves until the worker's is installed.
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "font_test_context.h"
#include "headless_ui.h"
#include "log_capture.h"
#include "platform/font_keeper.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace kiosk;
using namespace kiosk::test;

namespace {

GlyphSource texts(std::string zh) {
    return [zh](FontGlyphs& glyphs) {
        glyphs.all.add(zh);
        glyphs.display.add(zh);
    };
}

GlyphSet just(const char* text) {
    GlyphSet set;
    set.add(text);
    return set;
}

// Installs what the worker finishes; false when nothing came within 20 s.
bool wait_for_install(FontKeeper& fonts) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < give_up) {
        if (fonts.install_ready()) return true;
        if (!fonts.busy()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

} // namespace

TEST_CASE("FontKeeper builds new glyphs on a worker and installs them between frames, known glyphs build nothing") {
    FontTestContext context;
    std::string error;
    const auto file = find_cjk_font(error);
    REQUIRE(file);
    FontKeeper fonts(*file, 1.0f);
    REQUIRE(fonts.build_now(texts("交城骏枣"), error));
    CHECK(ImGui::GetIO().Fonts->Fonts.Size == 4);
    CHECK(fonts.atlas().glyphs().all.contains_all_of(just("交城骏枣")));
    const ImFontAtlas* first = ImGui::GetIO().Fonts;

    fonts.request(texts("骏枣"));   // nothing new
    CHECK_FALSE(wait_for_install(fonts));
    CHECK(ImGui::GetIO().Fonts == first);

    fonts.request(texts("文水核桃"));
    CHECK(ImGui::GetIO().Fonts == first);   // the old atlas serves until the new one is installed
    REQUIRE(wait_for_install(fonts));
    CHECK(ImGui::GetIO().Fonts != first);
    CHECK(fonts.atlas().glyphs().all.contains_all_of(just("文水核桃")));
    CHECK_FALSE(fonts.busy());
}

TEST_CASE("a request made while one is building is taken up after it, against the atlas then installed") {
    FontTestContext context;
    std::string error;
    const auto file = find_cjk_font(error);
    REQUIRE(file);
    FontKeeper fonts(*file, 1.0f);
    REQUIRE(fonts.build_now(texts("吕梁"), error));
    fonts.request(texts("汾阳"));
    fonts.request(texts("孝义"));   // queued
    REQUIRE(wait_for_install(fonts));
    REQUIRE(wait_for_install(fonts));
    CHECK(fonts.atlas().glyphs().all.contains_all_of(just("孝义")));
    CHECK_FALSE(fonts.busy());
}

TEST_CASE("the headless UI keeps drawing the old feed while a new feed's glyphs are built, then shows it with the new atlas") {
    const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(demo.ok());
    auto renamed = std::make_shared<Feed>(*demo.feed);
    renamed->event.title = LocalizedText{"鑫鑫鑫活动", "Xin"};   // 鑫 is in no other text of the demo

    struct OneFeed final : SnapshotSource {
        std::shared_ptr<const Feed> next;
        bool take_new(IndexedFeed& feed, std::shared_ptr<const LiveStats>&) override {
            if (!next) return false;
            feed = index_feed(std::move(next));
            return true;
        }
    } source;
    KioskApp app(demo.feed, AppOptions{});
    app.set_source(&source);
    HeadlessUi ui(app);
    ui.fonts_on_worker(true);
    ui.idle(0.1);
    CHECK_FALSE(ui.fonts().atlas().glyphs().all.contains_all_of(just("鑫")));
    const int installs = ui.atlas_installs();
    source.next = renamed;
    ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);   // takes the feed and holds it; the glyphs go to a worker
    CHECK(app.feed().event.title.zh != "鑫鑫鑫活动");
    CHECK(app.holds_new_data());
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (ui.atlas_installs() == installs && std::chrono::steady_clock::now() < give_up) {
        CHECK(app.feed().event.title.zh != "鑫鑫鑫活动");
        ui.idle(0.02);
    }
    CHECK(ui.atlas_installs() == installs + 1);
    CHECK(ui.fonts().atlas().glyphs().display.contains_all_of(just("鑫")));
    CHECK(app.feed().event.title.zh == "鑫鑫鑫活动");
}

TEST_CASE("a finished build is announced on its worker once it can be installed") {
    FontTestContext context;
    std::string error;
    const auto file = find_cjk_font(error);
    REQUIRE(file);
    std::atomic<int> announced{0};
    // It lingers after announcing: a result set only when the whole job returns would not be there yet.
    FontKeeper fonts(*file, 1.0f, [&announced] {
        ++announced;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    });
    REQUIRE(fonts.build_now(texts("交城骏枣"), error));
    CHECK(announced == 0);   // built on the caller's thread: nobody to wake
    fonts.request(texts("文水"));
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (announced == 0 && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(announced == 1);
    CHECK(fonts.install_ready());   // at once: the loop it woke finds the atlas
    CHECK(fonts.atlas().glyphs().all.contains_all_of(just("文水")));
}

TEST_CASE("a glyph source that throws ends as a logged error and the keeper is free again") {
    FontTestContext context;
    std::string error;
    const auto file = find_cjk_font(error);
    REQUIRE(file);
    FontKeeper fonts(*file, 1.0f);
    REQUIRE(fonts.build_now(texts("交城"), error));
    LogCapture log;
    fonts.request([](FontGlyphs&) { throw std::runtime_error("no memory for the glyphs"); });
    fonts.wait();
    CHECK_FALSE(fonts.install_ready());
    CHECK_FALSE(fonts.busy());   // held data may show now, with the glyphs there are
    CHECK(log.count({"font atlas not rebuilt", "no memory for the glyphs"}) == 1);
    CHECK(fonts.atlas().glyphs().all.contains_all_of(just("交城")));
}
