// Feed pictures fetched and decoded off the UI thread. The UI asks, once per
// frame, for the pictures it drew without a texture and the size it drew them
// at; workers fetch (through the disk cache), check and decode them at that
// size, and queue the pixels for the UI to upload. A picture that cannot be
// had is logged once and not asked for again until retry_failed().
#pragma once

#include "base/log.h"
#include "images/image_decode.h"
#include "sources/document_cache.h"
#include "sources/http_fetcher.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiosk {

struct ImageSize {
    int width = 0, height = 0;
    bool covers(ImageSize other) const { return width >= other.width && height >= other.height; }
    bool operator==(const ImageSize&) const = default;
};

// The decode size for a picture shown at width × height px: each side rounded up
// to 32, 48, 64, 96, 128 … 4096 (steps of √2), so one picture shown at slightly
// different sizes is decoded once.
ImageSize image_size_class(float width, float height);

// How large to decode an `original`-sized picture so it covers `size_class`
// (it is shown cover-fitted: cropped, never stretched); never larger than the original.
ImageSize cover_size(ImageSize original, ImageSize size_class);

// Where the feed's image text points. URLs and absolute paths as they are;
// a relative path is relative to the feed: to its directory when the feed is
// a file, to its URL's directory when the feed is a URL (as in a web page), to
// the working directory when there is no feed (the embedded demo).
std::string resolve_image_location(std::string_view image, std::string_view feed_location);

// How a worker decodes fetched bytes for a `size_class`: the header's size picks
// the decode size (cover_size); `big` decodes take turns so two never hold
// their full-size pixels at once. Bytes stb cannot read keep size_class and
// let decode_image name the problem.
struct DecodePlan {
    ImageSize target;
    bool full_size = false;   // the target is the picture's own size
    bool big = false;         // more than 4096 × 4096 pixels while decoding
};
DecodePlan plan_decode(std::span<const std::uint8_t> data, ImageSize size_class, const ImageLimits& limits);

// Fully transparent pixels take the colour of their visible neighbours (after decode_image).
void bleed_into_transparent(DecodedImage& img);

struct ImageRequest {
    std::string location;   // as the feed has it; also the key of the result
    float width = 0, height = 0;   // the size it is drawn at, px
};

struct LoadedImage {
    std::string location;        // as requested
    ImageSize size_class;        // what it was decoded for
    bool full_size = false;      // decoded at its own size: asking for more gives nothing more
    DecodedImage image;          // empty when it failed
    std::string error;           // why it failed (already logged); empty on success
    bool ok() const { return error.empty(); }
};

struct ImageLoaderOptions {
    DocumentCache* cache = nullptr;           // downloaded pictures are kept here; may be null
    std::string feed_location;            // relative image paths resolve against it
    FetchOptions fetch;
    ImageLimits limits;
    int workers = 2;
    std::size_t max_ready_bytes = 64u * 1024 * 1024;   // decoded pixels waiting for the UI; workers wait beyond it
    std::size_t max_queued = 512;         // requests not started; the least recently asked for are dropped
    std::function<void()> on_ready;       // from a worker, after a result was queued (wake the UI)
    int individual_failure_lines = 10;    // per summary window; more failures are summarised
    std::chrono::steady_clock::duration summary_window = std::chrono::minutes(5);
    LogSummarizer::Clock clock = std::chrono::steady_clock::now;
};

struct ImageLoaderStats {
    int queued = 0, loading = 0, ready = 0, failed = 0;
    int pending() const { return queued + loading + ready; }
};

class ImageLoader {
public:
    explicit ImageLoader(ImageLoaderOptions options);   // starts the workers
    ~ImageLoader();
    ImageLoader(const ImageLoader&) = delete;
    ImageLoader& operator=(const ImageLoader&) = delete;

    // Stops the workers; a download in progress is cancelled. Idempotent.
    void stop();

    // UI thread, once per frame: the pictures the frame lacked, in drawing order.
    // Never blocks on a worker. The newest requests are served first, in the
    // order given; pictures already queued, loading, ready or failed are not
    // asked for twice (a larger size than the one loading is queued after it).
    void request(std::span<const ImageRequest> requests);

    // Up to `max` finished pictures (or failures), oldest first.
    std::vector<LoadedImage> take(std::size_t max);

    // Failed pictures may be asked for again (the feed changed).
    void retry_failed();

    // Nothing queued, loading or waiting to be taken.
    bool idle() const;
    ImageLoaderStats stats() const;

private:
    struct Queued {
        ImageSize size_class;
        std::uint64_t priority = 0;   // larger: sooner
    };
    struct Job {
        std::string location;
        ImageSize size_class;
    };

    void work();
    LoadedImage load(const Job& job);
    void note_failure(const std::string& error);   // `error` names the picture

    ImageLoaderOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable work_ready_;   // a request came, or room in the ready queue, or stop
    std::unordered_map<std::string, Queued> queued_;
    std::unordered_map<std::string, ImageSize> loading_;
    std::deque<LoadedImage> ready_;
    std::unordered_map<std::string, ImageSize> ready_sizes_;
    std::size_t ready_bytes_ = 0;
    std::unordered_set<std::string> failed_;
    std::uint64_t generation_ = 0;
    std::atomic<bool> stopping_{false};
    std::mutex big_decode_mutex_;   // one very large decode at a time: each can take hundreds of MB

    // Failure lines: the first few of a window one by one, the rest summarised.
    std::mutex log_mutex_;
    std::chrono::steady_clock::time_point window_start_{};
    int lines_in_window_ = 0;
    LogSummarizer summarizer_;

    std::vector<std::thread> workers_;
};

} // namespace kiosk
