// Index of this file:
// [SECTION] GLFW callbacks and the state they share
// [SECTION] RunLoop: one run of the program
// [SECTION] Fonts
// [SECTION] A frame: build, render, present
// [SECTION] Display sleep and screen pictures
// [SECTION] Screenshots
// [SECTION] Set-up
// [SECTION] The loop
// [SECTION] Tear-down
// [SECTION] Public entry points
#include "platform/runner.h"

#include "base/log.h"
#include "base/process_memory.h"
#include "images/png_file_writer.h"
#include "platform/burn_in.h"
#include "platform/code_pageout.h"
#include "platform/display_power.h"
#include "platform/font_keeper.h"
#include "platform/font_texture.h"
#include "platform/frame_damage.h"
#include "platform/frame_policy.h"
#include "platform/kiosk_window.h"
#include "platform/lockdown.h"
#include "platform/loop_waker.h"
#include "platform/render_target.h"
#include "platform/rotation.h"
#include "platform/sub_buffer.h"
#include "service/frame_counter.h"
#include "service/service_notify.h"

// Order matters: the define before the first GL header (glfw3.h includes gl.h too).
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace kiosk {

namespace {

// [SECTION] GLFW callbacks and the state they share
// Input wakes the loop and keeps a few frames coming so ImGui can settle.
FramePolicy g_frames;
bool g_kiosk_mode = false;
bool g_exposed = false;   // the window's pixels were lost or are new: the next frame redraws them all
bool g_input_seen = false;   // a touch, click, scroll or key since the loop last looked (it wakes a sleeping display)
std::vector<std::pair<int, int>> g_keys_pressed;   // key, mods: for the app before the next frame
// systemctl stop sends SIGTERM: the loop, which wakes at least every second, ends cleanly.
volatile std::sig_atomic_t g_stop_signal = 0;
std::int64_t g_last_touch_unix = 0;   // a finger landing (a button press under X11): for fleet monitoring
void on_stop_signal(int signal) { g_stop_signal = signal; }
void on_glfw_error(int code, const char* text) { std::fprintf(stderr, "kiosk: GLFW error %d: %s\n", code, text); }
// A press wakes a sleeping display; the pointer merely moving (or the window appearing under it) does not.
void on_input() {
    g_frames.input();
    g_input_seen = true;
}
void on_cursor(GLFWwindow*, double, double) { g_frames.input(); }
void on_button(GLFWwindow*, int, int action, int) {
    on_input();
    if (action == GLFW_PRESS)   // a finger landing: the last touch for fleet monitoring
        g_last_touch_unix = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count();
}
void on_scroll(GLFWwindow*, double, double) { on_input(); }
void on_key(GLFWwindow*, int key, int, int action, int mods) {
    on_input();
    if (g_kiosk_mode) note_exit_shortcut(key, action, mods);
    if (action == GLFW_PRESS) g_keys_pressed.emplace_back(key, mods);
}
void on_refresh(GLFWwindow*) {
    g_frames.want_one();
    g_exposed = true;
}
// Frames come at most this often, even while animating: software GL has no vsync to wait for.
constexpr double kMinFrameInterval = 1.0 / 60.0;
// The frames after the first (or a new atlas) have compiled llvmpipe's shaders by then; before side_by_side's 10 s PSS reading.
constexpr double kSettleSeconds = 3.0;

// The start-up's steps at debug level ("start: window at 216 ms"), from set_up(): where the launch goes.
std::chrono::steady_clock::time_point g_start_clock;
void start_step(const char* what) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_start_clock).count();
    log_message(LogLevel::debug, "start: " + std::string(what) + " at " + std::to_string(static_cast<long>(ms)) + " ms");
}

// An atlas with a 1×1 texture and no fonts: asking it for its pixels builds nothing.
void give_one_pixel_texture(ImFontAtlas& atlas) {
    atlas.ClearTexData();
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(1));
    atlas.TexPixelsAlpha8[0] = 0;
    atlas.TexWidth = atlas.TexHeight = 1;
}

