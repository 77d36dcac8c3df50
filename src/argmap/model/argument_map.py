"""The argument map: statements, inferences, conflicts and sources, kept consistent.

Every mutation checks the invariants of SPEC §1 and §5 first (so a refused change
leaves the map as it was), applies the change, then sends exactly one
:class:`~argmap.model.events.Change` to each observer. Mutations that remove
or replace elements return what is needed to undo them exactly, including
the original order of the elements.
"""

from __future__ import annotations

import copy
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Mapping

from argmap.model.batch import check_batch, statements_plain
from argmap.model.elements import (
    FIELDS,
    Conflict,
    Element,
    Inference,
    MergeConflict,
    Position,
    Source,
    SourceInfo,
    Statement,
)
from argmap.model.errors import ModelError
from argmap.model.events import ADDED, CHANGED, META, MOVED, REMOVED, RESET, Change
from argmap.model.invariants import (
    check_conflict,
    check_inference,
    check_source,
    check_statement,
    merge_conflicts_of,
)
from argmap.model.numbering import Numbering, number
from argmap.model.removal import Removal, plan_removal
from argmap.model.sources import check_no_loops, cited_by, merge_edits, via_chain
from argmap.model.tables import ReadOnly, insert_at, put_back, take

Observer = Callable[[Change], None]


