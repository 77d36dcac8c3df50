"""A first draft of the argument map, proposed from the source text, for the analyst to review.

Pure Python (no Qt, no NetworkX, no model files, no network): the text is
segmented into units (:mod:`~argmap.draft.segment`), the units' discourse
markers are looked up in :mod:`~argmap.draft.lexicon`, one main claim is
chosen (:mod:`~argmap.draft.central`), and every other unit is linked to
what it supports or attacks (:mod:`~argmap.draft.relations`). Everything
drafted is a *proposal*: statements are tagged ``proposed``, every relation's
note gives its cue, and the map lists the proposed ids under its ``draft`` key.

The API the app calls::

    from argmap.draft import accept, draft_map, proposals, propose, reject, with_proposal

    amap = draft_map(text, title="Shot by Both Sides")        # a new map from the whole text
    proposal = propose(text, start, end, taken=existing_ids)  # a selection, into an open map:
    extra = with_proposal(amap.extra, proposal)               #   add proposal.elements(), set extra
    review = accept(amap, ids)   # or reject(amap, ids); ids from proposals(amap): one undo step of
                                 # review.updates, review.remove and review.extra

Offsets are code points into ``text``, which must have ``\\n`` line ends
(:func:`argmap.model.anchors.normalise_text`), like the Source panel's text.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from argmap.draft.assemble import DRAFT_KEY, PROPOSED, Proposal, assemble
from argmap.draft.central import main_claim, paragraph_heads
from argmap.draft.relations import propose_links
from argmap.draft.review import Review, accept, proposals, reject, with_proposal
from argmap.draft.rules import RULES, check
from argmap.draft.segment import segment
from argmap.draft.units import read_units
from argmap.model import ArgumentMap, SourceInfo
from argmap.model.anchors import text_sha256

__all__ = ["DRAFT_KEY", "PROPOSED", "RULES", "NothingToDraft", "Proposal", "Review", "accept", "draft_map",
           "proposals", "propose", "reject", "title_of", "with_proposal"]


class NothingToDraft(ValueError):
    """The text (or the selection) holds no sentence to draft from."""


def propose(text: str, start: int = 0, end: int | None = None, *, taken: Container[str] = (),
            off: Iterable[str] = ()) -> Proposal:
    """Draft the argument of ``text[start:end]``: statements anchored into ``text``, relations with cues.

    Parameters
    ----------
    text : str
        The whole source text, ``\\n`` line ends.
    start, end : int, optional
        Code-point offsets of the part to draft (a selection); the whole text by default.
    taken : container of str
        Ids already used (those of the open map): the proposal's ids avoid them.
    off : iterable of str
        Names of rules (:data:`RULES`) to switch off; for the ablation benchmark.

    Returns
    -------
    Proposal
        Exactly one root; every other statement is a premise or an attacker.

    Raises
    ------
    NothingToDraft
        When the span holds no sentence (empty, blank, or only headings).
    ValueError
        When ``text`` has ``\\r`` line ends, the span is outside it, or a rule name is unknown.
    """
    rules_off = check(off)
    end = len(text) if end is None else end
    if "\r" in text:
        raise ValueError("the text must have \\n line ends (normalise_text); its offsets would not match")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} characters")
    seg = segment(text, start, end, clauses="clauses" not in rules_off, prefaces="prefaces" not in rules_off)
    if not seg.pieces:
        raise NothingToDraft("no sentence to draft from" if text[start:end].strip() else "the text is empty")
    units = read_units(text, seg.pieces)
    central = main_claim(units, rules_off)
    heads = paragraph_heads(units, central, rules_off)
    links = propose_links(units, central, heads, rules_off)
    proposal = assemble(text, units, central, links, rules_off, taken)
    proposal.skipped = seg.skipped
    return proposal


def draft_map(text: str, start: int = 0, end: int | None = None, *, title: str = "", source: SourceInfo | None = None,
              off: Iterable[str] = ()) -> ArgumentMap:
    """A new map holding the draft of ``text[start:end]``, titled "Draft: ...".

    ``source`` describes the text (its ``sha256`` is filled in); ``title`` is
    the text's title (the first heading, or the first words of the text, by default).
    """
    proposal = propose(text, start, end, off=off)
    name = title.strip() or title_of(text, proposal)
    info = SourceInfo(**{**(source or SourceInfo()).__dict__})
    info.title = info.title or name
    info.sha256 = text_sha256(text)
    amap = ArgumentMap(f"Draft: {name}", info, {DRAFT_KEY: {"root": proposal.root, "proposed": proposal.ids()}})
    amap.add_all(proposal.elements())
    return amap


def title_of(text: str, proposal: Proposal) -> str:
    """The title of a drafted text: the last heading before the first statement (a kicker or a section name
    comes before the title), else the first statement's words."""
    first = proposal.statements[0].anchors[0].start
    headings = [text[a:b].strip() for a, b, why in proposal.skipped if why == "heading or caption" and b <= first]
    if headings:
        return headings[-1]
    first = proposal.statements[0].text
    return first if len(first) <= 60 else first[:57].rsplit(" ", 1)[0] + "…"
