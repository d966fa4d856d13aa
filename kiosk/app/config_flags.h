// The command-line side of the configuration: --config, --print-config, and
// the flags that override config keys (--feed, --live, --lang, --size,
// --cache-dir, --kiosk, --rotation, --location).
#pragma once

#include "service/kiosk_config.h"

#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}

namespace kiosk {

struct ConfigFlags {
    struct Override {
        Override(const char* flag_, const char* key_, const char* help_, bool is_switch_ = false)
            : flag(flag_), key(key_), help(help_), is_switch(is_switch_) {}
        const char* flag;
        const char* key;
        const char* help;
        bool is_switch;              // --kiosk takes no value
        std::string value;
        bool on = false;             // a switch's value
        CLI::Option* option = nullptr;
    };
    std::string config_path;         // --config; "" = built-in defaults only
    bool print_config = false;
    std::vector<Override> overrides;
};

// Adds the options to `cli`; `flags` must outlive the parse.
void add_config_flags(CLI::App& cli, ConfigFlags& flags);

// The effective configuration: defaults, then --config, then the flags, then
// automatic paths. Prints every problem to `err`; false when any is an error.
bool load_effective_config(const ConfigFlags& flags, KioskConfig& config, std::ostream& err);

} // namespace kiosk