float pixel_scale_for(int width, int height) { return std::min(width, height) / 1080.0f; }

// How long the UI thread was busy in loop passes, for --exit-after (the benchmark):
// passes that drew a frame, and passes that did screen-picture work (with or without a frame).
struct PassTimes {
    std::vector<double> frame_ms, picture_ms;
    static double median(std::vector<double> v) {
        if (v.empty()) return 0;
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    }
    static double longest(const std::vector<double>& v) { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }
};

// [SECTION] RunLoop: one run of the program
// One run of the program: set up, loop (or take screenshots), tear down.
class RunLoop {
public:
    RunLoop(RunnerApp& app, const RunnerOptions& options, DisplayStart start)
        : app_(app), options_(options), start_(std::move(start)), pictures_(options.screen_pictures, [counters = options.counters](std::int64_t ms) {
              if (counters) counters->screen_picture_unix_ms = ms;
          }) {}
    int run();

private:
    int set_up();
    void start_font_build();
    void set_up_imgui();
    int loop();
    void report_first_frame(int width, int height);
    int tear_down(int exit_code);
    bool build_fonts();
    // Between frames: a finished atlas replaces the old one (and its texture); then the app's held data may show.
    void install_ready_fonts();
    void fonts_installed();
    // One frame laid out for `ui` (the logical size); pointer positions come
    // from a window of `window` pixels turned by the rotation.
    void build_frame(Size2 ui, Size2 window);
    // The built frame's pixels inside `damage` into the bound framebuffer (ui pixels high).
    void render_frame(Size2 ui, const std::vector<DamageRect>& damage);
    void draw_frame(Size2 ui, Size2 window) {
        build_frame(ui, window);
        render_frame(ui, {DamageRect{0, 0, int(ui.width), int(ui.height)}});
    }
    // The loop's frame for a window of `window_size` pixels: built, then drawn and
    // shown only where it differs from the last one. False when nothing changed (nothing drawn).
    bool present_frame(Size2 window_size, bool& failed);
    // --screenshot's one picture (at ui_size_), or each that next_screenshot asks for. Returns the exit code.
    int take_screenshots();
    // Outside the display hours: the panel off (DPMS) or black, and no frames; back on when wanted again.
    void set_asleep(bool asleep);
    // One loop pass while asleep: a touch wakes the app's display, otherwise wait a second at most.
    void sleeping_pass(double exit_at);
    // Between frames: a due screen picture started (or a frame asked for it), a finished read handed on.
    // True when it did picture work.
    bool picture_pass(double now, Size2 window_size);
    // Seconds on the burn-in shift's clock: the loop's, plus $KIOSK_DEBUG_BURN_IN_SECONDS (tests see a shift at once).
    double burn_in_clock() const;
    // kSettleSeconds after the first frame, and after each new atlas, with no atlas being built: software GL's
    // compiler code let go (its shaders are compiled by then) and the free heap given back.
    void let_go_once_settled(double now);

    RunnerApp& app_;
    const RunnerOptions& options_;
    DisplayStart start_;
    std::chrono::steady_clock::time_point started_;
    bool screenshot_ = false;
    GLFWwindow* window_ = nullptr;
    Size2 ui_size_;                    // the UI's logical size at the start (screenshots use it)
    FontFaces font_file_;
    ImFontAtlas context_atlas_;          // the context's own, never drawn with: FontKeeper's atlases replace it
    std::optional<FontKeeper> fonts_;
    float pixel_scale_ = 1.0f;
    FontTexture font_texture_;
    bool font_texture_stale_ = true;   // the atlas was rebuilt and is not on the GPU yet
    RenderTarget target_;              // screenshots, and the UI of a rotated screen
    RotatedPresenter presenter_;
    ServiceNotifier notifier_;         // systemd: ready, watchdog, status
    FrameCounter frames_;
    FrameDamage damage_;               // what each frame changes (software GL redraws only that)
    std::optional<SubBufferPresenter> sub_buffer_;
    double loop_start_ = 0;
    bool first_frame_ = true;          // nothing shown yet (READY goes to systemd with the first frame, or at a sleep before it)
    double settle_at_ = -1;            // when let_go_once_settled() is due (glfwGetTime()); < 0: not due
    Point2 shift_;                     // the burn-in shift of the frame being drawn
    bool asleep_ = false;
    std::optional<DisplayPower> power_;   // made on the first sleep
    ScreenPictureTaker pictures_;
    bool picture_started_ = false;     // in the frame just presented
    PassTimes times_;
};

