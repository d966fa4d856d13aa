#include "platform/sub_buffer.h"

// Order matters: the EXPOSE defines before the GLFW headers, and glfw3native.h after glfw3.h.
#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GL/glx.h>
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>

#include <cstring>
#include <string_view>

namespace kiosk {

SubBufferPresenter::SubBufferPresenter(GLFWwindow* window) {
    Display* display = glfwGetX11Display();
    const GLXWindow drawable = glfwGetGLXWindow(window);
    if (!display || !drawable) return;
    const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
    if (!extensions) return;
    // A whole word of the list: no other extension's name may merely contain it.
    const std::string_view list(extensions), name("GLX_MESA_copy_sub_buffer");
    bool found = false;
    for (std::size_t at = list.find(name); at != std::string_view::npos && !found; at = list.find(name, at + 1))
        found = (at == 0 || list[at - 1] == ' ') && (at + name.size() == list.size() || list[at + name.size()] == ' ');
    if (!found) return;
    copy_ = reinterpret_cast<CopySubBuffer>(glXGetProcAddress(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")));
    display_ = display;
    drawable_ = drawable;
}

void SubBufferPresenter::present(const DamageRect& r, int height) const {
    if (!copy_ || r.empty()) return;
    // GLX counts rows from the bottom.
    copy_(display_, drawable_, r.x0, height - r.y1, r.width(), r.height());
}

} // namespace kiosk
