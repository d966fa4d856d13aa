#include "platform/display_power.h"

// Order matters: the EXPOSE define before the GLFW headers, and glfw3native.h after glfw3.h.
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/extensions/dpms.h>

#include <cstdio>

namespace kiosk {

DisplayPower::DisplayPower() {
    Display* display = glfwGetX11Display();
    if (!display) return;
    int event_base = 0, error_base = 0;
    dpms_ = DPMSQueryExtension(display, &event_base, &error_base) && DPMSCapable(display);
    display_ = display;
    std::fprintf(stderr, "kiosk: display hours put the panel to sleep %s\n",
                 dpms_ ? "with DPMS" : "by showing black (the X server has no DPMS)");
}

void DisplayPower::sleep() {
    if (!dpms_ || asleep_) return;
    Display* display = static_cast<Display*>(display_);
    CARD16 level = 0;
    BOOL enabled = False;
    DPMSInfo(display, &level, &enabled);
    was_enabled_ = enabled;
    if (!enabled) DPMSEnable(display);   // ForceLevel is refused while DPMS is disabled
    DPMSForceLevel(display, DPMSModeOff);
    XFlush(display);
    asleep_ = true;
}

void DisplayPower::wake() {
    if (!dpms_ || !asleep_) return;
    Display* display = static_cast<Display*>(display_);
    DPMSForceLevel(display, DPMSModeOn);
    if (!was_enabled_) DPMSDisable(display);   // no timeouts of the server's own, as the session wants
    XFlush(display);
    asleep_ = false;
}

} // namespace kiosk
