#include "base/process_memory.h"

#include <malloc.h>

#include <unistd.h>

#include <cstdio>

namespace kiosk {

std::uint64_t resident_bytes() {
    // statm: size resident shared text lib data dt, in pages.
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long long size = 0, resident = 0;
    const int read = std::fscanf(f, "%llu %llu", &size, &resident);
    std::fclose(f);
    if (read != 2) return 0;
    const long page = sysconf(_SC_PAGESIZE);
    return resident * static_cast<std::uint64_t>(page > 0 ? page : 4096);
}

std::string format_bytes(std::uint64_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.0f KB", bytes / 1024.0);
    else if (bytes < 1024ull * 1024 * 1024) std::snprintf(text, sizeof text, "%.1f MB", bytes / (1024.0 * 1024));
    else std::snprintf(text, sizeof text, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    return text;
}

void keep_heap_small() {
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);   // set: no longer raised by a big free
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

void give_back_free_heap() { malloc_trim(0); }

} // namespace kiosk
