#include "sources/http_fetcher.h"

#include "base/text.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace kiosk {

namespace {

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}


std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string describe_bytes(std::size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

std::string kind_of(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT: return "refused";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return "dns";
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    case CURLE_TOO_MANY_REDIRECTS: return "redirects";
    case CURLE_UNSUPPORTED_PROTOCOL: return "protocol";
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR: return "too large";
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING: return "truncated";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE: return "tls";
    case CURLE_BAD_CONTENT_ENCODING: return "encoding";
    case CURLE_ABORTED_BY_CALLBACK: return "cancelled";
    default: return "curl " + std::to_string(static_cast<int>(code));
    }
}

} // namespace

struct HttpFetcher::Impl {
    std::string url;
    FetchOptions options;
    CURL* curl = nullptr;
    char error_buffer[CURL_ERROR_SIZE] = {};

    std::string etag, last_modified;                 // validators of the current body
    // Filled while a transfer runs; headers restart with each response of a redirect chain.
    std::string body, response_etag, response_last_modified, reason;
    bool too_large = false;
    const std::atomic<bool>* cancel = nullptr;

    static size_t on_body(char* data, size_t size, size_t count, void* user) {
        auto* self = static_cast<Impl*>(user);
        const size_t n = size * count;
        if (self->body.size() + n > self->options.max_body_bytes) {
            self->too_large = true;
            return 0;   // makes curl stop with CURLE_WRITE_ERROR
        }
        self->body.append(data, n);
        return n;
    }

    static size_t on_header(char* data, size_t size, size_t count, void* user) {
        auto* self = static_cast<Impl*>(user);
        const std::string_view line(data, size * count);
        if (starts_with_nocase(line, "HTTP/")) {
            self->response_etag.clear();
            self->response_last_modified.clear();
            const std::size_t code = line.find(' ');
            const std::size_t text = code == std::string_view::npos ? code : line.find(' ', code + 1);
            self->reason = text == std::string_view::npos ? "" : trim(line.substr(text + 1));
        } else if (starts_with_nocase(line, "ETag:")) {
            self->response_etag = trim(line.substr(5));
        } else if (starts_with_nocase(line, "Last-Modified:")) {
            self->response_last_modified = trim(line.substr(14));
        }
        return size * count;
    }

    static int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
        auto* self = static_cast<Impl*>(user);
        return self->cancel && self->cancel->load() ? 1 : 0;
    }

    void configure(const std::string& user_agent) {
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);   // worker threads: no SIGALRM for DNS timeouts
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, options.max_redirects);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes_per_second);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_time.count()));
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");   // every encoding this libcurl decodes (gzip, …)
        curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Impl::on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Impl::on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, this);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &Impl::on_progress);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }
};

std::string kiosk_user_agent() {
    return std::string("lvliang-kiosk/") + KIOSK_VERSION + " libcurl/" + curl_version_info(CURLVERSION_NOW)->version;
}

std::string redact_url(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const std::size_t host = scheme + 3;
    const std::size_t end = std::min(url.find_first_of("/?#", host), url.size());
    const std::size_t at = url.substr(0, end).rfind('@');
    if (at == std::string_view::npos || at < host) return std::string(url);
    return std::string(url.substr(0, host)) + "***@" + std::string(url.substr(at + 1));
}

bool looks_like_url(std::string_view location) {
    const std::size_t scheme = location.find("://");
    if (scheme == std::string_view::npos || scheme == 0) return false;
    return std::all_of(location.begin(), location.begin() + static_cast<std::ptrdiff_t>(scheme), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

HttpFetcher::HttpFetcher(std::string url, FetchOptions options, std::string user_agent) : impl_(std::make_unique<Impl>()) {
    init_curl_once();
    impl_->url = std::move(url);
    impl_->options = options;
    impl_->curl = curl_easy_init();
    if (impl_->curl) impl_->configure(user_agent);   // CURLOPT_USERAGENT copies the string
}

HttpFetcher::~HttpFetcher() {
    if (impl_->curl) curl_easy_cleanup(impl_->curl);
}

void HttpFetcher::set_validators(std::string etag, std::string last_modified) {
    impl_->etag = std::move(etag);
    impl_->last_modified = std::move(last_modified);
}

const std::string& HttpFetcher::etag() const { return impl_->etag; }
const std::string& HttpFetcher::last_modified() const { return impl_->last_modified; }
const std::string& HttpFetcher::url() const { return impl_->url; }

FetchResult HttpFetcher::fetch(const std::atomic<bool>* cancel) {
    Impl& s = *impl_;
    FetchResult result;
    const std::string where = "GET " + redact_url(s.url);
    if (!s.curl) {
        result.error = where + ": cannot initialise libcurl";
        result.error_kind = "curl init";
        return result;
    }
    s.body.clear();
    s.response_etag.clear();
    s.response_last_modified.clear();
    s.reason.clear();
    s.too_large = false;
    s.cancel = cancel;
    s.error_buffer[0] = '\0';

    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    if (!s.etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + s.etag).c_str());
    if (!s.last_modified.empty()) headers = curl_slist_append(headers, ("If-Modified-Since: " + s.last_modified).c_str());
    curl_easy_setopt(s.curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(s.curl);
    curl_easy_setopt(s.curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);
    s.cancel = nullptr;

    long header_bytes = 0;
    curl_off_t body_bytes = 0;
    char* effective = nullptr;
    curl_easy_getinfo(s.curl, CURLINFO_RESPONSE_CODE, &result.status);
    curl_easy_getinfo(s.curl, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(s.curl, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    curl_easy_getinfo(s.curl, CURLINFO_EFFECTIVE_URL, &effective);
    result.bytes_received = static_cast<std::size_t>(std::max(0L, header_bytes)) + static_cast<std::size_t>(body_bytes);
    result.effective_url = effective ? redact_url(effective) : "";
    const std::string via = result.effective_url.empty() || result.effective_url == redact_url(s.url)
                                ? ""
                                : " (redirected to " + result.effective_url + ")";

    if (code != CURLE_OK) {
        result.error_kind = kind_of(code);
        if (s.too_large || code == CURLE_FILESIZE_EXCEEDED) {
            result.error_kind = "too large";
            result.error = where + via + ": response larger than the " + describe_bytes(s.options.max_body_bytes) + " limit";
        } else {
            result.error = where + via + ": " + (s.error_buffer[0] ? s.error_buffer : curl_easy_strerror(code));
        }
        s.body.clear();
        return result;
    }
    if (result.status == 304) {
        result.not_modified = true;
        return result;
    }
    if (result.status < 200 || result.status > 299) {
        result.error_kind = "http " + std::to_string(result.status);
        result.error = where + via + ": HTTP " + std::to_string(result.status) + (s.reason.empty() ? "" : " " + s.reason);
        s.body.clear();
        return result;
    }
    result.body = std::move(s.body);
    s.body = std::string();
    s.etag = s.response_etag;
    s.last_modified = s.response_last_modified;
    return result;
}

} // namespace kiosk
