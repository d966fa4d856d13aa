// The venue configuration: one JSON file (config/kiosk.json documents every
// key and its default; the .deb installs it as /etc/lvliang-kiosk/kiosk.json),
// then command-line flags over it. The file may hold // and /* */ comments.
#pragma once

#include "base/log.h"
#include "feed/localized_text.h"
#include "service/display_hours.h"
#include "service/reach_band.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {


struct KioskConfig {
    struct Sources {
        std::string feed;              // file path or http(s) URL; "" = the embedded demo event
        std::string live;              // live-stats document, path or URL; "" = the feed's own "live"
        std::string announcements;     // announcements document, path or URL, polled like live; "" = the feed's own
        int feed_poll_seconds = 30;
        int live_poll_seconds = 2;
        int feed_stale_minutes = 30;   // data older than this is shown as stale
        int live_stale_minutes = 2;
        bool allow_http_qr = false;    // order QR codes may carry http:// (not only https://) links
        // [Issue 16, live figures]
        int live_spike_factor = 10;      // a rise over this many times the recent rate waits for the next document; 0 = never
        int live_cadence_seconds = 60;   // a platform's expected update interval when the document gives none
    } sources;

    // "" until finish_config() fills them in from the environment.
    struct Storage {
        std::string cache_dir;    // downloaded feeds and images
        std::string data_dir;     // daily JSONL statistics
        std::string status_dir;   // status JSON and kiosk.prom for monitoring; default data_dir
        int image_cache_mb = 256; // downloaded pictures on disk; the least recently used go first
    } storage;

    struct Display {
        int width = 0, height = 0;   // 0×0 ("auto"): 1920×1080 in a window, the monitor's own size in kiosk mode
        bool kiosk_mode = false;     // fullscreen, no cursor, admin panel behind the PIN
        int monitor_index = 0;
        std::string monitor_name;    // chosen over monitor_index when set (as GLFW names monitors)
        int rotation = 0;            // 0, 90, 180 or 270 degrees clockwise
        int texture_budget_mb = 256;
        DisplayHours hours;          // display_hours: when the display is on (service/display_hours.h); empty: always
        int wake_minutes = 10;       // outside them, a touch wakes it for this long
        int screen_picture_seconds = 60;   // a PNG of the panel into status_dir this often when it changed; 0: never
        // [Issue 19] The panel's visible area as the visitor sees it (after rotation) and its lower edge above
        // the floor, in mm: where the reach band (service/reach_band.h) lies for the accessible mode.
        int panel_width_mm = 1210;   // a 55" 16:9 panel held landscape
        int panel_height_mm = 680;
        int panel_bottom_mm = 750;   // a typical floor stand
    } display;

    struct Visitor {
        Lang lang = Lang::zh;        // language at start and after the idle reset
        int idle_seconds = 90;       // untouched this long: back Home, then the attract loop
    } visitor;

    // Where this kiosk stands on the feed's venue plan (feed/venue.h).
    struct Placement {
        std::string location = "entrance";   // kiosk_location: a walkway node id (the demo event's entrance); "" = nowhere
        int heading = 0;   // kiosk_heading: the plan direction ahead of a visitor facing the screen, degrees clockwise
                           // from plan-north (up on the plan), 0..359; the map turns so that it points up
        std::string route_url;   // route_url: the organisers' web map, "https://…{from}…{to}…{area}"; "" = no route QR
    } placement;

    // Who this kiosk is: in status files, metric labels and announcement targets.
    struct Identity {
        std::string id;                  // kiosk_id: 1..64 of A-Z a-z 0-9 _ . -; "" until finish_config() puts the host name
        std::vector<std::string> tags;   // kiosk_tags: e.g. "hall-1", "entrance" (same characters as ids)
    } identity;

    std::string admin_pin_hash;      // from `kiosk hash-pin`; see admin_access()
    LogLevel log_level = LogLevel::info;
};

// One thing wrong with the configuration, in a file or a flag.
struct ConfigProblem {
    bool is_error = true;   // false: a warning (e.g. an unknown key)
    std::string file;       // the config file, when the problem is in it
    int line = 0, column = 0;
    std::string flag;       // the command-line flag, when the problem is in it
    std::string key;        // the config key; "" for the file as a whole
    std::string message;
};

// "kiosk.json:4:15: error: rotation: 45 is not one of 0, 90, 180, 270",
// "kiosk: --rotation: 45 is not …" or "kiosk: config: feed_stale_minutes: …".
std::string format_config_problem(const ConfigProblem& p);

bool has_error(const std::vector<ConfigProblem>& problems);

// Every key, in the order config/kiosk.json and --print-config list them.
const std::vector<std::string_view>& config_keys();

// Reads a config document over `config`: keys it has replace values, keys it
// lacks keep theirs. Unknown keys are warnings; bad values are errors and
// leave that value unchanged. `file` names the text in problems.
std::vector<ConfigProblem> apply_config_text(std::string_view text, std::string_view file, KioskConfig& config);

// Reads the file at `path` (an error when it cannot be read).
std::vector<ConfigProblem> apply_config_file(const std::string& path, KioskConfig& config);

// One key's value as typed after a flag ("90", "1080x1920", "true", …).
std::optional<ConfigProblem> apply_config_flag(std::string_view key, std::string_view flag, std::string_view value,
                                               KioskConfig& config);

// How finish_config looks up environment variables (tests pass their own).
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
std::optional<std::string> system_env(const char* name);

// The host name as a kiosk id: characters outside A-Z a-z 0-9 _ . - become "-", at most 64; "kiosk" when none.
std::string host_kiosk_id();

// Once every source is applied: fills an empty kiosk_id with host_kiosk_id(), fills empty storage paths (systemd's
// $CACHE_DIRECTORY / $STATE_DIRECTORY, then $XDG_CACHE_HOME / $XDG_DATA_HOME,
// then ~/.cache and ~/.local/share, each + "/lvliang-kiosk") and checks the
// rules between keys.
std::vector<ConfigProblem> finish_config(KioskConfig& config, const EnvLookup& env = system_env);

// The whole configuration as pretty-printed JSON with every key; reading it
// back gives the same configuration.
std::string config_to_json(const KioskConfig& config);

// [Issue 19] The panel_* keys as the reach band takes them.
PanelGeometry panel_geometry(const KioskConfig& config);

// Who may open the admin panel. No PIN set means: open on a development
// machine (not kiosk mode); closed in kiosk mode until a PIN is set.
enum class AdminAccess { open, pin, closed };
AdminAccess admin_access(const KioskConfig& config);

std::string_view log_level_key(LogLevel level);   // as the config writes it: "error" … "debug"

} // namespace kiosk
