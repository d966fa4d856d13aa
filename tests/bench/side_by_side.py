#!/usr/bin/env python3
"""Our kiosk against a Chromium kiosk showing the same feed as a static page,
in turn on one Xvfb at 1920x1080 (software GL for both), N runs each:

  - launch to the first complete frame: a pixel of the header on the X root
    window, polled every 5 ms, turns the header colour;
  - memory: PSS summed over every process of the side (smaps_rollup), at 10 s
    and 60 s after launch, and USS (private pages only) beside it;
  - CPU (utime + stime of every process of the side) over 30 s while the live
    figures change once a second, and once every 5 seconds.

Beside each launch run, bench_gl_floor (a fullscreen GLFW window with a GL 3.0
context clearing to the header colour, nothing else) is launched and measured the
same way: the floor of any program's first frame and PSS on this GL stack.

Xvfb is excluded from both sides' memory and CPU; its own CPU in the same
windows is a row of its own. Prints a Markdown table (min / median / max and
ours : theirs) on stdout, then kiosk_bench's kiosk-only table; progress on
stderr. Python 3 standard library only; needs Xvfb, and chromium unless
--no-chromium.

  tests/bench/side_by_side.py [--build build] [--runs 3] [--quick] [--no-chromium] [--skip-kiosk-bench]
"""

import argparse
import ctypes
import datetime
import http.server
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feed_page import HEADER_RGB, write_feed_page  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PINNED_NOW = "2020-05-16T20:30:00+08:00"   # the generated schedule has a live sale running then
CHROMIUM_FLAGS = ["--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-position=0,0", "--window-size=1920,1080"]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def progress(line):
    print("side_by_side: " + line, file=sys.stderr, flush=True)


# --- the X display ---------------------------------------------------------