class ArgumentMap:
    """A whole argument map with its metadata.

    Parameters
    ----------
    title : str
        The map's title.
    source : SourceInfo, optional
        The text the map analyses.
    extra : dict, optional
        Unknown top-level keys of the file, kept so that saving loses nothing.
    merge_conflicts : sequence of MergeConflict, optional
        What a three-way merge left unsettled (SPEC §6).
    """

    def __init__(self, title: str = "", source: SourceInfo | None = None, extra: dict | None = None,
                 merge_conflicts: Iterable[MergeConflict] = ()):
        self.title = title
        self.source = source or SourceInfo()
        self.extra = dict(extra or {})
        self.merge_conflicts: tuple[MergeConflict, ...] = merge_conflicts_of(merge_conflicts)
        self._statements: dict[str, Statement] = {}
        self._inferences: dict[str, Inference] = {}
        self._conflicts: dict[str, Conflict] = {}
        self._sources: dict[str, Source] = {}
        self._observers: list[Observer] = []
        self._numbering: Numbering | None = None  # cached until the next change
        self._graded: bool | None = None  # likewise: does a statement cite, grade, assume or comment?

    # ------------------------------------------------------------------ reading
    @property
    def statements(self) -> Mapping[str, Statement]:
        """Statements by id, in document order (read-only view)."""
        return ReadOnly(self._statements)

    @property
    def inferences(self) -> Mapping[str, Inference]:
        return ReadOnly(self._inferences)

    @property
    def conflicts(self) -> Mapping[str, Conflict]:
        return ReadOnly(self._conflicts)

    @property
    def sources(self) -> Mapping[str, Source]:
        """Sources by id, in document order (read-only view)."""
        return ReadOnly(self._sources)

    def __contains__(self, element_id: object) -> bool:
        return (element_id in self._statements or element_id in self._inferences or element_id in self._conflicts
                or element_id in self._sources)

    def get(self, element_id: str) -> Element | None:
        """The statement, inference, conflict or source with this id, or None."""
        return (self._statements.get(element_id) or self._inferences.get(element_id)
                or self._conflicts.get(element_id) or self._sources.get(element_id))

    def __len__(self) -> int:
        return len(self._statements)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return self.content() == other.content()

    __hash__ = None  # mutable

    def content(self) -> tuple:
        """Everything that defines the map, in order: for comparisons."""
        return (self.title, self.source, self.extra, list(self._statements.values()),
                list(self._inferences.values()), list(self._conflicts.values()), list(self._sources.values()),
                self.merge_conflicts)

    def copy(self) -> ArgumentMap:
        """A deep copy without observers."""
        other = ArgumentMap(self.title, self.source.copy(), copy.deepcopy(self.extra),
                            copy.deepcopy(self.merge_conflicts))
        other._statements = {k: v.copy() for k, v in self._statements.items()}
        other._inferences = {k: v.copy() for k, v in self._inferences.items()}
        other._conflicts = {k: v.copy() for k, v in self._conflicts.items()}
        other._sources = {k: v.copy() for k, v in self._sources.items()}
        return other

    def is_version_1(self) -> bool:
        """True when the map uses nothing of SPEC §5/§6 (no sources, grades, assumptions, comments or
        merge conflicts): it is then written as a version-1 file."""
        if self._sources or self.merge_conflicts:
            return False
        if self.uses_grades():
            return False
        return not any(map(_comments_of, itertools.chain(self._inferences.values(), self._conflicts.values())))

    def inferences_into(self, statement_id: str) -> list[Inference]:
        return [i for i in self._inferences.values() if i.conclusion == statement_id]

    def conflicts_on(self, target_id: str) -> list[Conflict]:
        return [c for c in self._conflicts.values() if c.target == target_id]

    def uses_grades(self) -> bool:
        """True when some statement cites a source, has a credibility grade, is assumed or has comments.

        Known from loading, else found in a few C-level passes; kept until the next change.
        """
        if self._graded is None:
            self._graded = not statements_plain(list(self._statements.values()))
        return self._graded

    def cited_by(self, source_id: str) -> list[str]:
        """Ids of the statements (evidence) citing ``source_id``, in document order."""
        return cited_by(self._statements, source_id)

    def via_chain(self, source_id: str) -> tuple[str, ...]:
        """``source_id`` and the sources its information passes through, up to its root (SPEC §5)."""
        return via_chain(self._sources, source_id)

    def uses_of(self, statement_id: str) -> list[Inference | Conflict]:
        """Inferences and conflicts that name ``statement_id`` in any role."""
        out: list[Inference | Conflict] = []
        for inf in self._inferences.values():
            if statement_id in inf.premises or inf.conclusion == statement_id:
                out.append(inf)
        for con in self._conflicts.values():
            if statement_id in con.attackers or con.target == statement_id:
                out.append(con)
        return out

    def new_id(self, prefix: str = "s") -> str:
        """An id not used yet: ``prefix`` followed by the smallest free number above the others."""
        pattern = re.compile(re.escape(prefix) + r"(\d+)$")
        top = 0
        for key in itertools.chain(self._statements, self._inferences, self._conflicts, self._sources):
            m = pattern.match(key)
            if m:
                top = max(top, int(m.group(1)))
        return f"{prefix}{top + 1}"

    # ------------------------------------------------------------ observers
    def subscribe(self, observer: Observer) -> None:
        """Call ``observer(change)`` after every change."""
        self._observers.append(observer)

    def unsubscribe(self, observer: Observer) -> None:
        if observer in self._observers:
            self._observers.remove(observer)

    def _emit(self, change: Change) -> None:
        self._numbering = None
        self._graded = None
        for observer in list(self._observers):
            observer(change)

    def numbering(self) -> Numbering:
        """The elements numbered in document order, links as numbers (kept until the next change)."""
        if self._numbering is None:
            self._numbering = number(self._statements, self._inferences, self._conflicts)
        return self._numbering

    # ------------------------------------------------------------ adding
    def add(self, element: Element, index: int | None = None) -> None:
        """Add one statement, inference, conflict or source (at ``index`` in its list)."""
        self.add_all([element], {element.id: index} if index is not None else None)

    def add_all(self, elements: Iterable[Element], indexes: Mapping[str, int] | None = None) -> None:
        """Add several elements as one change; they may refer to each other.

        Sources are added before statements (which may cite them), statements
        before inferences, inferences before conflicts, so the order within
        ``elements`` does not matter.
        """
        elements = list(elements)
        mine = self._statements, self._inferences, self._conflicts, self._sources
        new_tables, numbered, plain = check_batch(elements, mine, whole=not indexes)
        if indexes:
            for element in sorted(elements, key=_rank):
                insert_at(self._table(element), element, indexes.get(element.id))
        else:
            for table, new in zip(mine, new_tables):
                table.update(new)
        if self._observers:  # the ids of a whole loaded file are only gathered when someone listens
            self._emit(Change(ADDED, tuple(map(_id_of, elements))))
        self._numbering = numbered  # None unless this batch is the whole map, numbered while checked
        self._graded = None if numbered is None else not plain

    # ------------------------------------------------------------ changing
    def update(self, element_id: str, **fields) -> dict:
        """Change fields of one element; returns the old values (for undo).

        Raises
        ------
        ModelError
            When the element does not exist, a field is unknown, or the new
            values break an invariant. The map is then unchanged.
        """
        element = self.get(element_id)
        if element is None:
            raise ModelError(element_id, "no such element")
        allowed = FIELDS[type(element)]
        unknown = set(fields) - set(allowed)
        if unknown:
            raise ModelError(element_id, f"unknown field(s): {', '.join(sorted(unknown))}")
        fields = {k: _normalise(k, v) for k, v in fields.items()}
        candidate = element.copy(**fields)
        if isinstance(candidate, Statement):
            check_statement(candidate, self._sources.__contains__)
        elif isinstance(candidate, Inference):
            check_inference(candidate, self._statements.__contains__)
        elif isinstance(candidate, Conflict):
            check_conflict(candidate, self._statements.__contains__, self._inferences.__contains__)
        else:
            self._check_source_update(candidate)
        old = {k: getattr(element, k) for k in fields}
        changed = tuple(k for k in fields if old[k] != fields[k])
        if not changed:
            return old
        self._table(element)[element_id] = candidate
        self._emit(Change(CHANGED, (element_id,), changed))
        return old

    def move(self, positions: Mapping[str, Position | None]) -> dict[str, Position | None]:
        """Set the positions of several statements as one change; returns the old ones."""
        for sid in positions:
            if sid not in self._statements:
                raise ModelError(sid, "no such statement")
        old = {sid: self._statements[sid].position for sid in positions}
        for sid, pos in positions.items():
            self._statements[sid] = self._statements[sid].copy(position=pos)
        self._emit(Change(MOVED, tuple(positions)))
        return old

    def _check_source_update(self, candidate: Source) -> None:
        def via_of(x: str) -> str | None:
            src = candidate if x == candidate.id else self._sources.get(x)
            return None if src is None else src.via

        check_source(candidate, via_of)
        check_no_loops(via_of, (candidate.id,))

    def set_meta(self, *, title: str | None = None, source: SourceInfo | None = None,
                 extra: dict | None = None, merge_conflicts: Iterable[MergeConflict] | None = None) -> dict:
        """Change the title, source, extra keys or merge conflicts; returns the old values (for undo)."""
        if merge_conflicts is not None:
            merge_conflicts = merge_conflicts_of(merge_conflicts)
        old = {}
        if title is not None:
            old["title"], self.title = self.title, title
        if source is not None:
            old["source"], self.source = self.source, source
        if extra is not None:
            old["extra"], self.extra = self.extra, dict(extra)
        if merge_conflicts is not None:
            old["merge_conflicts"], self.merge_conflicts = self.merge_conflicts, merge_conflicts
        self._emit(Change(META, (), tuple(old)))
        return old

    # ------------------------------------------------------------ removing
    def remove(self, ids: Iterable[str]) -> Removal:
        """Remove elements with everything that depends on them, as one change.

        Removing a statement also removes the inferences into it, the
        conflicts on it, and the inferences and conflicts whose last premise
        or attacker it was; an inference or conflict that keeps other
        premises or attackers only loses it. Removing an inference removes
        the conflicts on it (undercuts). Removing a source takes it out of
        the ``cites`` of the evidence citing it, and a source reached
        ``via`` it is then reached via the next source of the chain (or
        directly). Returns a :class:`Removal` for :meth:`restore`.
        """
        ids = set(ids)
        for eid in ids:
            if eid not in self:
                raise ModelError(eid, "no such element")
        plan = plan_removal(ids, self._statements, self._inferences, self._conflicts, self._sources)
        return self._apply_removal(plan.statements, plan.inferences, plan.conflicts, plan.sources,
                                   list(plan.edits.values()))

    def merge_sources(self, old: str, into: str) -> Removal:
        """Merge source ``old`` into source ``into`` as one change (a duplicate found, say).

        Evidence citing ``old`` cites ``into`` instead (in the same place,
        once); sources reached via ``old`` are reached via ``into``; ``into``
        keeps its fields and gains ``old``'s comments; ``old`` is removed.
        When ``into`` was itself reached through ``old``, it is now reached
        via ``old``'s ``via`` (no loop can form). Returns a :class:`Removal`
        that :meth:`restore` undoes exactly.
        """
        edits = merge_edits(self._statements, self._sources, old, into)
        return self._apply_removal(set(), set(), set(), {old}, edits)

    def _apply_removal(self, gone_s: set[str], gone_i: set[str], gone_c: set[str], gone_x: set[str],
                       edits: list[Element]) -> Removal:
        removal = Removal(
            statements=take(self._statements, gone_s),
            inferences=take(self._inferences, gone_i),
            conflicts=take(self._conflicts, gone_c),
            sources=take(self._sources, gone_x),
        )
        for new in edits:
            table = self._table(new)
            removal.edited.append(table[new.id])
            table[new.id] = new
        self._emit(Change(REMOVED, removal.ids() + tuple(e.id for e in edits)))
        return removal

    def restore(self, removal: Removal) -> None:
        """Undo :meth:`remove` or :meth:`merge_sources` exactly, order of elements included."""
        for table, items in ((self._sources, removal.sources), (self._statements, removal.statements),
                             (self._inferences, removal.inferences), (self._conflicts, removal.conflicts)):
            put_back(table, items)
        for old in removal.edited:
            self._table(old)[old.id] = old
        self._emit(Change(ADDED, removal.ids() + tuple(e.id for e in removal.edited)))

    # ------------------------------------------------------------ whole map
    def replace_with(self, other: ArgumentMap) -> None:
        """Take over the content of ``other`` (keeping our observers)."""
        self.title, self.source, self.extra = other.title, other.source, other.extra
        self.merge_conflicts = other.merge_conflicts
        self._statements = dict(other._statements)
        self._inferences = dict(other._inferences)
        self._conflicts = dict(other._conflicts)
        self._sources = dict(other._sources)
        self._emit(Change(RESET))

    def _table(self, element: Element) -> dict:
        if isinstance(element, Statement):
            return self._statements
        if isinstance(element, Inference):
            return self._inferences
        if isinstance(element, Conflict):
            return self._conflicts
        return self._sources


# ---------------------------------------------------------------- helpers
_id_of = operator.attrgetter("id")
_comments_of = operator.attrgetter("comments")
_RANK = {Source: 0, Statement: 1, Inference: 2, Conflict: 3}


def _rank(element: Element) -> int:
    return _RANK.get(type(element), 4)


def _normalise(name: str, value):
    if name in ("premises", "attackers", "tags", "anchors", "cites", "comments") and isinstance(value, list):
        return tuple(value)
    return value

