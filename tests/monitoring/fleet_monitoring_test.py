#!/usr/bin/env python3
"""The kiosk's metrics reach a real Prometheus and the stale-feed alert fires (README "Many kiosks").

Starts, all on loopback and on ports free at the time: a feed server (this script, with ETag),
the real kiosk on its own Xvfb polling it every 5 s, Debian's prometheus-node-exporter with only
its textfile collector on the kiosk's status directory, and Debian's prometheus scraping it every
second with a copy of deploy/monitoring/kiosk-alerts.yml in which KioskFeedStale's threshold is
25 s instead of 600 and KioskDown's 25 s instead of 60, each `for:` 2 s (the kiosk rewrites
kiosk.prom every 15 s and polls every 5 s here, so a healthy feed is up to ~20 s old). Through Prometheus' HTTP API it checks
that the kiosk's metrics arrive with sane values, that no alert is active while the feed is served,
that KioskFeedStale fires once the feed server stops and KioskDown once the kiosk hangs (SIGSTOP)
(and how many seconds each took), that a touch arrives as kiosk_last_touch_time_seconds, and that
every query of the Grafana dashboard is valid PromQL that finds this kiosk's series.

Every process it started is stopped at the end, also on failure; the kiosk-test-* directory is
removed unless KIOSK_KEEP_TEST_FILES=1.

usage: fleet_monitoring_test.py KIOSK_BINARY SOURCE_DIR
"""
import hashlib
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

PATIENCE = 90.0   # seconds for anything that should take a few: generous for a loaded 2-core machine
STALE_THRESHOLD = 25   # seconds: the test copy's KioskFeedStale threshold
STALE_FOR = "2s"
DOWN_THRESHOLD = 25   # seconds: the test copy's KioskDown threshold (kiosk.prom not rewritten for 60 s)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def free_port():
    """A port free now; the servers bind it a moment later (a lost race is retried by the caller)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def eventually(what, seconds=PATIENCE, every=0.25):
    """what()'s first true value within `seconds`, else None."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        value = what()
        if value:
            return value
        time.sleep(every)
    return None


class FeedServer:
    """The demo feed over HTTP/1.0 with an ETag and 304s, as any web server serves a file."""

    def __init__(self, body):
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/feed.json"
        self.running = True

    def stop(self):
        """Stops serving and closes the port: the kiosk's next fetch is refused."""
        if self.running:
            self.server.shutdown()
            self.server.server_close()
            self.running = False


class Processes:
    """Child processes, each stopped (TERM, then KILL) at the end in reverse order."""

    def __init__(self, work):
        self.work, self.started = work, []

    def start(self, name, argv, **kwargs):
        log = open(os.path.join(self.work, name + ".log"), "wb")
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, **kwargs)
        self.started.append((name, process))
        return process

    def log(self, name):
        with open(os.path.join(self.work, name + ".log"), errors="replace") as f:
            return f.read()

    def stop_all(self):
        for _, process in reversed(self.started):
            if process.poll() is None:
                process.terminate()
                os.kill(process.pid, signal.SIGCONT)   # a stopped process takes its SIGTERM once it runs
        for _, process in reversed(self.started):
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start_xvfb(processes):
    read_end, write_end = os.pipe()
    xvfb = processes.start("xvfb", ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                           pass_fds=(write_end,))
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + PATIENCE
    while not number.endswith(b"\n") and time.monotonic() < deadline and xvfb.poll() is None:
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    check(number.strip(), "Xvfb did not start: " + processes.log("xvfb"))
    return ":" + number.decode().strip()


def start_listening(processes, name, argv_for_port):
    """Starts a server on a free port; tries again on another if it lost the port to someone else."""
    for attempt in range(5):
        port = free_port()
        process = processes.start(f"{name}-{attempt}", argv_for_port(port))
        def answers():
            if process.poll() is not None:
                return "exited"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return "up"
            except OSError:
                return None
        state = eventually(answers, PATIENCE, 0.1)
        if state == "up":
            return port, process
        if "address already in use" not in processes.log(f"{name}-{attempt}"):
            raise Failure(f"{name} did not start: " + processes.log(f"{name}-{attempt}"))
    raise Failure(f"{name}: no free port in five tries")


def api(port, path, **params):
    url = f"http://127.0.0.1:{port}{path}"
    if params:
        url += "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def query(port, expr):
    reply = api(port, "/api/v1/query", query=expr)
    check(reply.get("status") == "success", f"query {expr!r} failed: {reply}")
    return reply["data"]["result"]


def shortened(text, alert, expr_start, threshold, for_):
    """The rules with one alert's threshold (the number after `expr_start`) and its for: replaced."""
    start = text.index("- alert: " + alert + "\n")
    end = text.find("- alert:", start + 1)
    end = len(text) if end < 0 else end
    block = text[start:end]
    block, n_expr = re.subn("(" + re.escape(expr_start) + r")\d+", rf"\g<1>{threshold}", block)
    block, n_for = re.subn(r"for: \S+", f"for: {for_}", block)
    check(n_expr == 1 and n_for == 1, f"{alert} in deploy/monitoring/kiosk-alerts.yml no longer has the "
                                      f"`{expr_start}N` and `for:` lines this test shortens")
    return text[:start] + block + text[end:]


