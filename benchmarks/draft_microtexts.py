"""Score argmap's drafts on the Argumentative Microtexts (English): units, central claim, relations.

The corpus (``../shared/corpora/microtexts-en``, 56 texts with gold argumentation graphs) is read,
never copied; nothing derived from it ships. The texts are split into two fixed halves by sorted
name: even positions are the **dev** half (rules were developed looking at these only), odd
positions the **check** half (looked at only to report). The metric is
:mod:`argmap.draft.score` (issue 13): unit F1 at Jaccard >= 0.5, central-claim accuracy,
relation F1 unlabelled and labelled (undercuts attach to the source of the relation they
attack, linked co-premises like their relation).

    python benchmarks/draft_microtexts.py                 # dev and check halves, baseline, ablation on dev
    python benchmarks/draft_microtexts.py --write DIR     # also DIR/HALF/micro_*.argmap and DIR/HALF/gold links
    python benchmarks/draft_microtexts.py --half dev --per-text

Cross-check: ``python3 ../shared/tools/score_microtexts.py DIR/HALF/gold DIR/HALF`` for HALF in dev, check, all.
Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import defusedxml.ElementTree as ET

from argmap.draft import RULES, draft_map
from argmap.draft.score import Reading, Tally, compare, reading_of_map
from argmap.formats import native, read_file
from argmap.model.anchors import normalise_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "microtexts-en"
SUPPORT = {"sup": "support", "exa": "support"}


def names(corpus: Path = CORPUS) -> list[str]:
    return sorted(p.stem for p in corpus.glob("micro_*.xml"))


def halves(corpus: Path = CORPUS) -> dict[str, list[str]]:
    """The two fixed halves: ``dev`` (even positions of the sorted names) and ``check`` (odd)."""
    every = names(corpus)
    return {"dev": every[0::2], "check": every[1::2]}


def read_gold(xml: Path) -> tuple[str, Reading]:
    """The text and the gold reading of one ArgGraph file (units as spans, relations resolved)."""
    text = normalise_text(xml.with_suffix(".txt").read_text(encoding="utf-8"))
    root = ET.parse(xml).getroot()
    spans, at = {}, 0
    for edu in root.findall("edu"):
        body = (edu.text or "").strip()
        found = text.find(body, at)
        if found < 0:
            raise ValueError(f"{xml.name}: segment {edu.get('id')} not found in the text")
        spans[edu.get("id")] = (found, found + len(body))
        at = found + len(body)
    edges = {e.get("id"): e for e in root.findall("edge")}
    parts: dict[str, list[str]] = {}
    for e in edges.values():
        if e.get("type") == "seg":
            parts.setdefault(e.get("trg"), []).append(e.get("src"))
    adus = [a.get("id") for a in root.findall("adu")]
    units = [tuple(sorted(_edus(a, parts, spans))) for a in adus]
    index = {a: n for n, a in enumerate(adus)}
    relations, sources = {}, set()
    for e in edges.values():
        if e.get("type") != "seg":
            target, label = _resolve(e, edges)
            relations[(index[e.get("src")], index[target])] = label
            sources.add(e.get("src"))
    central = [index[a] for a in adus if a not in sources]
    return text, Reading(units, relations, central)


def _edus(node: str, parts: dict, spans: dict) -> list[tuple[int, int]]:
    """The EDU spans under an ADU (through joints)."""
    if node in spans:
        return [spans[node]]
    return [s for child in parts.get(node, []) for s in _edus(child, parts, spans)]


def _resolve(edge, edges) -> tuple[str, str]:
    """``(target unit, label)`` of a relation edge: undercuts attach to the attacked relation's source, an
    added premise like the relation it joins."""
    kind, target = edge.get("type"), edge.get("trg")
    if kind == "add":
        return _resolve(edges[target], edges)
    if kind == "und":
        return edges[target].get("src"), "attack"
    return target, SUPPORT.get(kind, "attack")


def baseline(gold: Reading) -> Reading:
    """Gold units, every unit supporting the first one."""
    return Reading(gold.units, {(n, 0): "support" for n in range(1, len(gold.units))}, [0])


def run(texts: list[str], off=(), write: Path | None = None, corpus: Path = CORPUS) -> tuple[Tally, float]:
    total, seconds = Tally(), 0.0
    for name in texts:
        text, gold = read_gold(corpus / f"{name}.xml")
        start = time.perf_counter()
        amap = draft_map(text, title=name, off=off)
        seconds += time.perf_counter() - start
        if write is not None:
            write.mkdir(parents=True, exist_ok=True)
            (write / f"{name}.argmap").write_text(native.dumps(amap), encoding="utf-8")
        total.add(compare(reading_of_map(amap), gold, name))
    return total, seconds


SEED = CORPUS.parents[1] / "seed" / "000_f613796aa9913b23.txt"
BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "examples" / "shot-by-both-sides.argmap"
ROOT_QUOTE = "It is time to start talking with the Iranians."
REASONS = ("First, they control", "Second, it turns out", "Third, Maliki", "Finally, there is so much")


def article(off=()) -> str:
    """The article's draft in three figures: the root right, reasons found (of 4), units F1 against the
    analyst's bundled map."""
    if not SEED.is_file():
        return " — | — | — |"
    text = normalise_text(SEED.read_text(encoding="utf-8"))
    amap = draft_map(text, off=off)
    root = amap.extra["draft"]["root"]
    right = amap.statements[root].anchors[0].quote == ROOT_QUOTE
    reasons = {amap.statements[i.premises[0]].anchors[0].quote[:30] for i in amap.inferences.values()
               if i.conclusion == root}
    found = sum(any(q.startswith(r) for q in reasons) for r in REASONS)
    bundled = read_file(BUNDLED)
    reference = reading_of_map(bundled)
    reference.roots = [list(bundled.statements).index("s1")]
    units = compare(reading_of_map(amap), reference).scores()["units"]
    return f" {'yes' if right else 'no'} | {found}/4 | {units:.2f} |"


