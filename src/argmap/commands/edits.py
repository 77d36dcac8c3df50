"""Undoable edits: one ``QUndoCommand`` per user action, each over the model's methods.

Every command changes the map only through :class:`~argmap.model.ArgumentMap`
(``add_all``, ``update``, ``move``, ``remove``/``restore``, ``set_meta``), so
its undo gives back the identical map (``==``) and its redo the identical
result. Use :func:`execute` rather than ``QUndoStack.push``: it applies the
command first, so a change the model refuses raises :class:`ModelError` and
nothing is pushed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from PySide6.QtGui import QUndoCommand, QUndoStack

from argmap.model import ArgumentMap, Element, Position

TEXT_TYPING_ID = 1001
"""Command id of merging text edits (typing into one statement)."""

ARROW_MOVE_ID = 1002
"""Command id of merging keyboard moves."""

FIRST_TEXT_ID = 1003
"""Command id of adding a statement and typing its first text: one undo step."""


class MapCommand(QUndoCommand):
    """Base of every edit: ``apply`` does the change, ``revert`` undoes it exactly.

    Parameters
    ----------
    amap : ArgumentMap
        The map to change.
    text : str
        The name shown in the undo history ("Add premise", "Delete 3 items", ...).
    """

    def __init__(self, amap: ArgumentMap, text: str):
        super().__init__(text)
        self.amap = amap
        self._already_applied = False

    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


def execute(stack: QUndoStack, command: MapCommand) -> None:
    """Apply ``command`` and push it on ``stack`` (merging when it can).

    Raises
    ------
    ModelError
        When the model refuses the change; the map is then unchanged and
        nothing is pushed.
    """
    command.apply()
    command._already_applied = True
    stack.push(command)


class AddElements(MapCommand):
    """Add statements, inferences and conflicts as one step.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    elements : iterable of Element
        New elements (they may refer to each other and to existing ones).
    text : str
        Name in the undo history.
    updates : mapping of id to dict, optional
        Field changes of existing elements made in the same step, e.g. an
        inference that gains the new statement as a co-premise.
    indexes : mapping of id to int, optional
        Where each new element goes in its list (default: at the end), e.g.
        where another version of the map has it.
    """

    def __init__(self, amap: ArgumentMap, elements: Iterable[Element], text: str = "Add",
                 updates: Mapping[str, dict] | None = None, indexes: Mapping[str, int] | None = None):
        super().__init__(amap, text)
        self.elements = list(elements)
        self.updates = dict(updates or {})
        self.indexes = dict(indexes or {})
        self._old: list[tuple[str, dict]] = []

    @property
    def ids(self) -> tuple[str, ...]:
        """Ids of the added elements."""
        return tuple(e.id for e in self.elements)

    def id(self) -> int:
        return FIRST_TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the first edit of the statements this command added (``UpdateFields(amend=True)``).

        The edit is already applied to the map; from now on this command adds
        the statements as edited, so one undo removes them and one redo puts
        them back with their text.
        """
        if not (isinstance(other, UpdateFields) and other.amend):
            return False
        added = {e.id: n for n, e in enumerate(self.elements)}
        if not other.changes or not set(other.changes) <= set(added):
            return False
        for eid in other.changes:
            self.elements[added[eid]] = self.amap.get(eid).copy()
        return True

    def apply(self) -> None:
        self.amap.add_all(self.elements, self.indexes or None)
        self._old = []
        try:
            for eid, fields in self.updates.items():
                self._old.append((eid, self.amap.update(eid, **fields)))
        except Exception:
            self.revert()
            raise

    def revert(self) -> None:
        for eid, old in reversed(self._old):
            self.amap.update(eid, **old)
        self._old = []
        self.amap.remove(self.ids)


