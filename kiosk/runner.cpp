#include "runner.h"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <mutex>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace kiosk {

namespace {

// Input wakes the loop and keeps a few frames coming so ImGui can settle
// (hover, active ids and releases each take a frame to show).
constexpr int kFramesAfterInput = 3;
int g_frames_wanted = kFramesAfterInput;
// glfwPostEmptyEvent is only valid between init and terminate; workers call it.
std::mutex g_wake_mutex;
bool g_glfw_running = false;

void set_glfw_running(bool running) {
    std::lock_guard lock(g_wake_mutex);
    g_glfw_running = running;
}

void on_glfw_error(int code, const char* text) { std::fprintf(stderr, "kiosk: GLFW error %d: %s\n", code, text); }
void on_cursor(GLFWwindow*, double, double) { g_frames_wanted = kFramesAfterInput; }
void on_button(GLFWwindow*, int, int, int) { g_frames_wanted = kFramesAfterInput; }
void on_scroll(GLFWwindow*, double, double) { g_frames_wanted = kFramesAfterInput; }
void on_key(GLFWwindow*, int, int, int, int) { g_frames_wanted = kFramesAfterInput; }
void on_refresh(GLFWwindow*) { g_frames_wanted = std::max(g_frames_wanted, 1); }

float pixel_scale_for(int width, int height) { return std::min(width, height) / 1080.0f; }

// An offscreen colour buffer of exactly the requested size, so screenshots do
// not depend on the X screen's size.
struct OffscreenTarget {
    GLuint fbo = 0, color = 0;
    bool create(int w, int h) {
        glGenFramebuffers(1, &fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glGenRenderbuffers(1, &color);
        glBindRenderbuffer(GL_RENDERBUFFER, color);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
        return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~OffscreenTarget() {
        if (color) glDeleteRenderbuffers(1, &color);
        if (fbo) glDeleteFramebuffers(1, &fbo);
    }
};

// The font atlas as a one-channel texture read as (1, 1, 1, a): a quarter of
// the RGBA texture the ImGui backend uploads. Under software GL texture memory
// is the process's own memory, so this is resident-set saved all event long.
class FontTexture {
public:
    // Replaces whatever texture the atlas has with a fresh one from its pixels.
    void upload(ImFontAtlas& atlas) {
        release();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        GLint last = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
        glGenTextures(1, &id_);
        glBindTexture(GL_TEXTURE_2D, id_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
        atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id_)));
        atlas.ClearTexData();   // the GPU has it now
    }
    void release() {
        if (id_) glDeleteTextures(1, &id_);
        id_ = 0;
    }
    ~FontTexture() { release(); }

private:
    GLuint id_ = 0;
};

bool write_png(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;   // the screen is opaque
    // GL's rows run bottom-up; PNG's top-down: write with a negative stride.
    const int stride = w * 4;
    return stbi_write_png(path.c_str(), w, h, 4, pixels.data() + static_cast<std::size_t>(h - 1) * stride, -stride) != 0;
}

class Session {
public:
    Session(RunnerApp& app, const RunnerOptions& options) : app_(app), options_(options) {}
    int run();

private:
    bool build_fonts(const FontGlyphs& glyphs);
    void rebuild_fonts_if_new_glyphs();
    void draw_frame(int width, int height);

    RunnerApp& app_;
    const RunnerOptions& options_;
    FontFile font_file_;
    FontAtlas atlas_;
    float pixel_scale_ = 1.0f;
    FontTexture font_texture_;
    bool font_texture_stale_ = true;   // the atlas was rebuilt and is not on the GPU yet
};

bool Session::build_fonts(const FontGlyphs& glyphs) {
    std::string error;
    if (!atlas_.build(font_file_, glyphs, pixel_scale_, error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return false;
    }
    font_texture_stale_ = true;
    app_.set_fonts(atlas_.roles(), pixel_scale_);
    std::fprintf(stderr, "kiosk: font atlas %d×%d px (%d KB), %zu glyphs, %zu of them also at display sizes\n",
                 atlas_.texture_width(), atlas_.texture_height(),
                 atlas_.texture_width() * atlas_.texture_height() / 1024, atlas_.glyphs().all.count(),
                 atlas_.glyphs().display.count());
    return true;
}

// A new feed rebuilds the atlas only when it brings characters the atlas lacks.
void Session::rebuild_fonts_if_new_glyphs() {
    FontGlyphs glyphs;
    app_.collect_glyphs(glyphs);
    if (!atlas_.glyphs().contains_all_of(glyphs)) build_fonts(glyphs);
}

void Session::draw_frame(int width, int height) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    if (font_texture_stale_) {
        // The backend's first NewFrame uploads an RGBA copy; ours replaces it.
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        font_texture_.upload(*io.Fonts);
        font_texture_stale_ = false;
    }
    ImGui::NewFrame();
    app_.draw(glfwGetTime());
    ImGui::Render();
    glViewport(0, 0, width, height);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

int Session::run() {
    const auto started = std::chrono::steady_clock::now();
    const bool screenshot = !options_.screenshot_path.empty();
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr,
                     "kiosk: no X display (DISPLAY is not set). Run it in the venue's X session, or render a "
                     "picture instead: xvfb-run -a kiosk --screenshot OUT.png\n");
        return 1;
    }
    std::string error;
    const auto font = find_cjk_font(error);
    if (!font) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    font_file_ = *font;

