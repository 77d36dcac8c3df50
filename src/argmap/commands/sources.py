"""Builders of the tradecraft edits (SPEC §5): sources, citations, grades and assumptions.

Like :mod:`argmap.commands.actions`, each function checks that the action
makes sense and returns one command, not yet applied (run it with
:func:`~argmap.commands.edits.execute`): adding, editing, grading, merging
and deleting a source, citing and un-citing it, a credibility grade, and
assuming a claim or no longer assuming it. Each is one undo step, and its
undo gives back the identical map. They raise
:class:`~argmap.model.ModelError` with a reason in plain words for an
action that cannot be done (a ``via`` that would loop, a claim asked to
cite a source, evidence asked to be assumed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.commands.edits import AddElements, MapCommand, RemoveElements, UpdateFields
from argmap.model import CREDIBILITY, RELIABILITY, ArgumentMap, ModelError, Source

ID_WORDS = 3
"""How many words of a new source's title make its id (``"glanz-rubin-nyt"``)."""
ID_LENGTH = 24
"""Longest id made from a title."""


class MergeSources(MapCommand):
    """Merge one source into another (``ArgumentMap.merge_sources``), undone exactly in one step."""

    def __init__(self, amap: ArgumentMap, old: str, into: str):
        super().__init__(amap, f"Merge source {old} into {into}")
        self.old, self.into = old, into
        self._removal = None

    def apply(self) -> None:
        self._removal = self.amap.merge_sources(self.old, self.into)

    def revert(self) -> None:
        self.amap.restore(self._removal)


def source_id(amap: ArgumentMap, title: str) -> str:
    """A free id made from the first words of ``title`` (``"new-york-times"``), else ``src1``, ``src2``…"""
    words = re.findall(r"[a-z0-9]+", title.lower())
    base = "-".join(words[:ID_WORDS])[:ID_LENGTH].strip("-")
    if not base or base[0].isdigit():
        return amap.new_id("src")
    candidate, n = base, 2
    while candidate in amap:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_source(amap: ArgumentMap, title: str, reliability: str = "F", *, via: str = "", url: str = "",
               note: str = "", cite: Iterable[str] = ()) -> AddElements:
    """A new source; the evidence statements of ``cite`` cite it too, in the same step.

    Raises
    ------
    ModelError
        For an empty title, an unknown reliability or ``via``, or a statement
        of ``cite`` that is not evidence.
    """
    title = title.strip()
    if not title:
        raise ModelError("", "a source needs a title (who reported it, where, when)")
    _check_reliability(reliability)
    if via and via not in amap.sources:
        raise ModelError(via, "no such source to be reported via")
    new = Source(source_id(amap, title), title, reliability, via, url.strip(), note)
    updates = {}
    for sid in dict.fromkeys(cite):
        _check_evidence(amap, sid)
        updates[sid] = {"cites": amap.statements[sid].cites + (new.id,)}
    text = f"Add source {new.id}" + (f" cited by {_names(updates)}" if updates else "")
    return AddElements(amap, [new], text, updates=updates)


def edit_source(amap: ArgumentMap, xid: str, merge: bool = False, **fields) -> UpdateFields:
    """Change fields of source ``xid`` (title, reliability, via, url, note); with ``merge``, typing is one step.

    Raises
    ------
    ModelError
        For an unknown source, an empty title, an unknown reliability, or a
        ``via`` that is unknown or would make the chain loop (the message
        names the chain).
    """
    old = _source(amap, xid)
    if "title" in fields and not str(fields["title"]).strip():
        raise ModelError(xid, "a source needs a title (who reported it, where, when)")
    if "reliability" in fields:
        _check_reliability(fields["reliability"])
    if fields.get("via"):
        reason = via_refusal(amap, xid, fields["via"])
        if reason:
            raise ModelError(xid, reason)
    changed = {k: v for k, v in fields.items() if getattr(old, k) != v}
    if not changed:
        raise ModelError(xid, "nothing to change")
    return UpdateFields(amap, {xid: changed}, _edit_name(xid, changed), merge=merge)


def via_refusal(amap: ArgumentMap, xid: str, via: str) -> str:
    """Why source ``xid`` cannot be reported via ``via`` (``""`` when it can)."""
    if via == xid:
        return "a source cannot be reported via itself"
    if via not in amap.sources:
        return f"{via!r} is not a source of this map"
    chain = amap.via_chain(via)
    if xid in chain:
        path = " → ".join(chain[:chain.index(xid) + 1])
        return (f"cannot be reported via {via}: {via} already reaches you through {xid} ({path}), "
                "so the chain would go round in a circle")
    return ""


def merge_sources(amap: ArgumentMap, old: str, into: str) -> MergeSources:
    """Merge source ``old`` into ``into`` (a duplicate): its evidence cites ``into``, ``old`` goes."""
    _source(amap, old)
    _source(amap, into)
    if old == into:
        raise ModelError(old, "a source cannot be merged into itself")
    return MergeSources(amap, old, into)