def test_rules_copy(source_dir, work):
    """deploy/monitoring/kiosk-alerts.yml with KioskFeedStale's and KioskDown's thresholds and for: in seconds."""
    with open(os.path.join(source_dir, "deploy/monitoring/kiosk-alerts.yml"), encoding="utf-8") as f:
        text = f.read()
    text = shortened(text, "KioskFeedStale", 'expr: kiosk:source_age_seconds{source="feed"} > ', STALE_THRESHOLD, STALE_FOR)
    text = shortened(text, "KioskDown", "kiosk:status_file_age_seconds > ", DOWN_THRESHOLD, STALE_FOR)
    path = os.path.join(work, "kiosk-alerts-test.yml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def dashboard_queries(source_dir, instance):
    """Every panel query of the dashboard, with its variables set for one kiosk."""
    with open(os.path.join(source_dir, "deploy/monitoring/grafana-kiosk-fleet.json"), encoding="utf-8") as f:
        dashboard = json.load(f)
    out = []
    def walk(panels):
        for panel in panels:
            for target in panel.get("targets", []):
                expr = target["expr"].replace("$instance", instance).replace("$__range", "1h")
                expr = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s")
                out.append((panel.get("title", ""), expr))
            walk(panel.get("panels", []))
    walk(dashboard["panels"])
    return out


def alerts(prom_port, name):
    return [a for a in api(prom_port, "/api/v1/alerts")["data"]["alerts"] if a["labels"].get("alertname") == name]


def run(kiosk_binary, source_dir, work):
    processes = Processes(work)
    with open(os.path.join(source_dir, "config/demo-feed.json"), "rb") as f:
        feed = FeedServer(f.read())
    try:
        status_dir = os.path.join(work, "status")
        config = os.path.join(work, "kiosk.json")
        with open(config, "w") as f:
            json.dump({"feed": feed.url, "feed_poll_seconds": 5, "status_dir": status_dir,
                       "cache_dir": os.path.join(work, "cache"), "data_dir": os.path.join(work, "data")}, f)
        display = start_xvfb(processes)
        began = time.monotonic()
        kiosk = processes.start("kiosk", [kiosk_binary, "--config", config, "--size", "1280x720"],
                                env=dict(os.environ, DISPLAY=display))
        check(eventually(lambda: kiosk.poll() is not None or os.path.exists(os.path.join(status_dir, "kiosk.prom"))),
              "the kiosk wrote no kiosk.prom: " + processes.log("kiosk"))
        check(kiosk.poll() is None, "the kiosk ended: " + processes.log("kiosk"))

        exporter_port, _ = start_listening(processes, "node-exporter", lambda port: [
            "prometheus-node-exporter", "--collector.disable-defaults", "--collector.textfile",
            "--collector.textfile.directory=" + status_dir, f"--web.listen-address=127.0.0.1:{port}"])
        rules = test_rules_copy(source_dir, work)
        prometheus_config = os.path.join(work, "prometheus.yml")
        with open(prometheus_config, "w") as f:
            f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    f"rule_files:\n  - {rules}\n"
                    "scrape_configs:\n  - job_name: lvliang-kiosk\n"
                    f"    static_configs:\n      - targets: ['127.0.0.1:{exporter_port}']\n")
        prom_port, _ = start_listening(processes, "prometheus", lambda port: [
            "prometheus", "--config.file=" + prometheus_config, "--storage.tsdb.path=" + os.path.join(work, "tsdb"),
            f"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.retention.time=1h"])
        instance = f"127.0.0.1:{exporter_port}"
        def ready():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{prom_port}/-/ready", timeout=5) as response:
                    return response.status == 200
            except OSError:   # 503 while it loads its storage and rules
                return False
        check(eventually(ready), "Prometheus never became ready: " + processes.log("prometheus-0"))

        # The kiosk's metrics arrive, with values that fit a kiosk just started on a served feed.
        def metrics():
            result = query(prom_port, '{job="lvliang-kiosk", __name__=~"kiosk_.+"}')
            return {r["metric"]["__name__"] + ("/" + r["metric"]["source"] if "source" in r["metric"] else ""):
                    float(r["value"][1]) for r in result} or None
        seen = eventually(lambda: (m := metrics()) and "kiosk_source_age_seconds/feed" in m and m)
        check(seen, "the kiosk's metrics did not reach Prometheus: " + json.dumps(query(prom_port, "up")))
        arrived = time.monotonic()
        for name in ("kiosk_info", "kiosk_uptime_seconds", "kiosk_start_time_seconds", "kiosk_frames_drawn_total",
                     "kiosk_resident_memory_bytes", "kiosk_texture_memory_bytes", "kiosk_source_offline/feed",
                     "kiosk_source_fetches_total/feed", "kiosk_source_updates_total/feed"):
            check(name in seen, f"{name} missing in Prometheus: {sorted(seen)}")
        check(seen["kiosk_source_age_seconds/feed"] <= 20, f"feed age {seen['kiosk_source_age_seconds/feed']} s")
        check(seen["kiosk_source_offline/feed"] == 0, "the feed shows offline")
        check(seen["kiosk_source_updates_total/feed"] >= 1, "no feed published")
        check(seen["kiosk_resident_memory_bytes"] > 10e6, "resident memory under 10 MB")
        check(abs(seen["kiosk_start_time_seconds"] - time.time()) < 600, "start time not near now")
        check(eventually(lambda: query(prom_port, f'kiosk:source_age_seconds{{instance="{instance}", source="feed"}}')),
              "the recording rule kiosk:source_age_seconds has no series")

        # Served: no alert of any kind, pending or firing, after the stale rule's `for:` has passed.
        time.sleep(3)
        active = api(prom_port, "/api/v1/alerts")["data"]["alerts"]
        check(active == [], f"alerts while the feed is served: {active}")

        # Every dashboard query is valid PromQL; those of metrics the kiosk writes find its series.
        future = ("kiosk_announcement_active", "kiosk_screen_picture_age_seconds",   # other parts of issue 15
                  "kiosk_last_touch_time_seconds")   # none before the first touch
        queries = dashboard_queries(source_dir, instance)
        check(queries, "the dashboard has no queries")
        for title, expr in queries:
            result = query(prom_port, expr)
            if not any(name in expr for name in future):
                check(result, f"dashboard panel {title!r}: {expr} finds no series")

        # A visitor touches the screen (a real X button press); kiosk.prom has it within 15 s.
        check(not query(prom_port, "kiosk_last_touch_time_seconds"), "a last touch before anyone touched")
        touched = time.time()
        check(subprocess.run(["xdotool", "mousemove", "640", "700", "click", "1"], env=dict(os.environ, DISPLAY=display),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0, "xdotool failed")

        # The feed server stops: the kiosk keeps its feed, and KioskFeedStale fires.
        feed.stop()
        stopped = time.monotonic()
        firing = eventually(lambda: [a for a in alerts(prom_port, "KioskFeedStale") if a["state"] == "firing"],
                            PATIENCE + STALE_THRESHOLD)
        check(firing, "KioskFeedStale did not fire: " + json.dumps(api(prom_port, "/api/v1/alerts")))
        took = time.monotonic() - stopped
        check(firing[0]["labels"].get("instance") == instance, f"fired for {firing[0]['labels']}")
        check(float(firing[0]["value"]) > STALE_THRESHOLD, f"value {firing[0]['value']}")
        check(kiosk.poll() is None, "the kiosk ended: " + processes.log("kiosk"))
        check(not alerts(prom_port, "KioskDown"), "KioskDown while the kiosk runs")
        last_touch = eventually(lambda: query(prom_port, "kiosk_last_touch_time_seconds"), 40)
        check(last_touch, "no kiosk_last_touch_time_seconds after the touch")
        check(abs(float(last_touch[0]["value"][1]) - touched) < 5, f"last touch {last_touch[0]['value'][1]}, touched {touched}")

        # The kiosk hangs (SIGSTOP): kiosk.prom stands still, and KioskDown fires.
        os.kill(kiosk.pid, signal.SIGSTOP)
        hung = time.monotonic()
        try:
            down = eventually(lambda: [a for a in alerts(prom_port, "KioskDown") if a["state"] == "firing"],
                              PATIENCE + DOWN_THRESHOLD)
        finally:
            os.kill(kiosk.pid, signal.SIGCONT)
        check(down, "KioskDown did not fire: " + json.dumps(api(prom_port, "/api/v1/alerts")))
        check(down[0]["labels"].get("instance") == instance, f"KioskDown for {down[0]['labels']}")
        down_took = time.monotonic() - hung
        print(f"the kiosk's metrics in Prometheus {arrived - began:.1f} s after the kiosk started; KioskFeedStale "
              f"firing {took:.1f} s after the feed server stopped (threshold {STALE_THRESHOLD} s, for {STALE_FOR}; "
              f"feed polled every 5 s, kiosk.prom rewritten every 15 s); KioskDown firing {down_took:.1f} s after "
              f"the kiosk was stopped (threshold {DOWN_THRESHOLD} s, for {STALE_FOR})")
    finally:
        feed.stop()
        processes.stop_all()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kiosk_binary, source_dir = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="kiosk-test-fleet-")
    began = time.monotonic()
    try:
        run(kiosk_binary, source_dir, work)
        code = 0
    except Failure as e:
        print("FAILED: " + str(e))
        code = 1
    finally:
        if os.environ.get("KIOSK_KEEP_TEST_FILES") == "1":
            print(f"KIOSK_KEEP_TEST_FILES: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"fleet monitoring test: {time.monotonic() - began:.0f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
