#include "widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kFriction = 4.0f;          // velocity decays by e^-4 per second while coasting
constexpr float kStopSpeed = 30.0f;        // px/s below which a coast ends
constexpr float kMinFlingSpeed = 150.0f;   // slower releases do not coast
constexpr float kMaxSpeed = 8000.0f;
constexpr float kSpringBack = 12.0f;       // how fast an overscroll returns, 1/s

} // namespace

void TouchInput::begin_frame(const ImGuiIO& io, double now, float slop_px) {
    const bool was_down = down_;
    down_ = io.MouseDown[0];
    pressed_ = down_ && !was_down;
    released_ = !down_ && was_down;
    // ImGui marks "no pointer" with -FLT_MAX (ImGui::IsMousePosValid needs a context).
    if (io.MousePos.x > -256000.0f && io.MousePos.y > -256000.0f) pos_ = io.MousePos;
    if (pressed_) {
        press_pos_ = pos_;
        dragging_ = false;
        consumed_ = false;
    }
    if (down_ && !dragging_) {
        const float dx = pos_.x - press_pos_.x, dy = pos_.y - press_pos_.y;
        dragging_ = dx * dx + dy * dy > slop_px * slop_px;
    }
    if (down_ || released_) last_activity_ = now;
    scroll_cues_.clear();
}

bool TouchInput::tapped(const ImRect& r, std::string_view name, TouchTarget::Kind kind) const {
    note_target(r, name, kind);
    return released_ && !dragging_ && !consumed_ && r.Contains(press_pos_) && r.Contains(pos_);
}

void TouchInput::record(const ImRect& r, std::string_view name, TouchTarget::Kind kind) const {
    ImRect visible = r;
    if (targets_clip_) visible.ClipWithFull(ImRect(targets_clip_->GetClipRectMin(), targets_clip_->GetClipRectMax()));
    targets_->push_back(TouchTarget{r, visible, std::string(name), kind});
}

bool TouchInput::holding(const ImRect& r) const {
    note_target(r, {}, TouchTarget::held);
    return down_ && !dragging_ && !consumed_ && r.Contains(press_pos_) && r.Contains(pos_);
}

float ScrollArea::overscroll() const {
    if (offset_ < 0) return offset_;
    if (offset_ > max_offset_) return offset_ - max_offset_;
    return 0;
}

void ScrollArea::update(TouchInput& touch, const ImRect& viewport, float content_height, double now) {
    touch.note_target(viewport, {}, TouchTarget::scroll);
    max_offset_ = std::max(0.0f, content_height - viewport.GetHeight());
    const float dt = static_cast<float>(std::clamp(now - last_time_, 0.0, 0.1));

    if (touch.pressed() && viewport.Contains(touch.position())) {
        // A finger on a coasting list stops it, and that touch opens nothing.
        if (std::fabs(velocity_) > kStopSpeed * 4) touch.consume();
        velocity_ = 0;
        dragging_ = true;
        drag_start_offset_ = offset_;
        last_y_ = touch.position().y;
        tracked_velocity_ = 0;
    } else if (dragging_ && touch.down()) {
        if (touch.dragging()) {
            const float y = touch.position().y;
            offset_ = drag_start_offset_ - (y - touch.press_position().y);
            if (dt > 0) tracked_velocity_ = 0.6f * tracked_velocity_ + 0.4f * (last_y_ - y) / dt;
            last_y_ = y;
        }
    } else if (dragging_) {   // released: fling when the finger was moving fast enough
        dragging_ = false;
        if (touch.dragging() && std::fabs(tracked_velocity_) > kMinFlingSpeed)
            velocity_ = std::clamp(tracked_velocity_, -kMaxSpeed, kMaxSpeed);
    } else if (velocity_ != 0) {
        offset_ += velocity_ * dt;
        velocity_ *= std::exp(-kFriction * dt);
        if (std::fabs(velocity_) < kStopSpeed || overscroll() != 0) velocity_ = 0;
    }

    // Outside a drag, an overscroll springs back to the nearest end.
    if (!dragging_ && overscroll() != 0) {
        const float over = overscroll();
        const float step = over * std::min(1.0f, kSpringBack * dt);
        offset_ -= std::fabs(over) < 1.0f ? over : step;
    }
    if (dragging_) {   // resist pulling past the ends
        if (offset_ < 0) offset_ *= 0.5f;
        if (offset_ > max_offset_) offset_ = max_offset_ + (offset_ - max_offset_) * 0.5f;
    }
    last_time_ = now;
    // [Issue 19] More below, in the accessible mode: a strip at the foot for the cue (a viewport too low for
    // three strips keeps its rows: the cue would hide most of them).
    rows_clip_ = viewport;
    const float strip = touch.scroll_cue_strip();
    if (strip > 0 && more_below() && viewport.GetHeight() >= 3 * strip) {
        rows_clip_.Max.y -= strip;
        touch.note_scroll_cue(viewport);
    }
}

} // namespace kiosk
