#include "commands/hash_pin_command.h"

#include "admin/pin_hash.h"

#include <termios.h>
#include <unistd.h>

#include <string>

namespace kiosk {

namespace {

// Turns terminal echo off for its lifetime, so the PIN is not shown.
class NoEcho {
public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

bool read_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

} // namespace

bool stdin_is_terminal() { return isatty(STDIN_FILENO) == 1; }

int run_hash_pin(std::istream& in, bool in_is_terminal, std::ostream& out, std::ostream& err) {
    std::string pin, again;
    if (in_is_terminal) {
        NoEcho no_echo;
        err << "Admin PIN (4 to 8 digits): " << std::flush;
        const bool got = read_line(in, pin);
        err << "\nAgain: " << std::flush;
        const bool got_again = got && read_line(in, again);
        err << "\n";
        if (got_again && pin != again) {
            err << "kiosk hash-pin: the two PINs differ; nothing printed\n";
            return 2;
        }
    } else if (!read_line(in, pin)) {
        err << "kiosk hash-pin: no PIN on standard input (try: echo 2468 | kiosk hash-pin)\n";
        return 2;
    }
    std::string error;
    const auto hash = hash_pin(pin, &error);
    if (!hash) {
        err << "kiosk hash-pin: " << error << "; nothing printed\n";
        return 2;
    }
    out << *hash << "\n";
    return 0;
}

} // namespace kiosk