def delete_sources(amap: ArgumentMap, ids: Iterable[str]) -> RemoveElements:
    """Delete sources; the evidence citing them no longer does, sources reported via them move up the chain."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ModelError("", "no source to delete")
    for xid in ids:
        _source(amap, xid)
    return RemoveElements(amap, ids, f"Delete source {ids[0]}" if len(ids) == 1 else f"Delete {len(ids)} sources")


def cite(amap: ArgumentMap, ids: Iterable[str], xid: str) -> UpdateFields:
    """The evidence among ``ids`` cites source ``xid`` too (claims and recommendations are left out).

    Raises
    ------
    ModelError
        When no statement of ``ids`` is evidence that does not cite ``xid`` yet.
    """
    _source(amap, xid)
    statements = [amap.statements[s] for s in dict.fromkeys(ids) if s in amap.statements]
    evidence = [s for s in statements if s.kind == "evidence"]
    if not evidence:
        raise ModelError("", "only evidence cites sources: select a piece of evidence (Make Evidence: Ctrl+2)")
    changes = {s.id: {"cites": s.cites + (xid,)} for s in evidence if xid not in s.cites}
    if not changes:
        raise ModelError(xid, "the selected evidence already cites this source")
    return UpdateFields(amap, changes, f"Cite {xid} in {_names(changes)}")


def uncite(amap: ArgumentMap, sid: str, xid: str) -> UpdateFields:
    """Statement ``sid`` no longer cites source ``xid``."""
    statement = amap.statements.get(sid)
    if statement is None or xid not in statement.cites:
        raise ModelError(sid, f"does not cite {xid}")
    return UpdateFields(amap, {sid: {"cites": tuple(c for c in statement.cites if c != xid)}},
                        f"Stop citing {xid} in {sid}")


def set_credibility(amap: ArgumentMap, ids: Iterable[str], grade: int | None) -> UpdateFields:
    """Grade the information of the evidence among ``ids`` (1-6; ``None``: not graded, which counts as 6)."""
    if grade is not None and grade not in CREDIBILITY:
        raise ModelError("", f"credibility is a whole number from 1 to 6 (not {grade!r})")
    statements = [amap.statements[s] for s in dict.fromkeys(ids) if s in amap.statements]
    evidence = [s for s in statements if s.kind == "evidence"]
    if not evidence:
        raise ModelError("", "only evidence has a credibility grade")
    changes = {s.id: {"credibility": grade} for s in evidence if s.credibility != grade}
    if not changes:
        raise ModelError("", "the selected evidence already has this grade")
    what = f"credibility {grade}" if grade is not None else "no credibility grade"
    return UpdateFields(amap, changes, f"Give {_names(changes)} {what}")


def set_assumed(amap: ArgumentMap, ids: Iterable[str], assumed: bool = True) -> UpdateFields:
    """Assume the claims among ``ids`` (a stated assumption: a ground), or stop assuming them.

    Raises
    ------
    ModelError
        When none of ``ids`` is a claim whose state would change (the reason
        says why: evidence is already a ground, a recommendation is a call to act).
    """
    statements = [amap.statements[s] for s in dict.fromkeys(ids) if s in amap.statements]
    claims = [s for s in statements if s.kind == "claim"]
    if not claims:
        if assumed and any(s.kind == "evidence" for s in statements):
            raise ModelError("", "only a claim can be assumed: evidence is already a ground")
        raise ModelError("", "only a claim can be assumed: select a claim")
    changes = {s.id: {"assumed": assumed} for s in claims if s.assumed != assumed}
    if not changes:
        state = "already assumed" if assumed else "not assumed"
        raise ModelError("", f"the selected claim{'s are' if len(claims) > 1 else ' is'} {state}")
    verb = "Assume" if assumed else "Stop assuming"
    return UpdateFields(amap, changes, f"{verb} {_names(changes)}")


def _edit_name(xid: str, changed: dict) -> str:
    if set(changed) == {"reliability"}:
        return f"Grade source {xid} {changed['reliability']}"
    if set(changed) == {"via"}:
        return f"Report {xid} via {changed['via']}" if changed["via"] else f"Report {xid} directly"
    return f"Edit source {xid} " + ", ".join(sorted(changed))


def _names(changes) -> str:
    ids = list(changes)
    return ids[0] if len(ids) == 1 else f"{len(ids)} statements"


def _source(amap: ArgumentMap, xid: str) -> Source:
    found = amap.sources.get(xid)
    if found is None:
        raise ModelError(xid, "no such source")
    return found


def _check_reliability(code: str) -> None:
    if code not in RELIABILITY:
        raise ModelError("", f"reliability is one of {', '.join(RELIABILITY)} (not {code!r})")


def _check_evidence(amap: ArgumentMap, sid: str) -> None:
    statement = amap.statements.get(sid)
    if statement is None:
        raise ModelError(sid, "no such statement")
    if statement.kind != "evidence":
        raise ModelError(sid, f"only evidence cites sources (this statement is a {statement.kind})")
