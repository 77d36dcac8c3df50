"""Drafting a map from its source text and reviewing the proposals: one undo step each.

What is a proposal (see :mod:`argmap.render.proposed`): a statement tagged
``proposed``, and a support or attack listed under the map's ``draft`` key.
The analyst reviews *units*: a proposed statement together with the
proposed relations that go out of it (what the draft says it does: a
reason for s1, an objection to s4). Accepting a statement accepts its unit;
accepting or rejecting a selected relation acts on that relation alone;
rejecting a statement removes it with every relation that names it, so its
text is "not mapped" again. Editing a proposal (its text, kind, note, or
a link drawn to it) leaves it a proposal until it is accepted.

The draft package (:mod:`argmap.draft`) is imported only when a draft is
made or reviewed: it costs 40–70 ms, which the window's start need not pay.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence

from argmap.commands.edits import AddElements, MapCommand, RemoveElements, SetMeta, UpdateFields
from argmap.model import ArgumentMap, ModelError, Position
from argmap.render.proposed import DRAFT_KEY, PROPOSED, is_proposed, listed

UNANCHORED = float("inf")
"""Reading position of a statement without an anchor: after everything anchored."""


class Steps(MapCommand):
    """Several commands applied in order, undone in reverse order: one undo step.

    Parameters
    ----------
    amap : ArgumentMap
        The map every step changes.
    steps : sequence of MapCommand
        The commands, not yet applied.
    text : str
        The name in the undo history.
    """

    def __init__(self, amap: ArgumentMap, steps: Sequence[MapCommand], text: str):
        super().__init__(amap, text)
        self.steps = list(steps)

    def apply(self) -> None:
        done = []
        try:
            for step in self.steps:
                step.apply()
                done.append(step)
        except Exception:
            for step in reversed(done):
                step.revert()
            raise

    def revert(self) -> None:
        for step in reversed(self.steps):
            step.revert()


class PruneDraftList(MapCommand):
    """Drop from the map's list of proposals the ids no longer in the map (after a removal).

    Run after a :class:`RemoveElements` in the same :class:`Steps`: a removed
    proposal must not come back as one when a new element later gets its id.
    """

    def __init__(self, amap: ArgumentMap):
        super().__init__(amap, "Update the list of proposals")
        self._old: dict | None = None

    def apply(self) -> None:
        self._old = None
        gone = {eid for eid in listed(self.amap) if eid not in self.amap}
        if gone:
            self._old = self.amap.set_meta(extra=without(self.amap.extra, gone))

    def revert(self) -> None:
        if self._old is not None:
            self.amap.set_meta(**self._old)


# ------------------------------------------------------------ what is proposed
def proposed_statements(amap: ArgumentMap) -> list[str]:
    """Ids of the statements still proposed, in map order."""
    return [sid for sid, st in amap.statements.items() if is_proposed(st)]


def proposed_links(amap: ArgumentMap) -> list[str]:
    """Ids of the inferences and conflicts still proposed, in the order listed."""
    return [eid for eid in listed(amap) if eid in amap.inferences or eid in amap.conflicts]


def is_pending(amap: ArgumentMap, eid: str) -> bool:
    """Whether element ``eid`` is still a proposal."""
    st = amap.statements.get(eid)
    if st is not None:
        return is_proposed(st)
    return (eid in amap.inferences or eid in amap.conflicts) and eid in listed(amap)


def sources_of(amap: ArgumentMap, lid: str) -> tuple[str, ...]:
    """The statements a relation goes out of: an inference's premises, a conflict's attackers."""
    inf = amap.inferences.get(lid)
    if inf is not None:
        return inf.premises
    con = amap.conflicts.get(lid)
    return con.attackers if con is not None else ()


def links_from(amap: ArgumentMap, sid: str, links: Iterable[str] | None = None) -> list[str]:
    """The proposed relations going out of statement ``sid`` (it is a premise or an attacker of them)."""
    return [lid for lid in (proposed_links(amap) if links is None else links) if sid in sources_of(amap, lid)]


def reading_position(amap: ArgumentMap, sid: str) -> float:
    """Where statement ``sid`` starts in the source text (its first anchor), for reading order."""
    st = amap.statements.get(sid)
    return float(min(a.start for a in st.anchors)) if st is not None and st.anchors else UNANCHORED


def review_order(amap: ArgumentMap) -> list[str]:
    """The proposals left to review, one per unit, in reading order of the text.

    A proposed statement stands for its unit; a proposed relation is listed
    on its own only when no statement it goes out of is still proposed.
    Ties (and statements without anchors) keep the map's order.
    """
    statements = proposed_statements(amap)
    waiting = set(statements)
    order = {sid: n for n, sid in enumerate(amap.statements)}
    keyed = [((reading_position(amap, sid), order[sid], 0), sid) for sid in statements]
    for n, lid in enumerate(proposed_links(amap)):
        sources = sources_of(amap, lid)
        if waiting.intersection(sources):
            continue
        first = min(sources, key=lambda s: (reading_position(amap, s), order.get(s, 0)), default=None)
        where = (reading_position(amap, first), order.get(first, 0)) if first else (UNANCHORED, len(order))
        keyed.append(((*where, 1 + n), lid))
    return [eid for _, eid in sorted(keyed)]


def unit_of(amap: ArgumentMap, eid: str) -> list[str]:
    """The proposals that accepting ``eid`` accepts: a statement with its outgoing proposed relations."""
    if eid in amap.statements:
        return [eid, *links_from(amap, eid)] if is_proposed(amap.statements[eid]) else []
    return [eid] if is_pending(amap, eid) else []


# ------------------------------------------------------------ building the commands
def without(extra: Mapping, ids: set[str]) -> dict:
    """``extra`` with ``ids`` taken off the list of proposals."""
    out = copy.deepcopy(dict(extra))
    draft = out.get(DRAFT_KEY)
    if isinstance(draft, dict) and isinstance(draft.get("proposed"), list):
        draft["proposed"] = [eid for eid in draft["proposed"] if eid not in ids]
    return out


def fold_mapped(amap: ArgumentMap, proposal):
    """``proposal`` without the units the analyst has mapped already; returns (proposal, folded ids).

    A drafted statement whose span overlaps the anchor of a statement of the
    map (Jaccard index of at least 0.5, as the draft metric counts a match)
    is left out, and the drafted relations that named it name the analyst's
    statement instead (proposed relations, to review like the others). A
    drafted relation between two of the analyst's statements is left out:
    they were mapped by hand. The analyst's statements themselves never change.
    """
    from dataclasses import replace

    spans = [(a.start, a.end, st.id) for st in amap.statements.values() for a in st.anchors if a.end > a.start]
    same: dict[str, str] = {}
    for st in proposal.statements:
        a = st.anchors[0]
        best = max(((_jaccard(a.start, a.end, s, e), sid) for s, e, sid in spans), default=(0.0, ""))
        if best[0] >= 0.5:
            same[st.id] = best[1]
    if not same:
        return proposal, {}
    mine = set(amap.statements)

    def to(eid: str) -> str:
        return same.get(eid, eid)

    inferences = []
    for inf in proposal.inferences:
        new = inf.copy(premises=tuple(to(p) for p in inf.premises), conclusion=to(inf.conclusion))
        if new.conclusion not in new.premises and not ({*new.premises, new.conclusion} <= mine):
            inferences.append(new)
    kept = {i.id for i in inferences} | {s.id for s in proposal.statements if s.id not in same} | mine
    conflicts = []
    for con in proposal.conflicts:
        new = con.copy(attackers=tuple(to(a) for a in con.attackers), target=to(con.target))
        if new.target in kept and new.target not in new.attackers and not ({*new.attackers, new.target} <= mine):
            conflicts.append(new)
    statements = [st for st in proposal.statements if st.id not in same]
    return replace(proposal, statements=statements, inferences=inferences, conflicts=conflicts,
                   root=to(proposal.root)), same


def _jaccard(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = max(0, min(a1, b1) - max(a0, b0))
    union = max(a1, b1) - min(a0, b0)
    return inter / union if union else 0.0


def draft_command(amap: ArgumentMap, proposal, positions: Mapping[str, Position], *, title: str = "",
                  text: str = "Draft from source text") -> Steps:
    """Add a drafted ``proposal`` (an :class:`argmap.draft.Proposal`) to ``amap`` as one step.

    Statements get their ``positions``; the map's list of proposals gains
    every id of the proposal. On a map without statements the draft becomes
    the map: its root is noted under the ``draft`` key and, with ``title``,
    the map is renamed. Nothing of the analyst's own elements changes.

    Raises
    ------
    ModelError
        When an id of the proposal is already used in ``amap``.
    """
    from argmap.draft import with_proposal

    clash = [eid for eid in proposal.ids() if eid in amap]
    if clash:
        raise ModelError(clash[0], "the draft's ids clash with the map's; draft again")
    empty = not amap.statements
    elements = [e.copy(position=positions.get(e.id, e.position)) if e.id in positions else e
                for e in proposal.elements()]
    extra = with_proposal(amap.extra, proposal)
    if empty:
        extra[DRAFT_KEY]["root"] = proposal.root
    steps: list[MapCommand] = [AddElements(amap, elements, text)]
    steps.append(SetMeta(amap, text, extra=extra, title=title if empty and title else None))
    return Steps(amap, steps, text)


def accept_command(amap: ArgumentMap, ids: Iterable[str]) -> Steps:
    """Accept the proposals among ``ids`` (each statement with its unit) as one step.

    A statement loses its ``proposed`` tag and keeps everything else (its
    anchors, so the Source panel goes on highlighting it as mapped); the
    accepted ids leave the list of proposals.

    Raises
    ------
    ModelError
        When none of ``ids`` is a proposal.
    """
    from argmap.draft import accept

    chosen = list(dict.fromkeys(eid for given in ids for eid in unit_of(amap, given)))
    if not chosen:
        raise ModelError("", "nothing to accept: the selection holds no proposal")
    review = accept(amap, chosen)
    updates = dict(review.updates)
    for sid in chosen:
        if sid in amap.statements and sid not in updates:  # proposed by its tag only (pasted, say)
            updates[sid] = {"tags": tuple(t for t in amap.statements[sid].tags if t != PROPOSED)}
    steps: list[MapCommand] = [UpdateFields(amap, updates, "Accept")] if updates else []
    if review.extra != amap.extra:
        steps.append(SetMeta(amap, "Accept", extra=review.extra))
    return Steps(amap, steps, _name("Accept", chosen, amap, len(list(dict.fromkeys(ids)))))


def reject_command(amap: ArgumentMap, ids: Iterable[str]) -> Steps:
    """Reject the proposals among ``ids`` as one step: remove them (a statement with its relations).

    Raises
    ------
    ModelError
        When none of ``ids`` is a proposal.
    """
    chosen = list(dict.fromkeys(eid for eid in ids if is_pending(amap, eid)))
    if not chosen:
        raise ModelError("", "nothing to reject: the selection holds no proposal")
    name = _name("Reject", chosen, amap, len(chosen))
    return Steps(amap, [RemoveElements(amap, chosen, name), PruneDraftList(amap)], name)


def remove_command(amap: ArgumentMap, ids: Sequence[str]) -> MapCommand:
    """Delete ``ids`` with their cascade; on a map with a draft, also take them off its list of proposals."""
    command = RemoveElements(amap, ids)
    if not listed(amap):
        return command
    return Steps(amap, [command, PruneDraftList(amap)], command.text())


def _name(verb: str, chosen: list[str], amap: ArgumentMap, asked: int) -> str:
    """The undo history's name: "Accept s3", "Accept s3 and its relation", "Reject 12 proposals"."""
    statements = [e for e in chosen if e in amap.statements]
    if len(chosen) == 1:
        return f"{verb} {chosen[0]}"
    if asked == 1 and len(statements) == 1:
        return f"{verb} {statements[0]} and its {'relation' if len(chosen) == 2 else 'relations'}"
    return f"{verb} {asked} proposals"
