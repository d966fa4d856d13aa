#!/usr/bin/env python3
"""What one kiosk's polling costs on the wire per minute (README "Many kiosks").

Runs the real kiosk (on its own Xvfb) against a local HTTP/1.1 server that answers as a web
server in front of the organisers' files does: keep-alive, ETag and Last-Modified, 304 to a
matching If-None-Match, gzip when asked. The kiosk polls at its defaults (feed every 30 s,
live stats every 2 s). Two phases of MINUTES each after a warm-up (the first full fetches):
  unchanged  neither document changes: every poll is a conditional GET answered 304
  live       the live stats change every 2 s (each live poll gets a new 200), the feed not
The server counts per document: requests, status codes, HTTP bytes received (request line
and headers) and sent (status line, headers and body), and TCP connections opened. As root
the whole run happens in a network namespace of its own (unshare -n), so /proc/net/dev's
loopback counters give every packet's bytes too (Ethernet-sized headers, TCP handshakes,
ACKs), nothing else's.

usage: fleet_wire.py KIOSK_BINARY [--minutes M] [--no-netns]
"""
import argparse
import gzip
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Documents:
    """The served documents, each with its ETag and Last-Modified, replaceable while serving."""

    def __init__(self):
        self.lock = threading.Lock()
        self.docs = {}

    def put(self, path, body):
        with self.lock:
            self.docs[path] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"', formatdate(usegmt=True),
                               gzip.compress(body, 6))

    def get(self, path):
        with self.lock:
            return self.docs.get(path)


class Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.by_path = {}
            self.connections = 0

    def add(self, path, status, received, sent):
        with self.lock:
            c = self.by_path.setdefault(path, {"requests": 0, "received": 0, "sent": 0, "statuses": {}})
            c["requests"] += 1
            c["received"] += received
            c["sent"] += sent
            c["statuses"][status] = c["statuses"].get(status, 0) + 1

    def connection(self):
        with self.lock:
            self.connections += 1

    def snapshot(self):
        with self.lock:
            return json.loads(json.dumps(self.by_path)), self.connections


class CountingReader:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def readline(self, *args):
        line = self.raw.readline(*args)
        self.count += len(line)
        return line

    def read(self, *args):
        data = self.raw.read(*args)
        self.count += len(data)
        return data

    def __getattr__(self, name):
        return getattr(self.raw, name)


class CountingWriter:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def make_handler(documents, counts):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"       # keep-alive, as nginx or Apache answer
        server_version = "nginx/1.22.1"     # a header as long as a real server's
        sys_version = ""

        def setup(self):
            super().setup()
            counts.connection()
            self.rfile = CountingReader(self.rfile)
            self.wfile = CountingWriter(self.wfile)

        def handle_one_request(self):
            self.rfile.count = self.wfile.count = 0
            super().handle_one_request()
            if getattr(self, "counted_path", None):
                counts.add(self.counted_path, self.counted_status, self.rfile.count, self.wfile.count)
                self.counted_path = None

        def do_GET(self):
            doc = documents.get(self.path)
            self.counted_path = self.path
            if doc is None:
                self.counted_status = 404
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, etag, modified, compressed = doc
            if self.headers.get("If-None-Match") == etag:
                self.counted_status = 304
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                self.end_headers()
                return
            gz = "gzip" in self.headers.get("Accept-Encoding", "")
            payload = compressed if gz else body
            self.counted_status = 200
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Last-Modified", modified)
            self.send_header("ETag", etag)
            if gz:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    return Handler


def loopback_counters():
    """(bytes, packets) sent on lo in this network namespace."""
    with open("/proc/net/dev") as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name.strip() == "lo":
                fields = rest.split()
                return int(fields[8]), int(fields[9])
    return 0, 0


def start_xvfb():
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    if not number.strip():
        sys.exit("Xvfb did not start")
    return xvfb, ":" + number.decode().strip()


def live_document(demo, step):
    """The demo's live stats as their own document, with figures that change with `step`."""
    live = json.loads(json.dumps(demo["live"]))
    for session in live.get("sessions", []):
        for platform in session.get("platforms", []):
            platform["viewers"] = platform.get("viewers", 0) + step * 37
            platform["orders"] = platform.get("orders", 0) + step
    return json.dumps({"format": demo["format"], "live": live}, ensure_ascii=False, indent=2).encode()


def per_minute(value, seconds):
    return value * 60.0 / seconds


