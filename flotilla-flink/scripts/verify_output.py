#!/usr/bin/env python3
"""Independent check of a Flotilla job's output directory, without Java or Flink.

Reads the committed raw events (skipping hidden in-progress files), checks that every ID is
there exactly once, recomputes the 10 s / 5 s sliding maxima and the one-minute statistics
from the raw events, and compares them with the job's CSV outputs.

    python3 verify_output.py OUT_DIR [EXPECTED_EVENTS]
"""
import json
import math
import os
import sys
from collections import Counter
from datetime import datetime, timezone

SIZE_MS, SLIDE_MS, MINUTE_MS = 10_000, 5_000, 60_000


def lines(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        for name in sorted(filenames):
            if name.startswith((".", "_")):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line:
                        yield line


def millis(text):
    if isinstance(text, int):
        return text
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return round(dt.timestamp() * 1000)


def iso(ms):
    dt = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if ms % 1000:
        text += ".%03d" % (ms % 1000)
    return text + "Z"


def main():
    out = sys.argv[1]
    expected = int(sys.argv[2]) if len(sys.argv) > 2 else None
    events = [json.loads(l) for l in lines(os.path.join(out, "raw-events"))]
    ids = Counter(e["ID"] for e in events)
    dupes = [i for i, c in ids.items() if c > 1]
    print(f"raw events: {len(events):,} lines, {len(ids):,} distinct IDs, {len(dupes)} duplicated")
    ok = not dupes and (expected is None or (len(events) == expected == len(ids)))

    maxima, stats = {}, {}
    for e in events:
        t, ticker, price = millis(e["EVENT_TIME"]), e["TICKER"], float(e["PRICE"])
        start = (t // SLIDE_MS) * SLIDE_MS
        while start > t - SIZE_MS:
            key = (iso(start + SIZE_MS), ticker)
            maxima[key] = max(maxima.get(key, -math.inf), price)
            start -= SLIDE_MS
        key = (iso((t // MINUTE_MS) * MINUTE_MS), ticker)
        s = stats.setdefault(key, [0, math.inf, -math.inf, 0.0, None, None])
        s[0] += 1
        s[1] = min(s[1], price)
        s[2] = max(s[2], price)
        s[3] += price
        order = (t, e["ID"])
        if s[4] is None or order < s[4][0]:
            s[4] = (order, price)
        if s[5] is None or order > s[5][0]:
            s[5] = (order, price)

    written = {}
    for line in lines(os.path.join(out, "window-max")):
        end, ticker, value = line.split(",")
        if (end, ticker) in written:
            ok = False
            print("window written twice:", line)
        written[(end, ticker)] = float(value)
    same = written == maxima
    print(f"sliding maxima: {len(written):,} written, {len(maxima):,} recomputed, equal: {same}")
    ok = ok and same

    rows = {}
    for line in lines(os.path.join(out, "minute-stats")):
        f = line.split(",")
        rows[(f[0], f[2])] = f
    bad = 0
    for key, s in stats.items():
        f = rows.get(key)
        if (f is None or int(f[3]) != s[0] or float(f[4]) != s[1] or float(f[5]) != s[2]
                or abs(float(f[6]) - s[3] / s[0]) > 1e-6 or float(f[7]) != s[4][1]
                or float(f[8]) != s[5][1]):
            bad += 1
    bad += len(set(rows) - set(stats))
    print(f"minute stats: {len(rows):,} written, {len(stats):,} recomputed, mismatches: {bad}")
    ok = ok and bad == 0
    print("OK" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
