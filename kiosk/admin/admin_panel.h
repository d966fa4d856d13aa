// The hidden admin panel for venue staff, drawn over the whole screen: the PIN
// pad (unless admin_access() says open), then the status and the actions, and
// the touch test pattern. The app opens it (CornerHold, Ctrl+Alt+A), gathers
// AdminInfo and carries out the commands it returns.
#pragma once

#include "admin/admin_info.h"
#include "admin/pin_entry.h"
#include "admin/pin_pad.h"
#include "admin/touch_test_view.h"
#include "service/kiosk_config.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <chrono>
#include <functional>
#include <string>

namespace kiosk {

enum class AdminView { closed, pin_pad, panel, touch_test };
enum class AdminCommand { none, reload, clear_image_cache, default_zh, default_en, exit_kiosk };

// Where the panel's buttons were drawn last frame (empty when hidden).
struct AdminPanelLayout {
    ImRect close, reload, clear_images, touch_test, lang_zh, lang_en, exit;
};

struct AdminFrame {
    const Theme& theme;
    Lang lang;
    TouchInput& touch;
    ImDrawList* draw;
    ImVec2 size;                                  // the whole screen
    double now;                                   // monotonic seconds
    std::chrono::system_clock::time_point wall;
    const TimeZone& zone;
    const AdminInfo& info;
    Lang default_lang;
    bool can_reload = false;                      // a feed pipeline runs
    bool can_clear_images = false;                // there is an image cache
};

class AdminPanel {
public:
    // `on_pin_checked` runs on the PIN check's thread when it ends (the app wakes the UI loop).
    explicit AdminPanel(std::string pin_hash, std::function<void()> on_pin_checked = {});

    // The PIN pad, or the panel at once when access is open. With access
    // closed (kiosk mode, no PIN set) it stays closed and says so in the log.
    void open(AdminAccess access);
    void close();
    AdminView view() const { return view_; }
    bool is_open() const { return view_ != AdminView::closed; }

    // Between frames: takes a finished PIN check's answer. True when the screen changed.
    bool update(double now);
    AdminCommand draw(AdminFrame& frame);
    // A key pressed at the pad (GLFW codes): Backspace erases, Enter submits;
    // digits come as typed characters through ImGui.
    void key_pressed(int key, double now);
    void set_result(std::string text) { result_ = std::move(text); }   // what the last command did
    // 1 s while open: the uptime and the lock's countdown move by themselves.
    double seconds_until_change() const;

    // Where the pad's keys were drawn last frame (tests tap them).
    const PinPadLayout& pin_layout() const { return pad_; }
    const AdminPanelLayout& panel_layout() const { return panel_; }
    const PinEntry& pin() const { return pin_; }

private:
    void draw_pin_pad(AdminFrame& f);
    void submit_pin(double now);
    void show_pin_result(PinEntry::Result result, double now);
    AdminCommand draw_panel(AdminFrame& f);

    AdminView view_ = AdminView::closed;
    PinEntry pin_;
    PinPadLayout pad_;
    AdminPanelLayout panel_;
    std::string pin_message_key_;   // ui string key of what happened last on the pad
    TouchTestView touch_test_;
    std::string result_;
    bool exit_armed_ = false;       // Exit asks for a second tap
};

} // namespace kiosk
