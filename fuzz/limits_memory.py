"""Peak memory of ``argmap check`` refusing absurd files: prints a table (figures for docs/reliability.md).

Usage: ``python fuzz/limits_memory.py``. Each case is written to a temporary
folder and checked in a fresh interpreter; the table gives the file size,
the exit status, the peak RSS and the first line of stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURE = (  # VmHWM, not ru_maxrss: Linux carries the forking parent's peak into ru_maxrss
    "import sys\n"
    "from argmap.cli import main\n"
    "status = main(['check', *sys.argv[1:]])\n"
    "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM:')]\n"
    "sys.stderr.write('PEAK_RSS_KB %s\\n' % hwm[0].split()[1])\n"
    "sys.exit(status)\n")


def _claims(n: int) -> list[dict]:
    return [{"id": f"s{k}", "kind": "claim", "text": ""} for k in range(n)]


CASES = {
    "bundled map (baseline)": None,
    "one statement of 10,000,000 chars": lambda: {"statements": [{"id": "s1", "kind": "claim", "text": "x" * 10**7}]},
    "1,000,000 statements": lambda: {"statements": _claims(1_000_000)},
    "400,000 statements (accepted)": lambda: {"statements": _claims(400_000)},
    "10,000 premises in one inference": lambda: {
        "statements": _claims(10_001),
        "inferences": [{"id": "i1", "premises": [f"s{k}" for k in range(1, 10_001)], "conclusion": "s0"}]},
}


def measure(path: Path) -> tuple[int, int, str]:
    """Exit status, peak RSS (MB) and first stderr line of ``argmap check path``."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                          env=dict(os.environ))
    lines = proc.stderr.splitlines()
    rss = next(int(x.split()[1]) for x in lines if x.startswith("PEAK_RSS_KB "))
    first = next((x for x in lines if not x.startswith("PEAK_RSS_KB ")), "")
    return proc.returncode, rss // 1024, first


def main() -> None:
    """Write each case, measure it, print one table row per case."""
    root = Path(__file__).resolve().parents[1]
    print("| case | file MB | exit | peak RSS MB | stderr |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in CASES.items():
            if make is None:
                path = root / "resources" / "examples" / "shot-by-both-sides.argmap"
            else:
                path = Path(tmp) / "case.argmap"
                path.write_text(json.dumps({"format": "argmap", "version": 1, **make()}), encoding="utf-8")
            status, rss, first = measure(path)
            shown = first.replace(str(path), "FILE")[:110]
            print(f"| {label} | {path.stat().st_size / 1e6:.1f} | {status} | {rss} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
