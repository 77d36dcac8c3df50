"""Assembly: units and links become statements, inferences and conflicts, each marked as a proposal.

Every statement is anchored to its unit's exact span and tagged
``proposed``; its note says what it was typed as and why. Every inference and
conflict carries its cue in its note (``cue: 'because' (premise follows the
claim it supports)``). The ids of everything proposed are listed under the
map's ``draft`` key (:data:`DRAFT_KEY`), which the review flow reads.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from argmap.draft.central import score
from argmap.draft.relations import Link
from argmap.draft.units import Unit, calls_to_action, evidence_basis
from argmap.model import Anchor, Conflict, Inference, Statement

PROPOSED = "proposed"
"""The tag of every drafted statement that the analyst has not yet accepted."""
DRAFT_KEY = "draft"
"""Top-level key of the map (kept on save) listing the ids of the elements still proposed."""
_LOOSE = ",;:–—-― "
"""Punctuation a statement's text does not start or end with."""


@dataclass
class Proposal:
    """A drafted argument: statements, inferences and conflicts, with the root and what was left out.

    Attributes
    ----------
    statements, inferences, conflicts : list
        The elements, statements in text order; ids avoid the ones given as taken.
    root : str
        The id of the main claim, the only statement that is neither a premise nor an attacker.
    skipped : list of (int, int, str)
        Spans left out (headings, captions, announcements) and why.
    """

    statements: list[Statement] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    root: str = ""
    skipped: list[tuple[int, int, str]] = field(default_factory=list)

    def elements(self) -> list[Statement | Inference | Conflict]:
        """Every element, ready for :meth:`ArgumentMap.add_all`."""
        return [*self.statements, *self.inferences, *self.conflicts]

    def ids(self) -> list[str]:
        return [e.id for e in self.elements()]


class _Ids:
    def __init__(self, taken: Container[str]):
        self.taken, self.used, self.count = taken, set(), {}

    def new(self, prefix: str) -> str:
        n = self.count.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}{n}"
            if candidate not in self.taken and candidate not in self.used:
                self.count[prefix] = n
                self.used.add(candidate)
                return candidate


def assemble(text: str, units: Sequence[Unit], central: int, links: dict[int, Link],
             off: frozenset[str], taken: Container[str] = ()) -> Proposal:
    """The elements of the draft (no positions: the app lays them out)."""
    ids = _Ids(taken)
    sid = [ids.new("s") for _ in units]
    out = Proposal(root=sid[central])
    for unit in units:
        kind, note = _kind(unit, units, unit.index == central, off)
        out.statements.append(Statement(sid[unit.index], kind, statement_text(unit), basis=note[0], note=note[1],
                                        anchors=(Anchor(unit.start, unit.end, text[unit.start:unit.end]),),
                                        tags=(PROPOSED,)))
    inference_of: dict[int, str] = {}
    for n in sorted(links):
        link = links[n]
        if link.label == "support":
            inference_of[n] = ids.new("i")
            out.inferences.append(Inference(inference_of[n], (sid[n],), sid[link.target], note=link.cue))
    for n in sorted(links):
        link = links[n]
        if link.label != "attack":
            continue
        target = sid[link.target]
        why = link.cue
        if link.undercut and link.target in inference_of:
            target = inference_of[link.target]
            why += "; an undercut: it attacks the inference from that statement, not the statement"
        out.conflicts.append(Conflict(ids.new("c"), (sid[n],), target, note=why))
    return out


def _kind(unit: Unit, units: Sequence[Unit], is_root: bool, off: frozenset[str]) -> tuple[str, tuple[str, str]]:
    """``(kind, (basis, note))`` of a unit."""
    if is_root:
        points, why = score(unit, units, off)
        reasons = ", ".join(why) or "no other statement reads more like it"
        kind = "recommendation" if calls_to_action(unit) else "claim"
        return kind, ("", f"Proposed main claim ({kind}, the root of the draft); cue: {reasons}.")
    basis, cue = evidence_basis(unit) if "evidence" not in off else ("", "")
    if basis:
        return "evidence", (basis, f"Proposed evidence ({basis}); cue: {cue}.")
    return "claim", ("", "Proposed claim.")


def statement_text(unit: Unit) -> str:
    """The statement's wording: the unit without its opening marker, enclosing brackets or loose punctuation.

    The anchor keeps the exact span; the text is for reading in a box. When
    too little would be left, the unit's text is kept as it is.
    """
    body = unit.text
    if body.startswith("(") and body.rstrip(".!?").endswith(")"):
        body = body[1:].replace(")", "", 1) if body.count(")") == 1 else body
    if unit.lead is not None:
        cut = _after_phrase(body, unit)
        if cut is not None and len(body[cut:].split()) >= 3:
            body = body[cut:]
    body = body.strip(_LOOSE)
    if len(body) > 2 and body[-1] in "”\"’'" and body[-2] in ",;:":
        body = body[:-2] + body[-1]  # 'right about “thugs,”' -> 'right about “thugs”
    if body and body[0].islower():
        body = body[0].upper() + body[1:]
    if body and (body[-1].isalnum() or len(body) > 1 and body[-1] in "”\"’)" and body[-2].isalnum()):
        body += "."
    return body or unit.text


def _after_phrase(body: str, unit: Unit) -> int | None:
    """Where the text goes on after the unit's opening marker (and a following comma)."""
    words = unit.lead_phrase.split()
    if unit.after_and:
        words = ["and", *words] if not body.lower().startswith("or") else ["or", *words]
    at = 0
    for word in words:
        found = body.lower().replace("’", "'").find(word, at)
        if found < 0 or found - at > 3:
            return None
        at = found + len(word)
        if body[at:at + 1] == ".":
            at += 1
    while at < len(body) and body[at] in ", ":
        at += 1
    return at
