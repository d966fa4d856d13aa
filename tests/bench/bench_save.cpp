// Measure 6: a local feed file is saved; how long until the pipeline has
// parsed, validated and published it (the moment its worker wakes the UI).
#include "base/embedded.h"
#include "bench.h"
#include "feed_generator.h"
#include "sources/document_parsers.h"
#include "sources/pipeline.h"

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::bench {

namespace {

enum class SaveStyle { in_place, rename };

void save(const std::filesystem::path& path, const std::string& text, SaveStyle style) {
    if (style == SaveStyle::in_place) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        return;
    }
    const auto temp = path.parent_path() / ("." + path.filename().string() + ".new");
    std::ofstream(temp, std::ios::binary | std::ios::trunc) << text;
    std::filesystem::rename(temp, path);
}

std::string save_note(int n) { return "Save " + std::to_string(n) + ". "; }

// The document with a different "sample" note each time, so every save is new text.
std::string version(const std::string& text, int n) {
    const std::string key = "\"sample\": \"";
    std::string out = text;
    const std::size_t at = out.find(key);
    out.insert(at + key.size(), save_note(n));
    return out;
}

// When the feed of one save was published. Its text is told apart by the note version() wrote:
// a generation number is not enough, as the index worker publishes the previous save's feed
// again with its search index, which could land after the next save.
class PublishClock {
public:
    void expect(std::string note_prefix) {
        std::lock_guard lock(mutex_);
        expected_ = std::move(note_prefix);
        seen_ = false;
    }
    // Called on the pipeline's worker after each publish or status change, with the feed published.
    void woke(const Feed* feed) {
        std::lock_guard lock(mutex_);
        if (seen_ || !feed || feed->sample_note.rfind(expected_, 0) != 0) return;
        seen_ = true;
        at_ = std::chrono::steady_clock::now();
        cv_.notify_all();
    }
    std::optional<std::chrono::steady_clock::time_point> wait(std::chrono::seconds limit) {
        std::unique_lock lock(mutex_);
        if (!cv_.wait_for(lock, limit, [&] { return seen_; })) return std::nullopt;
        return at_;
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::string expected_;
    bool seen_ = false;
    std::chrono::steady_clock::time_point at_;
};

void measure(const std::string& label, const std::string& text, SaveStyle style, int saves, const BenchOptions& options,
             Table& table) {
    const std::string style_name = style == SaveStyle::in_place ? "written in place" : "replaced by rename";
    const std::string measure_name = "save → new snapshot, " + label + ", " + style_name;
    const auto dir = options.work_dir / "save";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto path = dir / "feed.json";
    save(path, version(text, 0), SaveStyle::in_place);

    PipelineConfig config;
    config.feed_location = path.string();
    config.cache_dir = dir / "cache";
    PublishClock clock;
    FeedPipeline* pipeline_ptr = nullptr;
    FeedPipeline pipeline(config, parse_feed_document, parse_live_document, [&] {
        if (!pipeline_ptr) return;
        const std::shared_ptr<const IndexedFeed> published = pipeline_ptr->feed().latest();
        clock.woke(published ? published->feed.get() : nullptr);
    });
    pipeline_ptr = &pipeline;
    clock.expect(save_note(0));
    pipeline.start();
    if (!clock.wait(std::chrono::seconds(30))) {
        table.fail(measure_name, "the first document was never published");
        return;
    }
    std::vector<double> ms;
    for (int i = 1; i <= saves; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));   // saves, not a burst of writes
        const std::string next = version(text, i);
        clock.expect(save_note(i));
        save(path, next, style);
        const auto saved = std::chrono::steady_clock::now();
        const auto published = clock.wait(std::chrono::seconds(30));
        if (!published) {
            table.fail(measure_name, "save " + std::to_string(i) + " was not published within 30 s");
            return;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(*published - saved).count());
    }
    pipeline.stop();
    table.add(measure_name, format_stats(stats_of(ms), "ms") + " (min / median / max of " + std::to_string(saves) +
                                " saves; clock from the save's close or rename to the publish)");
}

} // namespace

void bench_save_latency(const BenchOptions& options, Table& table) {
    const int saves = options.quick ? 3 : 10;
    std::vector<std::pair<std::string, std::string>> feeds{
        {"the demo feed", std::string(*embedded_file("config/demo-feed.json"))}};
    if (!options.quick) {
        FeedGeneratorOptions g;
        g.products = 2000;
        feeds.emplace_back("2,000 products", generate_feed(g));
    }
    for (const auto& [label, text] : feeds)
        for (SaveStyle style : {SaveStyle::in_place, SaveStyle::rename}) measure(label, text, style, saves, options, table);
}

} // namespace kiosk::bench
