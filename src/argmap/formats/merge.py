"""Three-way merge of maps (SPEC §6), element by element and field by field.

::

    result = merge_maps(base, ours, theirs)
    result.map          # OUT: always a valid map (OURS' value wherever the sides conflict)
    result.conflicts    # this merge's conflicts: {"id", "field", "base", "ours", "theirs"}
    result.document     # OUT's native document; its "merge_conflicts" lists every conflict

The rules:

- A change made on one side only is taken; the same change on both sides is
  taken once; different changes to one field are a conflict (OUT keeps
  OURS' value).
- A change on one side and a removal on the other is a conflict with
  ``field`` ``"removed"``; OUT follows OURS (keeps the element when OURS
  changed it, drops it when OURS removed it).
- An element one side removed while OUT still refers to it (a premise, a
  target, a cited source...) is kept, and that is a ``"removed"`` conflict too.
- ``comments`` merge by value and never conflict (:func:`merge_by_value`).
- Two changes that are each valid may make an invalid element together
  (OURS adds s2 to i1's premises, THEIRS makes s2 i1's conclusion): that
  element falls back to OURS' version, and each field of THEIRS it leaves
  out is recorded as a conflict. An element only THEIRS has that cannot
  stay is left out, recorded as ``"removed"``.
- The same id made a different kind of element on each side: OURS' is
  kept, recorded with ``field`` ``"type"`` (values: the element dicts).
- Map details (title, source, other top-level keys) merge as whole values;
  their conflicts have the empty ``id`` (no element has one), e.g.
  ``{"id": "", "field": "title", ...}``.
- Order: OURS' order; an element only THEIRS keeps goes right after the
  element it follows in THEIRS (first when it follows none).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from argmap.formats import native
from argmap.formats.mapdoc import (
    ABSENT,
    COMMENTS,
    MERGE_CONFLICTS,
    document_of,
    elements,
    field,
    list_keys,
    meta_keys,
    plain,
    references,
)
from argmap.formats.merge_values import CONFLICT, merge_by_value, merge_value
from argmap.gcpause import paused_gc
from argmap.model import ArgumentMap, FormatError

REMOVED, TYPE = "removed", "type"
MAP_ID = ""
"""The ``id`` of a conflict on a map detail (title, source...): no element has an empty id."""


@dataclass
class MergeResult:
    """The outcome of a merge.

    Attributes
    ----------
    document : dict
        OUT's native document (with ``merge_conflicts`` when there are any).
    map : ArgumentMap
        OUT as a map; it loads, whatever the inputs did.
    conflicts : list of dict
        The conflicts of this merge, ``{"id", "field", "base", "ours", "theirs"}``
        (``None`` for an absent value), in document order of the elements.
    """

    document: dict
    map: ArgumentMap
    conflicts: list[dict]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_maps(base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap) -> MergeResult:
    """Merge two maps that both come from ``base`` (see the module's rules)."""
    return merge_documents(document_of(base), document_of(ours), document_of(theirs))


def merge_documents(base: dict, ours: dict, theirs: dict, name: str = "the merged map") -> MergeResult:
    """Merge three native documents; OUT is validated by the native reader.

    Raises
    ------
    FormatError
        Only if even OURS' elements do not load (OURS itself was not a valid map).
    """
    with paused_gc():
        return _Merge(base, ours, theirs, name).run()


class _Merge:
    def __init__(self, base: dict, ours: dict, theirs: dict, name: str):
        self.docs = base, ours, theirs
        self.name = name
        self.b, self.o, self.t = elements(base), elements(ours), elements(theirs)
        self.out: dict[str, tuple[str, dict]] = {}
        self.gone: dict[str, tuple[str, dict]] = {}  # removed from OUT, still held by a side
        self.banned: set[str] = set()  # left out to make OUT valid: never brought back
        self.conflicts: dict[tuple, dict] = {}

    # ------------------------------------------------------------ the steps
    def run(self) -> MergeResult:
        for eid in dict.fromkeys([*self.o, *self.t, *self.b]):
            self.element(eid)
        if self.gone:  # an element both sides hold as it is in OUT refers only to what both sides have
            self.keep_referenced([eid for eid, v in self.out.items() if v != self.o.get(eid) or v != self.t.get(eid)])
        for _ in range(len(self.out) + len(self.gone) + 1):
            doc = self.document()
            try:
                return MergeResult(doc, _load(doc, self.name), self.listed())
            except FormatError as exc:
                culprit = self.culprit(exc, doc)
                if culprit is None or not (self.fall_back(culprit) or self.fall_back_around(culprit)):
                    break
        for eid in list(dict.fromkeys([*self.out, *self.o])):
            self.fall_back(eid, force=True)
        doc = self.document()
        return MergeResult(doc, _load(doc, self.name), self.listed())

    def element(self, eid: str) -> None:
        b, o, t = self.b.get(eid), self.o.get(eid), self.t.get(eid)
        if o is not None and o == b and o == t:
            self.out[eid] = o  # the common case: untouched on both sides
        elif o and t and o[0] != t[0]:
            self.out[eid] = o
            self.conflict(eid, TYPE, b and b[1], o[1], t[1])
        elif o and t:
            base = b[1] if b and b[0] == o[0] else None
            self.out[eid] = (o[0], self.fields(eid, base, o[1], t[1]))
        elif o or t:
            kept = o or t
            if b is None:
                self.out[eid] = kept  # added on one side
            elif b == kept:
                self.gone[eid] = kept  # removed on the other side, untouched on this one
            else:  # changed on one side, removed on the other: OURS decides
                self.conflict(eid, REMOVED, b[1], o and o[1], t and t[1])
                if o:
                    self.out[eid] = o
                else:
                    self.gone[eid] = t

    def fields(self, eid: str, base: dict | None, ours: dict, theirs: dict) -> dict:
        merged = {}
        for key in dict.fromkeys([*ours, *theirs, *(base or ())]):
            b, o, t = field(base, key), field(ours, key), field(theirs, key)
            if key == COMMENTS:
                value = merge_by_value(b, o, t) or ABSENT
            else:
                value = merge_value(b, o, t)
                if value is CONFLICT:
                    self.conflict(eid, key, b, o, t)
                    value = o
            if value is not ABSENT:
                merged[key] = value
        return merged

    def keep_referenced(self, todo: list[str]) -> None:
        """Bring back every removed element that an element of OUT still refers to."""
        while todo:
            eid = todo.pop()
            for ref in references(self.out[eid][1]):
                if ref in self.gone and ref not in self.banned and ref not in self.out:
                    self.out[ref] = self.gone.pop(ref)
                    self.conflict(ref, REMOVED, *self.versions(ref))
                    todo.append(ref)

    def culprit(self, exc: FormatError, doc: dict) -> str | None:
        """The id of the element the reader refused, from its message."""
        where = exc.element or ""
        if where in self.out:
            return where
        named = re.match(r"\w+ '([^']*)'", where)
        if named and named.group(1) in self.out:
            return named.group(1)
        path = re.search(r"\$\.(\w+)\[(\d+)\]", where)
        if path and path.group(1) in doc and int(path.group(2)) < len(doc[path.group(1)]):
            return doc[path.group(1)][int(path.group(2))].get("id")
        return None

    def fall_back(self, eid: str, force: bool = False) -> bool:
        """Give ``eid`` OURS' version (or leave it out when OURS has none); False when nothing changes."""
        ours = self.o.get(eid)
        current = self.out.get(eid)
        if ours is None:
            if current is None:
                return False
            del self.out[eid]
            self.banned.add(eid)
            self.conflict(eid, REMOVED, *self.versions(eid))
            return True
        target = _with_comments(ours, current)
        if current == target:
            return False
        b, _, t = (v and v[1] for v in (self.b.get(eid), ours, self.t.get(eid)))
        if current is None or current[0] != ours[0]:
            self.conflict(eid, REMOVED, b, ours[1], t)
        else:
            for key in dict.fromkeys([*current[1], *ours[1]]):
                if field(current[1], key) != field(ours[1], key) and key != COMMENTS:
                    self.conflict(eid, key, field(b, key), field(ours[1], key), field(t, key))
        self.out[eid] = target
        self.gone.pop(eid, None)
        if not force:
            self.keep_referenced([eid])
        return True

    def fall_back_around(self, eid: str) -> bool:
        """The refused element is OURS' already: give OURS' version to what it refers to and what refers to it.

        That settles a rule across elements (a ``via`` loop that OURS and
        THEIRS closed between them) without giving up THEIRS' other changes.
        """
        if eid not in self.out:
            return False
        near = [*references(self.out[eid][1]), *(x for x, (_, e) in self.out.items() if eid in references(e))]
        return any([self.fall_back(x) for x in dict.fromkeys(near) if x != eid])

    # ------------------------------------------------------------ writing OUT
    def document(self) -> dict:
        base, ours, theirs = self.docs
        doc: dict = {"format": "argmap", "version": max(_version(d) for d in self.docs)}
        for key in dict.fromkeys([*meta_keys(ours), *meta_keys(theirs), *meta_keys(base)]):
            if key == MERGE_CONFLICTS:
                continue
            b, o, t = field(base, key), field(ours, key), field(theirs, key)
            value = merge_value(b, o, t)
            if value is CONFLICT:
                self.conflict(MAP_ID, key, b, o, t)
                value = o
            if value is not ABSENT:
                doc[key] = value
        for key in dict.fromkeys([*list_keys(ours), *list_keys(theirs), *list_keys(base)]):
            doc[key] = [self.out[eid][1] for eid in self.order(key)]
        recorded = merge_by_value(*(field(d, MERGE_CONFLICTS) for d in self.docs))
        recorded += [c for c in self.listed() if c not in recorded]
        if recorded:
            doc[MERGE_CONFLICTS] = recorded
        return doc

    def order(self, key: str) -> list[str]:
        """The ids of OUT's list ``key``: OURS' order, THEIRS' own after their predecessor there.

        When OURS added elements right after that predecessor too, THEIRS'
        go after OURS' (as git puts one side's lines before the other's).
        """
        wanted = [eid for eid, (k, _) in self.out.items() if k == key]
        wanted_set = set(wanted)
        placed = [eid for eid, (k, _) in self.o.items() if k == key and eid in wanted_set]
        anchor = self.anchors(placed)
        seen = set(placed)
        after: dict[str | None, list[str]] = defaultdict(list)
        last = None
        for eid, (k, _) in self.t.items():
            if k != key or eid not in wanted_set:
                continue
            if eid not in seen:
                after[anchor.get(last, last)].append(eid)
                seen.add(eid)
            last = eid
        rest = [eid for eid in wanted if eid not in seen]
        result: list[str] = []
        for head in [None, *placed, *rest]:
            stack = list(reversed(after[None])) if head is None else [head]
            while stack:
                eid = stack.pop()
                result.append(eid)
                stack.extend(reversed(after.get(eid, ())))
        return result

    def anchors(self, placed: list[str]) -> dict:
        """For each element of OURS' list (and None, the start): the last of OURS' additions right after it."""
        anchor: dict[str | None, str | None] = {placed[-1]: placed[-1]} if placed else {}
        for here, following in zip([None, *placed[:-1]][::-1], placed[::-1]):
            anchor[here] = anchor[following] if following not in self.b else here
        return anchor

    # ------------------------------------------------------------ conflicts
    def versions(self, eid: str) -> tuple:
        return tuple(v[1] if v else None for v in (self.b.get(eid), self.o.get(eid), self.t.get(eid)))

    def conflict(self, eid: str, name: str, base, ours, theirs) -> None:
        self.conflicts.setdefault((eid, name), {"id": eid, "field": name, "base": plain(base),
                                                "ours": plain(ours), "theirs": plain(theirs)})

    def listed(self) -> list[dict]:
        """The conflicts in document order of their elements (map details first)."""
        if not self.conflicts:
            return []
        rank = {eid: n for n, eid in enumerate(dict.fromkeys([*self.o, *self.t, *self.b]))}
        return sorted(self.conflicts.values(), key=lambda c: -1 if c["id"] == MAP_ID else rank.get(c["id"], 0))


def _load(doc: dict, name: str) -> ArgumentMap:
    """The map of ``doc`` through the native reader's fast path (several times faster than the precise one).

    A document the fast path doubts goes through the precise reader all the
    same, whose message names the element and the rule.
    """
    return native.loads(json.dumps(doc, ensure_ascii=False), name)


def _with_comments(version: tuple[str, dict], merged: tuple[str, dict] | None) -> tuple[str, dict]:
    """OURS' version of an element, with the comments of the merged one (comments never conflict)."""
    if merged is None or merged[0] != version[0] or field(merged[1], COMMENTS) == field(version[1], COMMENTS):
        return version
    element = {k: v for k, v in version[1].items() if k != COMMENTS}
    if merged[1].get(COMMENTS):
        element[COMMENTS] = merged[1][COMMENTS]
    return version[0], element


def _version(doc: dict) -> int:
    version = doc.get("version", native.VERSION)
    return version if isinstance(version, int) else native.VERSION
