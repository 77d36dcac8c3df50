"""Walk the AT-SPI tree of the running argmap (run by Debian's /usr/bin/python3, which has pyatspi).

Prints one JSON object: ``{"apps": [...], "nodes": [[depth, role, name, description], ...]}`` for the
application whose name contains ``argmap`` (or every application when none does). Waits until the
canvas shows up (at most ``--wait`` seconds), so the app may still be starting.
"""

import argparse
import json
import sys
import time

import pyatspi


def walk(node, depth, out, limit):
    if node is None or len(out) >= limit:
        return
    try:
        out.append([depth, node.getRoleName(), node.name or "", node.description or ""])
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1, out, limit)
    except Exception as exc:  # a node that went away while walking
        out.append([depth, "error", str(exc), ""])


def snapshot(limit):
    desktop = pyatspi.Registry.getDesktop(0)
    apps, nodes = [], []
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        apps.append(app.name or "")
        if "argmap" in (app.name or "").lower() or desktop.childCount == 1:
            walk(app, 0, nodes, limit)
    return apps, nodes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wait", type=float, default=30.0)
    parser.add_argument("--limit", type=int, default=20000)
    args = parser.parse_args()
    end = time.monotonic() + args.wait
    apps, nodes = [], []
    while time.monotonic() < end:
        apps, nodes = snapshot(args.limit)
        if any(role == "list" and name == "Argument map" for _, role, name, _ in nodes):
            time.sleep(1.0)  # let the window settle, then take the tree once more
            apps, nodes = snapshot(args.limit)
            break
        time.sleep(0.5)
    json.dump({"apps": apps, "nodes": nodes}, sys.stdout)


if __name__ == "__main__":
    main()
