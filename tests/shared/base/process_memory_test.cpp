// Freed heap given back: pages freed between blocks still in use (a finished parse
// among the data it made) leave the resident set only when trimmed.
#include "base/process_memory.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <vector>

using namespace kiosk;

TEST_CASE("give_back_free_heap returns pages freed between blocks still in use", "[process_memory]") {
#if defined(KIOSK_SANITIZED)
    WARN("the sanitizers' allocator stands in for glibc's: malloc_trim has no heap of its own to give back");
    return;
#endif
    keep_heap_small();   // as the kiosk runs: 64 KB blocks come from the heap, not mmap
    constexpr std::size_t kBlocks = 400, kBlock = 64 * 1024;   // 25 MB
    std::vector<void*> blocks;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.push_back(std::malloc(kBlock));
        volatile char* bytes = static_cast<char*>(blocks.back());   // volatile: the stores are not optimised away
        for (std::size_t at = 0; at < kBlock; at += 4096) bytes[at] = 1;   // resident
    }
    const std::uint64_t used = resident_bytes();
    for (std::size_t i = 0; i < kBlocks; i += 2) std::free(blocks[i]);   // every other: the ones kept pin the heap
    const std::uint64_t before = resident_bytes();
    give_back_free_heap();
    const std::uint64_t after = resident_bytes();
    for (std::size_t i = 1; i < kBlocks; i += 2) std::free(blocks[i]);
    INFO("resident " << format_bytes(used) << " in use, freed " << format_bytes(before) << " -> " << format_bytes(after));
    REQUIRE(before > 0);
    CHECK(before - std::min(before, after) > 8u * 1024 * 1024);   // of 12.5 MB freed
}
