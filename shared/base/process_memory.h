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

} // namespace kiosk
