"""Units of a draft: a segment of the text with the markers found in it, and what kind of statement it is.

A unit's *lead* is the marker it opens with ("Because", "But still",
"First,"); its *inner* cues are the adverbs of :data:`~argmap.draft.lexicon.INNER`
found anywhere in it ("People, however, who ..."). Typing follows the
wording: reported speech, quotations and figures make **evidence**; a call
to action makes the main claim a **recommendation**; the rest are claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.draft.grammar import DATED, is_past
from argmap.draft.lexicon import (
    CALL_TO_ACTION,
    COPULAS,
    FIGURE_WORDS,
    FIRST_ITEMS,
    HEDGES,
    INNER,
    JUDGED_NOUNS,
    JUDGEMENT,
    REPORTING,
    STANCE,
    Group,
)
from argmap.draft.segment import Piece
from argmap.draft.words import Word, match_at, words

_QUOTED = re.compile(r"[“\"‘][^“”\"]{2,}?[”\"’]")
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|km|m\b|kg|\$|€|£)|[\$€£]\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)\b")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class Unit:
    """One unit: where it is, its markers, and the hints the rules use."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    sentence: int
    clause: int
    split_by: str
    last_in_sentence: bool = True
    lead: Group | None = None
    lead_phrase: str = ""
    after_and: bool = False
    inner: set[str] = field(default_factory=set)
    question: bool = False
    plain: str = ""
    """The words in their normal form, separated by single spaces (see :func:`argmap.draft.words.normal`)."""

    @property
    def function(self) -> str:
        """The lead marker's function, or ``""``."""
        return self.lead.function if self.lead else ""

    @property
    def first_item(self) -> bool:
        return self.function == "sequence" and self.lead_phrase in FIRST_ITEMS

    def has(self, phrases) -> bool:
        """True when one of ``phrases`` occurs in the unit as whole words."""
        body = f" {self.plain} "
        return any(f" {p} " in body for p in phrases)


def read_units(text: str, pieces: list[Piece]) -> list[Unit]:
    """The units of ``pieces`` with their markers found."""
    units = []
    for n, p in enumerate(pieces):
        unit = Unit(n, p.start, p.end, text[p.start:p.end], p.paragraph, p.sentence, p.clause, p.split_by)
        unit.last_in_sentence = n + 1 == len(pieces) or pieces[n + 1].sentence != p.sentence
        unit.question = unit.text.rstrip("\"'”’)] ").endswith("?")
        tokens = words(text, p.start, p.end)
        unit.plain = " ".join(w.norm for w in tokens)
        _find_markers(unit, tokens)
        units.append(unit)
    return units


def _find_markers(unit: Unit, tokens: list[Word]) -> None:
    i = 0
    while i < len(tokens) and not tokens[i].is_word:
        i += 1
    places = ("start", "any") if unit.clause == 0 else ("inside", "any")
    found = match_at(tokens, i, places) if i < len(tokens) else []
    if found and found[0][1].function == "coordination":
        length = found[0][0]
        again = match_at(tokens, i + length, ("start", "inside", "any"))
        if again and again[0][1].function != "coordination":
            unit.after_and = True
            i += length
            found = again
    if found:
        length, group = found[0]
        unit.lead, unit.lead_phrase = group, " ".join(w.norm for w in tokens[i:i + length])
        i += length
    rest = " " + " ".join(w.norm for w in tokens[i:] if w.is_word) + " "
    unit.inner = {function for phrase, function in INNER.items() if f" {phrase} " in rest}


# ---------------------------------------------------------------- wording hints
def calls_to_action(unit: Unit) -> bool:
    """The unit says what should be done (and is no question)."""
    return not unit.question and unit.has(CALL_TO_ACTION)


def takes_a_stance(unit: Unit) -> bool:
    """The author's own position said outright, or a judgement ("is unfair", "is a sensible idea")."""
    return opens_with(unit, STANCE) or judges(unit)


def opens_with(unit: Unit, phrases) -> bool:
    """True when the unit (after its lead marker) starts with one of ``phrases``."""
    body = unit.plain + " "
    if unit.lead_phrase and body.startswith(unit.lead_phrase + " "):
        body = body[len(unit.lead_phrase) + 1:].lstrip(", ")
    return any(body.startswith(p + " ") for p in phrases)


def judges(unit: Unit) -> bool:
    """A judgement up to four words after a copula: "is most certainly desirable", "was clearly a mistake",
    "is a sensible idea"; not a noun phrase that merely holds the word ("must remain a basic right")."""
    norms = unit.plain.split()
    for n, word in enumerate(norms):
        if word not in COPULAS:
            continue
        ahead = norms[n + 1:n + 6]
        for k in range(len(ahead)):
            for j in JUDGEMENT:
                parts = j.split()
                if ahead[k:k + len(parts)] != parts or k >= 4:
                    continue
                between = ahead[:k]
                if not _ARTICLES.intersection(between) or ahead[k + len(parts):k + len(parts) + 1] \
                        and ahead[k + len(parts)] in JUDGED_NOUNS:
                    return True
    return False


_ARTICLES = frozenset(("a", "an", "the"))


def hedged(unit: Unit) -> bool:
    return unit.has(HEDGES)


def evidence_basis(unit: Unit) -> tuple[str, str]:
    """``(basis, cue)`` when the unit reads as evidence, else ``("", "")``.

    A quotation of several words is a ``quote``, reported speech or a
    reported finding a ``report``, a figure (a number with a unit, a share, a
    sum; not a year) a ``statistic``, an event in the past tense with a date
    ("launched his offensive last month") a ``report``.
    """
    quoted = _QUOTED.search(unit.text)
    if quoted and len(quoted.group().split()) >= 2:
        return "quote", f"quotation {quoted.group()[:40]}"
    body = f" {unit.plain} "
    for phrase in REPORTING:
        if f" {phrase} " in body:
            return "report", f"reported: '{phrase}'"
    figure = _FIGURE.search(unit.text)
    if figure and not _YEAR.match(figure.group().strip()) or unit.has(FIGURE_WORDS):
        return "statistic", f"figure: '{figure.group().strip() if figure else 'amount'}'"
    dated = DATED.search(unit.text)
    if dated and any(is_past(w) for w in unit.plain.split()) and not unit.has(CALL_TO_ACTION + HEDGES):
        return "report", f"a dated past event: '{dated.group()}'"
    return "", ""
