// One HTTP(S) source polled with conditional GETs (ETag / If-Modified-Since)
// and compressed transfer, under the limits. Blocking: call it on a
// worker thread, never the UI's. One fetcher per source, used by one thread
// at a time; it keeps its connection between polls.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk {

struct FetchOptions {
    std::chrono::milliseconds connect_timeout{5'000};
    std::chrono::milliseconds total_timeout{20'000};
    long low_speed_bytes_per_second = 1024;           // abort when slower than this…
    std::chrono::seconds low_speed_time{10};          // …for this long
    std::size_t max_body_bytes = 20u * 1024 * 1024;   // the validator's document limit, after decompression
    long max_redirects = 5;
};

struct FetchResult {
    long status = 0;                 // final HTTP status; 0 when no response came
    bool not_modified = false;       // 304: the last body is still current
    std::string body;                // decompressed; set on 2xx only
    std::string error;               // empty on success, else "GET <url>: <reason>"
    std::string error_kind;          // short and stable, to group repeats: "http 500", "timeout", "refused"…
    std::size_t bytes_received = 0;  // headers and body as they came over the wire
    std::string effective_url;       // after redirects
    bool ok() const { return error.empty(); }
};

// "lvliang-kiosk/<version> libcurl/<version>"
std::string kiosk_user_agent();

// The URL without user:password@, for logs and screens.
std::string redact_url(std::string_view url);

// True for "http://…" and "https://…" (and any other "scheme://", which the
// fetcher then refuses by name); false for local paths.
bool looks_like_url(std::string_view location);

class HttpFetcher {
public:
    explicit HttpFetcher(std::string url, FetchOptions options = {}, std::string user_agent = kiosk_user_agent());
    ~HttpFetcher();
    HttpFetcher(const HttpFetcher&) = delete;
    HttpFetcher& operator=(const HttpFetcher&) = delete;

    // One GET, conditional on the validators of the last 2xx (or set_validators).
    // Returns soon (error_kind "cancelled") after *cancel turns true.
    FetchResult fetch(const std::atomic<bool>* cancel = nullptr);

    // Validators of a body obtained earlier, e.g. the cached one.
    void set_validators(std::string etag, std::string last_modified);
    const std::string& etag() const;
    const std::string& last_modified() const;
    const std::string& url() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk
