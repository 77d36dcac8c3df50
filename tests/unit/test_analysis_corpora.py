"""Labels on real abstract argumentation frameworks (../shared/corpora/dung) equal their grounded labelling.

A Dung framework maps onto a map with one evidence statement per argument
and one conflict per attack. SPEC §3's labels then reduce to the grounded
labelling, whose extension the corpus gives (GROUNDED_computed.json). A
self-attack, which a map cannot hold, becomes a claim supported by the
argument alone that attacks it: it is ``in`` exactly when the argument is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.analysis import check_map
from argmap.model import ArgumentMap, Conflict, Inference, Statement

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "dung"
RESULTS = CORPUS / "GROUNDED_computed.json"


def _results() -> list[dict]:
    if not RESULTS.exists():
        return []
    return json.loads(RESULTS.read_text(encoding="utf-8"))["results"]


def read_framework(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Arguments and attacks of an ICCMA ``.af``, ASPARTIX ``.apx`` or ``.tgf`` file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".apx":
        args = re.findall(r"arg\(\s*([^)\s]+)\s*\)", text)
        attacks = re.findall(r"att\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)", text)
        return args, attacks
    lines = [line.strip() for line in text.splitlines()]
    if path.suffix == ".af":
        header = next(line for line in lines if line.startswith("p af"))
        args = [str(k) for k in range(1, int(header.split()[2]) + 1)]
        attacks = [tuple(line.split()[:2]) for line in lines if line and line[0].isdigit()]
        return args, attacks
    split = lines.index("#")
    return [x.split()[0] for x in lines[:split] if x], [tuple(x.split()[:2]) for x in lines[split + 1:] if x]


def framework_map(args: list[str], attacks: list[tuple[str, str]]) -> ArgumentMap:
    elements: list = [Statement(f"a{a}", "evidence", a, source="corpus") for a in args]
    for n, (a, b) in enumerate(attacks):
        attacker = f"a{a}"
        if a == b:
            mirror = f"self{a}"
            elements += [Statement(mirror, "claim", f"{a} attacks itself"), Inference(f"m{n}", (attacker,), mirror)]
            attacker = mirror
        elements.append(Conflict(f"k{n}", (attacker,), f"a{b}"))
    amap = ArgumentMap("dung")
    amap.add_all(elements)
    return amap


def _grounded(result: dict) -> set[str] | None:
    if result.get("grounded_extension") is not None:
        return set(result["grounded_extension"])
    if result.get("grounded_extension_file"):
        path = CORPUS.parent / result["grounded_extension_file"]
        return set(path.read_text(encoding="utf-8").split())
    return None


@pytest.mark.corpus
@pytest.mark.parametrize("result", _results() or [None], ids=lambda r: r["file"] if r else "absent")
def test_labels_equal_grounded_labelling(result, corpora_dir):
    if result is None:
        pytest.skip("dung/GROUNDED_computed.json is absent")
    args, attacks = read_framework(corpora_dir / result["file"])
    assert len(args) == result["arguments"]
    report = check_map(framework_map(args, attacks))
    labels = {sid[1:]: lab for sid, lab in report.labels.items() if sid.startswith("a")}
    counts = {lab: sum(1 for x in labels.values() if x == lab) for lab in ("in", "out", "undecided")}
    assert counts == {"in": result["grounded_in_count"], "out": result["grounded_out_count"],
                      "undecided": result["grounded_undec_count"]}
    grounded = _grounded(result)
    if grounded is not None:
        assert {a for a, lab in labels.items() if lab == "in"} == grounded
