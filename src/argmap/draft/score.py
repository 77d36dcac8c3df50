"""How close a draft comes to a reference reading of the same text: units, central claim, relations.

The metric of issue 13 (after the argument-mining literature), written for
any pair of readings, whatever produced them:

- **units**: a drafted statement matches a reference unit when their
  character spans overlap with a Jaccard index of at least 0.5; matching is
  one-to-one (best overlaps first). Unit F1 counts the matches.
- **central claim**: right when the draft has exactly one root and it is
  matched to the reference's central unit.
- **relations**: each relation is a pair (source unit, target unit) with a
  label, ``support`` or ``attack``. An undercut (an attack on a relation)
  counts as an attack on the source unit of the relation it attacks; each
  linked co-premise counts as its own pair, labelled like its relation.
  A drafted pair is right (unlabelled) when both ends are matched and the
  reference has the same pair; right (labelled) when the label agrees too.
  Precision counts every drafted pair, recall every reference pair.

Totals are micro-averaged: summed over texts, then turned into F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from argmap.model import ArgumentMap

Spans = tuple[tuple[int, int], ...]


@dataclass
class Reading:
    """One reading of a text: unit spans, labelled relations between units, and the roots.

    ``relations`` maps ``(source index, target index)`` to ``"support"`` or ``"attack"``.
    """

    units: list[Spans]
    relations: dict[tuple[int, int], str]
    roots: list[int]


@dataclass
class Tally:
    """Counts summed over texts; the scores are read from them."""

    texts: int = 0
    matched: int = 0
    drafted_units: int = 0
    reference_units: int = 0
    central_right: int = 0
    drafted_relations: int = 0
    reference_relations: int = 0
    attached_right: int = 0
    labelled_right: int = 0
    per_text: list[dict] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("texts", "matched", "drafted_units", "reference_units", "central_right",
                     "drafted_relations", "reference_relations", "attached_right", "labelled_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.per_text.extend(other.per_text)

    def scores(self) -> dict[str, float]:
        """``units`` F1, ``central`` accuracy, ``relations`` F1 unlabelled and ``labelled`` F1."""
        return {
            "units": f1(self.matched, self.drafted_units, self.reference_units),
            "central": self.central_right / self.texts if self.texts else 0.0,
            "relations": f1(self.attached_right, self.drafted_relations, self.reference_relations),
            "labelled": f1(self.labelled_right, self.drafted_relations, self.reference_relations),
        }


def f1(right: int, proposed: int, expected: int) -> float:
    """Harmonic mean of precision ``right/proposed`` and recall ``right/expected`` (0 when either is 0)."""
    if not right:
        return 0.0
    precision, recall = right / proposed, right / expected
    return 2 * precision * recall / (precision + recall)


def jaccard(a: Spans, b: Spans) -> float:
    """Characters in both span sets over characters in either (span sets need not be contiguous)."""
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    total = sum(e - s for s, e in a) + sum(e - s for s, e in b) - inter
    return inter / total if total else 0.0


def match_units(drafted: list[Spans], reference: list[Spans], threshold: float = 0.5) -> dict[int, int]:
    """Drafted index -> reference index, one-to-one, greedily by the largest overlap (ties: text order)."""
    pairs = sorted(((jaccard(d, r), i, j) for i, d in enumerate(drafted) for j, r in enumerate(reference)),
                   key=lambda p: (-p[0], p[1], p[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score < threshold:
            break
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def compare(draft: Reading, reference: Reading, name: str = "") -> Tally:
    """Score one text; ``reference.roots`` holds its central unit."""
    matched = match_units(draft.units, reference.units)
    central = reference.roots[0] if reference.roots else None
    central_right = len(draft.roots) == 1 and matched.get(draft.roots[0], -1) == central
    attached = labelled = 0
    for (src, trg), label in draft.relations.items():
        pair = (matched.get(src, -1), matched.get(trg, -2))
        if pair in reference.relations:
            attached += 1
            labelled += reference.relations[pair] == label
    tally = Tally(1, len(matched), len(draft.units), len(reference.units), int(central_right),
                  len(draft.relations), len(reference.relations), attached, labelled)
    tally.per_text.append({"text": name, "units": (len(matched), len(draft.units), len(reference.units)),
                           "central": central_right, "relations": (attached, labelled, len(draft.relations),
                                                                   len(reference.relations))})
    return tally


def reading_of_map(amap: ArgumentMap) -> Reading:
    """The reading a map gives: its anchored statements as units, its inferences and conflicts as pairs.

    Statements without anchors are left out (with every relation that names
    them). An undercut attaches to the first premise of the inference it
    attacks (the source of that relation); every premise of an inference
    and every attacker of a conflict is a pair of its own.
    """
    index = {sid: n for n, (sid, s) in enumerate((k, v) for k, v in amap.statements.items() if v.anchors)}
    units = [tuple((a.start, a.end) for a in s.anchors) for s in amap.statements.values() if s.anchors]
    relations: dict[tuple[int, int], str] = {}
    _pairs(relations, index, ((p, i.conclusion) for i in amap.inferences.values() for p in i.premises), "support")
    for con in amap.conflicts.values():
        target = con.target
        if target in amap.inferences:
            target = amap.inferences[target].premises[0]
        _pairs(relations, index, ((a, target) for a in con.attackers), "attack")
    used = {p for i in amap.inferences.values() for p in i.premises}
    used |= {a for c in amap.conflicts.values() for a in c.attackers}
    roots = [index[sid] for sid in index if sid not in used]
    return Reading(units, relations, roots)


def _pairs(out: dict, index: Mapping[str, int], pairs: Iterable[tuple[str, str]], label: str) -> None:
    for src, trg in pairs:
        if src in index and trg in index:
            out[(index[src], index[trg])] = label