// [SECTION] Fonts
bool RunLoop::build_fonts() {
    std::string error;
    bool built = fonts_->finish_first_build(error);   // started before the window, at the size expected
    if (built && fonts_->pixel_scale() != pixel_scale_) {   // the window came out otherwise
        fonts_.emplace(font_file_, pixel_scale_, wake_ui);
        built = fonts_->build_now(app_.glyph_source(), error);
    }
    if (!built) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return false;
    }
    fonts_installed();
    return true;
}

void RunLoop::fonts_installed() {
    const FontAtlas& atlas = fonts_->atlas();
    font_texture_stale_ = true;
    app_.set_fonts(atlas.fonts(), pixel_scale_);
    std::fprintf(stderr, "kiosk: font atlas %d×%d px (%d KB), %zu glyphs, %zu of them also at display sizes\n",
                 atlas.texture_width(), atlas.texture_height(), atlas.texture_width() * atlas.texture_height() / 1024,
                 atlas.glyphs().all.count(), atlas.glyphs().display.count());
}

void RunLoop::install_ready_fonts() {
    if (fonts_->install_ready()) {
        fonts_installed();
        g_frames.want_one();
        if (!first_frame_) settle_at_ = glfwGetTime() + kSettleSeconds;   // new text may compile new shaders first
    }
    // Nothing left to build: data the app held for its glyphs shows in the next frame, with them.
    if (!fonts_->busy() && app_.glyphs_ready()) g_frames.want_one();
}

// [SECTION] A frame: build, render, present
void RunLoop::build_frame(Size2 ui, Size2 window) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(ui.width, ui.height);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const bool moved = options_.window.rotation != 0 || shift_.x != 0 || shift_.y != 0;
    if (moved && io.MousePos.x > -256000.0f && io.MousePos.y > -256000.0f) {
        const Point2 p = touch_to_ui({io.MousePos.x, io.MousePos.y}, window, options_.window.rotation, shift_);
        io.MousePos = ImVec2(p.x, p.y);   // the backend set window pixels; the UI wants its own
    }
    if (font_texture_stale_) {
        // The backend's texture (set_up_imgui's 1×1, or none): ours replaces it.
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        font_texture_.upload(*io.Fonts);
        font_texture_stale_ = false;
        damage_.invalidate();   // every glyph may have moved in the texture
    }
    const double now = glfwGetTime();
    RenderStats stats;
    const FontAtlas& atlas = fonts_->atlas();
    stats.glyphs = atlas.glyphs().all.count();
    stats.atlas_width = atlas.texture_width();
    stats.atlas_height = atlas.texture_height();
    stats.font_texture_bytes = font_texture_.bytes();
    stats.image_texture_bytes = app_.image_texture_bytes();
    stats.texture_bytes = stats.font_texture_bytes + stats.image_texture_bytes +
                          static_cast<std::uint64_t>(target_.width()) * target_.height() * 4;
    stats.frames_drawn = frames_.total();
    stats.frames_last_minute = frames_.last_minute(now);
    app_.set_render_stats(stats);
    if (options_.counters) {
        options_.counters->frames_drawn = stats.frames_drawn;
        options_.counters->texture_bytes = stats.texture_bytes;
        options_.counters->last_touch_unix = g_last_touch_unix;
    }
    for (const auto& [key, mods] : g_keys_pressed) app_.key_pressed(key, mods);
    g_keys_pressed.clear();
    ImGui::NewFrame();
    app_.draw(now);
    ImGui::Render();
    // The backend draws UI point p at p - DisplayPos, clip rectangles with it: the whole UI moves by the shift.
    // FrameDamage and clip_draw_data take DisplayPos off too, so damage rectangles are framebuffer pixels.
    ImGui::GetDrawData()->DisplayPos = ImVec2(-shift_.x, -shift_.y);
}


