#include "admin/admin_panel.h"

#include "base/log.h"
#include "screens/screen.h"   // kNoChange
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <GLFW/glfw3.h>   // key codes

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace kiosk {

namespace {
constexpr ImU32 kShade = IM_COL32(24, 22, 26, 255);
constexpr ImU32 kLabel = IM_COL32(190, 180, 170, 255);
constexpr ImU32 kValue = IM_COL32(245, 240, 232, 255);

// " (checked in 0.31 s)": a slow check on slow hardware shows in the log, not as a frozen pad.
std::string checked_in(double seconds) {
    char text[40];
    std::snprintf(text, sizeof text, " (checked in %.2f s)", seconds);
    return text;
}
} // namespace

const AnnouncementTemplateText& template_text(AnnouncementTemplate t) {
    static const AnnouncementTemplateText texts[kAnnouncementTemplates] = {
        {"announce_evacuate", "announce_text_evacuate", "local-evacuate", true, 120},
        {"announce_pause", "announce_text_pause", "local-pause", false, 30},
        {"announce_lost_child", "announce_text_lost_child", "local-lost-child", false, 60},
        {"announce_schedule", "announce_text_schedule", "local-schedule-change", false, 120},
    };
    return texts[static_cast<int>(t)];
}

AdminPanel::AdminPanel(std::string pin_hash, std::function<void()> on_pin_checked)
    : pin_(std::move(pin_hash), PinLockout(), std::move(on_pin_checked)) {}

void AdminPanel::open(AdminAccess access) {
    if (is_open()) return;
    switch (access) {
    case AdminAccess::open:
        log_info("admin panel opened (no PIN configured)");
        view_ = AdminView::panel;
        break;
    case AdminAccess::pin:
        view_ = AdminView::pin_pad;
        pin_message_key_.clear();
        break;
    case AdminAccess::closed:
        log_warning("admin panel requested, but kiosk mode has no admin_pin_hash: set one with `lvliang-kiosk hash-pin`");
        break;
    }
}

void AdminPanel::close() {
    if (view_ == AdminView::panel || view_ == AdminView::touch_test) log_info("admin panel closed");
    view_ = AdminView::closed;
    pin_.clear();
    exit_armed_ = false;
    result_.clear();
}

// No look-again while the PIN is checked: its end wakes the loop (on_pin_checked) and update() takes it.
double AdminPanel::seconds_until_change() const { return is_open() ? 1.0 : kNoChange; }

bool AdminPanel::update(double now) {
    const auto result = pin_.poll(now);   // counted towards the lock even when the pad has gone
    if (!result) return false;
    if (view_ != AdminView::pin_pad) return false;   // cancelled or timed out meanwhile: it opens nothing
    show_pin_result(*result, now);
    return true;
}

void AdminPanel::submit_pin(double now) { show_pin_result(pin_.submit(now), now); }

void AdminPanel::show_pin_result(PinEntry::Result result, double now) {
    switch (result) {
    case PinEntry::Result::accepted:
        log_info("admin panel opened with the PIN" + checked_in(pin_.last_check_seconds()));
        view_ = AdminView::panel;
        pin_message_key_.clear();
        break;
    case PinEntry::Result::wrong:
        log_warning("admin panel: wrong PIN (" + std::to_string(pin_.failures()) + " in a row)" +
                    checked_in(pin_.last_check_seconds()));
        if (pin_.locked(now)) log_warning("admin panel: PIN pad locked for 60 s");
        pin_message_key_ = "admin_pin_wrong";
        break;
    case PinEntry::Result::incomplete: pin_message_key_ = "admin_pin_short"; break;
    case PinEntry::Result::locked: break;   // the pad already shows the countdown
    case PinEntry::Result::checking: pin_message_key_ = "admin_pin_checking"; break;
    }
}

void AdminPanel::key_pressed(int key, double now) {
    if (view_ != AdminView::pin_pad) return;
    if (key == GLFW_KEY_BACKSPACE) pin_.erase();
    if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) submit_pin(now);
}

