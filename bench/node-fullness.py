#!/usr/bin/env python3
"""How full a plan's new nodes are: reads `flotilla plan -o json` on stdin and prints, over the
new nodes, the share of the cost on nodes at least 98 % full in some resource (pods aside), the
lowest such fullness, and the cost-weighted share of CPU and of memory left unused.

    ./flotilla plan -f CASE -o json | python3 bench/node-fullness.py
"""
import json
import re
import sys

UNITS = {"m": 1e-3, "k": 1e3, "Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "Ti": 1024 * 1024, None: 1}


def quantity(text):
    """A Kubernetes quantity as a number (memory in MiB, CPU in cores)."""
    if text is None:
        return 0.0
    m = re.fullmatch(r"([\d.]+)(m|k|Ki|Mi|Gi|Ti)?", str(text))
    if not m:
        raise SystemExit(f"unreadable quantity {text!r}")
    return float(m.group(1)) * UNITS[m.group(2)]


plan = json.load(sys.stdin)
nodes = [n for n in plan["nodes"] if not n["existing"]]
if not nodes:
    raise SystemExit("the plan launches no node")
cost = full = idle_cpu = idle_memory = 0.0
lowest = 1.0
for n in nodes:
    allocatable, used, price = n["allocatable"], n["used"], n["pricePerHour"]
    shares = {
        k: quantity(used.get(k)) / quantity(v)
        for k, v in allocatable.items()
        if k != "pods" and quantity(v) > 0
    }
    fullest = max(shares.values())
    lowest = min(lowest, fullest)
    cost += price
    full += price if fullest >= 0.98 else 0
    idle_cpu += price * (1 - shares.get("cpu", 0))
    idle_memory += price * (1 - shares.get("memory", 0))
print(f"new nodes {len(nodes)}, cost {cost:.4f} $/h")
print(f"cost on nodes >= 98 % full in some resource: {full / cost:.4f}")
print(f"lowest fullness (the fullest resource of the emptiest node): {lowest:.3f}")
print(f"cost-weighted unused share: cpu {idle_cpu / cost:.3f}, memory {idle_memory / cost:.3f}")
