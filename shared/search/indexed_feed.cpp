#include "search/indexed_feed.h"

namespace kiosk {

IndexedFeed index_feed(std::shared_ptr<const Feed> feed) {
    IndexedFeed out;
    if (feed) out.search = std::make_shared<const SearchIndex>(*feed);
    out.feed = std::move(feed);
    return out;
}

} // namespace kiosk
