"""Kialo exports at scale: generated debates of 1,000 to 10,000 claims, read and checked.

For each size a debate is generated (seeded): a random tree of Pro/Con claims, some over several lines,
some with escaped markdown and links, some ``-> See`` links to earlier claims and quotes of other
discussions. Times (best of ``--repeat``): the Kialo reader, the checks, both, and for comparison the
native reader on the same map written as .argmap; then ``argmap check debate.txt`` end to end in a
fresh process. Prints a table; asserts nothing.

    python benchmarks/kialo_scale.py [--sizes 1000,10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best

from argmap.analysis import check_map
from argmap.formats import kialo, native

WORDS = ("policy", "speech", "harm", "law", "people", "freedom", "ban", "court", "right", "society", "state",
         "evidence", "history", "violence", "debate", "ideas", "media", "platform", "public", "country")


def debate(claims: int, seed: int = 7) -> str:
    """A Kialo export of ``claims`` claims."""
    rng = random.Random(seed)
    lines = ["Discussion Title: A generated debate?", "", "1. The thesis of a generated debate."]
    numbers, children = ["1"], {"1": 0}
    for _ in range(claims - 1):
        parent = rng.choice(numbers[-200:]) if rng.random() < 0.7 else rng.choice(numbers)
        children[parent] += 1
        number = f"{parent}.{children[parent]}"
        numbers.append(number)
        children[number] = 0
        side = rng.choice(("Pro", "Con"))
        roll = rng.random()
        if roll < 0.03 and len(numbers) > 3:
            text = f"-> See {rng.choice(numbers[:-1])}."
        elif roll < 0.05:
            text = f"-> See discussion #{rng.randint(100, 9999)}: {_sentence(rng)}"
        else:
            text = _sentence(rng)
            if roll < 0.15:
                text += f" \\(see [a source](https://example.org/{rng.randint(1, 999)})\\)."
            if roll > 0.93:
                text += "\n" + _sentence(rng)
        lines.append(f"{number}. {side}: {text}")
    return "\n".join(lines) + "\n"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 24))]
    return " ".join(words).capitalize() + "."




def row(size: int, folder: Path, repeat: int) -> str:
    """One table row: a debate of ``size`` claims timed every way."""
    text = debate(size)
    path = folder / f"debate-{size}.txt"
    path.write_text(text, encoding="utf-8")
    amap = kialo.loads(text)
    doc = native.dumps(amap).encode("utf-8")
    read = best(lambda: kialo.loads(text), repeat)
    check = best(lambda: check_map(amap), repeat)
    both = best(lambda: check_map(kialo.loads(text)), repeat)
    nat = best(lambda: native.loads(doc), repeat)
    command = [sys.executable, "-m", "argmap", "check", str(path), "--fail-on", "never"]
    cli = best(lambda: subprocess.run(command, capture_output=True, check=True), max(1, repeat // 2))
    return (f"| {size:,} | {len(text.encode()) / 1024:.0f} | {read:.3f} | {check:.3f} | {both:.3f} | "
            f"{nat:.3f} | {read / nat:.1f} | {cli:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| claims | file KB | kialo read s | check s | read + check s | native read s | kialo / native "
          "| CLI check s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            print(row(size, Path(tmp), args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
