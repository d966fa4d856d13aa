#include "platform/lockdown.h"

#include "base/log.h"

#include <GLFW/glfw3.h>

#include <string>

namespace kiosk {

namespace {

void on_close_request(GLFWwindow* window) {
    glfwSetWindowShouldClose(window, GLFW_FALSE);   // the only ways out: the admin panel, or systemctl
    log_info("kiosk mode: ignored a window close request");
}

} // namespace

const char* exit_shortcut_name(int key, int mods) {
    const bool ctrl = mods & GLFW_MOD_CONTROL, alt = mods & GLFW_MOD_ALT;
    if (key == GLFW_KEY_F4 && alt) return "Alt+F4";
    if (key == GLFW_KEY_ESCAPE) return "Esc";
    if (key == GLFW_KEY_Q && ctrl) return "Ctrl+Q";
    if (key == GLFW_KEY_W && ctrl) return "Ctrl+W";
    return nullptr;
}

void refuse_close_requests(GLFWwindow* window) { glfwSetWindowCloseCallback(window, on_close_request); }

void note_exit_shortcut(int key, int action, int mods) {
    if (action != GLFW_PRESS) return;
    if (const char* name = exit_shortcut_name(key, mods)) log_info(std::string("kiosk mode: ignored ") + name);
}

} // namespace kiosk
