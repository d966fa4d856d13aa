// kiosk_soak: the kiosk's main loop (KioskApp on a headless ImGui context) on a
// simulated clock through hours of an event day, no real waiting: the real
// pipeline fetches the feed every simulated 30 s and the live stats every 2 s
// from a local server (soak_world.h), pictures come and go through the real
// loader, disk cache and ImageTextures (textures counted by a stand-in
// uploader: no GL here), and a visitor taps through the screens every 5 min.
// Each poll is triggered by the simulated clock (refresh_feed_now/refresh_live_now;
// the sources' own timers are set beyond the run). Prints the memory curve;
// exits 1 when resident memory grew by 2 MB or more after warm-up, when the
// texture, glyph or cache counts did not come back, or when the log holds a
// warning or error other than the injected faults'.
#include "soak_world.h"

#include "app/app.h"
#include "app/pipeline_source.h"
#include "base/process_memory.h"
#include "headless_ui.h"
#include "images/image_loader.h"
#include "sources/document_parsers.h"
#include "sources/pipeline.h"
#include "temp_dir.h"
#include "widgets/image_textures.h"

#include <CLI/CLI.hpp>

#include <cfloat>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;

namespace {

using soak::SoakWorld;

constexpr std::int64_t kLivePoll = 2;       // s
constexpr std::int64_t kFeedPoll = 30;      // s
constexpr std::int64_t kVisitorEvery = 300; // s
constexpr std::uint64_t kMaxGrowth = 2u << 20;

// Textures as numbers: how many exist is what the soak watches.
class CountingUploader final : public TextureUploader {
public:
    ImTextureID upload(const DecodedImage&) override {
        live_.insert(++next_);
        return reinterpret_cast<ImTextureID>(next_);
    }
    void release(ImTextureID texture) override { live_.erase(reinterpret_cast<std::intptr_t>(texture)); }
    int live() const { return static_cast<int>(live_.size()); }

private:
    std::set<std::intptr_t> live_;
    std::intptr_t next_ = 0;
};

// Keeps the counts and the lines the injected faults do not explain.
class LogWatch {
public:
    LogWatch() {
        set_log_level(LogLevel::info);
        set_log_sink([this](LogLevel level, std::string_view line) { note(level, line); });
    }
    ~LogWatch() { set_log_sink(nullptr); }
    int unexpected() const { return unexpected_; }
    int expected() const { return expected_; }
    void print_unexpected() const {
        for (const std::string& line : samples_) std::fprintf(stderr, "  unexpected: %s\n", line.c_str());
    }

private:
    void note(LogLevel level, std::string_view line) {
        if (level < LogLevel::warning) return;
        const bool injected = level == LogLevel::warning &&
                              (contains(line, "fetch failed: GET") || contains(line, ": rejected ") ||
                               contains(line, ": error: ") || contains(line, "… and ") ||
                               contains(line, SoakWorld::kMissingPicture) || contains(line, "pictures failed within"));
        std::lock_guard lock(mutex_);
        if (injected) {
            ++expected_;
            return;
        }
        ++unexpected_;
        if (samples_.size() < 20) samples_.emplace_back(line);
    }
    static bool contains(std::string_view line, std::string_view part) { return line.find(part) != std::string_view::npos; }

    std::mutex mutex_;
    int unexpected_ = 0, expected_ = 0;
    std::vector<std::string> samples_;
};
// Until the source has finished the attempt asked for (a fetch and its parse: work, not time).
bool wait_for_attempt(const FeedPipeline& pipeline, bool feed, const SourceStatus::Time& before) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        const auto s = feed ? pipeline.feed_status() : pipeline.live_status();
        if (s && s->next_attempt != before) return true;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return false;
}

void poll(FeedPipeline& pipeline, bool feed) {
    const auto before = (feed ? pipeline.feed_status() : pipeline.live_status())->next_attempt;
    if (feed) pipeline.refresh_feed_now();
    else pipeline.refresh_live_now();
    if (!wait_for_attempt(pipeline, feed, before))
        std::fprintf(stderr, "kiosk_soak: the %s source did not finish a fetch within 30 s\n", feed ? "feed" : "live");
}