def report(phase, seconds, counts, lo_before, lo_after):
    by_path, connections = counts.snapshot()
    print(f"\n{phase}: {seconds:.0f} s measured")
    print(f"| document | requests/min | statuses | HTTP bytes/min received | HTTP bytes/min sent | bytes/request |")
    print(f"|---|---|---|---|---|---|")
    total = 0
    for path in sorted(by_path):
        c = by_path[path]
        both = c["received"] + c["sent"]
        total += both
        statuses = ", ".join(f"{n}×{s}" for s, n in sorted(c["statuses"].items()))
        print(f"| {path} | {per_minute(c['requests'], seconds):.1f} | {statuses} | "
              f"{per_minute(c['received'], seconds):,.0f} | {per_minute(c['sent'], seconds):,.0f} | "
              f"{both / max(c['requests'], 1):,.0f} |")
    print(f"HTTP bytes both ways: {per_minute(total, seconds):,.0f} per minute; TCP connections opened: {connections}")
    if lo_before is not None:
        b, p = lo_after[0] - lo_before[0], lo_after[1] - lo_before[1]
        print(f"packets on the wire (loopback of this run's own network namespace): {per_minute(p, seconds):,.1f} "
              f"packets, {per_minute(b, seconds):,.0f} bytes per minute (frames with 14-byte link headers)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kiosk")
    ap.add_argument("--minutes", type=float, default=2.0)
    ap.add_argument("--no-netns", action="store_true", help="do not run in a network namespace of its own")
    args = ap.parse_args()

    if not args.no_netns and os.environ.get("FLEET_WIRE_NETNS") != "1" and os.geteuid() == 0:
        env = dict(os.environ, FLEET_WIRE_NETNS="1")
        code = subprocess.call(["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
                                sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env=env)
        sys.exit(code)
    in_netns = os.environ.get("FLEET_WIRE_NETNS") == "1"

    with open(os.path.join(SOURCE_DIR, "config/demo-feed.json"), "rb") as f:
        feed_bytes = f.read()
    demo = json.loads(feed_bytes)
    documents, counts = Documents(), Counts()
    documents.put("/feed.json", feed_bytes)
    documents.put("/live.json", live_document(demo, 0))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(documents, counts))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    work = tempfile.mkdtemp(prefix="kiosk-test-fleet-wire-")
    xvfb, display = start_xvfb()
    kiosk = None
    try:
        config = os.path.join(work, "kiosk.json")
        with open(config, "w") as f:
            json.dump({"feed": base + "/feed.json", "live": base + "/live.json",
                       "cache_dir": os.path.join(work, "cache"), "data_dir": os.path.join(work, "data"),
                       "status_dir": os.path.join(work, "status")}, f)
        log = open(os.path.join(work, "kiosk.log"), "wb")
        kiosk = subprocess.Popen([args.kiosk, "--config", config, "--size", "1280x720"], stdout=log, stderr=log,
                                 env=dict(os.environ, DISPLAY=display))
        time.sleep(15)   # warm-up: the first full fetches of both documents
        if kiosk.poll() is not None:
            sys.exit("the kiosk ended: " + open(os.path.join(work, "kiosk.log"), errors="replace").read())
        first, _ = counts.snapshot()
        print("warm-up (first fetches): " + ", ".join(f"{p}: {c['requests']} requests, {c['sent']:,} B sent"
                                                      for p, c in sorted(first.items())))
        print(f"documents: feed {len(feed_bytes):,} B ({len(documents.get('/feed.json')[3]):,} B gzip), "
              f"live {len(documents.get('/live.json')[0]):,} B ({len(documents.get('/live.json')[3]):,} B gzip)")

        seconds = args.minutes * 60
        for phase in ("unchanged", "live"):
            counts.reset()
            lo_before = loopback_counters() if in_netns else None
            start = time.monotonic()
            step = 0
            while time.monotonic() - start < seconds:
                time.sleep(2 if phase == "live" else 1)
                if phase == "live":
                    step += 1
                    documents.put("/live.json", live_document(demo, step))
            elapsed = time.monotonic() - start
            report("documents unchanged (every poll a 304)" if phase == "unchanged"
                   else "live stats changing every 2 s, feed unchanged", elapsed, counts, lo_before,
                   loopback_counters() if in_netns else None)
    finally:
        if kiosk and kiosk.poll() is None:
            kiosk.terminate()
            try:
                kiosk.wait(20)
            except subprocess.TimeoutExpired:
                kiosk.kill()
                kiosk.wait()
        xvfb.terminate()
        xvfb.wait()
        server.shutdown()
        server.server_close()
        if os.environ.get("KIOSK_KEEP_TEST_FILES") == "1":
            print(f"KIOSK_KEEP_TEST_FILES: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