class Xvfb:
    """An Xvfb of our own (the display number it picks), black root, 1920x1080x24."""

    def __init__(self, width=1920, height=1080):
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "%dx%dx24" % (width, height), "-br", "-nolisten",
             "tcp", "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + number
        x11 = ctypes.CDLL("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XGetImage.restype = ctypes.c_void_p
        x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                  ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x11.XGetPixel.restype = ctypes.c_ulong
        x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        x11.XDestroyImage.argtypes = [ctypes.c_void_p]
        self.x11 = x11
        self.connection = x11.XOpenDisplay(self.display.encode())
        if not self.connection:
            raise RuntimeError("cannot open the display " + self.display)
        self.root = x11.XDefaultRootWindow(self.connection)

    def pixel(self, x, y):
        """(r, g, b) of the root window's pixel: what the screen shows there."""
        image = self.x11.XGetImage(self.connection, self.root, x, y, 1, 1, 0xFFFFFFFF, 2)   # ZPixmap
        value = self.x11.XGetPixel(image, 0, 0)
        self.x11.XDestroyImage(image)
        return (value >> 16) & 255, (value >> 8) & 255, value & 255

    def stop(self):
        self.process.terminate()
        self.process.wait()


# --- process trees ---------------------------------------------------------

def process_tree(root_pid):
    """root_pid and all its descendants alive now."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(name))
    tree, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def rollup_bytes(pids, fields):
    """The sum of `fields` of /proc/PID/smaps_rollup over `pids`, in bytes."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.split(":")[0] in fields:
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass   # ended meanwhile
    return total


def pss_bytes(pids):
    return rollup_bytes(pids, ("Pss",))


def uss_bytes(pids):
    """Pages no other process maps (USS): what the side frees by exiting. Unlike PSS it moves no share of a
    library between the side and another process mapping it (Xvfb maps Mesa's libLLVM too)."""
    return rollup_bytes(pids, ("Private_Clean", "Private_Dirty"))


def cpu_seconds(pids):
    """utime + stime per pid, in seconds."""
    out = {}
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        except OSError:
            pass
    return out


def cpu_used(before, after):
    """CPU between two samples: processes born meanwhile count whole."""
    return sum(t - before.get(pid, 0.0) for pid, t in after.items())


# --- the live figures at a cadence, for the kiosk --------------------------

class LiveServer:
    """Serves /live.json: the feed's live part, its numbers growing every
    `every` seconds (the same steps as the page's script), ETag per step."""

    def __init__(self, feed, every):
        self.base = feed["live"]
        self.every = every
        self.started = time.monotonic()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                tick = int((time.monotonic() - server.started) / server.every) * server.every
                etag = '"%d"' % tick
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                body = server.document(tick).encode()
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d/live.json" % self.httpd.server_address[1]

    def document(self, tick):
        live = json.loads(json.dumps(self.base))
        t = datetime.datetime(2020, 5, 16, 20, 30, 0) + datetime.timedelta(seconds=tick)
        when = t.strftime("%Y-%m-%dT%H:%M:%S+08:00")
        first = True
        for session in live["sessions"]:
            for p in session["platforms"]:
                if first:   # the totals grow by what the page's figures grow by
                    p["viewers"] += 37 * tick
                    p["orders"] += tick
                    p["revenue_fen"] += 3990 * tick
                    first = False
                p["updated_at"] = when
        return json.dumps({"format": "lvliang-kiosk-feed/1", "live": live})

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# --- the two sides ---------------------------------------------------------

class Side:
    def __init__(self, name, xvfb, work):
        self.name, self.xvfb, self.work = name, xvfb, work
        self.process = None
        self.launched = 0.0

    def env(self):
        env = dict(os.environ)
        env["DISPLAY"] = self.xvfb.display
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def start(self, command):
        self.log = open(os.path.join(self.work, "%s.log" % self.name), "ab")
        self.launched = time.monotonic()
        self.process = subprocess.Popen(command, env=self.env(), stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def wait_first_frame(self, limit=60.0):
        """Seconds from launch until the header pixel shows; None after `limit`."""
        while time.monotonic() - self.launched < limit:
            if self.xvfb.pixel(8, 8) == HEADER_RGB:
                return time.monotonic() - self.launched
            if self.process.poll() is not None:
                raise RuntimeError("%s exited with %s before its first frame (see %s)"
                                   % (self.name, self.process.returncode, self.log.name))
            time.sleep(0.005)
        return None

    def tree(self):
        return process_tree(self.process.pid)

    def sleep_until(self, seconds_after_launch):
        time.sleep(max(0.0, self.launched + seconds_after_launch - time.monotonic()))

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)   # the group start_new_session made: this side only
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
        deadline = time.monotonic() + 10   # the window gone: the next side starts on a black screen
        while time.monotonic() < deadline and self.xvfb.pixel(8, 8) != (0, 0, 0):
            time.sleep(0.02)


class KioskSide(Side):
    def __init__(self, xvfb, work, binary):
        super().__init__("kiosk", xvfb, work)
        self.binary = binary
        self.run = 0

    def launch(self, workload):
        self.run += 1
        d = os.path.join(self.work, "kiosk-run-%d" % self.run)
        os.makedirs(d)
        config = os.path.join(d, "kiosk.json")
        with open(config, "w") as f:
            json.dump({"idle_seconds": 3600, "live_poll_seconds": 1, "cache_dir": d + "/cache",
                       "data_dir": d + "/data", "status_dir": d + "/status"}, f)
        command = [self.binary, "--config", config, "--kiosk", "--now", PINNED_NOW, "--feed", workload["feed"]]
        if workload.get("live_url"):
            command += ["--screen", "live", "--live", workload["live_url"]]
        else:
            command += ["--screen", "county:" + workload["county"]]
        self.start(command)


class ChromiumSide(Side):
    def __init__(self, xvfb, work, binary):
        super().__init__("chromium", xvfb, work)
        self.binary = binary
        self.run = 0

    def launch(self, workload):
        self.run += 1
        profile = os.path.join(self.work, "chromium-profile-%d" % self.run)   # fresh each run
        url = "file://%s?every=%d" % (workload["page"], workload.get("every", 1))
        self.start([self.binary] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, url])


class FloorSide(Side):
    """bench_gl_floor: a fullscreen GLFW window with a GL 3.0 context clearing to the header colour.
    No fonts, feed or UI: the least any program does here before its first frame."""

    def __init__(self, xvfb, work, binary):
        super().__init__("gl-floor", xvfb, work)
        self.binary = binary

    def launch(self, workload):
        self.start([self.binary] + [str(c) for c in HEADER_RGB])


# --- measures --------------------------------------------------------------

def measure_start_and_memory(side, workload, memory_at):
    side.launch(workload)
    try:
        first = side.wait_first_frame()
        if first is None:
            raise RuntimeError("%s: no header pixel within 60 s" % side.name)
        pss = []
        for at in memory_at:
            side.sleep_until(at)
            tree = side.tree()
            pss.append((pss_bytes(tree), uss_bytes(tree)))
        return first, pss, len(side.tree())
    finally:
        side.stop()


