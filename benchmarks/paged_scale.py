"""Paged export at scale: `argmap export map.argmap -o out.pdf --layout auto --page A4` (a table, asserts nothing).

For each size, a synthetic argument-like map (seed 7) is exported by the
CLI in a fresh process (wall time, best of ``--repeat``), and the page plan
is timed on its own in another (:func:`argmap.render.pages.plan_pages` with
the fitter's quick "cannot join", best of ``--repeat``); up to
``--plain-up-to`` statements the plain first fit (every join laid out, the
rule as it always was) is timed once beside it, with a check that both give
the same pages. With ``--before SRC`` (the ``src`` folder of another checkout, e.g. ``git archive main src``)
the CLI export is also timed with that code, once, up to ``--before-up-to`` statements. Run from the
repository root::

    python benchmarks/paged_scale.py [--sizes 250,1000,5000] [--pages A4] [--repeat 3] [--plain-up-to 1000]
                                     [--before /tmp/main/src --before-up-to 1000]

Times are seconds; the machine is shared, so read the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from argmap.app import ensure_gui_app
ensure_gui_app(headless=True)
from argmap.formats import read_file
from argmap.render.page_fit import PageFitter
from argmap.render.pages import page_theme, plan_pages
from argmap.render.paper import named_paper
from argmap.render.theme import theme_named
amap = read_file(sys.argv[1])
paper = named_paper(sys.argv[2])
theme = page_theme(theme_named("light"), paper)
t0 = time.perf_counter()
fitter = PageFitter(amap, theme, paper)
quick = plan_pages(amap, fitter, fitter.cannot_join)
t1 = time.perf_counter()
out = {"quick": t1 - t0, "groups": len(quick)}
if sys.argv[3] == "plain":
    plain = plan_pages(amap, PageFitter(amap, theme, paper))
    out.update(plain=time.perf_counter() - t1, same=plain == quick)
print(json.dumps(out))
"""


def _env(src: str | None = None) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if src:
        env["PYTHONPATH"] = src
    return env


def cli_export(native: Path, page: str, out: Path, src: str | None = None) -> tuple[float, int]:
    """Wall time of the CLI export (of the code in ``src`` when given) and the number of pages in the PDF."""
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", "export", str(native), "-o", str(out), "--layout", "auto",
                    "--page", page], check=True, capture_output=True, env=_env(src))
    took = time.perf_counter() - begin
    return took, len(re.findall(rb"/Type\s*/Page\b", out.read_bytes()))


def planning(native: Path, page: str, plain: bool) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(native), page, "plain" if plain else "quick"],
                          capture_output=True, text=True, env=_env(), check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,5000")
    parser.add_argument("--pages", default="A4", help="comma-separated: A4, Letter, A3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain-up-to", type=int, default=1000)
    parser.add_argument("--before", help="the src folder of the code to compare with")
    parser.add_argument("--before-up-to", type=int, default=1000)
    args = parser.parse_args(argv)
    from argmap.formats import write_file
    from argmap.model.synth import argument_like

    print("| statements | paper | export (s) | pages | export before (s) | pages before | plan (s) "
          "| plan, plain first fit (s) | same pages |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="argmap-bench-paged-") as tmp:
        for n in (int(s) for s in args.sizes.split(",") if s):
            native = Path(tmp) / f"map{n}.argmap"
            write_file(argument_like(n, seed=7), native, backup=False)
            for page in args.pages.split(","):
                runs = [cli_export(native, page, Path(tmp) / "out.pdf") for _ in range(args.repeat)]
                plans = [planning(native, page, plain=False) for _ in range(args.repeat)]
                plain = planning(native, page, plain=True) if n <= args.plain_up_to else None
                before = (cli_export(native, page, Path(tmp) / "before.pdf", args.before)
                          if args.before and n <= args.before_up_to else None)
                cells = [f"{n:>6,}", page, f"{min(t for t, _ in runs):.2f}", str(runs[0][1]),
                         f"{before[0]:.2f}" if before else "—", str(before[1]) if before else "—",
                         f"{min(p['quick'] for p in plans):.2f}",
                         f"{plain['plain']:.2f}" if plain else "—",
                         ("yes" if plain["same"] else "NO") if plain else "—"]
                print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
