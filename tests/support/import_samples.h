// The organiser's sample sheets the import tests read (tests/data/import/).
#pragma once

#include "base/atomic_file.h"

#include <catch2/catch.hpp>

#include <string>

namespace kiosk::test {

// One sample file's text; the test fails if it cannot be read.
inline std::string import_sample(const std::string& name) {
    std::string error;
    auto text = read_whole_file(std::string(TEST_DATA_DIR) + "/import/" + name, 1 << 20, error);
    REQUIRE(text);
    return *text;
}

} // namespace kiosk::test
