#!/usr/bin/env python3
"""Launch to first frame of two (or more) kiosk binaries, interleaved: A B, B A, A B ...

On a shared machine the load drifts within minutes, so side_by_side.py's launch figures of two
builds measured one after the other cannot show a 10% change; runs taken in turn can. The first
frame is side_by_side's: when the header's colour reaches the X root window (polled every 5 ms).

  tests/bench/launch_ab.py OLD/kiosk NEW/kiosk [--runs 12] [--sizes 40,2000] [--build build]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import side_by_side as sbs  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binaries", nargs="+", help="kiosk binaries to compare (copy one aside before rebuilding)")
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--sizes", default="40,2000", help="products per generated feed")
    parser.add_argument("--build", default=os.path.join(sbs.SOURCE_DIR, "build"), help="where kiosk_bench is")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="launch-ab-")
    xvfb = sbs.Xvfb()
    try:
        sides = []
        for i, binary in enumerate(args.binaries):
            side = sbs.KioskSide(xvfb, os.path.join(work, "side-%d" % i), binary)
            os.makedirs(side.work)
            sides.append(side)
        for n in [int(s) for s in args.sizes.split(",")]:
            feed = os.path.join(work, "feed-%d.json" % n)
            subprocess.run([os.path.join(args.build, "tests", "bench", "kiosk_bench"), "generate", str(n), feed],
                           check=True, stderr=subprocess.DEVNULL)
            with open(feed, encoding="utf-8") as f:
                workload = {"feed": feed, "county": json.load(f)["products"][0]["county"]}
            got = [[] for _ in sides]
            for run in range(args.runs):
                order = list(range(len(sides))) if run % 2 == 0 else list(reversed(range(len(sides))))
                for i in order:
                    sides[i].launch(workload)
                    first = sides[i].wait_first_frame()
                    sides[i].stop()
                    if first is None:
                        raise RuntimeError("%s: no header pixel within 60 s" % args.binaries[i])
                    got[i].append(first * 1000)
            for binary, values in zip(args.binaries, got):
                v = sorted(values)
                print("%6d products  %s: min %.0f / median %.0f / max %.0f ms" % (n, binary, v[0], statistics.median(v), v[-1]),
                      flush=True)
    finally:
        xvfb.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
