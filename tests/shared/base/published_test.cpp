#include "base/published.h"

#include <catch2/catch.hpp>

#include <string>
#include <thread>

using namespace kiosk;

TEST_CASE("take_if_newer hands out each new snapshot once", "[published]") {
    Published<std::string> slot;
    std::shared_ptr<const std::string> shown;
    std::uint64_t seen = 0;
    CHECK_FALSE(slot.take_if_newer(shown, seen));
    CHECK(shown == nullptr);

    slot.publish(std::make_shared<const std::string>("v1"));
    REQUIRE(slot.take_if_newer(shown, seen));
    CHECK(*shown == "v1");
    CHECK(seen == 1);
    CHECK_FALSE(slot.take_if_newer(shown, seen));

    slot.publish(std::make_shared<const std::string>("v2"));
    slot.publish(std::make_shared<const std::string>("v3"));
    REQUIRE(slot.take_if_newer(shown, seen));
    CHECK(*shown == "v3");   // only the latest matters to a frame
    CHECK(seen == 3);
}

TEST_CASE("a snapshot taken stays valid while the worker publishes newer ones", "[published]") {
    Published<std::string> slot;
    slot.publish(std::make_shared<const std::string>("first"));
    std::shared_ptr<const std::string> shown;
    std::uint64_t seen = 0;
    REQUIRE(slot.take_if_newer(shown, seen));
    std::thread worker([&] {
        for (int i = 0; i < 1000; ++i) slot.publish(std::make_shared<const std::string>(std::to_string(i)));
    });
    std::uint64_t last = seen;
    while (seen < 1001) {
        if (slot.take_if_newer(shown, seen)) {
            CHECK(seen > last);   // generations only go forward
            if (seen >= 2) CHECK(*shown == std::to_string(seen - 2));   // the value matches its generation
            last = seen;
        }
    }
    worker.join();
    CHECK(*shown == "999");
    CHECK(slot.generation() == 1001);
}
