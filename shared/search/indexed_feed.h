// A feed with its search index, made together on the worker that parsed the
// feed and handed to the UI as one snapshot: the UI never builds an index.
#pragma once

#include "feed/model.h"
#include "search/search_index.h"

#include <memory>

namespace kiosk {

struct IndexedFeed {
    std::shared_ptr<const Feed> feed;
    std::shared_ptr<const SearchIndex> search;   // built from `feed`; null for a null feed, or while it is built
};

// Builds `feed`'s search index on the calling thread (a worker, or start-up).
IndexedFeed index_feed(std::shared_ptr<const Feed> feed);

} // namespace kiosk
