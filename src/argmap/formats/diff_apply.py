"""Taking one change of a :class:`~argmap.formats.diff.MapDiff` into a map, as one edit.

:func:`edit_for` turns a change into an :class:`Edit`: a plain description
in the terms of the model's own mutations, so that the app can run it as
one undoable command (``add`` → ``AddElements``, ``update`` →
``UpdateFields``, ``remove`` → ``RemoveElements``, ``move`` →
``MoveStatements``, ``meta`` → ``SetMeta``) and a script can run it with
:func:`apply_edit`. The edit is worked out against the map as it is *now*:
after other changes were taken or left, and for any field the format
knows, because the new value goes through the native reader, which checks
it like a loaded file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from argmap.formats import native
from argmap.formats.diff import ADDED, CHANGED, META, MOVED, REMOVED, ElementChange, MapDiff
from argmap.formats.mapdoc import ABSENT, document_of, elements, references
from argmap.formats.mapdoc import field as value_of
from argmap.model import ArgumentMap, FormatError, ModelError

ADD, UPDATE, REMOVE, MOVE, SET_META = "add", "update", "remove", "move", "meta"
MODEL_META = ("title", "source", "merge_conflicts")
"""Top-level keys the model keeps as attributes set by ``set_meta``; the others live in ``extra``."""


@dataclass(frozen=True)
class Edit:
    """One edit of a map, as the model's mutations (and the app's commands) take it.

    Attributes
    ----------
    action : str
        ``add`` (``amap.add_all(elements, indexes)``), ``update``
        (``amap.update(id, **fields)`` for each entry of ``changes``),
        ``remove`` (``amap.remove(ids)``, with the model's cascade), ``move``
        (``amap.move(positions)``) or ``meta`` (``amap.set_meta(**meta)``).
    text : str
        A name for the undo history ("Take added statement s9").
    elements : tuple
        ``add``: the new model elements.
    indexes : dict
        ``add``: id -> place in its list, so that it lands where NEW has it.
    changes : dict
        ``update``: id -> {field: new model value}.
    ids : tuple of str
        ``remove``: the ids to remove.
    positions : dict
        ``move``: statement id -> new :class:`~argmap.model.Position` (or None).
    meta : dict
        ``meta``: keyword arguments of ``set_meta`` (``title``, ``source``, ``merge_conflicts`` or ``extra``).
    """

    action: str
    text: str
    elements: tuple = ()
    indexes: dict = field(default_factory=dict)
    changes: dict = field(default_factory=dict)
    ids: tuple = ()
    positions: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)


def edit_for(change: ElementChange, amap: ArgumentMap, new_doc: dict | None = None) -> Edit | None:
    """The edit that takes ``change`` into ``amap``, or None when ``amap`` already agrees.

    Parameters
    ----------
    change : ElementChange
        One change of a diff whose NEW side is the version being taken.
    amap : ArgumentMap
        The map to change (not changed here).
    new_doc : dict, optional
        NEW's document, to put an added element at NEW's place in its list.

    Raises
    ------
    ModelError
        When the change cannot be taken into the map as it is, e.g. an added
        inference whose premise was not taken yet; the message says what to take first.
    """
    doc = document_of(amap)
    if change.op == ADDED:
        return _add(change, doc, new_doc)
    if change.op == REMOVED:
        return _remove(change, doc)
    if change.op in (CHANGED, MOVED):
        return _update(change, doc)
    if change.op == META:
        return _meta(change, doc)
    raise ValueError(f"unknown change {change.op!r}")


def apply_edit(amap: ArgumentMap, edit: Edit | None) -> None:
    """Run ``edit`` on ``amap`` through the model's mutations (no undo; the app uses commands)."""
    if edit is None:
        return
    if edit.action == ADD:
        amap.add_all(edit.elements, edit.indexes or None)
    elif edit.action == UPDATE:
        for eid, fields in edit.changes.items():
            amap.update(eid, **fields)
    elif edit.action == REMOVE:
        amap.remove(edit.ids)
    elif edit.action == MOVE:
        amap.move(edit.positions)
    elif edit.action == SET_META:
        amap.set_meta(**edit.meta)
    else:
        raise ValueError(f"unknown edit {edit.action!r}")


def take_all(amap: ArgumentMap, diff: MapDiff) -> int:
    """Take every change of ``diff`` into ``amap``; returns the number of edits made.

    Additions go first, removals last, so that nothing is taken before
    what it refers to and the model's removal cascade never hits an element
    a later change still needs. A change that cannot be taken yet (one
    ``via`` rewired before the next, which would close a loop for a moment)
    waits until the others are in.

    Raises
    ------
    ModelError
        When some changes cannot be taken at all (``amap`` then has the others).
    """
    done = 0
    waiting = [*diff.added, *diff.changed, *diff.moved, *diff.meta, *diff.removed]
    while waiting:
        left, problem = [], None
        for change in waiting:
            try:
                edit = edit_for(change, amap, diff.new)
                if edit is not None:
                    apply_edit(amap, edit)
                    done += 1
            except ModelError as exc:
                left.append(change)
                problem = exc
        if len(left) == len(waiting):
            raise problem
        waiting = left
    return done


# ---------------------------------------------------------------- one kind each
def _add(change: ElementChange, doc: dict, new_doc: dict | None) -> Edit | None:
    present = elements(doc)
    key = _list_key(change)
    if change.id in present:
        if present[change.id] == (key, change.new):
            return None
        raise ModelError(change.id, "the map already has an element with this id")
    missing = [ref for ref in dict.fromkeys(references(change.new)) if ref not in present]
    if missing:
        raise ModelError(change.id, f"refers to {', '.join(missing)}, not in the map yet "
                                    f"(take {'its' if len(missing) == 1 else 'their'} addition first)")
    rows = doc.setdefault(key, [])
    index = _place(change.id, key, rows, new_doc)
    rows.insert(index, copy.deepcopy(change.new))
    element = _element(_load(doc, change.id), key, change.id)
    return Edit(ADD, f"Take added {change.type} {change.id}", elements=(element,), indexes={change.id: index})


def _remove(change: ElementChange, doc: dict) -> Edit | None:
    if change.id not in elements(doc):
        return None
    return Edit(REMOVE, f"Take removal of {change.type} {change.id}", ids=(change.id,))


def _update(change: ElementChange, doc: dict) -> Edit | None:
    present = elements(doc).get(change.id)
    key = _list_key(change)
    if present is None or present[0] != key:
        raise ModelError(change.id, "is not in the map any more")
    row = present[1]
    before = copy.deepcopy(row)
    for name in change.fields:
        new_value = value_of(change.new, name)
        if new_value is ABSENT:
            row.pop(name, None)
        else:
            row[name] = copy.deepcopy(new_value)
    if row == before:
        return None
    element = _element(_load(doc, change.id), key, change.id)
    values = {}
    for name in change.fields:
        if not hasattr(element, name):
            raise ModelError(change.id, f"field {name!r} cannot be set in this version of argmap")
        values[name] = getattr(element, name)
    if change.op == MOVED and set(values) == {"position"}:
        return Edit(MOVE, f"Take move of {change.id}", positions={change.id: values["position"]})
    what = "layout" if change.op == MOVED else ", ".join(change.fields)
    return Edit(UPDATE, f"Take change of {change.id} ({what})", changes={change.id: values})


def _meta(change: ElementChange, doc: dict) -> Edit | None:
    key = change.id
    if value_of(doc, key) == (ABSENT if change.new is None else change.new):
        return None
    if change.new is None:
        doc.pop(key, None)
    else:
        doc[key] = copy.deepcopy(change.new)
    candidate = _load(doc, key)
    if key in MODEL_META and hasattr(candidate, key):
        meta = {key: getattr(candidate, key)}
    else:
        meta = {"extra": candidate.extra}
    return Edit(SET_META, f"Take change of the map's {key}", meta=meta)


# ---------------------------------------------------------------- helpers
def _list_key(change: ElementChange) -> str:
    return change.type + "s"


def _place(eid: str, key: str, rows: list[dict], new_doc: dict | None) -> int:
    """Where ``eid`` goes in ``rows``: right after the nearest element that precedes it in NEW."""
    if not new_doc:
        return len(rows)
    order = [row["id"] for row in new_doc.get(key, [])]
    if eid not in order:
        return len(rows)
    here = {row["id"]: n for n, row in enumerate(rows)}
    for before in reversed(order[:order.index(eid)]):
        if before in here:
            return here[before] + 1
    return 0


def _load(doc: dict, eid: str) -> ArgumentMap:
    try:
        return native.from_document(doc, "the map")
    except FormatError as exc:
        raise ModelError(eid, exc.rule if not exc.element else f"{exc.element}: {exc.rule}") from None


def _element(amap: ArgumentMap, key: str, eid: str):
    table = getattr(amap, key, None)
    if table is None or eid not in table:
        raise ModelError(eid, f"this version of argmap keeps no {key}")
    return table[eid]