void RunLoop::render_frame(Size2 ui, const std::vector<DamageRect>& damage) {
    ImDrawData& data = *ImGui::GetDrawData();
    // One pass per rectangle, each with the commands' own clips narrowed to it.
    std::vector<ImVec4> clips;
    if (damage.size() > 1)
        for (int l = 0; l < data.CmdListsCount; ++l)
            for (const ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) clips.push_back(cmd.ClipRect);
    glViewport(0, 0, static_cast<GLsizei>(ui.width), static_cast<GLsizei>(ui.height));
    for (const DamageRect& r : damage) {
        if (!clips.empty()) {
            std::size_t i = 0;
            for (int l = 0; l < data.CmdListsCount; ++l)
                for (ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) cmd.ClipRect = clips[i++];
        }
        clip_draw_data(data, r);
        glEnable(GL_SCISSOR_TEST);
        glScissor(r.x0, static_cast<GLint>(ui.height) - r.y1, r.width(), r.height());
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    }
}

bool RunLoop::present_frame(Size2 window_size, bool& failed) {
    const bool rotated = options_.window.rotation != 0;
    const Size2 ui = rotated ? logical_size(window_size, options_.window.rotation) : window_size;
    if (rotated) {   // the UI into the target at its own size, then turned onto the window
        if (!target_.resize(static_cast<int>(ui.width), static_cast<int>(ui.height))) {
            std::fprintf(stderr, "kiosk: cannot create a %.0f×%.0f offscreen buffer for the rotation\n", ui.width, ui.height);
            failed = true;
            return false;
        }
        target_.bind();
    }
    const Point2 shift = options_.burn_in_shift ? burn_in_shift(burn_in_clock()) : Point2{};
    if (shift.x != shift_.x || shift.y != shift_.y) damage_.invalidate();   // every pixel moves
    shift_ = shift;
    build_frame(ui, window_size);
    if (g_exposed) damage_.invalidate();
    g_exposed = false;
    const std::vector<DamageRect>& damage = damage_.compare(*ImGui::GetDrawData(), int(ui.width), int(ui.height));
    if (damage.empty()) return false;   // it would look the same: nothing to draw
    if (std::getenv("KIOSK_DEBUG_DAMAGE"))
        for (const DamageRect& d : damage) std::fprintf(stderr, "damage %.3f %d %d %d %d\n", glfwGetTime(), d.x0, d.y0, d.x1, d.y1);
    frames_.note_frame(glfwGetTime());
    // Partial frames need the last picture kept: the target keeps it, and so does
    // a back buffer shown by copying (never swapped).
    const bool partial = rotated || sub_buffer_->available();
    if (partial) render_frame(ui, damage);
    else render_frame(ui, {DamageRect{0, 0, int(ui.width), int(ui.height)}});
    // The window's back buffer now holds what the panel will show: the moment for a screen picture.
    const auto start_picture = [&] {
        picture_started_ = pictures_.due(glfwGetTime(), frames_.total());
        if (picture_started_) pictures_.start(int(window_size.width), int(window_size.height), glfwGetTime(), frames_.total());
    };
    if (rotated) {
        if (!presenter_.draw(target_, window_size, options_.window.rotation)) {
            failed = true;
            return false;
        }
        start_picture();
        glfwSwapBuffers(window_);
    } else if (sub_buffer_->available()) {
        for (const DamageRect& r : damage) sub_buffer_->present(r, int(window_size.height));
        start_picture();
    } else {
        start_picture();
        glfwSwapBuffers(window_);
    }
    if (first_frame_) start_step("first frame presented");
    return true;
}

