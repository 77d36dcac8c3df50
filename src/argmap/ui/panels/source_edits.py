"""Editing in the Sources panel: typed fields, reliability and via, New Source…, Merge Into…, Delete.

Mixed into :class:`~argmap.ui.panels.sources.SourcesPanel`. Every change is one
command on the document's undo stack (:mod:`argmap.commands.sources`); typing
into a field merges into one step. A change the model refuses is shown under
the list, and the fields show the source as it still is.
"""

from __future__ import annotations

from argmap.commands import sources as cmd
from argmap.model import ModelError
from argmap.ui.panels.common import CommandPusher
from argmap.ui.source_dialog import SourceDialog, ask_choice, ask_dialog, source_choice


class SourceEditing(CommandPusher):
    """The panel's edits (needs its ``document``, ``notice``, ``message``, ``_current``, ``_filling``,
    ``_show`` and ``select_source``)."""

    def _refused(self, reason: str) -> None:
        self.notice.setText(reason)
        self.message.emit(reason)
        self._show(self._current)

    def _typed(self, name: str, value: str) -> None:
        if self._filling or self._current is None:
            return
        if name == "title" and not value.strip():
            self.notice.setText("A source needs a title: the last one is kept until you type a new one.")
            return
        if getattr(self.document.amap.sources[self._current], name) == value:
            return
        self.notice.clear()
        try:
            command = cmd.edit_source(self.document.amap, self._current, merge=True, **{name: value})
        except ModelError as exc:
            self._refused(str(exc))
            return
        self._push(command)

    def _edit(self, **fields) -> None:
        if self._filling or self._current is None:
            return
        self.notice.clear()
        try:
            command = cmd.edit_source(self.document.amap, self._current, **fields)
        except ModelError as exc:
            if exc.rule != "nothing to change":
                self._refused(str(exc))
            return
        self._push(command, command.text())

    def add_source(self, cite: list[str] | None = None) -> str | None:
        """New Source…: ask for a source and add it (cited by ``cite``, in the same step); returns its id."""
        amap = self.document.amap
        heading = f"The new source will be cited by {', '.join(cite)}." if cite else ""
        dialog = SourceDialog(amap, self, heading)
        if not ask_dialog(dialog):
            return None
        try:
            command = cmd.add_source(amap, cite=cite or (), **dialog.values())
        except ModelError as exc:
            self._refused(str(exc))
            return None
        if not self._push(command, command.text()):
            return None
        xid = command.elements[0].id
        self.select_source(xid)
        return xid

    def merge_current(self) -> bool:
        """Merge Into…: the chosen source is a duplicate of another one, asked for."""
        amap, old = self.document.amap, self._current
        if old is None:
            return False
        others = [x for x in amap.sources.values() if x.id != old]
        choices = [source_choice(x) for x in others]
        chosen = ask_choice(self, "Merge source", f"Merge {old} into (its evidence will cite it instead):", choices)
        if chosen is None:
            return False
        into = others[choices.index(chosen)].id
        moved = len(amap.cited_by(old))
        if not self._push(cmd.merge_sources(amap, old, into),
                          f"Merged {old} into {into}: {moved} evidence moved to it"):
            return False
        self.select_source(into)
        return True

    def delete_current(self) -> bool:
        """Delete the chosen source (the evidence citing it no longer does; undo brings all back)."""
        xid = self._current
        if xid is None:
            return False
        amap = self.document.amap
        uncited = len(amap.cited_by(xid))
        if not self._push(cmd.delete_sources(amap, [xid]),
                          f"Deleted source {xid}: {uncited} evidence no longer cite it (Undo brings it back)"):
            return False
        return True
