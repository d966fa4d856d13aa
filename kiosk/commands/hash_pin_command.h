// `kiosk hash-pin`: turns an admin PIN into the string for "admin_pin_hash".
#pragma once

#include <istream>
#include <ostream>

namespace kiosk {

// Reads the PIN from `in`: from a terminal without echo, asked twice; from a
// pipe, its first line. Prints the hash on `out`. Returns 0, or 2 with a
// message on `err` when the PIN is not 4 to 8 digits or the two differ.
int run_hash_pin(std::istream& in, bool in_is_terminal, std::ostream& out, std::ostream& err);

// Whether standard input is a terminal (then run_hash_pin turns echo off).
bool stdin_is_terminal();

} // namespace kiosk
