// The PIN pad's logic: digits, checks against a real hash, the lockout.
#include "admin/pin_entry.h"

#include "admin/pin_hash.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace kiosk;

namespace {

// A real stored hash, with few iterations so the test is quick.
std::string stored(std::string_view pin) { return hash_pin_with_salt(pin, "0123456789abcdef", 1000); }

void type_all(PinEntry& entry, std::string_view digits, double now) {
    for (char c : digits) entry.type(c, now);
}

// Submits, and waits for the check when one starts (it runs on its own thread).
PinEntry::Result submit_and_wait(PinEntry& entry, double now) {
    const PinEntry::Result first = entry.submit(now);
    if (first != PinEntry::Result::checking) return first;
    for (;;) {
        if (auto result = entry.poll(now)) return *result;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

} // namespace

TEST_CASE("the right PIN is accepted and a wrong one is not") {
    PinEntry entry(stored("2468"));
    CHECK(entry.last_check_seconds() == 0);
    type_all(entry, "1357", 0);
    CHECK(entry.length() == 4);
    CHECK(submit_and_wait(entry, 0) == PinEntry::Result::wrong);
    CHECK(entry.length() == 0);   // forgotten after each check
    CHECK(entry.failures() == 1);
    CHECK(entry.last_check_seconds() > 0);   // the log tells how long the hash took
    type_all(entry, "2468", 1);
    CHECK(submit_and_wait(entry, 1) == PinEntry::Result::accepted);
    CHECK(entry.failures() == 0);
}

TEST_CASE("the pad takes digits only, at most eight, and erases the last") {
    PinEntry entry(stored("12345678"));
    CHECK_FALSE(entry.type('x', 0));
    type_all(entry, "123456789", 0);
    CHECK(entry.length() == 8);
    entry.erase();
    CHECK(entry.length() == 7);
    entry.type('8', 0);
    CHECK(submit_and_wait(entry, 0) == PinEntry::Result::accepted);
}

TEST_CASE("fewer than four digits are not checked and not counted") {
    PinEntry entry(stored("2468"));
    type_all(entry, "24", 0);
    CHECK(submit_and_wait(entry, 0) == PinEntry::Result::incomplete);
    CHECK(entry.failures() == 0);
    CHECK(entry.length() == 2);   // still there: the user may go on typing
}

TEST_CASE("five wrong PINs lock the pad for 60 seconds even against the right one") {
    PinEntry entry(stored("2468"));
    for (int i = 0; i < 5; ++i) {
        type_all(entry, "0000", 10.0 + i);
        CHECK(submit_and_wait(entry, 10.0 + i) == PinEntry::Result::wrong);
    }
    CHECK(entry.locked(14));
    CHECK(entry.seconds_locked(14) == Approx(60));
    CHECK_FALSE(entry.type('2', 30));   // the pad takes nothing while locked
    CHECK(entry.seconds_locked(44) == Approx(30));
    CHECK(submit_and_wait(entry, 44) == PinEntry::Result::locked);
    CHECK(entry.locked(73.9));
    CHECK_FALSE(entry.locked(74));
    type_all(entry, "2468", 74);
    CHECK(submit_and_wait(entry, 74) == PinEntry::Result::accepted);
}

TEST_CASE("no PIN is accepted against a malformed stored hash") {
    PinEntry entry("not-a-hash");
    type_all(entry, "2468", 0);
    CHECK(submit_and_wait(entry, 0) == PinEntry::Result::wrong);
}

TEST_CASE("the check runs off the caller's thread and the pad takes nothing meanwhile") {
    // The real cost (600,000 iterations) so the check is surely still running below.
    PinEntry entry(hash_pin_with_salt("2468", "0123456789abcdef"));
    type_all(entry, "2468", 0);
    CHECK(entry.submit(0) == PinEntry::Result::checking);
    CHECK(entry.checking());
    CHECK(entry.length() == 0);               // the typed digits are gone at once
    CHECK_FALSE(entry.type('1', 0));          // no typing while it checks
    CHECK(entry.submit(0) == PinEntry::Result::checking);   // a second OK does not start another
    std::optional<PinEntry::Result> result;
    while (!(result = entry.poll(0))) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(*result == PinEntry::Result::accepted);
    CHECK_FALSE(entry.checking());
    CHECK_FALSE(entry.poll(0));               // reported once
}

TEST_CASE("the end of a check is announced on its thread once poll has the answer") {
    std::mutex mutex;
    std::condition_variable announced;
    int calls = 0;
    // It lingers after announcing: a result set only when the whole task returns would not be there yet.
    PinEntry entry(stored("2468"), PinLockout(), [&] {
        {
            std::lock_guard lock(mutex);
            ++calls;
        }
        announced.notify_all();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    });
    for (const char* pin : {"1357", "2468"}) {
        const int before = calls;
        type_all(entry, pin, 0);
        REQUIRE(entry.submit(0) == PinEntry::Result::checking);
        std::unique_lock lock(mutex);
        REQUIRE(announced.wait_for(lock, std::chrono::seconds(10), [&] { return calls == before + 1; }));
        lock.unlock();
        const auto result = entry.poll(0);   // at once: no waiting, no second look
        REQUIRE(result);
        CHECK(*result == (std::string_view(pin) == "2468" ? PinEntry::Result::accepted : PinEntry::Result::wrong));
    }
    CHECK(calls == 2);
}
