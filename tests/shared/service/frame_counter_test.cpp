#include "service/frame_counter.h"
#include "base/process_memory.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace kiosk;

TEST_CASE("frames per minute count the last sixty seconds only") {
    FrameCounter counter;
    CHECK(counter.last_minute(100) == 0);
    for (int i = 0; i < 30; ++i) counter.note_frame(100.0 + i / 60.0);   // half a second at 60 fps
    counter.note_frame(130.2);
    CHECK(counter.total() == 31);
    CHECK(counter.last_minute(130.5) == 31);
    CHECK(counter.last_minute(159.9) == 31);
    CHECK(counter.last_minute(160.0) == 1);    // the burst at 100 s has left the minute
    CHECK(counter.last_minute(190.5) == 0);
    counter.note_frame(400.0);                 // a slot reused minutes later starts afresh
    CHECK(counter.last_minute(400.0) == 1);
    CHECK(counter.total() == 32);
}

TEST_CASE("resident memory is read from proc and grows with touched memory") {
    const auto before = resident_bytes();
    REQUIRE(before > 0);
    std::vector<char> block(64u << 20, 1);   // 64 MB, written so it is resident
    const auto after = resident_bytes();
    CHECK(after >= before + (48u << 20));
    CHECK(block[12345] == 1);
}

TEST_CASE("byte sizes read as B KB MB and GB") {
    CHECK(format_bytes(12) == "12 B");
    CHECK(format_bytes(2048) == "2 KB");
    CHECK(format_bytes(5u << 20) == "5.0 MB");
    CHECK(format_bytes(3ull << 30) == "3.00 GB");
}