struct Counts {
    std::uint64_t resident = 0;
    int textures = 0, glyphs = 0, cached_images = 0, failed_pictures = 0;
};

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Soak test: the kiosk's main loop through simulated hours; prints the memory curve."};
    double hours = 24, warmup_hours = 1;
    double max_growth_mb = kMaxGrowth / 1048576.0;
    cli.add_option("--max-growth-mb", max_growth_mb,
                   "Resident growth after warm-up that fails the run; 0: not checked (sanitizer builds hold freed memory)");
    cli.add_option("--hours", hours, "Simulated hours to run (CTest runs 3)")->check(CLI::Range(0.25, 24.0 * 7));
    cli.add_option("--warmup-hours", warmup_hours, "Simulated hours before the baseline (at most half the run)")
        ->check(CLI::Range(0.1, 24.0));
    CLI11_PARSE(cli, argc, argv);
    warmup_hours = std::min(warmup_hours, hours / 2);

    LogWatch log;
    test::TempDir cache_dir;
    SoakWorld world;
    CountingUploader gpu;

    PipelineConfig pc;
    pc.feed_location = world.feed_url();
    pc.live_location = world.live_url();
    pc.cache_dir = cache_dir.path();
    pc.feed_poll_interval = pc.live_poll_interval = pc.max_backoff = std::chrono::hours(24 * 30);   // the soak polls
    pc.image_cache_bytes = 2u << 20;   // less than one hour's pictures: the cache must evict
    FeedPipeline pipeline(pc, parse_feed_document, parse_live_document, {});
    PipelineSource source(pipeline);
    pipeline.start();
    source.wait_for_first_answer(std::chrono::seconds(30));
    const std::shared_ptr<const IndexedFeed> first = pipeline.feed().latest();
    if (!first) {
        std::fprintf(stderr, "kiosk_soak: no feed from %s\n", world.feed_url().c_str());
        return 1;
    }

    ImageLoaderOptions lo;
    lo.cache = pipeline.cache();
    lo.feed_location = world.feed_url();
    ImageLoader loader(std::move(lo));
    ImageTextures images(loader, gpu);

    KioskApp app(*first, AppOptions{});
    app.set_source(&source);
    app.set_images(&images);
    test::HeadlessUi ui(app);
    app.set_wall_clock([&] { return world.start_unix() + static_cast<std::int64_t>(ui.now()); });
    const ImVec2 away(-FLT_MAX, -FLT_MAX);

    // Pictures finish on the loader's workers: draw until every one asked for is on a texture.
    auto settle = [&] {
        for (int i = 0; i < 400 && (images.busy() || images.has_ready()); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ui.frame(away, false, 0.001);
        }
    };
    auto counts = [&] {
        settle();
        Counts c;
        c.resident = resident_bytes();
        c.textures = gpu.live();
        c.glyphs = static_cast<int>(ui.fonts().atlas().glyphs().all.count());
        c.cached_images = pipeline.cache() ? pipeline.cache()->image_usage().files : -1;
        c.failed_pictures = images.stats().failed;
        return c;
    };
    auto print = [&](const char* label, double hour, const Counts& c) {
        std::printf("%-6s %6.2f h  resident %8.2f MB  textures %3d (ImageTextures %3d)  glyphs %4d  cached images %3d\n",
                    label, hour, c.resident / 1048576.0, c.textures, images.stats().textures, c.glyphs, c.cached_images);
        std::fflush(stdout);
    };

    // A visitor: Home → county products → a county → scroll → a product → back, language, Home; then leaves.
    std::set<std::string> screens_seen;
    auto visit = [&] {
        // Wake the attract loop (that touch only goes Home), then the catalogue entry (second of six), a county, a product…
        const ImVec2 taps[] = {{960, 540}, {490, 500}, {300, 250}, {300, 350}, {107, 48}, {1828, 48}, {1541, 48}};
        for (std::size_t i = 0; i < std::size(taps); ++i) {
            if (i == 3) ui.drag({960, 800}, {0, -300}, 12, true);
            ui.tap(taps[i]);
            ui.frame(away, false, 0.5);
            screens_seen.insert(route_name(Route{app.route().screen, {}}));
        }
    };

    const std::int64_t total = static_cast<std::int64_t>(hours * 3600);
    const std::int64_t warm_at = static_cast<std::int64_t>(warmup_hours * 3600) / kLivePoll * kLivePoll;
    const Counts start = counts();
    print("start", 0, start);
    Counts warm;
    std::uint64_t peak = start.resident;
    for (std::int64_t t = kLivePoll; t <= total; t += kLivePoll) {
        world.set_time(t);
        poll(pipeline, false);
        if (t % kFeedPoll == 0) poll(pipeline, true);
        if (t % kVisitorEvery == 0) visit();
        if (ui.now() < t + 1.0) ui.frame(away, false, t + 1.0 - ui.now());   // the loop's frame at this instant
        if (t == warm_at || t % 3600 == 0 || t == total) {
            const Counts c = counts();
            peak = std::max(peak, c.resident);
            if (t == warm_at) warm = c;
            print(t == warm_at ? "warm" : t == total ? "end" : "hour", t / 3600.0, c);
            if (t == total) {
                const auto feed = *pipeline.feed_status();
                const auto live = *pipeline.live_status();
                std::printf("feed: %llu published, %llu rejected, %llu not modified, %llu attempts; live: %llu "
                            "published, %llu rejected, %llu attempts; log lines from injected faults %d\n",
                            (unsigned long long)feed.published, (unsigned long long)feed.rejected,
                            (unsigned long long)feed.not_modified, (unsigned long long)feed.attempts,
                            (unsigned long long)live.published, (unsigned long long)live.rejected,
                            (unsigned long long)live.attempts, log.expected());
                std::string visited;
                for (const std::string& s : screens_seen) visited += " " + s;
                std::printf("screens the visitor reached:%s\n", visited.c_str());
                const long long growth = static_cast<long long>(c.resident) - static_cast<long long>(warm.resident);
                std::printf("memory: start %.2f MB, warm %.2f MB, end %.2f MB, peak %.2f MB: %+.2f MB after warm-up\n",
                            start.resident / 1048576.0, warm.resident / 1048576.0, c.resident / 1048576.0,
                            peak / 1048576.0, growth / 1048576.0);
                int failures = 0;
                auto expect = [&](bool ok, const char* what) {
                    if (!ok) {
                        std::fprintf(stderr, "kiosk_soak: FAILED: %s\n", what);
                        ++failures;
                    }
                };
                if (max_growth_mb > 0)
                    expect(growth < static_cast<long long>(max_growth_mb * 1048576.0), "resident memory grew too much after warm-up");
                expect(c.textures <= warm.textures, "more textures than after warm-up");
                expect(c.textures == images.stats().textures, "textures created and not deleted");
                expect(c.glyphs <= warm.glyphs, "more glyphs than after warm-up");
                // The pictures differ in size by a few KB, so the same byte limit holds one more or one fewer.
                expect(c.cached_images <= warm.cached_images + 1, "more cached images than after warm-up");
                expect(pipeline.cache()->image_usage().bytes <= pc.image_cache_bytes, "image cache over its limit");
                expect(feed.rejected > 0 && live.rejected > 0, "the injected bad documents were not rejected");
                expect(screens_seen.size() >= 4, "the visitor script reached fewer than 4 screens");
                expect(log.unexpected() == 0, "warnings or errors besides the injected faults");
                log.print_unexpected();
                loader.stop();
                pipeline.stop();
                return failures == 0 ? 0 : 1;
            }
        }
    }
    return 1;
}
