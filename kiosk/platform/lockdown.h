// Kiosk mode's lock-down: the ways a visitor could close the program (window
// close requests, Alt+F4, Esc, Ctrl+Q, Ctrl+W) are ignored, each logged once.
// Outside kiosk mode nothing here is installed and the window closes normally.
#pragma once

struct GLFWwindow;

namespace kiosk {

// The name of a key press people use to leave a program ("Alt+F4"), or
// nullptr for any other key. `key` and `mods` are GLFW's.
const char* exit_shortcut_name(int key, int mods);

// Makes `window` refuse close requests (logged). Call once after creating it.
void refuse_close_requests(GLFWwindow* window);

// Logs a key event that is an exit shortcut; the runner calls it from its key
// callback in kiosk mode. Repeats of a held key are not logged.
void note_exit_shortcut(int key, int action, int mods);

} // namespace kiosk
