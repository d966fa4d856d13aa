// What the admin panel reaches beyond the UI: who may open it, and the feed
// pipeline and cache it reports on and acts upon. main wires these; tests
// give their own. Empty functions hide what they would show or do.
#pragma once

#include "service/kiosk_config.h"
#include "sources/document_source.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace kiosk {

// The exit status of "Exit kiosk" in kiosk mode: the systemd unit neither
// restarts on it nor counts it as a failure (RestartPreventExitStatus, SuccessExitStatus).
inline constexpr int kStaffExitCode = 3;

struct AdminHooks {
    std::string version;
    AdminAccess access = AdminAccess::open;
    std::string pin_hash;                      // checked when access is pin
    bool kiosk_mode = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::function<void()> wake_ui;             // from a worker whose result the panel shows (the PIN check)

    std::function<std::optional<SourceStatus>()> feed_status, live_status;
    std::function<void()> reload;              // fetch the sources now
    std::function<std::optional<std::chrono::system_clock::time_point>()> cache_written;   // the cached feed
    std::function<int(std::string& error)> clear_image_cache;   // images removed, or -1 and `error`
};

} // namespace kiosk
