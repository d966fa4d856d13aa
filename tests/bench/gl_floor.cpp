// bench_gl_floor: the least any program on this GL stack does before its first frame.
//
// side_by_side.py launches it beside the kiosk and Chromium and times it the same way
// (the header pixel on the X root window): GLFW's initialisation, a fullscreen window
// with the kiosk's hints and an OpenGL 3.0 context, one clear to the header colour and
// a swap. No fonts, no feed, no ImGui: what is left of our launch above this is ours.
//
//   bench_gl_floor R G B     (the header colour, 0–255 each; runs until SIGTERM)
#include <GLFW/glfw3.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int) { g_stop = 1; }

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_gl_floor R G B\n");
        return 2;
    }
    const float rgb[3] = {std::atoi(argv[1]) / 255.0f, std::atoi(argv[2]) / 255.0f, std::atoi(argv[3]) / 255.0f};
    std::signal(SIGTERM, on_stop);
    if (!glfwInit()) return 1;
    // The kiosk's fullscreen window (kiosk/platform/kiosk_window.cpp): the monitor's own mode, undecorated.
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_RED_BITS, mode->redBits);
    glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
    glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
    glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(mode->width, mode->height, "gl floor", monitor, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    while (!g_stop && !glfwWindowShouldClose(window)) {
        glClearColor(rgb[0], rgb[1], rgb[2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glfwSwapBuffers(window);
        glfwWaitEventsTimeout(0.5);   // redraws now and then, as an exposed window must
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
