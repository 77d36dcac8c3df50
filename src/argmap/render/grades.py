"""The grade a box shows (e.g. "B2") and the words that explain it (SPEC §5).

SPEC §5 grades each source (reliability A-F) and each piece of evidence
(credibility 1-6), but not the pair an evidence box shows when it cites
several sources. The rule chosen here: **the best reliability among the
sources the evidence cites** (A best, F "cannot be judged" last), then its
credibility (6 when none is given). Evidence reported by a usually reliable
source and by an unreliable one is, first of all, reported by a usually
reliable one; how far the report is confirmed is what the credibility grade
says. Evidence that cites no source shows ``F`` (its source cannot be
judged) only when it has a credibility grade; evidence with neither, and
every claim and recommendation, shows no grade.

Pure Python: the canvas, the exporters, the panels and the legend all call
these functions, so every picture and every panel says the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.model import CREDIBILITY, RELIABILITY, Source, Statement

RELIABILITY_ORDER = "ABCDEF"
"""Reliability codes, best first (F, cannot be judged, counts as the least)."""

UNGRADED_CREDIBILITY = 6
"""The credibility of evidence that gives none (SPEC §5: cannot be judged)."""

ASSUMED_MARK = "ASSUMED · "
"""What the header of an assumed claim's box starts with."""

GRADE_PAD = 3.0
"""Space between a grade's text ("B2") and its frame, left and right, in pixels."""

GRADE_RULE = ("An evidence box shows its grade: the best reliability among the sources it cites (A completely "
              "reliable … E unreliable, F cannot be judged) and its credibility (1 confirmed … 5 improbable, "
              "6 cannot be judged).")
"""One sentence for the legend and the guide."""


def shows_grade(statement: Statement) -> bool:
    """Whether the box of ``statement`` has a grade to show (evidence that cites a source or is graded)."""
    return statement.kind == "evidence" and (bool(statement.cites) or statement.credibility is not None)


def best_source(statement: Statement, sources: Mapping[str, Source]) -> Source | None:
    """The cited source with the best reliability (the first cited on a tie), or None when it cites none."""
    cited = [sources[c] for c in statement.cites if c in sources]
    if not cited:
        return None
    return min(cited, key=lambda x: RELIABILITY_ORDER.index(x.reliability))


def grade_of(statement: Statement, sources: Mapping[str, Source]) -> str:
    """The grade drawn on the box of ``statement``: ``"B2"``, or ``""`` when it has none to show."""
    if not shows_grade(statement):
        return ""
    best = best_source(statement, sources)
    letter = best.reliability if best is not None else "F"
    number = statement.credibility if statement.credibility is not None else UNGRADED_CREDIBILITY
    return f"{letter}{number}"


def grade_words(statement: Statement, sources: Mapping[str, Source]) -> str:
    """The grade in plain words, e.g. ``"B2: source nyt usually reliable; information probably true"``.

    ``""`` when :func:`grade_of` shows nothing. Names every cited source
    with its reliability, so a tooltip or a screen reader says what the two
    characters stand for.
    """
    grade = grade_of(statement, sources)
    if not grade:
        return ""
    cited = [sources[c] for c in statement.cites if c in sources]
    if not cited:
        source_part = "no source cited (reliability cannot be judged)"
    elif len(cited) == 1:
        source_part = f"source {cited[0].id} {RELIABILITY[cited[0].reliability]}"
    else:
        named = ", ".join(f"{x.id} {x.reliability}" for x in cited)
        best = best_source(statement, sources)
        source_part = f"best of its sources ({named}): {best.id} {RELIABILITY[best.reliability]}"
    number = statement.credibility if statement.credibility is not None else UNGRADED_CREDIBILITY
    given = "" if statement.credibility is not None else " (not graded)"
    return f"{grade}: {source_part}; information {CREDIBILITY[number]}{given}"


def reliability_label(code: str) -> str:
    """``"B — usually reliable"``: a reliability code with its meaning."""
    return f"{code} — {RELIABILITY[code]}"


def credibility_label(grade: int) -> str:
    """``"2 — probably true"``: a credibility grade with its meaning."""
    return f"{grade} — {CREDIBILITY[grade]}"
