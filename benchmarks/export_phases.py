"""Where the time of ``argmap export --layout auto`` goes, phase by phase (prints a table, asserts nothing).

Each phase is timed in a fresh process, the way the CLI runs it: interpreter
start, imports, reading, checking, the Qt application, the drawing
(``build_drawing``: measuring text, layout and edge routing), painting or
writing the document, the export report, and the atomic write. Run from the repository root::

    python benchmarks/export_phases.py [--sizes 1000,5000] [--repeat 3]

Times are seconds, best of ``--repeat`` runs; the machine is shared, so read
the shares, not the absolute figures. Every phase runs in the one process here:
the command itself checks the map and measures the picture in forked children
(:mod:`argmap.cli.background`), which this table does not show.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ("start", "imports", "read", "check", "qt app", "drawing", "render", "report", "write")

CHILD = r"""
import gc, json, sys, time
gc.disable()  # as the command does (argmap.cli.export.run pauses the collector for the whole export)
t0 = time.perf_counter()
from argmap.formats import read_file
from argmap.analysis import check_map
from argmap.app import ensure_gui_app
import argmap.render, argmap.render.export, argmap.render.export_report, argmap.layout
t1 = time.perf_counter()
amap = read_file(sys.argv[1]); t2 = time.perf_counter()
report = check_map(amap); t3 = time.perf_counter()
ensure_gui_app(headless=True); t4 = time.perf_counter()
from argmap.atomic import write_bytes_atomic
from argmap.render import ExportOptions
from argmap.render.export import ExportPlan, Prepared, render_files
from argmap.render.export_report import export_report
from argmap.render.geometry import build_drawing
from argmap.render.legend import drawing_extent
from argmap.render.metadata import document_info
from argmap.render.theme import theme_named
theme = theme_named("light")
drawing = build_drawing(amap, theme, report=report, layout="auto"); t5 = time.perf_counter()
options = ExportOptions(fmt=sys.argv[2], layout="auto")
plan = ExportPlan(options, [Prepared(drawing, theme, drawing_extent(drawing, theme), options).sheet()],
                  document_info(amap))
data = render_files(plan)[0]; t6 = time.perf_counter()
export_report(plan); t7 = time.perf_counter()
write_bytes_atomic(sys.argv[3], data); t8 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "read": t2 - t1, "check": t3 - t2, "qt app": t4 - t3, "drawing": t5 - t4,
                  "render": t6 - t5, "report": t7 - t6, "write": t8 - t7}))
"""


def start_time() -> float:
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - begin


def one_run(native: Path, fmt: str, out: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(native), fmt, str(out)], capture_output=True,
                          text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from argmap.formats import write_file
    from argmap.model.synth import argument_like

    print("| statements | format | " + " | ".join(PHASES) + " | total |")
    print("|---:|---|" + "---:|" * (len(PHASES) + 1))
    with tempfile.TemporaryDirectory(prefix="argmap-bench-phases-") as tmp:
        for n in (int(s) for s in args.sizes.split(",") if s):
            native = Path(tmp) / f"map{n}.argmap"
            write_file(argument_like(n, seed=7), native, backup=False)
            for fmt in ("svg", "pdf"):
                runs = [{"start": start_time(), **one_run(native, fmt, Path(tmp) / f"out.{fmt}")}
                        for _ in range(args.repeat)]
                best = {p: min(r[p] for r in runs) for p in PHASES}
                cells = " | ".join(f"{best[p]:.2f}" for p in PHASES)
                print(f"| {n:>6,} | {fmt.upper()} | {cells} | {sum(best.values()):.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
