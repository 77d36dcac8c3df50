"""Review edits: taking the changes of a comparison, settling merge conflicts, each as one undo step.

The pure side is in :mod:`argmap.formats`: :func:`~argmap.formats.diff_apply.edit_for`
says what taking one change of a diff means for the map as it is now, and
:func:`~argmap.formats.resolve.resolution` what settling one merge conflict
means. Both answer with :class:`~argmap.formats.diff_apply.Edit`
descriptions; this module turns them into the existing commands
(:class:`AddElements`, :class:`UpdateFields`, :class:`RemoveElements`,
:class:`MoveStatements`, :class:`SetMeta`), several of them run as one
:class:`EditSequence` when one user action needs more than one::

    command = take_change(amap, change, diff.new)      # None: the map already agrees
    execute(document.undo_stack, command)
    command, left = take_changes(amap, pending, diff.new)   # Take All: one undo step
    execute(document.undo_stack, resolve_conflict(amap, conflict, "theirs"))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.commands.edits import AddElements, MapCommand, MoveStatements, RemoveElements, SetMeta, UpdateFields
from argmap.formats.diff import ADDED, CHANGED, META, MOVED, REMOVED, ElementChange
from argmap.formats.diff_apply import ADD, MOVE, REMOVE, SET_META, UPDATE, Edit, apply_edit, edit_for
from argmap.formats.mapdoc import ABSENT, field
from argmap.formats.resolve import WHOLE, resolution
from argmap.model import ArgumentMap, ModelError

TAKE_ORDER = {ADDED: 0, CHANGED: 1, MOVED: 2, META: 3, REMOVED: 4}
"""Additions first, removals last: nothing is taken before what it refers to (as ``diff_apply.take_all``)."""

CHOICE_WORDS = {"ours": "Keep ours", "theirs": "Take theirs", "base": "Take base"}


class EditSequence(MapCommand):
    """Several commands run in order as one undo step, undone in the reverse order.

    Parameters
    ----------
    amap : ArgumentMap
        The map every command changes.
    commands : sequence of MapCommand
        Not yet applied.
    text : str
        The name in the undo history.
    """

    def __init__(self, amap: ArgumentMap, commands: Sequence[MapCommand], text: str):
        super().__init__(amap, text)
        self.commands = list(commands)

    def apply(self) -> None:
        done: list[MapCommand] = []
        try:
            for command in self.commands:
                command.apply()
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.revert()
            raise

    def revert(self) -> None:
        for command in reversed(self.commands):
            command.revert()


def command_for(amap: ArgumentMap, edit: Edit) -> MapCommand:
    """The command that runs ``edit`` on ``amap`` (not yet applied)."""
    if edit.action == ADD:
        return AddElements(amap, edit.elements, edit.text, indexes=edit.indexes)
    if edit.action == UPDATE:
        return UpdateFields(amap, edit.changes, edit.text)
    if edit.action == REMOVE:
        return RemoveElements(amap, edit.ids, edit.text)
    if edit.action == MOVE:
        return MoveStatements(amap, edit.positions, edit.text)
    if edit.action == SET_META:
        return SetMeta(amap, edit.text, **edit.meta)
    raise ValueError(f"unknown edit {edit.action!r}")


def sequence(amap: ArgumentMap, edits: Iterable[Edit], text: str) -> MapCommand | None:
    """One command for ``edits``: the single command itself, or an :class:`EditSequence` named ``text``."""
    commands = [command_for(amap, edit) for edit in edits]
    if not commands:
        return None
    if len(commands) == 1:
        return commands[0]
    return EditSequence(amap, commands, text)


# ---------------------------------------------------------------- comparing
def take_change(amap: ArgumentMap, change: ElementChange, new_doc: dict | None = None) -> MapCommand | None:
    """The command that takes one change of a comparison into ``amap``; None when the map already agrees.

    Raises
    ------
    ModelError
        When the change cannot be taken into the map as it is (the message says what to take first).
    """
    edit = edit_for(change, amap, new_doc)
    return None if edit is None else command_for(amap, edit)


def take_changes(amap: ArgumentMap, changes: Iterable[ElementChange],
                 new_doc: dict | None = None) -> tuple[MapCommand | None, list[tuple[ElementChange, str]]]:
    """One command taking all of ``changes`` that can be taken, and the others with the reason why not.

    The edits are worked out on a copy of the map, additions first and
    removals last; a change that cannot be taken yet is tried again once
    the others are in (as :func:`argmap.formats.diff_apply.take_all`).
    """
    scratch = amap.copy()
    edits: list[Edit] = []
    changes = list(changes)
    waiting = sorted(changes, key=lambda c: TAKE_ORDER.get(c.op, 9))
    reasons: dict[int, str] = {}
    while waiting:
        left = []
        for change in waiting:
            try:
                edit = edit_for(change, scratch, new_doc)
            except ModelError as exc:
                left.append(change)
                reasons[id(change)] = str(exc)
                continue
            if edit is not None:
                apply_edit(scratch, edit)
                edits.append(edit)
        if len(left) == len(waiting):
            break
        waiting = left
    else:
        left = []
    taken = len(changes) - len(left)  # a removal's cascade may take several changes in one edit
    text = f"Take {taken} change" + ("" if taken == 1 else "s")
    return sequence(amap, edits, text), [(c, reasons[id(c)]) for c in left]


def agrees(change: ElementChange, present: dict, doc: dict) -> bool:
    """Whether the map already holds what ``change`` brings (its NEW side).

    Parameters
    ----------
    change : ElementChange
        One change of a diff whose NEW side is the other version.
    present : dict
        ``elements(doc)`` of the map as it is now.
    doc : dict
        The map's native document (for ``meta`` changes).
    """
    key = change.type + "s"
    here = present.get(change.id)
    if change.op == ADDED:
        return here == (key, change.new)
    if change.op == REMOVED:
        return here is None or here[0] != key
    if change.op in (CHANGED, MOVED):
        return here is not None and here[0] == key and all(
            field(here[1], name) == field(change.new, name) for name in change.fields)
    if change.op == META:
        return field(doc, change.id) == (ABSENT if change.new is None else change.new)
    return False


# ---------------------------------------------------------------- merge conflicts
def conflict_title(conflict: dict) -> str:
    """``s4 text``, ``s7 (removed)``, ``map title``: what a merge conflict is about, in a few words."""
    eid, name = conflict.get("id", ""), conflict.get("field", "")
    if not eid:
        return f"map {name}"
    if name in WHOLE:
        return f"{eid} ({'removed on one side' if name == 'removed' else 'a different kind of element'})"
    return f"{eid} {name}"


def resolve_conflict(amap: ArgumentMap, conflict: dict, choice: str) -> MapCommand:
    """One command that gives ``conflict`` the value of ``choice`` (ours, theirs, base) and drops it.

    Raises
    ------
    ModelError
        When that value cannot go into the map as it is (the message says why).
    """
    edits = resolution(amap, conflict, choice)
    text = f"{CHOICE_WORDS[choice]}: {conflict_title(conflict)}"
    command = sequence(amap, edits, text)
    command.setText(text)
    return command