def article_timing(repeat: int = 5) -> str:
    """Best draft time of the article in this process, and ``argmap draft`` end to end in a fresh one."""
    text = normalise_text(SEED.read_text(encoding="utf-8"))
    inside = min(_timed(lambda: draft_map(text)) for _ in range(repeat))
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "argmap", "draft", str(SEED), "-o", str(Path(tmp) / "d.argmap")]
        cli = min(_timed(lambda: subprocess.run(command, capture_output=True, check=True)) for _ in range(3))
    return (f"article ({len(text):,} characters): draft_map {inside * 1000:.0f} ms, "
            f"`argmap draft` {cli:.2f} s end to end")


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _link_gold(texts: list[str], folder: Path) -> None:
    """Links to the gold files of ``texts`` (never copies), so the shared scorer can score one half:
    ``score_microtexts.py DIR/HALF/gold DIR/HALF``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in texts:
        for suffix in (".xml", ".txt"):
            link = folder / f"{name}{suffix}"
            if not link.exists():
                link.symlink_to(CORPUS / f"{name}{suffix}")


def row(label: str, tally: Tally, extra: str = "") -> str:
    s = tally.scores()
    return (f"| {label} | {tally.texts} | {s['units']:.3f} | {s['central']:.3f} | {s['relations']:.3f} "
            f"| {s['labelled']:.3f} |{extra}")


HEADER = "| draft | texts | units F1 | central claim | relations F1 | labelled F1 |"
RULE = "|---|---:|---:|---:|---:|---:|"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "check", "all"), default=None)
    parser.add_argument("--write", type=Path, default=None,
                        help="write DIR/HALF/micro_*.argmap and links to their gold files in DIR/HALF/gold")
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--per-text", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    parts = halves()
    parts["all"] = names()
    chosen = [args.half] if args.half else ["dev", "check", "all"]
    print(HEADER + "\n" + RULE)
    for half in ("dev", "check", "all"):
        if half in chosen:
            base = Tally()
            for name in parts[half]:
                _, gold = read_gold(CORPUS / f"{name}.xml")
                base.add(compare(baseline(gold), gold, name))
            print(row(f"baseline (gold units, all support the first), {half}", base))
    for half in chosen:
        write = args.write / half if args.write else None
        tally, seconds = run(parts[half], write=write)
        if write is not None:
            _link_gold(parts[half], write / "gold")
        print(row(f"argmap draft, {half}", tally) + f" <!-- {seconds * 1000 / tally.texts:.1f} ms/text -->")
        if args.per_text:
            for t in tally.per_text:
                print("   ", t)
    if SEED.is_file():
        print("\n" + article_timing())
    if not args.no_ablation and "dev" in chosen:
        print("\nAblation on the dev half (each rule off in turn), with the article's draft:\n")
        print(HEADER.replace("| draft |", "| rule off |") + " article root | its reasons | units vs bundled map |")
        print(RULE + "---|---:|---:|")
        print(row("(none)", run(parts["dev"])[0]) + article())
        for rule in RULES:
            print(row(f"`{rule}`", run(parts["dev"], off=(rule,))[0]) + article((rule,)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
