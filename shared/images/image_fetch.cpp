#include "images/image_fetch.h"

#include "base/atomic_file.h"
#include "base/log.h"

namespace kiosk {

ImageBytes fetch_image(std::string_view location, DocumentCache* cache, const FetchOptions& options,
                       const std::atomic<bool>* cancel) {
    ImageBytes out;
    if (!looks_like_url(location)) {
        if (auto bytes = read_whole_file(std::string(location), options.max_body_bytes, out.error)) out.bytes = std::move(*bytes);
        return out;
    }
    std::string ignored;
    if (cache) {
        if (auto bytes = cache->load_image(location, ignored)) {
            out.bytes = std::move(*bytes);
            out.from_cache = true;
            return out;
        }
    }
    HttpFetcher fetcher{std::string(location), options};
    FetchResult r = fetcher.fetch(cancel);
    if (!r.ok()) {
        out.error = r.error;
        return out;
    }
    out.bytes = std::move(r.body);
    if (cache) {
        std::string error;
        if (cache->store_image(location, out.bytes, error))
            log_info("image: cached " + redact_url(location) + " (" + std::to_string(out.bytes.size()) + " bytes)");
        else log_warning("image: cache write failed: " + error);
    }
    return out;
}

} // namespace kiosk
