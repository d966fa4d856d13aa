// KioskApp's side of the admin panel: its hidden entrances, what it is shown,
// and carrying out its commands.
#include "app/app.h"

#include "base/log.h"
#include "base/process_memory.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"

#include <GLFW/glfw3.h>   // key codes

#include <chrono>
#include <utility>

namespace kiosk {

namespace {

// What the panel shows of a source moves with these (FNV-1a over them): a new mark draws it anew.
std::uint64_t status_mark(const std::optional<SourceStatus>& status) {
    if (!status) return 0;
    const auto success = status->last_success ? status->last_success->time_since_epoch().count() : 0;
    std::uint64_t mark = 1469598103934665603ull;
    for (std::uint64_t value : {status->attempts, status->published, status->rejected, status->not_modified,
                                static_cast<std::uint64_t>(status->consecutive_failures), static_cast<std::uint64_t>(success)})
        mark = (mark ^ value) * 1099511628211ull;
    return mark;
}

} // namespace

bool KioskApp::update_admin(double now) {
    bool changed = admin_.update(now);
    changed = std::exchange(admin_result_unshown_, false) || changed;
    if (!admin_.is_open()) return changed;
    const AdminHooks& hooks = options_.admin;
    std::uint64_t mark = 0;
    if (hooks.feed_status) mark = status_mark(hooks.feed_status());
    if (hooks.live_status) mark = mark * 31 + status_mark(hooks.live_status());
    changed = changed || mark != admin_status_seen_;   // a reload's answer, or the sources' own polling
    admin_status_seen_ = mark;
    return changed;
}

void KioskApp::check_admin_entrances(double now) {
    const float side = theme_.px(CornerHold::kCornerPx);
    const bool held = corner_hold_.update(touch_, ImRect(ImVec2(0, 0), ImVec2(side, side)), now);
    bool keys = false;
    for (const auto& [key, mods] : keys_pressed_)
        keys = keys || (key == GLFW_KEY_A && (mods & GLFW_MOD_CONTROL) && (mods & GLFW_MOD_ALT));
    if ((held || keys) && !admin_.is_open()) {
        log_info(held ? "admin panel requested by the corner hold" : "admin panel requested by Ctrl+Alt+A");
        admin_.open(options_.admin.access);
    } else if (admin_.is_open()) {
        for (const auto& [key, mods] : keys_pressed_) admin_.key_pressed(key, now);
    }
    // A keyboard at the PIN pad or the panel keeps it open as touches do.
    if (admin_.is_open() && (!keys_pressed_.empty() || ImGui::GetIO().InputQueueCharacters.Size > 0))
        touch_.note_activity(now);
    keys_pressed_.clear();
}

void KioskApp::draw_admin(ImDrawList* dl, ImVec2 display, double now) {
    const AdminHooks& hooks = options_.admin;
    AdminInfo info;
    info.version = hooks.version;
    info.uptime_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - hooks.started).count();
    if (hooks.feed_status) info.feed = hooks.feed_status();
    if (hooks.live_status) info.live = hooks.live_status();
    if (hooks.cache_written) info.cache_written = hooks.cache_written();
    info.render = render_stats_;
    info.resident_bytes = resident_bytes();
    AdminFrame frame{theme_, lang_, touch_, dl, display, now, std::chrono::system_clock::now(), zone_, info,
                     options_.lang, bool(hooks.reload), bool(hooks.clear_image_cache)};
    run_admin_command(admin_.draw(frame));
}

void KioskApp::run_admin_command(AdminCommand command) {
    const AdminHooks& hooks = options_.admin;
    // Its result is set after this frame was drawn: the next one shows it, input or not.
    admin_result_unshown_ = admin_result_unshown_ || command != AdminCommand::none;
    switch (command) {
    case AdminCommand::none: break;
    case AdminCommand::reload:
        log_info("admin panel: reload requested");
        hooks.reload();
        admin_.set_result(ui_text("admin_reload_done", lang_));
        break;
    case AdminCommand::clear_image_cache: {
        std::string error;
        const int removed = hooks.clear_image_cache(error);
        clear_image_textures();
        if (removed < 0) {
            log_warning("admin panel: " + error);
            admin_.set_result(error);
        } else {
            log_info("admin panel: removed " + std::to_string(removed) + " cached images");
            admin_.set_result(ui_text_n("admin_images_cleared", lang_, std::to_string(removed)));
        }
        break;
    }
    case AdminCommand::default_zh:
    case AdminCommand::default_en:
        options_.lang = command == AdminCommand::default_zh ? Lang::zh : Lang::en;
        lang_ = options_.lang;   // applied now, and after each idle reset
        log_info(std::string("admin panel: default language ") + (lang_ == Lang::zh ? "zh" : "en"));
        admin_.set_result(ui_text("admin_lang_set", lang_));
        break;
    case AdminCommand::exit_kiosk:
        log_info(hooks.kiosk_mode ? "admin panel: leaving kiosk mode (exit status 3, not restarted)"
                                  : "admin panel: exit");
        exit_code_ = hooks.kiosk_mode ? kStaffExitCode : 0;
        break;
    }
}

} // namespace kiosk
