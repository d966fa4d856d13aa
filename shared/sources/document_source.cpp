// Index of this file:
// [SECTION] Helpers: plurals, file signatures
// [SECTION] Status
// [SECTION] Start, stop, refresh
// [SECTION] The worker: cache, URL or file
// [SECTION] Outcomes and the cache
#include "sources/document_source.h"

#include "base/atomic_file.h"
#include "sources/file_watch.h"

#include <random>
#include <sys/stat.h>

namespace kiosk {

namespace {

constexpr std::size_t kMaxProblemLines = 20;   // per rejected document; the rest is counted

// [SECTION] Helpers: plurals, file signatures
std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Enough to notice a save even when inotify missed it.
struct FileSignature {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    long long mtime_ns = 0;
    bool operator==(const FileSignature&) const = default;
};

FileSignature file_signature(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {true, st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

} // namespace

// [SECTION] Status
std::optional<std::chrono::seconds> SourceStatus::data_age(std::chrono::system_clock::time_point now) const {
    if (!has_data || !last_success) return std::nullopt;
    return std::max(std::chrono::seconds(0), std::chrono::duration_cast<std::chrono::seconds>(now - *last_success));
}

bool SourceStatus::offline(std::chrono::system_clock::time_point now) const {
    const auto age = data_age(now);
    return !age || *age > stale_after;
}

DocumentSource::DocumentSource(SourceConfig config, DocumentHandler handler, DocumentCache* cache, std::function<void()> on_change)
    : config_(std::move(config)), handler_(std::move(handler)), cache_(cache), on_change_(std::move(on_change)) {
    status_.name = config_.name;
    status_.location = redact_url(config_.location);
    status_.is_url = looks_like_url(config_.location);
    status_.stale_after = config_.stale_after;
}

DocumentSource::~DocumentSource() { stop(); }

// [SECTION] Start, stop, refresh
void DocumentSource::start() {
    if (worker_.joinable()) return;
    stopping_ = false;
    if (!status_.is_url) watch_ = std::make_unique<FileWatch>(config_.location);
    worker_ = std::thread([this] { run(); });
}

void DocumentSource::stop() {
    {
        std::lock_guard lock(wait_mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (watch_) watch_->interrupt();
    if (worker_.joinable()) worker_.join();
    watch_.reset();
}

void DocumentSource::refresh_now() {
    {
        std::lock_guard lock(wait_mutex_);
        refresh_requested_ = true;
    }
    wake_.notify_all();
    if (watch_) watch_->interrupt();
}

SourceStatus DocumentSource::status() const {
    std::lock_guard lock(status_mutex_);
    return status_;
}

template <class F>
void DocumentSource::update_status(F&& change) {
    std::lock_guard lock(status_mutex_);
    change(status_);
}

void DocumentSource::notify() {
    if (on_change_) on_change_();
}

// [SECTION] The worker: cache, URL or file
void DocumentSource::run() {
    load_cache();   // here, not in start(): parsing stays off the UI thread
    if (status_.is_url) run_url();
    else run_file();
    write_cache(true);
    summarizer_.clear("");   // leave no counted repeats unlogged
}

void DocumentSource::load_cache() {
    if (!cache_) return;
    const std::string path = cache_->document_path(config_.name).string();
    std::string error;
    std::optional<CachedDocument> doc = cache_->load(config_.name, error);
    if (!doc) {
        if (std::filesystem::exists(path)) log_warning(config_.name + ": cannot use the cache: " + error);
        else log_info(config_.name + ": nothing cached yet at " + path);
        return;
    }
    DocumentVerdict verdict = handler_(doc->text, path);
    if (!verdict.accepted) {
        log_warning(config_.name + ": ignoring the cached " + path + ": " + plural(verdict.errors.size(), "error"));
        for (std::size_t i = 0; i < verdict.errors.size() && i < kMaxProblemLines; ++i)
            log_warning(config_.name + ": " + verdict.errors[i]);
        return;
    }
    log_info(config_.name + ": showing the cached " + path + " (" + plural(doc->text.size(), "byte") + ") until " +
             status_.location + " answers");
    last_text_ = doc->text;
    last_warnings_ = std::move(verdict.warnings);
    update_status([&](SourceStatus& s) {
        s.has_data = true;
        s.showing_cache = true;
        s.last_success = doc->written;   // the data is as old as the cache file
    });
    cached_ = std::move(doc);
    notify();
}

void DocumentSource::run_url() {
    HttpFetcher fetcher(config_.location, config_.fetch, config_.user_agent);
    if (cached_ && cached_->url == config_.location) fetcher.set_validators(cached_->etag, cached_->last_modified);
    std::minstd_rand rng(std::random_device{}());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const BackoffPolicy policy{config_.poll_interval, config_.max_backoff, 0.2};
    while (!stopping_) {
        attempt_url(fetcher);
        if (stopping_) break;
        write_cache(false);
        summarizer_.tick();
        const int failures = status().consecutive_failures;
        const auto delay = failures > 0 ? backoff_delay(policy, failures, unit(rng)) : config_.poll_interval;
        update_status([&](SourceStatus& s) { s.next_attempt = std::chrono::system_clock::now() + delay; });
        wait_for(delay);
    }
}

void DocumentSource::attempt_url(HttpFetcher& fetcher) {
    update_status([](SourceStatus& s) {
        s.last_attempt = std::chrono::system_clock::now();
        ++s.attempts;
    });
    FetchResult r = fetcher.fetch(&stopping_);
    if (stopping_ && r.error_kind == "cancelled") return;
    update_status([&](SourceStatus& s) {
        s.bytes_received += r.bytes_received;
        if (r.not_modified) {
            ++s.not_modified;
            s.bytes_not_modified += r.bytes_received;
        }
    });
    if (!r.ok()) {
        failed(r.error_kind, "fetch failed: " + r.error);
        return;
    }
    answered();
    if (r.not_modified) {
        confirmed();
        summarizer_.report(LogLevel::debug, config_.name + ":304", config_.name + ": " + status_.location + " not modified");
        return;
    }
    take_document(std::move(r.body), redact_url(config_.location), fetcher.etag(), fetcher.last_modified());
}

void DocumentSource::run_file() {
    if (!watch_->error().empty())
        log_warning(config_.name + ": " + watch_->error() + "; checking " + config_.location + " every " +
                    format_duration(config_.file_check_interval) + " instead");
    FileSignature seen = file_signature(config_.location);
    attempt_file();
    while (!stopping_) {
        const bool event = watch_->wait(config_.file_check_interval);
        bool refresh = false;
        {
            std::lock_guard lock(wait_mutex_);
            std::swap(refresh, refresh_requested_);
        }
        if (stopping_) break;
        const FileSignature now = file_signature(config_.location);
        if (event || refresh || !(now == seen)) {
            seen = now;
            attempt_file();
        } else if (now.exists && status().consecutive_failures == 0) {
            confirmed();   // a local file is current as long as it is there
        }
        write_cache(false);
        summarizer_.tick();
    }
}

void DocumentSource::attempt_file() {
    update_status([](SourceStatus& s) {
        s.last_attempt = std::chrono::system_clock::now();
        ++s.attempts;
    });
    std::string error;
    std::optional<std::string> text = read_whole_file(config_.location, config_.fetch.max_body_bytes, error);
    if (!text) {
        failed(std::filesystem::exists(config_.location) ? "read" : "missing", "read failed: " + error);
        return;
    }
    answered();
    take_document(std::move(*text), config_.location, "", "");
}

void DocumentSource::take_document(std::string text, const std::string& origin, const std::string& etag,
                               const std::string& last_modified) {
    if (last_text_ && *last_text_ == text) {   // e.g. a server without validators, or a touched file
        confirmed();
        return;
    }
    DocumentVerdict verdict = handler_(text, origin);
    last_rejected_ = !verdict.accepted;
    if (verdict.accepted) {
        update_status([](SourceStatus& s) {
            const auto now = std::chrono::system_clock::now();
            ++s.published;
            s.last_success = s.last_change = now;
            s.has_data = true;
            s.showing_cache = false;
            s.latest_rejected = false;
            s.last_problems.clear();
        });
        std::string message = config_.name + ": published " + origin + " (" + plural(text.size(), "byte");
        if (!verdict.warnings.empty()) message += ", " + plural(verdict.warnings.size(), "warning");
        message += ")";
        if (config_.log_each_update) log_info(message);
        else summarizer_.report(LogLevel::info, config_.name + ":published", message);
        if (verdict.warnings != last_warnings_) {
            for (std::size_t i = 0; i < verdict.warnings.size() && i < kMaxProblemLines; ++i)
                log_warning(config_.name + ": " + verdict.warnings[i]);
            last_warnings_ = std::move(verdict.warnings);
        }
        pending_cache_ = CachedDocument{text, config_.location, etag, last_modified, {}};
    } else {
        // Logged before the status changes, so whoever sees the status finds the lines.
        log_warning(config_.name + ": rejected " + origin + ": " + plural(verdict.errors.size(), "error") + ", " +
                    plural(verdict.warnings.size(), "warning") + "; keeping the last good document");
        for (std::size_t i = 0; i < verdict.errors.size() && i < kMaxProblemLines; ++i)
            log_warning(config_.name + ": " + verdict.errors[i]);
        if (verdict.errors.size() > kMaxProblemLines)
            log_warning(config_.name + ": … and " + plural(verdict.errors.size() - kMaxProblemLines, "more error"));
        std::string summary;
        for (std::size_t i = 0; i < verdict.errors.size() && i < 3; ++i) summary += (i ? "\n" : "") + verdict.errors[i];
        update_status([&](SourceStatus& s) {
            ++s.rejected;
            s.latest_rejected = true;
            s.last_problems = summary;
        });
    }
    last_text_ = std::move(text);
    notify();            // before the cache write's fsync: the screen first
    write_cache(false);
}

// [SECTION] Outcomes and the cache
void DocumentSource::answered() {
    const int had = status().consecutive_failures;   // only this thread writes it
    if (had == 0) return;
    summarizer_.clear(config_.name + ":fail:");
    log_info(config_.name + ": " + status_.location + " answers again after " + plural(had, "failed attempt"));
    update_status([](SourceStatus& s) {
        s.consecutive_failures = 0;
        s.last_error.clear();
    });
    notify();
}

void DocumentSource::confirmed() {
    if (last_rejected_ || !last_text_) return;   // the source confirms a document that isn't shown
    update_status([](SourceStatus& s) {
        s.last_success = std::chrono::system_clock::now();
        s.showing_cache = false;
    });
}

void DocumentSource::failed(const std::string& kind, const std::string& error) {
    summarizer_.report(LogLevel::warning, config_.name + ":fail:" + kind, config_.name + ": " + error);
    int failures = 0;
    update_status([&](SourceStatus& s) {
        failures = ++s.consecutive_failures;
        s.last_error = error;
    });
    if (failures == 1) notify();
}

void DocumentSource::write_cache(bool force) {
    if (!pending_cache_ || !cache_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && last_cache_write_ != std::chrono::steady_clock::time_point{} &&
        now - last_cache_write_ < config_.cache_write_interval)
        return;
    last_cache_write_ = now;
    std::string error;
    if (!cache_->store(config_.name, *pending_cache_, error)) {
        summarizer_.report(LogLevel::warning, config_.name + ":cache-failed", config_.name + ": cache write failed: " + error);
        return;   // kept pending: retried after the next interval
    }
    summarizer_.clear(config_.name + ":cache-failed");
    const std::string message = config_.name + ": cache: wrote " + cache_->document_path(config_.name).string() + " (" +
                                plural(pending_cache_->text.size(), "byte") + ")";
    if (config_.log_each_update) log_info(message);
    else summarizer_.report(LogLevel::info, config_.name + ":cache-written", message);
    pending_cache_.reset();
}

void DocumentSource::wait_for(std::chrono::milliseconds delay) {
    std::unique_lock lock(wait_mutex_);
    wake_.wait_for(lock, delay, [&] { return stopping_.load() || refresh_requested_; });
    refresh_requested_ = false;
}

} // namespace kiosk
