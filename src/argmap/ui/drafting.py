"""Drafting in the app: *Map → Draft from Source Text* (or a selection), then reviewing the proposals.

The window's :class:`DraftController` runs the rows ``map.draft``,
``map.draft_selection`` and ``review.*`` of the actions table. A draft is
one undo step (:func:`argmap.commands.drafting.draft_command`): on an empty
map it becomes the map (laid out, titled "Draft: …"); on a map with
statements it is laid out on its own and put to the right of them. Review
steps through the proposals in the order of the text; *Accept* and
*Reject* act on the selected proposals (a statement with the relations the
draft gave it) and move on to the next, each one undo step. The proposals
bar over the canvas and the proposal box in the Inspector show where one
is (:mod:`argmap.ui.panels.proposals`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from argmap.commands import drafting as review
from argmap.commands.edits import execute
from argmap.model import ArgumentMap, ModelError, Position
from argmap.render.proposed import listed
from argmap.ui.accessibility import announce
from argmap.ui.canvas._render import statement_size
from argmap.ui.panels.common import short
from argmap.ui.panels.proposals import ProposalBox, ProposalsBar

DEFAULT_TITLES = ("", "Untitled map")
"""Map titles a draft may replace (the map was never named)."""

BESIDE_GAP = 160.0
"""Room between the analyst's statements and a draft put beside them."""

READING_ZOOM = 0.85
"""The zoom stepping through proposals goes to when the text is too small to read (below ``MIN_READ``)."""
MIN_READ = 0.7

TEXT_FILTER = "Text (*.txt *.md);;All files (*)"


def draft_positions(proposal, theme, beside: tuple[float, float] | None = None) -> dict[str, Position]:
    """Centres for the statements of ``proposal``, laid out as their own map (its relations to the
    analyst's statements left out).

    ``beside`` is (right edge, top) of what the map already shows: the
    draft then starts that far right of it (:data:`BESIDE_GAP`), tops aligned.
    """
    from argmap.analysis.roles import statement_roles
    from argmap.layout import auto_layout

    alone = ArgumentMap()
    alone.add_all([st.copy() for st in proposal.statements])
    inner = [i.copy() for i in proposal.inferences if {*i.premises, i.conclusion} <= set(alone.statements)]
    alone.add_all(inner)
    ends = set(alone.statements) | {i.id for i in inner}
    alone.add_all([c.copy() for c in proposal.conflicts if {*c.attackers, c.target} <= ends])
    roles = statement_roles(alone)
    sizes = {sid: statement_size(st, theme, roles.get(sid)) for sid, st in alone.statements.items()}
    centres = auto_layout(alone, sizes)
    if beside is None or not centres:
        return centres
    left = min(p.x - sizes[s][0] / 2 for s, p in centres.items())
    top = min(p.y - sizes[s][1] / 2 for s, p in centres.items())
    dx, dy = beside[0] + BESIDE_GAP - left, beside[1] - top
    return {s: Position(p.x + dx, p.y + dy) for s, p in centres.items()}


