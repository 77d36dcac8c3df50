"""Copy and paste of map fragments as native ``.argmap`` JSON.

A copied fragment is a small ``.argmap`` document (written and read with
:mod:`argmap.formats.native`) holding the chosen statements and the
inferences and conflicts that lie wholly inside them, with the sources their
evidence cites (and the sources those are reached via). Pasting gives every
statement and link a fresh id and shifts positions, so a fragment can be
pasted many times; a source the map already has, the same, is cited as it is.
Plain text that is not a fragment pastes as one claim per paragraph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from argmap.commands.actions import fresh_ids
from argmap.commands.edits import AddElements
from argmap.formats import native
from argmap.limits import LIMITS
from argmap.model import ArgumentMap, Element, FormatError, ModelError, Position, Statement

MIME_TYPE = "application/x-argmap+json"
"""Clipboard type of a copied fragment."""


def fragment(amap: ArgumentMap, ids: Iterable[str]) -> ArgumentMap:
    """The part of ``amap`` made of the statements in ``ids`` and the links wholly among them.

    An inference or conflict in ``ids`` brings its statements along.
    """
    chosen = set(ids)
    keep = {sid for sid in chosen if sid in amap.statements}
    for eid in chosen:
        if eid in amap.inferences:
            inf = amap.inferences[eid]
            keep.update((*inf.premises, inf.conclusion))
        elif eid in amap.conflicts and amap.conflicts[eid].target in amap.statements:
            con = amap.conflicts[eid]
            keep.update((*con.attackers, con.target))
    part = ArgumentMap(title=amap.title)
    elements: list[Element] = [s.copy() for sid, s in amap.statements.items() if sid in keep]
    cited = {x for s in elements for c in s.cites for x in amap.via_chain(c)}
    elements += [x.copy() for x in amap.sources.values() if x.id in cited]
    inferences = [i.copy() for i in amap.inferences.values() if keep.issuperset((*i.premises, i.conclusion))]
    kept_inf = {i.id for i in inferences}
    conflicts = [c.copy() for c in amap.conflicts.values()
                 if keep.issuperset(c.attackers) and (c.target in keep or c.target in kept_inf)]
    part.add_all(elements + inferences + conflicts)
    return part


def copy_payload(amap: ArgumentMap, ids: Iterable[str]) -> tuple[str, str]:
    """What to put on the clipboard for ``ids``.

    Returns
    -------
    json_text : str
        The fragment as ``.argmap`` JSON (for :data:`MIME_TYPE`).
    plain_text : str
        The statement texts, one paragraph each (for other programs).
    """
    part = fragment(amap, ids)
    plain = "\n\n".join(s.text for s in part.statements.values())
    return native.dumps(part), plain


def parse_payload(text: str) -> ArgumentMap:
    """Read a fragment back; plain text becomes one claim per paragraph.

    Raises
    ------
    FormatError
        When the text looks like a fragment but is not a valid one.
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            doc = json.loads(stripped)
        except ValueError:
            doc = None
        if isinstance(doc, dict) and doc.get("format") == native.FORMAT:
            return native.from_document(doc, "clipboard")
    part = ArgumentMap()
    paragraphs = [p.strip() for p in stripped.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if len(paragraphs) > LIMITS.max_statements:
        raise FormatError("clipboard", "too many paragraphs to paste")
    part.add_all(Statement(f"s{n + 1}", "claim", p) for n, p in enumerate(paragraphs))
    return part


def paste_command(amap: ArgumentMap, text: str, offset: tuple[float, float] = (30.0, 30.0),
                  at: Position | None = None) -> AddElements:
    """One undoable step that adds a copy of the fragment in ``text`` with fresh ids.

    Parameters
    ----------
    amap : ArgumentMap
        The map to paste into.
    text : str
        Clipboard text (a fragment or plain text).
    offset : (float, float)
        Shift of the pasted positions (so a copy does not cover its original).
    at : Position, optional
        Where statements without a position go (stacked downward from there).

    Raises
    ------
    ModelError
        When there is nothing to paste.
    FormatError
        When the fragment is broken.
    """
    part = parse_payload(text)
    if not len(part):
        raise ModelError("", "nothing to paste")
    return AddElements(amap, renamed(amap, part, offset, at), _paste_name(len(part)))


def renamed(amap: ArgumentMap, part: ArgumentMap, offset: tuple[float, float] = (0.0, 0.0),
            at: Position | None = None) -> list[Element]:
    """The elements of ``part`` with ids that are free in ``amap`` and shifted positions."""
    new = dict(zip(part.statements, fresh_ids(amap, "s", len(part.statements))))
    new.update(zip(part.inferences, fresh_ids(amap, "i", len(part.inferences))))
    new.update(zip(part.conflicts, fresh_ids(amap, "c", len(part.conflicts))))
    out: list[Element] = _sources_to_add(amap, part, new)
    dx, dy = offset
    for n, s in enumerate(part.statements.values()):
        if s.position is not None:
            pos = Position(s.position.x + dx, s.position.y + dy)
        elif at is not None:
            pos = Position(at.x, at.y + 90.0 * n)
        else:
            pos = None
        out.append(s.copy(id=new[s.id], position=pos, cites=tuple(new[c] for c in s.cites)))
    for i in part.inferences.values():
        out.append(i.copy(id=new[i.id], premises=tuple(new[p] for p in i.premises), conclusion=new[i.conclusion]))
    for c in part.conflicts.values():
        out.append(c.copy(id=new[c.id], attackers=tuple(new[a] for a in c.attackers), target=new[c.target]))
    return out


def _sources_to_add(amap: ArgumentMap, part: ArgumentMap, new: dict[str, str]) -> list[Element]:
    """The fragment's sources the map lacks (ids kept when free); ``new`` learns every source's id."""
    taken = set(new.values())
    spare = iter(x for k in range(1, len(amap.sources) + len(part.sources) + len(taken) + 2)
                 for x in [f"x{k}"] if x not in amap and x not in taken)
    adding = []
    for x in part.sources.values():
        if amap.sources.get(x.id) == x:
            new[x.id] = x.id
        else:
            new[x.id] = x.id if x.id not in amap and x.id not in taken else next(spare)
            adding.append(x)
    return [x.copy(id=new[x.id], via=new.get(x.via, x.via)) for x in adding]


def _paste_name(n: int) -> str:
    return f"Paste {n} statement" + ("" if n == 1 else "s")
