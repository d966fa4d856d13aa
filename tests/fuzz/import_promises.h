// What both importers promise on any input: a feed is written exactly when
// there is no error, and a written feed passes the kiosk's own check.
#pragma once

#include "feed/validator.h"
#include "fuzz_require.h"
#include "import/csv_import.h"

namespace kiosk::fuzz {

inline void require_import_promises(const ImportResult& result) {
    bool any_error = false;
    for (const ImportProblem& p : result.problems) {
        any_error = any_error || p.problem.severity == Severity::error;
        format_import_problem(p);
    }
    require(result.ok() != any_error, "a feed is written exactly when there is no error");
    if (result.ok()) require(parse_feed(result.feed_json).ok(), "an imported feed passes the kiosk's own check");
}

} // namespace kiosk::fuzz