class UpdateFields(MapCommand):
    """Change fields of one or more elements (text, kind, note, premises, ...).

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    changes : mapping of id to dict
        New field values per element.
    text : str
        Name in the undo history.
    merge : bool
        When true, consecutive commands changing the same fields of the same
        single element merge into one undo step (typing).
    amend : bool
        When true, the first edit of statements just added: it merges into
        the :class:`AddElements` that added them, when that is the last step.
    """

    def __init__(self, amap: ArgumentMap, changes: Mapping[str, dict], text: str = "Edit", merge: bool = False,
                 amend: bool = False):
        super().__init__(amap, text)
        self.changes = {eid: dict(f) for eid, f in changes.items()}
        self.merge = merge and len(self.changes) == 1 and not amend
        self.amend = amend
        self._old: dict[str, dict] = {}

    def id(self) -> int:
        if self.amend:
            return FIRST_TEXT_ID
        return TEXT_TYPING_ID if self.merge else -1

    def apply(self) -> None:
        done: dict[str, dict] = {}
        try:
            for eid, fields in self.changes.items():
                done[eid] = self.amap.update(eid, **fields)
        except Exception:
            for eid, old in reversed(done.items()):
                self.amap.update(eid, **old)
            raise
        if not self._old:
            self._old = done

    def revert(self) -> None:
        for eid, old in reversed(self._old.items()):
            self.amap.update(eid, **old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UpdateFields) and self.merge and other.merge):
            return False
        (eid, fields), = self.changes.items()
        (other_id, other_fields), = other.changes.items()
        if eid != other_id or set(fields) != set(other_fields):
            return False
        self.changes = {eid: dict(other_fields)}
        self.setObsolete(self._old.get(eid) == other_fields)
        return True


class RemoveElements(MapCommand):
    """Delete elements with their cascade (see ``ArgumentMap.remove``), undone in one step."""

    def __init__(self, amap: ArgumentMap, ids: Iterable[str], text: str | None = None):
        self.targets = tuple(dict.fromkeys(ids))
        super().__init__(amap, text or _count_text("Delete", len(self.targets)))
        self._removal = None

    def apply(self) -> None:
        self._removal = self.amap.remove(self.targets)

    def revert(self) -> None:
        self.amap.restore(self._removal)


class MoveStatements(MapCommand):
    """Set the positions of several statements as one step (a drag, a layout, an arrow key).

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    positions : mapping of id to Position or None
        New centres.
    text : str
        Name in the undo history.
    merge : bool
        When true, consecutive moves of the same statements merge (arrow keys).
    """

    def __init__(self, amap: ArgumentMap, positions: Mapping[str, Position | None], text: str = "Move",
                 merge: bool = False):
        super().__init__(amap, text)
        self.positions = dict(positions)
        self.merge = merge
        self._old: dict[str, Position | None] | None = None

    def id(self) -> int:
        return ARROW_MOVE_ID if self.merge else -1

    def apply(self) -> None:
        old = self.amap.move(self.positions)
        if self._old is None:
            self._old = old

    def revert(self) -> None:
        self.amap.move(self._old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, MoveStatements) and self.merge and other.merge):
            return False
        if set(other.positions) != set(self.positions):
            return False
        self.positions = dict(other.positions)
        self.setObsolete(self.positions == self._old)
        return True


class SetMeta(MapCommand):
    """Change the map's title, source information or extra keys."""

    def __init__(self, amap: ArgumentMap, text: str = "Edit map details", **meta):
        super().__init__(amap, text)
        self.meta = {k: v for k, v in meta.items() if v is not None}
        self._old: dict = {}

    def apply(self) -> None:
        self._old = self.amap.set_meta(**self.meta)

    def revert(self) -> None:
        self.amap.set_meta(**self._old)

    def rebase_source_path(self, fix) -> None:
        """Re-express the source-text paths this command sets and restores with ``fix(path) -> path``.

        Used when the map is saved into another folder: a relative path then
        names the same file from the new folder, in the undo history too.
        """
        for values in (self.meta, self._old):
            source = values.get("source")
            if source is not None and source.path:
                values["source"] = replace(source, path=fix(source.path))


def _count_text(verb: str, n: int) -> str:
    return f"{verb} {n} item" + ("" if n == 1 else "s")
