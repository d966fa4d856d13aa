// For the fuzz targets: a promise of the code under test that an input broke
// is a crash, so libFuzzer keeps the input and reports it like any other.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace kiosk::fuzz {

inline void require(bool kept, const char* promise) {
    if (kept) return;
    std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
    std::abort();
}

} // namespace kiosk::fuzz
