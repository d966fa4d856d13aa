// One document source (the feed, or the live stats) on its own worker thread:
// fetch a URL or watch a local file → parse and validate → publish, keeping
// the last good document on disk and on screen when anything goes wrong.
// The parsing is a function handed in, so this file knows nothing of JSON.
#pragma once

#include "base/backoff.h"
#include "base/log.h"
#include "base/published.h"
#include "sources/document_cache.h"
#include "sources/http_fetcher.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk {

class FileWatch;

// What a parse function makes of one document. `doc` is null when any error
// was found; problem lines are ready for the log ("origin:line:col: …").
template <class T>
struct Parsed {
    std::shared_ptr<const T> doc;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

// Pure function of the text; `origin` (URL, path or cache file) is for the problem lines.
template <class T>
using ParseFunction = std::function<Parsed<T>(std::string_view text, std::string_view origin)>;

struct DocumentVerdict {
    bool accepted = false;   // valid, and published
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

// Parses one document and publishes it when valid. Called on the worker thread.
using DocumentHandler = std::function<DocumentVerdict(std::string_view text, std::string_view origin)>;

// The usual handler: parse with `parse`, publish valid documents into `slot`.
template <class T>
DocumentHandler publish_into(Published<T>& slot, ParseFunction<T> parse) {
    return [&slot, parse = std::move(parse)](std::string_view text, std::string_view origin) {
        Parsed<T> parsed = parse(text, origin);
        const bool valid = parsed.doc != nullptr;
        if (valid) slot.publish(std::move(parsed.doc));
        return DocumentVerdict{valid, std::move(parsed.errors), std::move(parsed.warnings)};
    };
}

struct SourceConfig {
    std::string name;       // "feed" or "live": log prefix and cache file name
    std::string location;   // local path or http(s) URL
    std::chrono::milliseconds poll_interval{30'000};          // URLs; failures back off from here…
    std::chrono::milliseconds max_backoff{300'000};           // …up to this
    std::chrono::milliseconds stale_after{30 * 60'000};       // data older than this: offline badge
    std::chrono::milliseconds cache_write_interval{0};        // at most one cache write per interval
    std::chrono::milliseconds file_check_interval{500};       // local files: stat even without inotify events
    bool log_each_update = true;   // false: new documents are logged as a 5-minute summary (live stats)
    FetchOptions fetch;
    std::string user_agent = kiosk_user_agent();
};

// For the admin panel and the offline badge. Times are wall-clock.
struct SourceStatus {
    using Time = std::optional<std::chrono::system_clock::time_point>;
    std::string name;
    std::string location;            // URLs without credentials
    bool is_url = false;
    Time last_attempt;               // last fetch or read of the source
    Time last_success;               // the source last confirmed what is on screen (valid 200, its 304, the file)
    Time last_change;                // a new document was published
    Time next_attempt;               // URLs: when the next fetch is due (poll interval or backoff)
    std::string last_error;          // why the last fetch or read failed; empty when it didn't
    int consecutive_failures = 0;
    bool latest_rejected = false;    // the source's newest document failed validation; an older one is shown
    std::string last_problems;       // the first problems of the last rejected document
    bool showing_cache = false;      // what is shown came from the disk cache and the source hasn't confirmed it
    bool has_data = false;
    std::uint64_t published = 0, rejected = 0, attempts = 0, not_modified = 0;
    std::uint64_t bytes_received = 0;      // over the wire, all fetches
    std::uint64_t bytes_not_modified = 0;  // of which by 304s: bytes per 304 = this / not_modified
    std::chrono::milliseconds stale_after{0};

    // How old the shown data is: now - last_success; nullopt without data.
    std::optional<std::chrono::seconds> data_age(std::chrono::system_clock::time_point now) const;
    // True when the offline badge should show: no data, or older than stale_after.
    bool offline(std::chrono::system_clock::time_point now) const;
};

class DocumentSource {
public:
    // `cache` may be null (no disk cache); it must outlive the source. `on_change`
    // is called on the worker thread after a publish or a status change (wake the UI).
    DocumentSource(SourceConfig config, DocumentHandler handler, DocumentCache* cache, std::function<void()> on_change);
    ~DocumentSource();
    DocumentSource(const DocumentSource&) = delete;
    DocumentSource& operator=(const DocumentSource&) = delete;

    // Publishes the cached document at once when there is a valid one, then starts the worker.
    void start();
    // Ends the worker (within about a second) and writes a pending cache update.
    void stop();
    // Fetch or read again now instead of after the current wait.
    void refresh_now();

    SourceStatus status() const;

private:
    void run();
    void run_url();
    void run_file();
    void load_cache();
    void attempt_url(HttpFetcher& fetcher);
    void attempt_file();
    void take_document(std::string text, const std::string& origin, const std::string& etag,
                       const std::string& last_modified);
    void answered();
    void confirmed();
    void failed(const std::string& kind, const std::string& error);
    void write_cache(bool force);
    void wait_for(std::chrono::milliseconds delay);
    void notify();
    template <class F> void update_status(F&& change);

    SourceConfig config_;
    DocumentHandler handler_;
    DocumentCache* cache_;
    std::function<void()> on_change_;
    LogSummarizer summarizer_;

    // Worker-only state.
    std::optional<std::string> last_text_;   // the last parsed document, to skip re-parsing it
    bool last_rejected_ = false;
    std::vector<std::string> last_warnings_; // logged again only when they change
    std::optional<CachedDocument> cached_;   // loaded at start: validators for the first GET
    std::optional<CachedDocument> pending_cache_;
    std::chrono::steady_clock::time_point last_cache_write_{};

    mutable std::mutex status_mutex_;
    SourceStatus status_;

    std::mutex wait_mutex_;
    std::condition_variable wake_;
    std::atomic<bool> stopping_{false};
    bool refresh_requested_ = false;   // guarded by wait_mutex_
    std::unique_ptr<FileWatch> watch_;
    std::thread worker_;
};

} // namespace kiosk
