// The real program on a private Xvfb display, driven with real X events: key
// presses through XTEST (xdotool) and window-manager close requests
// (WM_DELETE_WINDOW client messages, as a window manager sends them).
#pragma once

#include "run_kiosk.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace kiosk::test {

// Seconds a test waits for something the program should do at once; generous
// for a loaded machine, short enough that a broken program fails, not hangs.
inline constexpr double kPatience = 40.0;

inline std::string file_text(const std::string& path) {
    std::string out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

inline int count_of(const std::string& text, const std::string& needle) {
    int n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// Polls `path` until it holds `needle`; false after `seconds`, and then prints what
// the file holds, so a failure far away (CI) shows what the program did instead.
inline bool wait_for_text(const std::string& path, const std::string& needle, double seconds = kPatience) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (file_text(path).find(needle) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::fprintf(stderr, "wait_for_text: after %.0f s, %s still lacks \"%s\"; it holds:\n%s\n[end of %s]\n", seconds,
                 path.c_str(), needle.c_str(), file_text(path).c_str(), path.c_str());
    return false;
}

// An Xvfb server on a free display number, stopped with the object.
class VirtualDisplay {
public:
    explicit VirtualDisplay(const std::string& screen = "1920x1080x24") {
        int fds[2];
        if (pipe(fds) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            close(fds[0]);
            const int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
            const std::string fd = std::to_string(fds[1]);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        std::string number;
        pollfd p{fds[0], POLLIN, 0};
        char c = 0;
        while (poll(&p, 1, static_cast<int>(kPatience * 1000)) > 0 && read(fds[0], &c, 1) == 1 && c != '\n')
            number += c;
        close(fds[0]);
        if (number.empty()) return;
        name_ = ":" + number;
        x_ = XOpenDisplay(name_.c_str());
    }
    ~VirtualDisplay() {
        if (x_) XCloseDisplay(x_);
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;

    bool ok() const { return x_ != nullptr; }
    const std::string& name() const { return name_; }
    Display* x() const { return x_; }

    // The top-level window of process `pid` (GLFW sets _NET_WM_PID), or 0.
    Window window_of(pid_t pid) const {
        const Atom pid_atom = XInternAtom(x_, "_NET_WM_PID", False);
        Window root_ret, parent, *children = nullptr;
        unsigned count = 0;
        Window found = 0;
        if (!XQueryTree(x_, DefaultRootWindow(x_), &root_ret, &parent, &children, &count)) return 0;
        for (unsigned i = 0; i < count && !found; ++i) {
            Atom type;
            int format;
            unsigned long items, after;
            unsigned char* data = nullptr;
            if (XGetWindowProperty(x_, children[i], pid_atom, 0, 1, False, XA_CARDINAL, &type, &format, &items, &after,
                                   &data) == Success && data) {
                if (items == 1 && static_cast<pid_t>(*reinterpret_cast<unsigned long*>(data)) == pid) found = children[i];
                XFree(data);
            }
        }
        if (children) XFree(children);
        return found;
    }

    // What a window manager sends when someone clicks the close box or presses Alt+F4.
    bool send_close_request(Window w) const {
        XEvent e{};
        e.xclient.type = ClientMessage;
        e.xclient.window = w;
        e.xclient.message_type = XInternAtom(x_, "WM_PROTOCOLS", False);
        e.xclient.format = 32;
        e.xclient.data.l[0] = static_cast<long>(XInternAtom(x_, "WM_DELETE_WINDOW", False));
        e.xclient.data.l[1] = CurrentTime;
        const bool sent = XSendEvent(x_, w, False, NoEventMask, &e) != 0;
        XSync(x_, False);
        return sent;
    }

    // What the screen shows now, as RGBA rows top-down (run_kiosk.h's Picture).
    Picture capture() const {
        Picture out;
        const Window root = DefaultRootWindow(x_);
        XWindowAttributes a{};
        XGetWindowAttributes(x_, root, &a);
        XImage* image = XGetImage(x_, root, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
        if (!image) return out;
        out.width = a.width;
        out.height = a.height;
        out.rgba.resize(static_cast<std::size_t>(a.width) * a.height * 4);
        for (int y = 0; y < a.height; ++y)
            for (int x = 0; x < a.width; ++x) {
                const unsigned long pixel = XGetPixel(image, x, y);
                unsigned char* px = &out.rgba[(static_cast<std::size_t>(y) * a.width + x) * 4];
                px[0] = (pixel & image->red_mask) >> 16;
                px[1] = (pixel & image->green_mask) >> 8;
                px[2] = pixel & image->blue_mask;
                px[3] = 255;
            }
        XDestroyImage(image);
        return out;
    }

    // Key presses through XTEST to the focused window, e.g. "alt+F4".
    bool press_keys(const std::string& keys) const { return xdotool("key " + keys); }
    // Any xdotool command line, e.g. "mousemove 10 20 click 1" (XTEST: real input events).
    bool xdotool(const std::string& commands) const {
        const std::string command = "DISPLAY=" + name_ + " xdotool " + commands;
        return std::system(command.c_str()) == 0;
    }

private:
    pid_t pid_ = -1;
    std::string name_;
    Display* x_ = nullptr;
};

// The kiosk program started on `display` with `args`; its output goes to `log`.
class KioskProcess {
public:
    KioskProcess(const VirtualDisplay& display, const std::vector<std::string>& args, const std::string& log,
                 const std::vector<std::string>& env = {}) {
        // Emptied before the start, so nobody reads an earlier run's lines.
        const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out, 1);
            dup2(out, 2);
            setenv("DISPLAY", display.name().c_str(), 1);
            for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
            std::vector<char*> argv{const_cast<char*>(KIOSK_BINARY)};
            for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(KIOSK_BINARY, argv.data());
            _exit(127);
        }
        if (out >= 0) close(out);
    }
    ~KioskProcess() {
        if (running()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    KioskProcess(const KioskProcess&) = delete;
    KioskProcess& operator=(const KioskProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running() {
        if (exited_) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
        exited_ = true;
        code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return false;
    }
    // The exit code once the program ended within `seconds`; nullopt while it still runs.
    std::optional<int> wait_exit(double seconds = kPatience) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (running() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (running()) return std::nullopt;
        return code_;
    }
    // SIGTERM, as systemctl stop sends.
    void terminate() {
        if (running()) kill(pid_, SIGTERM);
    }

private:
    pid_t pid_ = -1;
    bool exited_ = false;
    int code_ = -1;
};

} // namespace kiosk::test
