"""Checking a command's undo and redo from a test."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from argmap.commands.edits import execute
from argmap.model import ArgumentMap


def roundtrip(amap: ArgumentMap, command) -> ArgumentMap:
    """Run ``command`` as one step that changes ``amap``; undo must give the map back and redo the result, twice.

    Returns a copy of the map after the command.
    """
    stack = QUndoStack()
    before = amap.copy()
    execute(stack, command)
    after = amap.copy()
    assert after != before
    assert stack.count() == 1
    for _ in range(2):
        stack.undo()
        assert amap == before
        stack.redo()
        assert amap == after
    return after
