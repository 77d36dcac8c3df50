"""What removing elements takes with it (the cascade), and the record that puts it all back.

:meth:`ArgumentMap.remove` and :meth:`ArgumentMap.merge_sources` plan the
change here first, against the map's tables, then make it; the
:class:`Removal` they return is what :meth:`ArgumentMap.restore` needs to
undo it exactly, element order included.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.model.elements import Conflict, Inference, Source, Statement
from argmap.model.sources import removal_edits


@dataclass
class Removal:
    """What :meth:`ArgumentMap.remove` took out, enough to put it back.

    ``statements``, ``inferences``, ``conflicts`` and ``sources`` hold
    ``(index, element)`` pairs per list, index being the element's place in
    its list before the removal; ``edited`` holds, as they were before, the
    elements that stayed but changed: inferences and conflicts that only
    lost a premise or an attacker, statements that lost a cited source,
    sources whose ``via`` was spliced past a removed source (and, for a
    merge, the source merged into).
    """

    statements: list[tuple[int, Statement]] = field(default_factory=list)
    inferences: list[tuple[int, Inference]] = field(default_factory=list)
    conflicts: list[tuple[int, Conflict]] = field(default_factory=list)
    edited: list[Statement | Inference | Conflict | Source] = field(default_factory=list)
    sources: list[tuple[int, Source]] = field(default_factory=list)

    def ids(self) -> tuple[str, ...]:
        """Ids of the removed elements (statements, inferences, conflicts, then sources)."""
        return tuple(e.id for _, e in itertools.chain(self.statements, self.inferences, self.conflicts,
                                                       self.sources))


@dataclass
class Plan:
    """The ids a removal takes out, per list, and the new versions of the elements it edits."""

    statements: set[str]
    inferences: set[str]
    conflicts: set[str]
    sources: set[str]
    edits: dict[str, Statement | Inference | Conflict | Source]


def plan_removal(ids: set[str], statements: Mapping[str, Statement], inferences: Mapping[str, Inference],
                 conflicts: Mapping[str, Conflict], sources: Mapping[str, Source]) -> Plan:
    """Everything that removing ``ids`` (all known) takes out or edits.

    Removing a statement also removes the inferences into it, the
    conflicts on it, and the inferences and conflicts whose last premise
    or attacker it was; an inference or conflict that keeps other premises
    or attackers only loses it. Removing an inference removes the
    conflicts on it. Removing a source takes it out of every ``cites`` and
    splices it out of every ``via`` chain.
    """
    gone_s = {s for s in ids if s in statements}
    gone_i = {i for i in ids if i in inferences}
    gone_c = {c for c in ids if c in conflicts}
    gone_x = {x for x in ids if x in sources}
    edits: dict[str, Statement | Inference | Conflict | Source] = {}
    for inf in inferences.values():
        if inf.id in gone_i:
            continue
        if inf.conclusion in gone_s:
            gone_i.add(inf.id)
        elif gone_s.intersection(inf.premises):
            kept = tuple(p for p in inf.premises if p not in gone_s)
            if kept:
                edits[inf.id] = inf.copy(premises=kept)
            else:
                gone_i.add(inf.id)
    for con in conflicts.values():
        if con.id in gone_c:
            continue
        if con.target in gone_s or con.target in gone_i:
            gone_c.add(con.id)
        elif gone_s.intersection(con.attackers):
            kept = tuple(a for a in con.attackers if a not in gone_s)
            if kept:
                edits[con.id] = con.copy(attackers=kept)
            else:
                gone_c.add(con.id)
    if gone_x:
        staying = {k: v for k, v in statements.items() if k not in gone_s}
        for element in removal_edits(staying, sources, gone_x):
            edits[element.id] = element
    return Plan(gone_s, gone_i, gone_c, gone_x, edits)