// [SECTION] Display sleep and screen pictures
double RunLoop::burn_in_clock() const {
    static const double ahead = [] {
        const char* text = std::getenv("KIOSK_DEBUG_BURN_IN_SECONDS");
        return text ? std::atof(text) : 0.0;
    }();
    return glfwGetTime() - loop_start_ + ahead;
}
void RunLoop::set_asleep(bool asleep) {
    asleep_ = asleep;
    if (options_.counters) options_.counters->display_asleep = asleep;
    damage_.invalidate();   // waking, the whole picture is drawn anew
    if (!asleep) {
        if (power_) power_->wake();
        g_frames.input();
        std::fprintf(stderr, "kiosk: display on\n");
        return;
    }
    if (!power_) power_.emplace();
    power_->sleep();
    if (!power_->has_dpms()) {   // black, once: not a frame of the UI
        int width = 0, height = 0;
        glfwGetFramebufferSize(window_, &width, &height);
        RenderTarget::bind_window();
        glViewport(0, 0, width, height);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        if (options_.window.rotation == 0 && sub_buffer_->available()) sub_buffer_->present({0, 0, width, height}, height);
        else glfwSwapBuffers(window_);
    }
    g_input_seen = false;   // only a touch from now on wakes it
    std::fprintf(stderr, "kiosk: display asleep (display_hours); frames stop until it wakes\n");
    if (first_frame_) notifier_.ready("display asleep outside its display hours");   // started at night
}

void RunLoop::sleeping_pass(double exit_at) {
    pictures_.poll();   // a picture under way finishes
    if (g_input_seen) {
        g_input_seen = false;
        app_.input_while_asleep(glfwGetTime());
        return;   // the next pass asks the app again
    }
    notifier_.tick(glfwGetTime());
    double wait = std::min(1.0, notifier_.seconds_until_ping(glfwGetTime()));
    if (pictures_.busy()) wait = std::min(wait, 0.05);
    if (exit_at > 0) wait = std::min(wait, std::max(0.0, exit_at - glfwGetTime()));
    if (wait > 0) wait_for_ui_events(wait); else glfwPollEvents();
}

bool RunLoop::picture_pass(double now, Size2 window_size) {
    bool worked = pictures_.poll();
    if (!pictures_.due(now, frames_.total())) return worked;
    // A back buffer shown by copying keeps the whole picture: read it now. Swapped
    // ones are undefined after the swap: a full frame is drawn and read before its swap.
    if (options_.window.rotation == 0 && sub_buffer_->available()) {
        RenderTarget::bind_window();
        pictures_.start(int(window_size.width), int(window_size.height), now, frames_.total());
        return true;
    }
    damage_.invalidate();
    g_frames.want_one();
    return worked;
}

// [SECTION] Screenshots
int RunLoop::take_screenshots() {
    Screenshot shot{options_.screenshots.path, static_cast<int>(ui_size_.width), static_cast<int>(ui_size_.height),
                    pixel_scale_};
    const bool batch = static_cast<bool>(options_.screenshots.next);
    if (batch && !options_.screenshots.next(shot)) return 0;
    PngFileWriter png_files;
    for (;;) {
        const float scale = shot.pixel_scale > 0 ? shot.pixel_scale : pixel_scale_for(shot.width, shot.height);
        if (scale != pixel_scale_) {   // another size: the fonts anew, at once (nobody is watching)
            pixel_scale_ = scale;
            fonts_.emplace(font_file_, pixel_scale_, wake_ui);
            std::string error;
            if (!fonts_->build_now(app_.glyph_source(), error)) {
                std::fprintf(stderr, "kiosk: %s\n", error.c_str());
                return 1;
            }
            fonts_installed();
        }
        if (!target_.resize(shot.width, shot.height)) {
            std::fprintf(stderr, "kiosk: cannot create a %d×%d offscreen buffer\n", shot.width, shot.height);
            return 1;
        }
        target_.bind();
        const Size2 size{float(shot.width), float(shot.height)};
        bool new_text = false;
        // Frames are laid out until the picture settles, and only the last is rendered: software GL
        // would spend most of a preview's time on pixels nobody sees.
        auto frame = [&] {
            app_.update(glfwGetTime(), new_text);
            if (new_text) {   // a picture shows every glyph at once (held data waits for them)
                fonts_->request(app_.glyph_source());
                while (fonts_->busy()) {
                    fonts_->wait();
                    install_ready_fonts();
                }
            }
            build_frame(size, size);
        };
        for (int i = 0; i < options_.screenshots.frames; ++i) frame();
        // Pictures come from workers; each draws a frame that may ask for more.
        const double give_up = glfwGetTime() + options_.screenshots.load_wait;
        while (app_.busy_loading() && glfwGetTime() < give_up) {
            wait_for_ui_events(0.05);   // wake_ui() ends the wait when a picture is ready
            frame();
        }
        if (app_.busy_loading())
            std::fprintf(stderr, "kiosk: pictures still loading after %.0f s; the screenshot shows placeholders for them\n",
                         options_.screenshots.load_wait);
        render_frame(size, {DamageRect{0, 0, shot.width, shot.height}});
        std::vector<std::uint8_t> pixels = read_pixels(target_.width(), target_.height());
        if (options_.screenshots.taken) options_.screenshots.taken(shot, pixels);
        png_files.submit(shot.path, std::move(pixels), target_.width(), target_.height(), true);   // compressed while the next is drawn
        if (!batch || !options_.screenshots.next(shot)) break;
    }
    const std::vector<std::string> failures = png_files.finish();
    for (const std::string& failure : failures) std::fprintf(stderr, "kiosk: cannot write %s\n", failure.c_str());
    return failures.empty() ? 0 : 1;
}

