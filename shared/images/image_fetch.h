// Image bytes for the pictures a feed names (products, counties), through the
// disk cache so a kiosk started offline still shows them. Blocking: call it
// from the UI's image-loading worker, never the UI thread.
#pragma once

#include "sources/document_cache.h"
#include "sources/http_fetcher.h"

#include <atomic>
#include <string>
#include <string_view>

namespace kiosk {

struct ImageBytes {
    std::string bytes;
    std::string error;         // names the location; empty on success
    bool from_cache = false;
    bool ok() const { return error.empty(); }
};

// A local path is read as is. A URL comes from `cache` when there, else it is
// downloaded under `options` and cached; a cached URL is never fetched again,
// so a changed picture needs a new URL. `cache` may be null. A download returns
// soon after *cancel turns true. Failures are returned, not logged: the caller
// (the image loader) logs each picture once, however often it is asked for.
ImageBytes fetch_image(std::string_view location, DocumentCache* cache, const FetchOptions& options = {},
                       const std::atomic<bool>* cancel = nullptr);

} // namespace kiosk