void AdminPanel::draw_pin_pad(AdminFrame& f) {
    const Theme& t = f.theme;
    // A keyboard works too: digits here, Backspace and Enter through key_pressed().
    const ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= '0' && c <= '9') pin_.type(static_cast<char>(c), f.now);

    pad_ = layout_pin_pad(t, ImRect(ImVec2(0, 0), f.size));
    const bool locked = pin_.locked(f.now);
    std::string message;
    if (locked) message = ui_text_n("admin_pin_locked", f.lang, std::to_string(int(std::ceil(pin_.seconds_locked(f.now)))));
    else if (pin_message_key_ == "admin_pin_wrong") message = ui_text_n("admin_pin_wrong", f.lang, std::to_string(pin_.failures()));
    else if (!pin_message_key_.empty()) message = ui_text(pin_message_key_, f.lang);
    const PinPadText text{ui_text("admin_pin_title", f.lang), ui_text("admin_erase", f.lang), ui_text("admin_ok", f.lang),
                          ui_text("admin_cancel", f.lang), message,
                          locked || (!pin_message_key_.empty() && !pin_.checking())};
    const char key = kiosk::draw_pin_pad(f.draw, t, f.touch, pad_, text, pin_.length(), locked);
    if (key >= '0' && key <= '9') pin_.type(key, f.now);
    else if (key == kPinErase) pin_.erase();
    else if (key == kPinOk) submit_pin(f.now);
    else if (key == kPinCancel) close();
}