// [SECTION] Set-up
// Checks what the run needs, then opens the window, GL, ImGui and the fonts.
// 0 when all is ready; otherwise the exit code (and whatever opened is closed).
int RunLoop::set_up() {
    screenshot_ = options_.screenshots.wanted();
    if (!start_.taken) start_ = open_display();
    if (start_.exit_code != 0) return start_.exit_code;
    started_ = start_.started;
    font_file_ = start_.fonts;
    start_step("set-up");
    start_font_build();
    start_step("atlas build started");
    window_ = create_window(options_.window, screenshot_);
    if (!window_) {
        glfwTerminate();
        return 1;
    }
    start_step("window and GL context");
    g_kiosk_mode = options_.window.kiosk_mode && !screenshot_;
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    sub_buffer_.emplace(window_);
    set_up_imgui();
    start_step("ImGui and its GL objects");

    int width = options_.window.width, height = options_.window.height;
    if (!screenshot_) glfwGetFramebufferSize(window_, &width, &height);
    // Screenshots show the UI upright at its logical size (the panel's, turned).
    ui_size_ = logical_size(Size2{float(width), float(height)}, options_.window.rotation);
    pixel_scale_ = pixel_scale_for(static_cast<int>(ui_size_.width), static_cast<int>(ui_size_.height));
    const bool ok = build_fonts();
    start_step("atlas installed");
    return ok ? 0 : 1;
}

// The fonts are built on a worker while the window and GL are set up (llvmpipe takes a while).
void RunLoop::start_font_build() {
    int w = 0, h = 0;
    expected_window_size(options_.window, screenshot_, w, h);
    const Size2 expected = logical_size(Size2{float(w), float(h)}, options_.window.rotation);
    const float scale = pixel_scale_for(static_cast<int>(expected.width), static_cast<int>(expected.height));
    fonts_.emplace(font_file_, scale, wake_ui);   // a finished build wakes a loop waiting for input
    fonts_->start_first_build(app_.glyph_source());
}

void RunLoop::set_up_imgui() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(&context_atlas_);   // not owned by the context: FontKeeper's atlases come and go
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // a kiosk remembers no window layout between runs
    io.LogFilename = nullptr;
    if (g_kiosk_mode) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;   // else the backend shows the pointer again

    // Ours first: the ImGui backend chains the callbacks it finds installed.
    glfwSetCursorPosCallback(window_, on_cursor);
    glfwSetMouseButtonCallback(window_, on_button);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetKeyCallback(window_, on_key);
    glfwSetWindowRefreshCallback(window_, on_refresh);
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    // The backend's shaders and buffers now, while the font worker may still be busy; the texture it makes
    // with them is the context atlas's 1×1 one, not an RGBA copy of ours (the first frame replaces it).
    give_one_pixel_texture(context_atlas_);
    if (!ImGui_ImplOpenGL3_CreateDeviceObjects()) std::fprintf(stderr, "kiosk: ImGui's OpenGL shaders did not build\n");
}

