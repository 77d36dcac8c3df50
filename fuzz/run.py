"""Mutation fuzzer of the argmap readers, run for as long as asked.

Usage::

    python fuzz/run.py --minutes 10 --format argdown     # one format
    python fuzz/run.py --minutes 3                       # each reader in turn, 3 minutes each
    python fuzz/run.py --replay fuzz/findings/graphml-crash-1a2b3c4d.graphml

Input number ``i`` of a run is the mutant (:func:`fuzz.mutate.mutant`) of a
seed document chosen by ``i`` and ``--seed``, so any input can be made again.
The inputs run in a child process watched by this one: an input that kills
the child (a segfault, the memory limit) or stops it making progress is
recorded too. Each new finding (crash, hang, slow input, bad message) is saved
under ``fuzz/findings/`` with a ``.json`` note saying what it did.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz import harness, mutate  # noqa: E402

FINDINGS = Path(__file__).resolve().parent / "findings"
MEMORY_LIMIT = 4 << 30
"""Address-space limit of the child: an input that needs more is a finding (MemoryError), not a frozen machine."""


def make_input(seeds: list[tuple[str, str]], fmt: str, base: int, i: int) -> tuple[str, int, str | bytes]:
    """Input number ``i``: (seed label, mutant seed, data). The first inputs are the seeds themselves."""
    if i < len(seeds):
        return seeds[i][0], -1, seeds[i][1]
    rng = random.Random(base * 1_000_003 + i)
    label, text = seeds[rng.randrange(len(seeds))]
    others = tuple(t for _, t in rng.sample(seeds, min(3, len(seeds))))
    seed = rng.getrandbits(48)
    return label, seed, mutate.mutant(text, seed, harness.FAMILY[fmt], others)


def _child(fmt: str, base: int, start: int, stop_at: float, progress, queue) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    seeds = harness.all_seeds(fmt)
    i = start
    while time.time() < stop_at:
        progress.value = i
        label, seed, data = make_input(seeds, fmt, base, i)
        outcome = harness.run_one(fmt, data)
        queue.put(("done", i, outcome.kind, outcome.seconds, outcome.signature if outcome.is_finding else "",
                   outcome.detail if outcome.is_finding else ""))
        i += 1
    queue.put(("end", i, "", 0.0, "", ""))


def fuzz_format(fmt: str, minutes: float, base: int, stall: float) -> Counter:
    """Fuzz one format for ``minutes``; print a summary; return the counts of outcomes."""
    seeds = harness.all_seeds(fmt)
    print(f"{fmt}: {len(seeds)} seed documents", flush=True)
    stop_at = time.time() + minutes * 60
    counts: Counter = Counter()
    seen: set[str] = set()
    slowest: list[tuple[float, int]] = []
    start = 0
    ctx = mp.get_context("fork")
    while time.time() < stop_at:
        progress, queue = ctx.Value("q", start), ctx.Queue()
        proc = ctx.Process(target=_child, args=(fmt, base, start, stop_at, progress, queue), daemon=True)
        proc.start()
        start, ended = _watch(proc, progress, queue, stall, fmt, seeds, base, counts, seen, slowest)
        if ended:
            break
    _summary(fmt, counts, slowest, seeds, base)
    return counts


def _watch(proc, progress, queue, stall, fmt, seeds, base, counts, seen, slowest) -> tuple[int, bool]:
    """Read the child's reports until it ends, dies or stalls; return (next input, finished)."""
    last = time.time()
    while True:
        try:
            tag, i, kind, seconds, signature, detail = queue.get(timeout=1.0)
        except Exception:  # noqa: BLE001 - queue.Empty: check on the child
            if not proc.is_alive() or time.time() - last > stall:
                i = progress.value
                proc.kill()
                proc.join()
                why = f"the child died (exit {proc.exitcode})" if time.time() - last <= stall else \
                    f"no progress for {stall:g} s"
                counts["hang" if "progress" in why else "crash"] += 1
                _record(fmt, seeds, base, i, "hang" if "progress" in why else "crash",
                        f"{fmt}:killed:{why[:12]}", why, seen)
                return i + 1, False
            continue
        last = time.time()
        if tag == "end":
            proc.join()
            return i, True
        counts[kind] += 1
        slowest.append((seconds, i))
        slowest.sort(reverse=True)
        del slowest[5:]
        if signature:
            _record(fmt, seeds, base, i, kind, signature, detail, seen)


def _record(fmt, seeds, base, i, kind, signature, detail, seen) -> None:
    if signature in seen:
        return
    seen.add(signature)
    label, seed, data = make_input(seeds, fmt, base, i)
    FINDINGS.mkdir(exist_ok=True)
    stem = FINDINGS / f"{fmt}-{kind}-{harness._digest(signature)}"
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    stem.with_suffix(harness.EXTENSION[fmt]).write_bytes(raw)
    note = {"format": fmt, "kind": kind, "signature": signature, "input": i, "base_seed": base,
            "seed_document": label, "mutant_seed": seed, "input_type": "bytes" if isinstance(data, bytes) else "str",
            "detail": detail}
    stem.with_suffix(".json").write_text(json.dumps(note, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"  NEW {kind}: {signature} (input {i}, from {Path(label).name}) -> {stem.name}", flush=True)


def _summary(fmt, counts, slowest, seeds, base) -> None:
    total = sum(counts.values())
    parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{fmt}: ran {total} inputs ({parts})")
    for seconds, i in slowest[:3]:
        label, seed, data = make_input(seeds, fmt, base, i)
        print(f"  slowest: {seconds:.3f} s, input {i} ({len(data):,} chars, from {Path(label).name})")


def replay(path: Path) -> int:
    """Run one saved finding again and print what it does now."""
    note = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    raw = path.with_suffix(harness.EXTENSION[note["format"]]).read_bytes()
    data = raw if note["input_type"] == "bytes" else raw.decode("utf-8", "surrogatepass")
    outcome = harness.run_one(note["format"], data, hang_seconds=60)
    print(f"{path.name}: {outcome.kind} in {outcome.seconds:.3f} s\n{outcome.detail}")
    return 1 if outcome.is_finding else 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and fuzz each chosen format in turn."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="time per format (default 1)")
    parser.add_argument("--format", action="append", choices=harness.READERS, help="format(s) to fuzz (default all)")
    parser.add_argument("--seed", type=int, default=1, help="base seed of the run (default 1)")
    parser.add_argument("--stall", type=float, default=30.0, help="seconds without progress counted as a hang")
    parser.add_argument("--replay", type=Path, help="run one saved finding again")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    found = 0
    for fmt in args.format or harness.READERS:
        try:
            harness.reader(fmt)
        except LookupError as exc:
            print(f"{fmt}: skipped: {exc}")
            continue
        counts = fuzz_format(fmt, args.minutes, args.seed, args.stall)
        found += sum(v for k, v in counts.items() if k not in ("map", "error"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
