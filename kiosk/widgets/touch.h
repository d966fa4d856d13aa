// Touch semantics Dear ImGui 1.86 does not have: a tap fires on release, only
// when the finger did not travel; a drag scrolls with inertia and never fires
// what it started on; touching a coasting list only stops it.
//
// One finger at a time (under X11 touch arrives as the pointer). Screens draw
// with draw lists and ask TouchInput about rectangles.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// [Issue 19] A rectangle a frame asked TouchInput::tapped about: one control the visitor can tap (the audit's).
struct TouchTarget {
    ImRect rect;        // where a tap fires it
    ImRect visible;     // the part inside the clip rect it was drawn under (a scrolled list cuts it at its edge)
    std::string name;   // what it is: a button's label, a card's item; "" when the caller did not say
    // What asked: tapped() (a control), holding() (its pressed look, the same rect), a ScrollArea (its viewport);
    // anywhere: the whole display answers a touch (the attract loop's wake, the 还在吗？ overlay), so what was
    // recorded before it lies beneath, out of reach; surface: a rect where a tap picks one of its places (the
    // floor plan), each recorded after it as a place (the rect that picks it, cut to the surface); gesture: staff's
    // hidden way in (the corner hold to the admin panel), which lies over visitor controls and outside the reach band.
    enum Kind { control, held, scroll, anywhere, surface, place, gesture } kind = control;
};

class TouchInput {
public:
    // Reads io.MouseDown[0] / io.MousePos once per frame, after NewFrame().
    void begin_frame(const ImGuiIO& io, double now, float slop_px);

    bool down() const { return down_; }
    bool pressed() const { return pressed_; }      // finger landed this frame
    bool released() const { return released_; }    // finger lifted this frame
    bool dragging() const { return dragging_; }    // travelled beyond the slop since landing
    ImVec2 position() const { return pos_; }
    ImVec2 press_position() const { return press_pos_; }
    double last_activity() const { return last_activity_; }
    void note_activity(double now) { last_activity_ = now; }

    // The current gesture may no longer fire anything (it stopped a coasting
    // list, or woke the kiosk from its attract loop).
    void consume() { consumed_ = true; }

    // True on the release of a tap that landed and lifted inside `r` (`name`: what it is, `kind`: how the
    // recording takes it).
    bool tapped(const ImRect& r, std::string_view name = {}, TouchTarget::Kind kind = TouchTarget::control) const;
    // True while a finger that landed inside `r` rests on it (pressed look).
    bool holding(const ImRect& r) const;

    // [Issue 19] From now on every rectangle asked about (tapped, holding, a ScrollArea's viewport) is appended
    // to `into`, cut to `clip`'s current clip rect (null: not cut); null stops it. Off, it costs one test each.
    void record_targets(std::vector<TouchTarget>* into, const ImDrawList* clip = nullptr) {
        targets_ = into;
        targets_clip_ = clip;
    }
    bool recording_targets() const { return targets_ != nullptr; }
    void note_target(const ImRect& r, std::string_view name = {}, TouchTarget::Kind kind = TouchTarget::control) const {
        if (targets_) record(r, name, kind);
    }

    // [Issue 19] While `strip_height` > 0 (the accessible mode), a list that overflows downward shows that it
    // scrolls: each ScrollArea with more below keeps a strip that high at its foot (ScrollArea::rows_clip) and
    // notes its viewport here; the app then draws the cue over each (widgets/scroll_cue.h). 0: none.
    void show_scroll_cues(float strip_height) { cue_strip_ = strip_height; }
    float scroll_cue_strip() const { return cue_strip_; }
    void note_scroll_cue(const ImRect& viewport) { scroll_cues_.push_back(viewport); }
    // This frame's lists with more below (their viewports), in the order they were updated.
    const std::vector<ImRect>& scroll_cues() const { return scroll_cues_; }

private:
    void record(const ImRect& r, std::string_view name, TouchTarget::Kind kind) const;

    std::vector<TouchTarget>* targets_ = nullptr;
    const ImDrawList* targets_clip_ = nullptr;
    float cue_strip_ = 0;
    std::vector<ImRect> scroll_cues_;
    bool down_ = false, pressed_ = false, released_ = false, dragging_ = false, consumed_ = false;
    ImVec2 pos_{-1, -1}, press_pos_{-1, -1};
    double last_activity_ = 0;
};

// A vertically scrolling viewport driven by drags, with inertia after release.
class ScrollArea {
public:
    // Call once per frame before drawing the content. `content_height` is the
    // full height of what scrolls.
    void update(TouchInput& touch, const ImRect& viewport, float content_height, double now);

    float offset() const { return offset_; }
    bool coasting() const { return velocity_ != 0.0f; }
    bool animating() const { return coasting() || overscroll() != 0.0f; }
    // [Issue 19] Rows lie below the viewport's foot: the list is not scrolled to its end.
    bool more_below() const { return max_offset_ - offset_ > 0.5f; }
    // Where the rows show (screens clip them to it): the viewport, but for the cue's strip at its foot while
    // more is below and TouchInput shows scroll cues (no text runs under the cue).
    const ImRect& rows_clip() const { return rows_clip_; }
    void reset() { offset_ = 0; velocity_ = 0; }
    void scroll_to(float offset) { offset_ = offset; velocity_ = 0; }

private:
    float overscroll() const;

    float offset_ = 0;
    float max_offset_ = 0;
    ImRect rows_clip_;
    float velocity_ = 0;         // px per second, while coasting
    float drag_start_offset_ = 0;
    bool dragging_ = false;
    float last_y_ = 0;
    double last_time_ = 0;
    float tracked_velocity_ = 0;  // smoothed finger speed while dragging
};

} // namespace kiosk