// [SECTION] The loop
// Draws while something changes and sleeps otherwise, until the window, the app
// or a signal ends it. Returns the exit code.
int RunLoop::loop() {
    long frames_drawn = 0;
    double last_frame = -1;
    const double loop_start = glfwGetTime();
    loop_start_ = loop_start;
    const double exit_at = options_.benchmark.exit_after_seconds > 0 ? loop_start + options_.benchmark.exit_after_seconds : 0;
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    int exit_code = 0;
    while (!glfwWindowShouldClose(window_) && !app_.exit_code() && !g_stop_signal) {
        const double now = glfwGetTime();
        if (exit_at > 0 && now >= exit_at) break;
        const auto pass_start = std::chrono::steady_clock::now();
        bool new_text = false;
        if (app_.update(now, new_text)) g_frames.want_one();
        if (new_text) fonts_->request(app_.glyph_source());   // on a worker; the old atlas draws meanwhile
        install_ready_fonts();
        if (app_.display_wanted(now) == asleep_) set_asleep(!asleep_);
        if (asleep_) {   // feeds keep coming through update(); nothing is drawn
            sleeping_pass(exit_at);
            continue;
        }
        int width = 0, height = 0;
        glfwGetFramebufferSize(window_, &width, &height);
        const bool frame_due = now - last_frame >= kMinFrameInterval;
        if (options_.burn_in_shift && !first_frame_) {   // the shift's step came: the UI moves now, not at the app's next change
            const Point2 shift = burn_in_shift(burn_in_clock());
            if (shift.x != shift_.x || shift.y != shift_.y) g_frames.want_one();
        }
        bool drawn = false;
        picture_started_ = false;
        if (frame_due && g_frames.draw_now(app_.seconds_until_change(now))) {
            bool failed = false;
            drawn = present_frame(Size2{float(width), float(height)}, failed);
            if (failed) {
                exit_code = 1;
                break;
            }
            last_frame = now;
            g_frames.drew();
            if (drawn) ++frames_drawn;
            if (drawn && first_frame_) {
                first_frame_ = false;
                settle_at_ = now + kSettleSeconds;
                report_first_frame(width, height);
            }
        }
        let_go_once_settled(now);
        const bool picture_work = picture_pass(glfwGetTime(), Size2{float(width), float(height)}) || picture_started_;
        const double pass_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - pass_start).count();
        if (frames_drawn <= 1) {   // the first frame pays for start-up: no measure of either
        } else if (picture_work) {
            times_.picture_ms.push_back(pass_ms);
        } else if (drawn) {
            times_.frame_ms.push_back(pass_ms);
        }
        // The watchdog hears from this loop, so it notices a hung UI, not just a live process.
        notifier_.tick(glfwGetTime());
        double wait = g_frames.wants_frames() ? 0.0 : std::min(app_.seconds_until_change(glfwGetTime()), 1.0);
        if (options_.burn_in_shift) wait = std::min(wait, seconds_until_shift(burn_in_clock()));
        if (pictures_.busy()) wait = std::min(wait, 0.02);   // the read or the worker is done soon: look again
        wait = std::max(wait, last_frame + kMinFrameInterval - glfwGetTime());
        wait = std::min(wait, notifier_.seconds_until_ping(glfwGetTime()));
        if (exit_at > 0) wait = std::min(wait, std::max(0.0, exit_at - glfwGetTime()));
        if (wait > 0) wait_for_ui_events(wait); else glfwPollEvents();
    }
    if (exit_at > 0) {   // --exit-after: what the idling policy cost, for the benchmark
        std::fprintf(stderr, "kiosk: frames drawn: %ld in %.1f s (OpenGL renderer: %s)\n", frames_drawn,
                     glfwGetTime() - loop_start, reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
        std::fprintf(stderr,
                     "kiosk: frame passes: median %.2f ms, longest %.2f ms (%zu); passes with screen-picture work: "
                     "longest %.2f ms (%zu); screen pictures written: %llu\n",
                     PassTimes::median(times_.frame_ms), PassTimes::longest(times_.frame_ms), times_.frame_ms.size(),
                     PassTimes::longest(times_.picture_ms), times_.picture_ms.size(),
                     static_cast<unsigned long long>(pictures_.pictures_written()));
    }
    return exit_code;
}


