#include "platform/kiosk_window.h"

#include "base/log.h"
#include "platform/lockdown.h"

#include <GLFW/glfw3.h>

#include <cstdio>

namespace kiosk {

int choose_monitor(const std::vector<std::string>& names, int index, std::string_view name, std::string& note) {
    note.clear();
    std::string missing;
    if (!name.empty()) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return static_cast<int>(i);
        missing = "no monitor is called \"" + std::string(name) + "\"; ";
    }
    if (names.empty()) {
        note = missing + "no monitor was found";
        return 0;
    }
    const bool index_ok = index >= 0 && index < static_cast<int>(names.size());
    if (!index_ok) missing += "there is no monitor " + std::to_string(index) + "; ";
    const int chosen = index_ok ? index : 0;
    if (!missing.empty()) note = missing + "using monitor " + std::to_string(chosen) + " (" + names[chosen] + ")";
    return chosen;
}

namespace {

GLFWmonitor* kiosk_monitor(const WindowOptions& options) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.emplace_back(glfwGetMonitorName(monitors[i]));
    std::string note;
    const int chosen = choose_monitor(names, options.monitor_index, options.monitor_name, note);
    if (count == 0) return nullptr;
    std::string all;
    for (int i = 0; i < count; ++i) all += (i ? ", " : "") + std::to_string(i) + " " + names[i];
    if (!note.empty()) log_warning("kiosk mode: " + note + "; the monitors are " + all);
    return monitors[chosen];
}

} // namespace

void expected_window_size(const WindowOptions& options, bool hidden, int& width, int& height) {
    width = options.width;
    height = options.height;
    if (hidden || !options.kiosk_mode) return;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.emplace_back(glfwGetMonitorName(monitors[i]));
    std::string note;   // create_window() says it
    const int chosen = choose_monitor(names, options.monitor_index, options.monitor_name, note);
    if (chosen < 0 || chosen >= count) return;
    if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[chosen])) {
        width = mode->width;
        height = mode->height;
    }
}

GLFWwindow* create_window(const WindowOptions& options, bool hidden) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    if (hidden || !options.kiosk_mode) {
        glfwWindowHint(GLFW_VISIBLE, hidden ? GLFW_FALSE : GLFW_TRUE);
        GLFWwindow* window = glfwCreateWindow(hidden ? 64 : options.width, hidden ? 64 : options.height,
                                              options.title.c_str(), nullptr, nullptr);
        if (!window) std::fprintf(stderr, "kiosk: cannot create an OpenGL 3 window\n");
        return window;
    }

    GLFWmonitor* monitor = kiosk_monitor(options);
    if (!monitor) {
        std::fprintf(stderr, "kiosk: kiosk mode needs a monitor and the X display reports none\n");
        return nullptr;
    }
    // A window matching the monitor's current mode is fullscreen without a mode switch.
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwWindowHint(GLFW_RED_BITS, mode->redBits);
    glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
    glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
    glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);   // losing focus must not minimise the kiosk
    GLFWwindow* window =
        glfwCreateWindow(mode->width, mode->height, options.title.c_str(), monitor, nullptr);
    if (!window) {
        std::fprintf(stderr, "kiosk: cannot create a fullscreen OpenGL 3 window on %s\n", glfwGetMonitorName(monitor));
        return nullptr;
    }
    glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    refuse_close_requests(window);
    log_info(std::string("kiosk mode: fullscreen on ") + glfwGetMonitorName(monitor) + " at " +
             std::to_string(mode->width) + "x" + std::to_string(mode->height));
    return window;
}

} // namespace kiosk
