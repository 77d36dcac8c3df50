"""The semantic difference of two maps (SPEC §6): what was added, removed, changed, moved.

Elements are matched by ``id`` within each element list; every field of an
element is compared (``position`` and ``pinned`` are layout and make a
statement *moved*, all other fields are content and make it *changed*)::

    d = diff_maps(old_map, new_map)
    d.added, d.removed, d.changed, d.moved, d.meta   # lists of ElementChange
    d.to_json("a.argmap", "b.argmap")                 # the object ``argmap diff --format json`` prints

Each :class:`ElementChange` can be taken into a map as one edit: see
:mod:`argmap.formats.diff_apply`.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.formats.mapdoc import (
    ABSENT,
    ELEMENT_LISTS,
    content_fields,
    document_of,
    elements,
    field,
    meta_keys,
)
from argmap.gcpause import paused_gc
from argmap.model import ArgumentMap

ADDED, REMOVED, CHANGED, MOVED, META = "added", "removed", "changed", "moved", "meta"


@dataclass(frozen=True)
class ElementChange:
    """One difference between OLD and NEW.

    Attributes
    ----------
    op : str
        ``added``, ``removed``, ``changed`` (content fields), ``moved``
        (layout fields of a statement) or ``meta`` (a top-level key).
    type : str
        ``statement``, ``inference``, ``conflict`` or ``source``; ``map`` for ``meta``.
    id : str
        The element's id; for ``meta`` the top-level key (``title``, ``source``, ...).
    fields : tuple of str
        Sorted: the changed content fields (``changed``) or layout fields (``moved``).
    old, new
        The element dict (or the meta value) in OLD and in NEW; ``None`` where absent.
    """

    op: str
    type: str
    id: str
    fields: tuple[str, ...] = ()
    old: object = None
    new: object = None

    def to_json(self) -> dict:
        """The entry of this change in ``argmap diff --format json``."""
        out = {"type": self.type, "id": self.id}
        if self.op == CHANGED:
            out["fields"] = list(self.fields)
        return out


@dataclass
class MapDiff:
    """What differs between two native documents, each list in SPEC §6 order.

    ``added``, ``changed`` and ``moved`` follow NEW's document order,
    ``removed`` OLD's, ``meta`` is sorted by key.
    """

    old: dict
    new: dict
    added: list[ElementChange]
    removed: list[ElementChange]
    changed: list[ElementChange]
    moved: list[ElementChange]
    meta: list[ElementChange]

    @property
    def changes(self) -> list[ElementChange]:
        """Every change in review order: added, removed, changed, moved, meta."""
        return [*self.added, *self.removed, *self.changed, *self.moved, *self.meta]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.moved or self.meta)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind: ``{"added": n, "removed": n, ...}``."""
        return {ADDED: len(self.added), REMOVED: len(self.removed), CHANGED: len(self.changed),
                MOVED: len(self.moved), META: len(self.meta)}

    def to_json(self, old_name: str, new_name: str) -> dict:
        """The object ``argmap diff --format json`` prints (SPEC §6)."""
        return {"old": old_name, "new": new_name,
                "added": [c.to_json() for c in self.added],
                "removed": [c.to_json() for c in self.removed],
                "changed": [c.to_json() for c in self.changed],
                "moved": [c.id for c in self.moved],
                "meta": [c.id for c in self.meta]}


def diff_maps(old: ArgumentMap, new: ArgumentMap, *, ignore_layout: bool = False) -> MapDiff:
    """The difference between two maps (see :func:`diff_documents`)."""
    return diff_documents(document_of(old), document_of(new), ignore_layout=ignore_layout)


def diff_documents(old: dict, new: dict, *, ignore_layout: bool = False) -> MapDiff:
    """The difference between two native documents.

    Parameters
    ----------
    old, new : dict
        Native documents (:func:`argmap.formats.native.to_document`).
    ignore_layout : bool
        Leave ``moved`` empty: positions and pins are not compared.

    Returns
    -------
    MapDiff
    """
    with paused_gc():
        return _diff(old, new, ignore_layout)


def _diff(old: dict, new: dict, ignore_layout: bool) -> MapDiff:
    old_elements, new_elements = elements(old), elements(new)
    added, changed, moved = [], [], []
    for eid, (key, element) in new_elements.items():
        before = old_elements.get(eid)
        if before is not None and before[1] == element and before[0] == key:
            continue  # the common case: untouched
        kind = ELEMENT_LISTS[key]
        if before is None or before[0] != key:
            added.append(ElementChange(ADDED, kind, eid, (), None, element))
            continue
        content, layout = content_fields(before[1], element)
        if content:
            changed.append(ElementChange(CHANGED, kind, eid, tuple(content), before[1], element))
        if layout and not ignore_layout:
            moved.append(ElementChange(MOVED, kind, eid, tuple(layout), before[1], element))
    removed = [ElementChange(REMOVED, ELEMENT_LISTS[key], eid, (), element, None)
               for eid, (key, element) in old_elements.items()
               if eid not in new_elements or new_elements[eid][0] != key]
    meta = [ElementChange(META, "map", key, (), _value(old, key), _value(new, key))
            for key in sorted(set(meta_keys(old)) | set(meta_keys(new)))
            if field(old, key) != field(new, key)]
    return MapDiff(old, new, added, removed, changed, moved, meta)


def _value(doc: dict, key: str):
    value = field(doc, key)
    return None if value is ABSENT else value
