// Once start-up has settled, the kiosk lets go of the code pages of the
// libraries only software GL's shader compiler runs (llvmpipe's LLVM and its
// DRI driver): they ran for the first frames' shaders and rarely again, yet
// stayed mapped all event. Each is a page of the library file, never written,
// so a page that runs again is faulted back in from the page cache (or the
// disk); no data is dropped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// One executable mapping of a library file, from /proc/PID/smaps.
struct CodeMapping {
    std::uintptr_t start = 0, end = 0;
    std::string path;
    std::size_t bytes() const { return end - start; }
};

// Software GL's libraries whose code runs mostly at start-up (a venue PC with a GPU driver maps neither).
inline const std::vector<std::string> kJitLibraries = {"libLLVM", "swrast_dri.so"};

// In `smaps` (the text of /proc/PID/smaps): the read-only executable file mappings (r-xp, an
// inode, a path) whose file name starts with one of `libraries` and that hold no private copy of
// a page (Anonymous and Private_Dirty 0 kB). Writable or copied-on-write mappings never.
std::vector<CodeMapping> code_mappings_of(std::string_view smaps, const std::vector<std::string>& libraries);

// This process's own mappings of `libraries`' code (code_mappings_of /proc/self/smaps) given back
// with madvise(MADV_DONTNEED): its page-table entries go, the file's pages stay in the page cache
// (reclaimable once nobody maps them). Returns the bytes advised; 0 when /proc cannot be read.
std::size_t drop_code_pages_of(const std::vector<std::string>& libraries);

} // namespace kiosk
