#include "import/import_result.h"

namespace kiosk {

std::string format_import_problem(const ImportProblem& p) {
    std::string where = p.file;
    if (p.problem.line > 0) where += ":" + std::to_string(p.problem.line);
    if (p.problem.line > 0 && p.problem.column > 0) where += ":" + std::to_string(p.problem.column);
    Problem rest = p.problem;
    rest.line = 0;   // the position is written above, without format_problem's ":0" for a whole row
    return format_problem(where, rest);
}

} // namespace kiosk
