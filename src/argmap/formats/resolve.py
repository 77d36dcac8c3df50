"""Settling the conflicts a merge left in a map (SPEC §6 ``merge_conflicts``), each as edits.

A merged map keeps OURS' value for every conflict and lists the conflict.
:func:`resolution` gives the conflict's field (or element) the value the
analyst picks (``ours``, ``theirs`` or ``base``) and drops the conflict from
the list, as a short list of :class:`~argmap.formats.diff_apply.Edit` that
the app runs as one undo step::

    for conflict in conflicts_of(amap):
        for edit in resolution(amap, conflict, "theirs"):
            apply_edit(amap, edit)          # the app: one command per edit, in one macro
"""

from __future__ import annotations

import copy

from argmap.formats.diff import ADDED, CHANGED, META, REMOVED, ElementChange
from argmap.formats.diff_apply import Edit, apply_edit, edit_for
from argmap.formats.mapdoc import ELEMENT_LISTS, MERGE_CONFLICTS, content_fields, document_of, elements
from argmap.model import ArgumentMap, ModelError

SIDES = ("ours", "theirs", "base")
WHOLE = ("removed", "type")
"""Conflict fields whose values are whole elements (``None``: the element is absent on that side)."""


def conflicts_of(amap: ArgumentMap) -> list[dict]:
    """The map's merge conflicts, each ``{"id", "field", "base", "ours", "theirs"}``."""
    return list(document_of(amap).get(MERGE_CONFLICTS, []))


def resolution(amap: ArgumentMap, conflict: dict, choice: str) -> list[Edit]:
    """The edits that settle ``conflict`` with the value of ``choice``, then drop it from the list.

    Parameters
    ----------
    amap : ArgumentMap
        The merged map (not changed here).
    conflict : dict
        One of :func:`conflicts_of` ``(amap)``.
    choice : str
        ``"ours"``, ``"theirs"`` or ``"base"``.

    Raises
    ------
    ModelError
        When that value cannot go into the map as it is now (e.g. THEIRS'
        premise that is not in the map); the message says why.
    """
    if choice not in SIDES:
        raise ValueError(f"choice must be one of {', '.join(SIDES)}, not {choice!r}")
    scratch = amap.copy()
    edits = []
    try:
        for change in _changes(scratch, conflict, conflict.get(choice)):
            edit = edit_for(change, scratch)
            if edit is not None:
                apply_edit(scratch, edit)
                edits.append(edit)
    except ModelError as exc:
        what = conflict["field"] if conflict["field"] not in WHOLE else "version"
        whose = {"ours": "our", "theirs": "their", "base": "the base"}[choice]
        raise ModelError(exc.element, f"{whose} {what} cannot be used in the map as it is: {exc.rule}") from None
    remaining = [c for c in conflicts_of(scratch) if c != conflict]
    listed = conflicts_of(scratch)
    drop = edit_for(ElementChange(META, "map", MERGE_CONFLICTS, (), listed, remaining or None), scratch)
    return [*edits, drop]


def _changes(amap: ArgumentMap, conflict: dict, value) -> list[ElementChange]:
    doc = document_of(amap)
    eid, name = conflict["id"], conflict["field"]
    if not eid:  # a map detail: title, source...
        return [ElementChange(META, "map", name, (), doc.get(name), value)]
    present = elements(doc).get(eid)
    if name in WHOLE:
        return _whole(eid, present, value)
    if present is None:
        raise ModelError(eid, "is not in the map any more: its conflicting field cannot be set")
    key, row = present
    new = copy.deepcopy(row)
    if value is None:
        new.pop(name, None)
    else:
        new[name] = value
    return [ElementChange(CHANGED, ELEMENT_LISTS[key], eid, (name,), row, new)]


def _whole(eid: str, present: tuple[str, dict] | None, value) -> list[ElementChange]:
    """Changes that make the element ``value`` (a whole element dict), or remove it (``None``)."""
    if value is None:
        return [] if present is None else [ElementChange(REMOVED, ELEMENT_LISTS[present[0]], eid, (), present[1])]
    kind = _type_of(value)
    add = ElementChange(ADDED, kind, eid, (), None, value)
    if present is None:
        return [add]
    key, row = present
    if ELEMENT_LISTS[key] != kind:
        return [ElementChange(REMOVED, ELEMENT_LISTS[key], eid, (), row), add]
    content, layout = content_fields(row, value)
    return [ElementChange(CHANGED, kind, eid, tuple(content + layout), row, value)] if content or layout else []


def _type_of(element: dict) -> str:
    if "premises" in element:
        return "inference"
    if "attackers" in element:
        return "conflict"
    if "kind" in element:
        return "statement"
    return "source"