def measure_cpu(side, workload, xvfb, settle, window):
    side.launch(workload)
    try:
        if side.wait_first_frame() is None:
            raise RuntimeError("%s: no header pixel within 60 s" % side.name)
        side.sleep_until(settle)
        before, x_before = cpu_seconds(side.tree()), cpu_seconds([xvfb.process.pid])
        time.sleep(window)
        after, x_after = cpu_seconds(side.tree()), cpu_seconds([xvfb.process.pid])
        return cpu_used(before, after), cpu_used(x_before, x_after)
    finally:
        side.stop()


def stats(values):
    return min(values), statistics.median(values), max(values)


def fmt(values, unit, scale=1.0, decimals=1):
    lo, mid, hi = stats([v * scale for v in values])
    return "%.*f / %.*f / %.*f %s" % (decimals, lo, decimals, mid, decimals, hi, unit)


class Results:
    def __init__(self):
        self.rows = []   # measure, ours, theirs, ratio, target, verdict

    def add(self, measure, ours, theirs, unit, scale=1.0, decimals=1, target=None):
        ratio = statistics.median(ours) / statistics.median(theirs) if theirs and statistics.median(theirs) else None
        verdict = ""
        if target is not None and ratio is not None:
            verdict = ("met (1 : %.1f)" if ratio <= target else "missed (1 : %.1f)") % (1 / ratio if ratio else 0)
            verdict += ", target ≤ 1 : %g" % (1 / target)
        self.rows.append((measure, fmt(ours, unit, scale, decimals), fmt(theirs, unit, scale, decimals) if theirs else "–",
                          "%.3f" % ratio if ratio is not None else "–", verdict))

    def print(self, out):
        out.write("| measure | ours (min / median / max) | Chromium | ours : theirs | target |\n|---|---|---|---|---|\n")
        for row in self.rows:
            out.write("| %s |\n" % " | ".join(row))


