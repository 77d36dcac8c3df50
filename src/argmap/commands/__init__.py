"""Editing commands: one undoable ``QUndoCommand`` per user edit, over the model's methods.

The :class:`~argmap.commands.document.Document` (in ``argmap.commands.document``)
holds the map and the undo stack; :mod:`argmap.commands.actions` builds the
command of each user action and :func:`execute` applies and pushes it.
"""

from argmap.commands import actions
from argmap.commands.clipboard import MIME_TYPE, copy_payload, fragment, parse_payload, paste_command
from argmap.commands.edits import (
    AddElements,
    MapCommand,
    MoveStatements,
    RemoveElements,
    SetMeta,
    UpdateFields,
    execute,
)

__all__ = [
    "MIME_TYPE", "AddElements", "MapCommand", "MoveStatements", "RemoveElements", "SetMeta", "UpdateFields",
    "actions", "copy_payload", "execute", "fragment", "parse_payload", "paste_command",
]