class DraftController(QObject):
    """Drafting and review for one main window (its ``document``, ``scene``, ``view``, ``source``, ``actions``)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.bar = ProposalsBar(window.actions)
        self.box = ProposalBox(window.actions)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # the changes of one command, then one refresh
        self._timer.timeout.connect(self.refresh)
        self._order: list[str] | None = None
        window.document.changed.connect(self._on_change)
        window.scene.selection_ids_changed.connect(lambda ids: self.refresh(ids, changed=False))
        self._add_to_source_panel(window.source, window.actions["map.draft_selection"])
        self.refresh()

    def _add_to_source_panel(self, source, action) -> None:
        """*Draft selection* under the panel's "Add as …" buttons and in the text's context menu."""
        source.view.selectionChanged.connect(self._source_selection)
        button = QPushButton(action.iconText())  # like the "Add as …" buttons beside it; it follows the action
        button.setObjectName("source.draft_selection")
        button.setToolTip(action.statusTip())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        source.tools.addWidget(button)
        source.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        source.view.customContextMenuRequested.connect(self._source_menu)
        self._source_selection()
        button.setEnabled(action.isEnabled())

    @property
    def amap(self):
        return self.window.document.amap

    def _on_change(self, _change) -> None:
        self._order = None  # the proposals left are worked out again when next needed
        self._timer.start()

    # ------------------------------------------------------------ drafting
    def draft_source(self) -> bool:
        """Map → Draft from Source Text: draft the whole attached text (asking for one when there is none)."""
        text = self._source_text()
        return text is not None and self._draft(text, 0, None, "Draft from source text")

    def draft_selection(self) -> bool:
        """Map → Draft from Selection: draft only the passage selected in the Source panel."""
        source = self.window.source
        span = source.selected_span()
        if span is None or not source.text:
            self._say("Select a passage of the source text first (Source panel): Draft from Selection drafts it")
            return False
        return self._draft(source.text, span[0], span[1], "Draft from selection")

    def _source_text(self) -> str | None:
        """The attached text; without one, the user chooses a file, which is attached (its own undo step)."""
        from argmap.ui import files

        source = self.window.source
        if not self.amap.source.path:
            doc = self.window.document
            folder = str(doc.path.parent) if doc.path else ""
            path = files.ask_open_path(self.window, "Draft from source text: choose the text", TEXT_FILTER, folder)
            if not path:
                return None
            try:
                source.attach(Path(path))
            except (OSError, UnicodeDecodeError) as exc:
                files.show_error(self.window, "Draft from source text",
                                 f"The text {path} could not be read: {getattr(exc, 'strerror', None) or exc}.\n\n"
                                 "The map is unchanged. Choose a UTF-8 text file (.txt or .md).")
                return None
        if not source.text.strip():
            files.show_error(self.window, "Draft from source text",
                             f"There is no text to draft from. {source.header.text()}\n\n"
                             "Attach the text again with Map → Attach Source Text…")
            return None
        return source.text

    def _draft(self, text: str, start: int, end: int | None, name: str) -> bool:
        from argmap.draft import NothingToDraft, propose, title_of

        amap = self.amap
        taken = {*amap.statements, *amap.inferences, *amap.conflicts, *amap.sources, *listed(amap)}
        try:
            proposal = propose(text, start, end, taken=taken)
        except NothingToDraft as exc:
            self._say(f"Nothing to draft: {exc}. Headings, captions and blank lines are left out.")
            return False
        except ValueError as exc:
            self._say(f"Cannot draft this text: {exc}")
            return False
        empty = not amap.statements
        proposal, folded = review.fold_mapped(amap, proposal)
        if not proposal.elements():
            self._say("Nothing new to draft: every unit of this text is mapped already")
            return False
        positions = draft_positions(proposal, self.window.scene.theme, None if empty else self._right_top())
        title = ""
        if empty and amap.title in DEFAULT_TITLES:  # named after the text (its title, else its heading)
            title = f"Draft: {amap.source.title.strip() or title_of(text, proposal)}"
        try:
            execute(self.window.document.undo_stack, review.draft_command(amap, proposal, positions, title=title,
                                                                           text=name))
        except ModelError as exc:
            self._say(str(exc))
            return False
        self.window.document.flush()
        if empty:
            self.window.fit_map()
        first = next((e for e in review.review_order(amap) if e in set(proposal.ids())), proposal.root)
        self.show(first)  # where the review starts
        mapped = f" ({_count(len(folded), 'unit')} mapped already left out)" if folded else ""
        self._say(f"Drafted {_count(len(proposal.statements), 'statement')}, "
                  f"{_count(len(proposal.inferences), 'support')} and {_count(len(proposal.conflicts), 'attack')}"
                  f"{mapped}: {_count(len(review.review_order(amap)), 'proposal')} to review. {self._keys()}")
        return True

    def _right_top(self) -> tuple[float, float]:
        scene = self.window.scene
        boxes = [scene.statement_item(sid).scene_box() for sid in self.amap.statements if scene.statement_item(sid)]
        return max(b.right() for b in boxes), min(b.top() for b in boxes)

    # ------------------------------------------------------------ reviewing
    def selected_proposals(self) -> list[str]:
        """The selected elements that are still proposals."""
        return [eid for eid in self.window.scene.selected_ids() if review.is_pending(self.amap, eid)]

    def accept(self) -> bool:
        """Accept the selected proposals (a statement with its relations) and go to the next; one undo step."""
        return self._review(self.selected_proposals(), review.accept_command, "Accepted")

    def reject(self) -> bool:
        """Reject the selected proposals (removed, their text not mapped again) and go to the next."""
        return self._review(self.selected_proposals(), review.reject_command, "Rejected")

    def accept_all(self) -> bool:
        return self._review(review.review_order(self.amap), review.accept_command, "Accepted")

    def reject_all(self) -> bool:
        return self._review(review.review_order(self.amap), review.reject_command, "Rejected")

    def _review(self, ids: list[str], build, verb: str) -> bool:
        if not ids:
            self._say("Select a proposal first (Next Proposal goes to one)")
            return False
        order = review.review_order(self.amap)
        at = min((order.index(e) for e in ids if e in order), default=0)
        after = order[at + 1:] + order[:at]
        try:
            command = build(self.amap, ids)
            execute(self.window.document.undo_stack, command)
        except ModelError as exc:
            self._say(str(exc))
            return False
        left = review.review_order(self.amap)
        following = next((e for e in after if e in left), None)
        if following is not None:
            self.show(following)
        else:
            self.window.scene.select_ids([])
        tail = f"{_count(len(left), 'proposal')} left" if left else "all proposals reviewed"
        what = command.text().split(" ", 1)[1] if len(ids) == 1 else _count(len(ids), "proposal")
        self._say(f"{verb} {what}; {tail} (Ctrl+Z undoes)")
        return True

    def next_proposal(self) -> bool:
        """Select the next proposal in the order of the text (after the selection), wrapping round."""
        return self._step(+1)

    def previous_proposal(self) -> bool:
        return self._step(-1)

    def _step(self, way: int) -> bool:
        order = review.review_order(self.amap)
        if not order:
            self._say("No proposals left")
            return False
        here = self._here(order)
        if here is None:
            target = order[0] if way > 0 else order[-1]
        elif isinstance(here, int):
            target = order[(here + way) % len(order)]
        else:  # a statement that is no proposal: the next proposal after it in the text
            after = [e for e in order if self._position(e) > here]
            before = [e for e in order if self._position(e) < here]
            target = (after[0] if after else order[0]) if way > 0 else (before[-1] if before else order[-1])
        self.show(target)
        return True

    def _here(self, order: list[str]):
        """Index in ``order`` of the selected proposal, else the reading position of the selected statement."""
        ids = self.window.scene.selected_ids()
        for eid in ids:
            if eid in order:
                return order.index(eid)
        statements = [e for e in ids if e in self.amap.statements]
        return review.reading_position(self.amap, statements[0]) if statements else None

    def _position(self, eid: str) -> float:
        sources = review.sources_of(self.amap, eid) or (eid,)
        return min(review.reading_position(self.amap, s) for s in sources)

    def show(self, eid: str, *, move: bool = True) -> None:
        """Select proposal ``eid`` and (``move``) bring it into view at a readable size, with what it
        supports or attacks when that fits in the view too."""
        window = self.window
        view, scene = window.view, window.scene
        scene.select_ids([eid])
        if eid in self.amap.statements:
            announce(view, f"Proposal: {short(self.amap.statements[eid].text, 80)}")
        if not move:
            return
        if view.zoom() < MIN_READ:
            view.resetTransform()
            view.scale(READING_ZOOM, READING_ZOOM)
        around = [eid, *(_target_of(self.amap, lid) for lid in review.unit_of(self.amap, eid) if lid != eid)]
        items = [scene.statement_item(e) or scene.link_item(e) for e in around if e]
        rect = QRectF()
        for item in items:
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        fits = rect.width() <= visible.width() and rect.height() <= visible.height()
        view.center_on_ids([e for e in around if e] if fits else [eid])

    # ------------------------------------------------------------ following the map and the selection
    def refresh(self, ids: list[str] | None = None, *, changed: bool = True) -> None:
        """Actions, bar and Inspector box as the map and the selection (``ids``) now are.

        The proposals left are worked out again only when the map ``changed``
        (a new selection needs none of that: on a map of 10,000 statements it
        takes about a millisecond).
        """
        amap = self.amap
        if changed or self._order is None:
            self._order = review.review_order(amap)
        order = self._order
        ids = self.window.scene.selected_ids() if ids is None else ids
        chosen = [eid for eid in ids if review.is_pending(amap, eid)]
        actions = self.window.actions
        for name in ("proposal.accept", "proposal.reject"):
            actions[name].setEnabled(bool(chosen))
        for name in ("proposal.accept_all", "proposal.reject_all", "proposal.next", "proposal.previous"):
            actions[name].setEnabled(bool(order))
        position = next((order.index(e) + 1 for e in chosen if e in order), None)
        words = short(_words(amap, chosen[0]), 70) if chosen else ""
        self.bar.show_state(len(order), position, f"{chosen[0]} “{words}”" if chosen else "")
        if len(ids) == 1 and chosen == ids:
            self.box.show_proposal(self._cues(ids[0]), self._hint(ids[0]))
        else:
            self.box.hide()

    def _cues(self, eid: str) -> list[str]:
        scene = self.window.scene
        if eid in self.amap.statements:
            return scene.proposal_notes(eid)[1:] or ["No cue given."]
        note = self.amap.get(eid).note
        return [note or "No cue given."]

    def _hint(self, eid: str) -> str:
        amap = self.amap
        if eid not in amap.statements:
            return "Accept keeps this relation; Reject removes it."
        links = [lid for lid in review.unit_of(amap, eid) if lid != eid]
        keeps = "it" if not links else "it and " + ", ".join(
            ("its support of " if lid in amap.inferences else "its attack on ") + (_target_of(amap, lid) or lid)
            for lid in links)
        return (f"Accept keeps {keeps}; Reject removes it and its relations (its text is then not mapped). "
                "Editing it leaves it a proposal until you accept it.")

    def _source_menu(self, point) -> None:
        """The source text's own menu (copy, select all) and the drafting actions."""
        view = self.window.source.view
        menu = view.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.window.actions["map.draft_selection"])
        menu.addAction(self.window.actions["map.draft"])
        menu.exec(view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _source_selection(self) -> None:
        source = self.window.source
        self.window.actions["map.draft_selection"].setEnabled(bool(source.text) and
                                                             source.view.textCursor().hasSelection())

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
        announce(self.window.view, text)

    def _keys(self) -> str:
        actions = self.window.actions
        parts = []
        for name in ("proposal.accept", "proposal.reject", "proposal.next"):
            key = actions[name].shortcut().toString()
            parts.append(actions[name].text().replace("&", "") + (f" ({key})" if key else ""))
        return ", ".join(parts) + "."


def _target_of(amap, lid: str) -> str | None:
    inf = amap.inferences.get(lid)
    if inf is not None:
        return inf.conclusion
    con = amap.conflicts.get(lid)
    if con is None:
        return None
    target = amap.inferences.get(con.target)
    return target.conclusion if target is not None else con.target


def _words(amap, eid: str) -> str:
    st = amap.statements.get(eid)
    if st is not None:
        return st.text
    sources = review.sources_of(amap, eid)
    verb = "supports" if eid in amap.inferences else "attacks"
    return f"{' and '.join(sources)} {verb} {_target_of(amap, eid)}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
