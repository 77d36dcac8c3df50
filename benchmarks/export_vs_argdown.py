"""Image export speed: ``argmap export`` against the Argdown CLI 1.7.5 (prints a table, asserts nothing).

The same ``argument_like(n)`` map is written as ``.argmap`` and as ``.argdown``
(with :func:`argmap.formats.argdown.dumps`), then each tool turns it into SVG
and PDF from a fresh process, as a user would run it::

    python -m argmap export F.argmap -o x.svg --layout auto
    ARGMAP_JOBS=1 python -m argmap export F.argmap -o x.svg --layout auto   (one core)
    argdown map F.argdown OUTDIR --format svg

Run from the repository root::

    python benchmarks/export_vs_argdown.py [--sizes 100,1000,5000] [--repeat 3]

The Argdown CLI is taken from ``node_modules/.bin/argdown`` (``scripts/install_argdown_cli.sh``
puts it there); when it is missing it is installed into a temporary folder with
``npm install --prefix DIR @argdown/cli@1.7.5``. Times are wall-clock seconds,
best of ``--repeat`` runs, process start-up included on both sides.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 1200


def find_argdown(scratch: Path) -> Path | None:
    """The Argdown CLI, installed into ``scratch`` when the repository has none."""
    local = ROOT / "node_modules" / ".bin" / "argdown"
    if local.exists():
        return local
    if shutil.which("npm") is None:
        return None
    subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(scratch),
                    "@argdown/cli@1.7.5"], check=False, capture_output=True, timeout=TIMEOUT_S)
    found = scratch / "node_modules" / ".bin" / "argdown"
    return found if found.exists() else None


def timed(cmd: list[str], repeat: int, out: Path, env: dict | None = None) -> tuple[float | None, str]:
    """Best wall time of ``cmd`` over ``repeat`` runs (``env``: extra variables), or None with the reason it failed."""
    best = None
    for _ in range(repeat):
        if out.exists():
            out.unlink()
        start = time.perf_counter()
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
        except subprocess.TimeoutExpired:
            return None, f"timeout after {TIMEOUT_S} s"
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or not out.exists():
            reason = (done.stderr or done.stdout).strip().splitlines()
            return None, reason[-1] if reason else f"exit {done.returncode}, no output"
        best = elapsed if best is None else min(best, elapsed)
    return best, ""


def write_inputs(n: int, folder: Path) -> tuple[Path, Path]:
    from argmap.formats import write_file
    from argmap.formats.argdown import dumps
    from argmap.model.synth import argument_like

    amap = argument_like(n, seed=7)
    native = folder / f"map{n}.argmap"
    write_file(amap, native, backup=False)
    argdown = folder / f"map{n}.argdown"
    argdown.write_text(dumps(amap), encoding="utf-8")
    return native, argdown


def run(sizes: list[int], repeat: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-export-") as tmp:
        scratch = Path(tmp)
        argdown_cli = find_argdown(scratch / "npm")
        for n in sizes:
            native, adfile = write_inputs(n, scratch)
            for fmt in ("svg", "pdf"):
                ours_out = scratch / f"ours{n}.{fmt}"
                command = [sys.executable, "-m", "argmap", "export", str(native), "-o", str(ours_out),
                           "--layout", "auto"]
                ours, why_ours = timed(command, repeat, ours_out)
                alone, _ = timed(command, repeat, ours_out, {"ARGMAP_JOBS": "1"})
                theirs, why_theirs = None, "Argdown CLI not installed"
                if argdown_cli is not None:
                    outdir = scratch / f"ad{n}{fmt}"
                    outdir.mkdir(exist_ok=True)
                    theirs, why_theirs = timed([str(argdown_cli), "map", str(adfile), str(outdir), "--format", fmt],
                                               repeat, outdir / f"{adfile.stem}.{fmt}")
                theirs_out = (scratch / f"ad{n}{fmt}" / f"{adfile.stem}.{fmt}") if argdown_cli else None
                rows.append({"n": n, "fmt": fmt, "ours": ours, "alone": alone, "theirs": theirs,
                             "ours_mb": _mb(ours_out), "theirs_mb": _mb(theirs_out),
                             "note": "; ".join(x for x in (why_ours and f"argmap: {why_ours}",
                                                           why_theirs and f"argdown: {why_theirs}") if x)})
                print(_line(rows[-1]), flush=True)
    return rows


def _mb(path: Path | None) -> float | None:
    return path.stat().st_size / 1e6 if path is not None and path.exists() else None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _ratio(theirs: float | None, ours: float | None) -> str:
    return f"{theirs / ours:.2f}" if theirs and ours else "—"


def _line(row: dict) -> str:
    return (f"| {row['n']:>6,} | {row['fmt'].upper()} | {_fmt(row['ours']):>8} | {_fmt(row['alone']):>8} "
            f"| {_fmt(row['theirs']):>8} | {_ratio(row['theirs'], row['ours']):>6} "
            f"| {_ratio(row['theirs'], row['alone']):>6} | {_fmt(row['ours_mb']):>6} | {_fmt(row['theirs_mb']):>6} "
            f"| {row['note']} |")


HEADER = ("| statements | format | argmap export (s) | argmap, one core (s) | argdown map (s) | argdown ÷ argmap "
          "| argdown ÷ argmap on one core | argmap MB | argdown MB | note |\n"
          "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")


def _machine() -> str:
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"load average {load} (1, 5, 15 min), {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"Before: {_machine()}\n", flush=True)
    print(HEADER, flush=True)
    run(sizes, args.repeat)
    print(f"\nAfter: {_machine()}")
    print("Ratio above 1: argmap is faster. 'One core': the same command with ARGMAP_JOBS=1, which keeps the\n"
          "check and the picture's report in the process (Argdown's Node process uses two cores).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