AdminCommand AdminPanel::draw_panel(AdminFrame& f) {
    const Theme& t = f.theme;
    ImDrawList* dl = f.draw;
    const float m = t.margin();
    const bool portrait = f.size.y > f.size.x;
    const float button_h = t.px(88), gap = t.gap();

    draw_text(dl, t.fonts.title, ImVec2(m, m), kValue, ui_text("admin_title", f.lang));
    panel_ = AdminPanelLayout{};
    const ImRect close_r(ImVec2(f.size.x - m - t.px(200), m), ImVec2(f.size.x - m, m + button_h));
    panel_.close = close_r;
    if (touch_button(dl, t, f.touch, close_r, ui_text("admin_close", f.lang), ButtonStyle::on_bar)) {
        close();
        return AdminCommand::none;
    }

    // Actions: a column on the right, or two columns at the bottom of a portrait screen.
    const float column_w = t.px(440);
    const int columns = portrait ? 2 : 1;
    const int rows = 6 / columns;
    const float actions_w = portrait ? f.size.x - 2 * m : column_w;
    const float cell_w = (actions_w - (columns - 1) * gap) / columns;
    const float templates_h = t.fonts.body->FontSize + t.px(12) + 2 * (button_h + gap);   // the announcements below
    const ImVec2 actions_at = portrait ? ImVec2(m, f.size.y - m - rows * (button_h + gap) - templates_h - t.px(60))
                                       : ImVec2(f.size.x - m - column_w, m + button_h + 2 * gap);
    int slot = 0;
    auto next_cell = [&] {
        const ImVec2 min(actions_at.x + (slot % columns) * (cell_w + gap), actions_at.y + (slot / columns) * (button_h + gap));
        ++slot;
        return ImRect(min, ImVec2(min.x + cell_w, min.y + button_h));
    };
    AdminCommand command = AdminCommand::none;
    if (f.can_reload && touch_button(dl, t, f.touch, panel_.reload = next_cell(), ui_text("admin_reload", f.lang)))
        command = AdminCommand::reload;
    if (f.can_clear_images &&
        touch_button(dl, t, f.touch, panel_.clear_images = next_cell(), ui_text("admin_clear_images", f.lang)))
        command = AdminCommand::clear_image_cache;
    if (touch_button(dl, t, f.touch, panel_.touch_test = next_cell(), ui_text("admin_touch_test", f.lang))) {
        touch_test_.reset();
        view_ = AdminView::touch_test;
    }
    // Default language: its label, then the two languages, the current one lit.
    const ImRect lang_r = next_cell();
    const float button_w = std::max(t.touch_min(), (lang_r.GetWidth() - gap) * 0.3f);
    const ImRect en_r(ImVec2(lang_r.Max.x - button_w, lang_r.Min.y), lang_r.Max);
    const ImRect zh_r(ImVec2(en_r.Min.x - gap - button_w, lang_r.Min.y), ImVec2(en_r.Min.x - gap, lang_r.Max.y));
    panel_.lang_zh = zh_r;
    panel_.lang_en = en_r;
    const std::string lang_label = fit_line(t.fonts.body, ui_text("admin_default_lang", f.lang), zh_r.Min.x - lang_r.Min.x - gap);
    draw_text(dl, t.fonts.body, ImVec2(lang_r.Min.x, lang_r.GetCenter().y - t.fonts.body->FontSize * 0.6f), kLabel, lang_label);
    if (touch_button(dl, t, f.touch, zh_r, "中文", f.default_lang == Lang::zh ? ButtonStyle::selected : ButtonStyle::secondary))
        command = AdminCommand::default_zh;
    if (touch_button(dl, t, f.touch, en_r, "EN", f.default_lang == Lang::en ? ButtonStyle::selected : ButtonStyle::secondary))
        command = AdminCommand::default_en;
    if (touch_button(dl, t, f.touch, panel_.exit = next_cell(), ui_text(exit_armed_ ? "admin_exit_confirm" : "admin_exit", f.lang),
                     ButtonStyle::primary)) {
        if (exit_armed_) command = AdminCommand::exit_kiosk;
        exit_armed_ = true;
    }
    // Announcements on this kiosk alone: two a row under a label, the shown ones lit.
    float below = actions_at.y + ((slot + columns - 1) / columns) * (button_h + gap);
    draw_text(dl, t.fonts.body, ImVec2(actions_at.x, below), kLabel,
              fit_line(t.fonts.body, ui_text("admin_announce_here", f.lang), actions_w));
    below += t.fonts.body->FontSize + t.px(12);
    const float half_w = (actions_w - gap) * 0.5f;
    for (int i = 0; i < kAnnouncementTemplates; ++i) {
        const ImVec2 min(actions_at.x + (i % 2) * (half_w + gap), below + (i / 2) * (button_h + gap));
        const ImRect r(min, ImVec2(min.x + half_w, min.y + button_h));
        panel_.templates[i] = r;
        const auto which = static_cast<AnnouncementTemplate>(i);
        if (touch_button(dl, t, f.touch, r, ui_text(template_text(which).button, f.lang),
                         f.templates_shown[i] ? ButtonStyle::selected : ButtonStyle::secondary)) {
            toggled_ = which;
            command = AdminCommand::toggle_announcement;
        }
    }
    below += 2 * (button_h + gap);
    if (!result_.empty())
        draw_text(dl, t.fonts.body, ImVec2(actions_at.x, below), t.highlight, fit_line(t.fonts.body, result_, actions_w));

    // The status lines fill the rest.
    const float info_right = portrait ? f.size.x - m : actions_at.x - 2 * gap;
    const float info_bottom = portrait ? actions_at.y - t.px(60) : f.size.y - m;
    const float label_w = t.px(300);
    float y = m + button_h + 2 * gap;
    const float line_h = t.fonts.body->FontSize + t.px(10);
    for (const InfoLine& line : admin_info_lines(f.info, f.lang, f.zone, f.wall)) {
        if (y + line_h > info_bottom) break;
        if (!line.label.empty()) {
            y += t.px(6);
            draw_text(dl, t.fonts.body, ImVec2(m, y), kLabel, fit_line(t.fonts.body, line.label, label_w - gap));
        }
        draw_text(dl, t.fonts.body, ImVec2(m + label_w, y), line.warning ? t.highlight : kValue,
                  fit_line(t.fonts.body, line.value, info_right - m - label_w));
        y += line_h;
    }
    return command;
}

AdminCommand AdminPanel::draw(AdminFrame& f) {
    if (!is_open()) return AdminCommand::none;
    f.draw->AddRectFilled(ImVec2(0, 0), f.size, kShade);
    switch (view_) {
    case AdminView::pin_pad: draw_pin_pad(f); return AdminCommand::none;
    case AdminView::touch_test:
        if (touch_test_.draw(f.draw, f.theme, f.touch, ImRect(ImVec2(0, 0), f.size), ui_text("admin_touch_hint", f.lang),
                             ui_text("admin_done", f.lang)))
            view_ = AdminView::panel;
        return AdminCommand::none;
    case AdminView::panel: return draw_panel(f);
    case AdminView::closed: break;
    }
    return AdminCommand::none;
}

} // namespace kiosk
