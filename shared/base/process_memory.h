// The process's own memory use, from /proc/self/statm: what the admin panel
// and the status files report, to catch a leak before the kiosk runs out.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

// Resident set size in bytes; 0 when /proc cannot be read.
std::uint64_t resident_bytes();

// "312.5 MB", "980 KB", "12 B": sizes for people (1 KB = 1024 B).
std::string format_bytes(std::uint64_t bytes);

// Fixes glibc's mmap and trim thresholds at their defaults (128 KB). Left
// dynamic, freeing one big block (a font file, a feed's text) raises them to
// its size, up to 32 MB and 64 MB: later big buffers then stay in the heap and
// freed memory is kept (the kiosk held ~39 MB more at 10 s). Call once, early.
void keep_heap_small();

// malloc_trim(0): the free pages inside every malloc arena go back to the system (a finished
// parse, index build or atlas build leaves them free but resident). Takes a few ms; call when idle.
void give_back_free_heap();

} // namespace kiosk
