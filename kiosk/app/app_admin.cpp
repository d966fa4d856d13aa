// KioskApp's side of the admin panel: its hidden entrances, what it is shown,
// and carrying out its commands.
#include "app/app.h"

#include "widgets/image_view.h"
#include "base/log.h"
#include "base/process_memory.h"
#include "widgets/ui_strings.h"

#include <GLFW/glfw3.h>   // key codes

#include <chrono>

namespace kiosk {

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