    glfwSetErrorCallback(on_glfw_error);
#if GLFW_VERSION_MAJOR * 100 + GLFW_VERSION_MINOR >= 304
    glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
#endif
    if (!glfwInit()) {
        std::fprintf(stderr, "kiosk: cannot open the display %s\n", std::getenv("DISPLAY"));
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    if (screenshot) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(screenshot ? 64 : options_.width, screenshot ? 64 : options_.height,
                                          options_.window_title.c_str(), nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "kiosk: cannot create an OpenGL 3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    set_glfw_running(true);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // a kiosk remembers no window layout between runs
    io.LogFilename = nullptr;

    // Ours first: the ImGui backend chains the callbacks it finds installed.
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetKeyCallback(window, on_key);
    glfwSetWindowRefreshCallback(window, on_refresh);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int width = options_.width, height = options_.height;
    if (!screenshot) glfwGetFramebufferSize(window, &width, &height);
    pixel_scale_ = pixel_scale_for(width, height);

    int exit_code = 0;
    FontGlyphs glyphs;
    app_.collect_glyphs(glyphs);
    if (!build_fonts(glyphs)) {
        exit_code = 1;
    } else if (screenshot) {
        OffscreenTarget target;
        if (!target.create(width, height)) {
            std::fprintf(stderr, "kiosk: cannot create a %d×%d offscreen buffer\n", width, height);
            exit_code = 1;
        } else {
            bool new_text = false;
            for (int i = 0; i < options_.screenshot_frames; ++i) {
                if (app_.update(glfwGetTime(), new_text) && new_text) rebuild_fonts_if_new_glyphs();
                draw_frame(width, height);
            }
            glFinish();
            if (!write_png(options_.screenshot_path, width, height)) {
                std::fprintf(stderr, "kiosk: cannot write %s\n", options_.screenshot_path.c_str());
                exit_code = 1;
            }
        }
    } else {
        bool first = true;
        long frames_drawn = 0;
        const double loop_start = glfwGetTime();
        const double exit_at = options_.exit_after_seconds > 0 ? loop_start + options_.exit_after_seconds : 0;
        while (!glfwWindowShouldClose(window)) {
            const double now = glfwGetTime();
            if (exit_at > 0 && now >= exit_at) break;
            bool new_text = false;
            if (app_.update(now, new_text)) g_frames_wanted = std::max(g_frames_wanted, 1);
            if (new_text) rebuild_fonts_if_new_glyphs();
            if (g_frames_wanted > 0 || app_.seconds_until_change(now) <= 0) {
                glfwGetFramebufferSize(window, &width, &height);
                draw_frame(width, height);
                glfwSwapBuffers(window);
                g_frames_wanted = std::max(0, g_frames_wanted - 1);
                ++frames_drawn;
                if (first) {
                    first = false;
                    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
                    std::fprintf(stderr, "kiosk: first frame after %.0f ms\n", ms.count());
                }
            }
            double wait = g_frames_wanted > 0 ? 0.0 : std::min(app_.seconds_until_change(glfwGetTime()), 1.0);
            if (exit_at > 0) wait = std::min(wait, std::max(0.0, exit_at - glfwGetTime()));
            if (wait > 0) glfwWaitEventsTimeout(wait); else glfwPollEvents();
        }
        if (exit_at > 0)   // --exit-after: what the idling policy cost, for the benchmark
            std::fprintf(stderr, "kiosk: frames drawn: %ld in %.1f s (OpenGL renderer: %s)\n", frames_drawn,
                         glfwGetTime() - loop_start, reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    }

    font_texture_.release();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    set_glfw_running(false);
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

} // namespace

void wake_ui() {
    std::lock_guard lock(g_wake_mutex);
    if (g_glfw_running) glfwPostEmptyEvent();
}

int run(RunnerApp& app, const RunnerOptions& options) {
    Session session(app, options);
    return session.run();
}

} // namespace kiosk
