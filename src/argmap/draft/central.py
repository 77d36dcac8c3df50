"""The main claim: one unit of the text (the only root of the draft), and the main point of each paragraph.

Each unit gets a score from its wording and place; the highest wins, the
earlier one on a tie. A call to action counts most (the text's
recommendation, SPEC §1), then a stance or a judgement and a conclusion
marker; being the first unit counts a little, being the last a little less.
Reasons, examples, concessions, clauses hanging on another clause and
questions are demoted: they are there for something else.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.draft.units import Unit, calls_to_action, evidence_basis, hedged, takes_a_stance

ACTION, STANCE, CONCLUSION, FIRST, LAST = 3.0, 1.5, 2.0, 1.0, 0.5
DEMOTED, HEDGED, EVIDENCE, CONTRAST, BEFORE_CONTRAST = -6.0, -1.5, -1.0, -2.0, -1.5
_DEMOTING = ("support", "example", "concession", "addition", "sequence", "coordination")


def score(unit: Unit, units: Sequence[Unit], off: frozenset[str],
          position: int | None = None) -> tuple[float, list[str]]:
    """How strongly ``unit`` reads as the main claim of ``units`` (which holds it at ``position``), and why."""
    if position is None:
        position = next(n for n, u in enumerate(units) if u is unit)
    points, why = 0.0, []
    if "central-action" not in off and calls_to_action(unit):
        points += ACTION
        why.append("a call to action")
    if "central-stance" not in off and takes_a_stance(unit):
        points += STANCE
        why.append("a stance or a judgement")
    if "central-conclusion" not in off and (unit.function == "conclusion" or "conclusion" in unit.inner):
        points += CONCLUSION if unit.clause == 0 else CONCLUSION / 2
        why.append("a conclusion marker")
    if unit is units[0]:
        points += FIRST
        why.append("the first statement")
    elif unit is units[-1]:
        points += LAST
        why.append("the last statement")
    if "central-demote" not in off:
        points += _demotion(unit, units, position)
    return points, why


def _demotion(unit: Unit, units: Sequence[Unit], position: int) -> float:
    """Points taken from a unit that is there for something else (a reason, an objection, a question ...)."""
    points = 0.0
    if unit.function in _DEMOTING or unit.question or unit.inner & {"concession", "addition", "example"}:
        points += DEMOTED
    elif unit.clause > 0 and unit.split_by in ("marker", "dash", ";") and unit.function != "conclusion":
        points += DEMOTED / 2
    if unit.function == "contrast":
        points += CONTRAST
    following = next((u for u in units[position + 1:position + 2]), None)
    if following is not None and (following.function == "contrast" or "contrast" in following.inner):
        points += BEFORE_CONTRAST
    if hedged(unit):
        points += HEDGED
    if evidence_basis(unit)[0]:
        points += EVIDENCE
    return points


def main_claim(units: Sequence[Unit], off: frozenset[str] = frozenset()) -> int:
    """The index (into ``units``) of the main claim: highest score, earliest on a tie."""
    best, best_score = 0, None
    for n, unit in enumerate(units):
        points = score(unit, units, off, n)[0]
        if best_score is None or points > best_score:
            best, best_score = n, points
    return best


def paragraph_heads(units: Sequence[Unit], central: int, off: frozenset[str] = frozenset()) -> dict[int, int]:
    """Paragraph number -> the unit index of its main point (the central unit for its own paragraph)."""
    by_paragraph: dict[int, list[Unit]] = {}
    for unit in units:
        by_paragraph.setdefault(unit.paragraph, []).append(unit)
    heads = {}
    for paragraph, members in by_paragraph.items():
        if units[central].paragraph == paragraph:
            heads[paragraph] = central
        elif "paragraphs" in off:
            heads[paragraph] = -1
        else:
            heads[paragraph] = members[main_claim(members, off)].index
    return heads