def machine():
    model = cores = ""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in lscpu.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
            if line.startswith("CPU(s):"):
                cores = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "%s, %s cores, load %s at the start, %s" % (model, cores, " ".join(open("/proc/loadavg").read().split()[:3]),
                                                      datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(SOURCE_DIR, "build"), help="the build directory")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="40,2000,10000", help="products per feed for launch and memory")
    parser.add_argument("--cpu-size", type=int, default=2000, help="products in the feed of the CPU runs")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: 40 products, 1 run, short windows")
    parser.add_argument("--no-chromium", action="store_true", help="the kiosk side only")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--skip-kiosk-bench", action="store_true", help="not the kiosk-only table after")
    parser.add_argument("--only", choices=["launch", "cpu"], help="one part: launch and memory, or CPU")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    memory_at, settle, window, cadences = [10, 60], 10, 30, [1, 5]
    if args.quick:
        sizes, args.runs, args.cpu_size, memory_at, settle, window, cadences = [40], 1, 40, [3], 3, 3, [1]
    kiosk_binary = os.path.join(args.build, "kiosk")
    bench_binary = os.path.join(args.build, "tests", "bench", "kiosk_bench")
    floor_binary = os.path.join(args.build, "tests", "bench", "bench_gl_floor")
    with_chromium = not args.no_chromium
    if with_chromium and not shutil.which(args.chromium):
        print("side_by_side: no %s (apt install chromium), or run with --no-chromium" % args.chromium, file=sys.stderr)
        return 2

    work = tempfile.mkdtemp(prefix="side-by-side-")
    xvfb = Xvfb()
    results = Results()
    failed = False
    header = machine()
    try:
        kiosk = KioskSide(xvfb, work, kiosk_binary)
        chromium = ChromiumSide(xvfb, work, args.chromium) if with_chromium else None
        sides = [kiosk] + ([chromium] if chromium else [])
        floor = FloorSide(xvfb, work, floor_binary) if os.path.exists(floor_binary) else None
        feeds = {}
        for n in sorted(set((sizes if args.only != "cpu" else []) + ([args.cpu_size] if args.only != "launch" else []))):
            feed = os.path.join(work, "feed-%d.json" % n)
            subprocess.run([bench_binary, "generate", str(n), feed], check=True, stderr=subprocess.DEVNULL)
            page = os.path.join(work, "page-%d.html" % n)
            write_feed_page(feed, page)
            with open(feed, encoding="utf-8") as f:
                document = json.load(f)
            feeds[n] = {"feed": feed, "page": page, "county": document["products"][0]["county"], "document": document}

        for n in sizes if args.only != "cpu" else []:
            got = {side.name: {"first": [], "pss": [[] for _ in memory_at], "uss": [[] for _ in memory_at], "procs": []}
                   for side in sides}
            for run in range(args.runs):
                for side in sides:
                    progress("%d products, run %d: %s, launch and memory" % (n, run + 1, side.name))
                    first, pss, procs = measure_start_and_memory(side, feeds[n], memory_at)
                    got[side.name]["first"].append(first)
                    got[side.name]["procs"].append(procs)
                    for i, (pss_value, uss_value) in enumerate(pss):
                        got[side.name]["pss"][i].append(pss_value)
                        got[side.name]["uss"][i].append(uss_value)
                if floor:   # memory at the first point only: it holds no feed to grow with
                    progress("%d products, run %d: %s, launch and memory" % (n, run + 1, floor.name))
                    first, pss, _ = measure_start_and_memory(floor, feeds[n], memory_at[:1])
                    got.setdefault(floor.name, {"first": [], "pss": [], "uss": []})["first"].append(first)
                    got[floor.name]["pss"].append(pss[0][0])
                    got[floor.name]["uss"].append(pss[0][1])
            theirs = got.get("chromium")
            results.add("launch → first complete frame, %s products" % format(n, ","), got["kiosk"]["first"],
                        theirs["first"] if theirs else None, "ms", 1000, 0, target=1 / 6)
            if floor:   # in the ours column: the same measure of a bare GL window, the floor under any launch here
                results.add("the floor: a bare GLFW window's first clear (bench_gl_floor), beside the same runs",
                            got[floor.name]["first"], theirs["first"] if theirs else None, "ms", 1000, 0, target=1 / 6)
            for i, at in enumerate(memory_at):
                results.add("PSS at %d s, %s products" % (at, format(n, ",")), got["kiosk"]["pss"][i],
                            theirs["pss"][i] if theirs else None, "MB", 1 / 2**20, 1, target=1 / 5)
                results.add("USS (private pages only) at %d s, %s products" % (at, format(n, ",")), got["kiosk"]["uss"][i],
                            theirs["uss"][i] if theirs else None, "MB", 1 / 2**20, 1)
            if floor:
                results.add("the floor's PSS at %d s (bench_gl_floor)" % memory_at[0], got[floor.name]["pss"],
                            theirs["pss"][0] if theirs else None, "MB", 1 / 2**20, 1, target=1 / 5)
                results.add("the floor's USS at %d s (bench_gl_floor)" % memory_at[0], got[floor.name]["uss"],
                            theirs["uss"][0] if theirs else None, "MB", 1 / 2**20, 1)
            results.add("processes, %s products" % format(n, ","), got["kiosk"]["procs"],
                        theirs["procs"] if theirs else None, "", 1, 0)

        for every in cadences if args.only != "launch" else []:
            live = LiveServer(feeds[args.cpu_size]["document"], every)
            try:
                workload = dict(feeds[args.cpu_size], live_url=live.url, every=every)
                got = {side.name: {"cpu": [], "x": []} for side in sides}
                for run in range(args.runs):
                    for side in sides:
                        progress("live figures every %d s, run %d: %s, CPU over %d s" % (every, run + 1, side.name, window))
                        cpu, x = measure_cpu(side, workload, xvfb, settle, window)
                        got[side.name]["cpu"].append(cpu)
                        got[side.name]["x"].append(x)
            finally:
                live.stop()
            theirs = got.get("chromium")
            results.add("CPU over %d s, live figures changing every %d s (%s products)" % (window, every, format(args.cpu_size, ",")),
                        got["kiosk"]["cpu"], theirs["cpu"] if theirs else None, "s", 1, 2, target=1 / 2)
            results.add("Xvfb's CPU in the same %d s (not counted above)" % window, got["kiosk"]["x"],
                        theirs["x"] if theirs else None, "s", 1, 2)
    except (RuntimeError, subprocess.CalledProcessError, OSError) as e:
        print("side_by_side: " + str(e), file=sys.stderr)
        failed = True
    finally:
        xvfb.stop()

    out = sys.stdout
    out.write("Side by side on %s; Xvfb 1920x1080x24, software GL for both; %d run(s) each; Chromium %s\n\n"
              % (header, args.runs, chromium_version(args.chromium) if with_chromium else "not run"))
    results.print(out)
    out.flush()
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("side_by_side: logs kept in " + work, file=sys.stderr)
    if not args.skip_kiosk_bench and not failed:
        out.write("\nThe kiosk alone (kiosk_bench%s):\n\n" % (" --quick" if args.quick else ""))
        out.flush()
        failed = subprocess.run([bench_binary] + (["--quick"] if args.quick else [])).returncode != 0
    return 1 if failed else 0


def chromium_version(binary):
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "(version unknown)"


if __name__ == "__main__":
    sys.exit(main())
