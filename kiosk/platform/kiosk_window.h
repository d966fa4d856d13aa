// The program's window: an ordinary decorated one, or in kiosk mode a
// borderless fullscreen one on the configured monitor at that monitor's own
// video mode (no mode switch), with the pointer hidden and the lock-down on.
#pragma once

#include "platform/runner.h"

#include <string>
#include <string_view>
#include <vector>

struct GLFWwindow;

namespace kiosk {

// Which of the monitors `names` kiosk mode fills: the one called `name` when
// set and present, else number `index` when present, else the first (0).
// `note` says why, when the choice is not what the configuration asked for.
int choose_monitor(const std::vector<std::string>& names, int index, std::string_view name, std::string& note);

// Null (with a message on stderr) when no window can be made. `hidden`: a
// screenshot's window, never shown, always ordinary.
GLFWwindow* create_window(const WindowOptions& options, bool hidden);

// The framebuffer size create_window() will most likely give (glfwInit done):
// the monitor's mode in kiosk mode, else the options' size. Lets the fonts be
// built while the window and GL are being set up.
void expected_window_size(const WindowOptions& options, bool hidden, int& width, int& height);

} // namespace kiosk
