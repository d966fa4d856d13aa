// Which mappings the settled kiosk gives back: only the named libraries' read-only
// code mapped from their files, with no page of their own (never data, never a writable mapping).
#include "platform/code_pageout.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk;

namespace {

// One /proc/PID/smaps entry: its header line and the counters that matter here.
std::string entry(const std::string& header, int anonymous_kb = 0, int private_dirty_kb = 0) {
    return header + "\nSize:              47600 kB\nRss:               46832 kB\nPrivate_Clean:     11000 kB\n"
                    "Private_Dirty:     " + std::to_string(private_dirty_kb) + " kB\nReferenced:        46832 kB\n"
                    "Anonymous:         " + std::to_string(anonymous_kb) + " kB\nVmFlags: rd ex mr mw me\n";
}

const std::string kLlvm = "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1";
const std::string kSwrast = "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so";

} // namespace

TEST_CASE("code pages: the named libraries' r-xp file mappings are chosen with their ranges", "[code_pageout]") {
    const std::string smaps = entry("7f0f8cc00000-7f0f8ce00000 r--p 00000000 fe:00 332525 " + kLlvm) +
                              entry("7f0f8ce00000-7f0f9357c000 r-xp 00200000 fe:00 332525 " + kLlvm) +
                              entry("7f0f9357d000-7f0f93d9b000 r--p 0677c000 fe:00 332525 " + kLlvm, 8292, 8292) +
                              entry("7f0f93d9b000-7f0f93de1000 rw-p 06f9a000 fe:00 332525 " + kLlvm, 52, 52) +
                              entry("7f0f94000000-7f0f95000000 r-xp 00010000 fe:00 400100 " + kSwrast) +
                              entry("7f0f96000000-7f0f96100000 r-xp 00028000 fe:00 12 /usr/lib/x86_64-linux-gnu/libc.so.6");
    const auto found = code_mappings_of(smaps, kJitLibraries);
    REQUIRE(found.size() == 2);
    CHECK(found[0].start == 0x7f0f8ce00000u);
    CHECK(found[0].end == 0x7f0f9357c000u);
    CHECK(found[0].path == kLlvm);
    CHECK(found[1].path == kSwrast);
    CHECK(found[1].bytes() == 0x1000000u);
}

TEST_CASE("code pages: writable anonymous or copied mappings are never chosen", "[code_pageout]") {
    const std::string smaps =
        entry("7f0f93d9b000-7f0f93de1000 rw-p 06f9a000 fe:00 332525 " + kLlvm) +           // data
        entry("7f0f93e00000-7f0f93f00000 rwxp 00000000 fe:00 332525 " + kLlvm) +           // writable code
        entry("7f0f94000000-7f0f94100000 r-xp 00200000 fe:00 332525 " + kLlvm, 4) +        // a page copied (a breakpoint)
        entry("7f0f94200000-7f0f94300000 r-xp 00300000 fe:00 332525 " + kLlvm, 0, 8) +     // a page written
        entry("7f0f94400000-7f0f94500000 r-xp 00000000 00:00 0 ") +                        // JIT code: anonymous
        entry("7ffd1a5f0000-7ffd1a5f2000 r-xp 00000000 00:00 0                  [vdso]") +
        entry("7f0f94600000-7f0f94700000 r-xp 00000000 fe:00 77 /usr/lib/notlibLLVM.so") + // only a name that starts so
        entry("7f0f94800000-7f0f94900000 r-xp 00000000 fe:00 78 /usr/lib/x86_64-linux-gnu/dri/iris_dri.so");
    CHECK(code_mappings_of(smaps, kJitLibraries).empty());
}

TEST_CASE("code pages: a path with spaces or a deleted file keeps its full name", "[code_pageout]") {
    const std::string path = "/opt/gl libs/libLLVM-15.so.1 (deleted)";
    const auto found = code_mappings_of(entry("7f0f8ce00000-7f0f8cf00000 r-xp 00000000 fe:00 9 " + path), kJitLibraries);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == path);
}

TEST_CASE("code pages: no library named or an empty name chooses nothing", "[code_pageout]") {
    const std::string smaps = entry("7f0f8ce00000-7f0f9357c000 r-xp 00200000 fe:00 332525 " + kLlvm);
    CHECK(code_mappings_of(smaps, {}).empty());
    CHECK(code_mappings_of(smaps, {""}).empty());
    CHECK(code_mappings_of("", kJitLibraries).empty());
}

TEST_CASE("code pages: this process's own code mappings are found and given back", "[code_pageout]") {
    // The test binary's libc is not software GL, but the same call on it must find and drop its code safely.
    const std::size_t dropped = drop_code_pages_of({"libc.so", "libc-"});
    CHECK(dropped > 0);
    CHECK(drop_code_pages_of({"no-such-library"}) == 0);
}
