// Feeds for tests: one with only the test event (15–19 May 2020, Asia/Shanghai),
// to which tests add the counties, products and sessions they need; and the demo event.
#pragma once

#include "base/embedded.h"
#include "feed/model.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace kiosk::test {

inline std::shared_ptr<Feed> test_event_feed() {
    auto feed = std::make_shared<Feed>();
    feed->format = std::string(kFeedFormat);
    feed->event.title = {"测试活动", "Test event"};
    feed->event.first_day = "2020-05-15";
    feed->event.last_day = "2020-05-19";
    feed->event.time_zone = "Asia/Shanghai";
    return feed;
}

// The demo event compiled into the kiosk (config/demo-feed.json), parsed; the test fails unless it validates.
inline std::shared_ptr<const Feed> demo_feed() {
    const FeedParseResult result = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(result.ok());
    return result.feed;
}

} // namespace kiosk::test
