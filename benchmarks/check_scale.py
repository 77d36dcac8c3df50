"""How `argmap check` scales: maps of 1,000 to 100,000 statements, end to end, version 1 and 2.

For each size: build a map with ``argument_like``, write it as .argmap to a
temporary folder, then time ``json.load``, ``read_file``, ``check_map`` and
the whole ``python -m argmap check FILE --format json`` in a fresh process
(best of ``--repeat``), with the peak memory (max RSS) of that process. Then
the same for the same map graded as version 2 (``with_tradecraft``: one
source per 100 statements, a third of them reached via another, cites and
credibility on most evidence, some assumptions and comments), which adds
AM009-AM012 to the checks. Prints a table; asserts nothing.

    python benchmarks/check_scale.py [--sizes 1000,10000,100000] [--repeat 3] [--versions 1,2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import best_of

from argmap.analysis import check_map
from argmap.formats import native, read_file
from argmap.model.synth import argument_like, with_tradecraft

# The child reports its own high-water mark (VmHWM, in kB). Not ru_maxrss: that survives exec, so a
# child forked from this big benchmark process would report the benchmark's size.
PEAK = ("import re, resource, sys\nfrom argmap.cli import main\nrc = main(sys.argv[1:])\n"
        "try:\n    kb = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "except (OSError, AttributeError):\n    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(kb, file=sys.stderr)\n")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_times(path: Path, repeat: int) -> tuple[float, float, float]:
    """Best wall time, median wall time and best CPU time of ``python -m argmap check PATH --format json``
    in a new process (the median shows how much a busy machine moved the figures)."""
    walls, cpus = [], []
    for _ in range(repeat):
        cpu0, start = children_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "argmap", "check", str(path), "--format", "json"],
                       stdout=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu0)
    return min(walls), statistics.median(walls), min(cpus)


def cli_peak_mb(path: Path) -> float:
    """Max RSS of a process running the same check, in MB."""
    done = subprocess.run([sys.executable, "-c", PEAK, "check", str(path), "--format", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def measure(n: int, folder: Path, repeat: int, version: int = 1) -> dict:
    amap = argument_like(n, seed=1)
    if version == 2:
        amap = with_tradecraft(amap, max(1, n // 100), seed=1)
    path = folder / f"map{n}v{version}.argmap"
    path.write_text(native.dumps(amap), encoding="utf-8")
    json_s, _ = best_of(lambda: json.loads(path.read_text(encoding="utf-8")), repeat)
    load_s, loaded = best_of(lambda: read_file(path), repeat)
    check_s, report = best_of(lambda: check_map(loaded), repeat)
    check_cpu, _ = best_of(lambda: check_map(loaded), repeat, time.process_time)
    cli_s, cli_median, cli_cpu = cli_times(path, repeat)
    return {"statements": n, "version": version, "sources": len(amap.sources), "MB": path.stat().st_size / 1e6,
            "json.load": json_s, "read_file": load_s,
            "check_map": check_s, "check_map cpu": check_cpu, "findings": len(report.diagnostics),
            "cli": cli_s, "cli median": cli_median, "cli cpu": cli_cpu,
            "cli peak MB": cli_peak_mb(path), "cli/json": cli_s / json_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated statement counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (the best is kept)")
    parser.add_argument("--versions", default="1,2", help="format versions to measure (2: graded maps)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    versions = [int(x) for x in args.versions.split(",") if x.strip()]
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  {platform.processor() or platform.machine()}  "
          f"{os.cpu_count()} cores  Python {platform.python_version()}  load average {os.getloadavg()[0]:.1f}")
    head = ("statements", "version", "sources", "file MB", "json.load s", "read_file s", "check_map s",
            "check_map CPU s", "findings", "CLI wall s", "CLI median s", "CLI CPU s", "CLI peak MB", "CLI/json.load")
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    with tempfile.TemporaryDirectory() as tmp:
        for n, version in ((n, v) for n in sizes for v in versions):
            row = measure(n, Path(tmp), args.repeat, version)
            cells = (f"{n:,}", str(version), f"{row['sources']:,}", f"{row['MB']:.1f}", f"{row['json.load']:.3f}",
                     f"{row['read_file']:.3f}",
                     f"{row['check_map']:.3f}", f"{row['check_map cpu']:.3f}", f"{row['findings']:,}",
                     f"{row['cli']:.3f}", f"{row['cli median']:.3f}", f"{row['cli cpu']:.3f}",
                     f"{row['cli peak MB']:.0f}", f"{row['cli/json']:.1f}")
            print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