void RunLoop::let_go_once_settled(double now) {
    if (settle_at_ < 0 || now < settle_at_ || fonts_->busy()) return;
    settle_at_ = -1;
    const auto start = std::chrono::steady_clock::now();
    const std::size_t bytes = drop_code_pages_of(kJitLibraries);
    give_back_free_heap();   // what the workers freed (a feed's parse, an atlas build, the old atlas)
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    char text[128];
    std::snprintf(text, sizeof text, "settled: software GL's compiler code dropped from memory (%zu MB advised), free heap given back, in %.1f ms",
                  bytes >> 20, ms);
    log_info(text);
}

void RunLoop::report_first_frame(int width, int height) {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_);
    std::fprintf(stderr, "kiosk: first frame after %.0f ms\n", ms.count());
    char status[96];
    std::snprintf(status, sizeof status, "showing %d×%d, first frame after %.0f ms", width, height, ms.count());
    notifier_.ready(status);
}

// [SECTION] Tear-down
// Closes what set_up() opened, in reverse; `exit_code` is the run's so far.
int RunLoop::tear_down(int exit_code) {
    app_.release_gpu();
    pictures_.release_gpu();
    if (asleep_ && power_) power_->wake();   // the next program (or the console) finds the panel on
    if (exit_code == 0 && app_.exit_code()) exit_code = *app_.exit_code();
    if (g_stop_signal) std::fprintf(stderr, "kiosk: stopping on %s\n", g_stop_signal == SIGTERM ? "SIGTERM" : "SIGINT");
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    notifier_.stopping();
    font_texture_.release();
    target_.release();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
    return exit_code;
}

int RunLoop::run() {
    const int set_up_code = set_up();
    if (set_up_code != 0 && !window_) return set_up_code;   // nothing opened to close
    int exit_code = set_up_code;
    if (exit_code == 0) exit_code = screenshot_ ? take_screenshots() : loop();
    return tear_down(exit_code);
}

} // namespace

// [SECTION] Public entry points
void wake_ui() { wake_ui_loop(); }

DisplayStart open_display() {
    DisplayStart start;
    start.taken = true;
    start.started = std::chrono::steady_clock::now();
    g_start_clock = start.started;
    start.exit_code = 1;
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr,
                     "kiosk: no X display (DISPLAY is not set). Run it in the venue's X session, or render a "
                     "picture instead: xvfb-run -a kiosk --screenshot OUT.png\n");
        return start;
    }
    std::string error;
    const auto font = find_cjk_font(error);
    if (!font) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return start;
    }
    start.fonts.cjk = *font;
    start.fonts.latin = find_latin_font(error);
    if (!start.fonts.latin)   // English still draws, its Latin and quotes from the CJK face as before
        std::fprintf(stderr, "kiosk: %s; English text uses the Chinese face's Latin letters\n", error.c_str());
    start_step("font files found");

    glfwSetErrorCallback(on_glfw_error);
#if GLFW_VERSION_MAJOR * 100 + GLFW_VERSION_MINOR >= 304
    glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
#endif
    if (!glfwInit()) {
        std::fprintf(stderr, "kiosk: cannot open the display %s\n", std::getenv("DISPLAY"));
        return start;
    }
    start_step("display open");
    start.exit_code = 0;
    return start;
}

int run(RunnerApp& app, const RunnerOptions& options, DisplayStart start) {
    RunLoop loop(app, options, std::move(start));
    return loop.run();
}

} // namespace kiosk
