// Puts the panel to sleep outside the display hours and wakes it: X DPMS
// (libXext) where the server has it, e.g. Xorg on a real panel. Where it has
// not (Xvfb, some drivers) the runner shows black and draws no frames instead.
#pragma once

namespace kiosk {

class DisplayPower {
public:
    // GLFW initialised with its X11 platform; no X display: no DPMS.
    DisplayPower();
    bool has_dpms() const { return dpms_; }
    // DPMS off (enabling DPMS first: the venue session disables its timeouts). No-op without DPMS.
    void sleep();
    // DPMS on, and the session's DPMS setting back as it was.
    void wake();

private:
    void* display_ = nullptr;   // Xlib's Display
    bool dpms_ = false;
    bool was_enabled_ = false;  // the session's DPMS setting before sleep()
    bool asleep_ = false;
};

} // namespace kiosk
