// [issue 16: schedule changes] The feed worker's memory of first plans: two feeds
// in a row through the real pipeline, and a restart that still marks the change.
#include "sources/schedule_keeper.h"

#include "sources/document_parsers.h"
#include "sources/pipeline.h"

#include "log_capture.h"
#include "pipeline_test_support.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;
using test::eventually;

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// tests/data/feed-small.json: wenshui-live on 16 May 19:30–21:30 in 直播间 1, opening on 15 May.
std::string small_feed() { return read_text(TEST_DATA_DIR "/feed-small.json"); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The next feed: wenshui-live half an hour later in 直播间 2, the opening cancelled.
std::string changed_feed() {
    std::string text = replaced(small_feed(), R"("start": "2020-05-16T19:30:00+08:00")", R"("start": "2020-05-16T20:00:00+08:00")");
    text = replaced(text, R"("end": "2020-05-16T21:30:00+08:00")", R"("end": "2020-05-16T22:00:00+08:00")");
    text = replaced(text, R"("location": "直播间 1")", R"("location": "直播间 2")");
    return replaced(text, R"("kind": "ceremony")", R"("kind": "ceremony", "cancelled": true)");
}

std::shared_ptr<const Feed> parsed(const std::string& text) {
    Parsed<Feed> p = parse_feed_document(text, "feed.json");
    REQUIRE(p.doc);
    return p.doc;
}

} // namespace

TEST_CASE("the keeper marks a moved session, and a restart reading its file still does", "[schedule_keeper]") {
    test::TempDir dir;
    const std::filesystem::path file = dir / kScheduleMemoryFile;
    {
        ScheduleKeeper keeper(file);
        CHECK_FALSE(keeper.mark(parsed(small_feed()))->session("wenshui-live")->previous);
        REQUIRE(std::filesystem::exists(file));
        const auto marked = keeper.mark(parsed(changed_feed()));
        const Session* s = marked->session("wenshui-live");
        REQUIRE(s);   // the copy keeps its id index
        REQUIRE(s->previous);
        CHECK(s->previous->location.zh == "直播间 1");
        CHECK(time_changed(*s));
        CHECK(marked->session("opening")->cancelled);
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))   // replaced atomically: no temporary left
        CHECK(entry.path().filename() == kScheduleMemoryFile);

    ScheduleKeeper restarted(file);
    const auto marked = restarted.mark(parsed(changed_feed()));
    REQUIRE(marked->session("wenshui-live")->previous);
    CHECK(marked->session("wenshui-live")->previous->start.unix_seconds ==
          parse_iso8601("2020-05-16T19:30:00+08:00")->unix_seconds);
}

TEST_CASE("a damaged memory file is logged and the keeper starts afresh", "[schedule_keeper]") {
    test::LogCapture log;
    test::TempDir dir;
    std::ofstream(dir / kScheduleMemoryFile) << "{\"format\": \"lvliang-kiosk-schedule-memory/1\", \"sess";
    ScheduleKeeper keeper(dir / kScheduleMemoryFile);
    CHECK_FALSE(keeper.mark(parsed(changed_feed()))->session("wenshui-live")->previous);
    CHECK(log.has({"WARN", "schedule changes:", "starting without earlier plans"}));
    // It then learnt this feed's plans and wrote a good file.
    std::string error;
    CHECK(memory_from_json(read_text(dir / kScheduleMemoryFile), error));
}

TEST_CASE("two feeds in a row through the pipeline: the second is published with the change marked, and a restart keeps it",
          "[schedule_keeper]") {
    test::TempDir dir;
    const std::filesystem::path feed_file = dir / "feed.json";
    PipelineConfig c;
    c.cache_dir = dir / "cache";
    c.feed_location = feed_file.string();
    c.file_check_interval = 20ms;
    c.feed_poll_interval = 50ms;
    const auto moved_shown = [](const FeedPipeline& p) {
        auto f = p.feed().latest();
        const Session* s = f ? f->feed->session("wenshui-live") : nullptr;
        return s && s->previous && s->previous->location.zh == "直播间 1" && f->feed->session("opening")->cancelled;
    };
    std::ofstream(feed_file) << small_feed();
    {
        FeedPipeline pipeline(c, parse_feed_document, parse_live_document, nullptr);
        pipeline.start();
        REQUIRE(eventually([&] { return pipeline.feed().latest() != nullptr; }));
        CHECK_FALSE(pipeline.feed().latest()->feed->session("wenshui-live")->previous);
        std::ofstream(dir / "next.json") << changed_feed();
        std::filesystem::rename(dir / "next.json", feed_file);
        CHECK(eventually([&] { return moved_shown(pipeline); }));
        pipeline.stop();
    }
    CHECK(std::filesystem::exists(dir / "cache" / kScheduleMemoryFile));

    FeedPipeline restarted(c, parse_feed_document, parse_live_document, nullptr);
    restarted.start();
    CHECK(eventually([&] { return moved_shown(restarted); }));
}
