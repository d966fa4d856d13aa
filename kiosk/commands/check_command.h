// `kiosk check FEED...`: validates feed files for the organisers.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// Prints one "file:line:col: error|warning: /pointer: message" line per
// problem to `out`, then a one-line summary. A file that cannot be read is
// reported on `err`. A live-stats document ({format, live} without "event")
// is checked as one. Returns 0 when every file is valid (warnings allowed),
// 1 when any is invalid, 2 when any cannot be read.
int check_feed_files(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err);

} // namespace kiosk
