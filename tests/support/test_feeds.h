// A feed with only the test event (15–19 May 2020, Asia/Shanghai): tests add
// the counties, products and sessions they need.
#pragma once

#include "feed/model.h"

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

} // namespace kiosk::test
