"""A map's elements numbered in document order, with every link as numbers.

Checks and layouts walk a map as lists of numbers, which is much faster
than looking ids up again and again. Resolving 100,000 ids is itself the
costly part, and loading a file has to resolve them anyway to check that
every link points somewhere; so the map keeps the result (see
:meth:`ArgumentMap.numbering`) until its next change.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from itertools import compress, starmap

from argmap.model.invariants import groups_ok

_premises_of = operator.attrgetter("premises")
_conclusion_of = operator.attrgetter("conclusion")
_attackers_of = operator.attrgetter("attackers")
_target_of = operator.attrgetter("target")


@dataclass(frozen=True, slots=True)
class Numbering:
    """Statements ``0..n-1``, inferences ``0..m-1`` and conflicts ``0..k-1``, in document order.

    A conflict's target is a statement number, or an inference number when
    ``con_on_inference`` says so. The lists are shared: read them, never
    change them.
    """

    sids: list[str]
    index: dict[str, int]
    inf_ids: list[str]
    premises: list[list[int]]
    conclusion: list[int]
    con_ids: list[str]
    attackers: list[list[int]]
    con_target: list[int]
    con_on_inference: list[bool]


def number(statements: dict, inferences: dict, conflicts: dict) -> Numbering:
    """Number the elements of three id -> element tables (in their order).

    Raises
    ------
    KeyError
        When a link names an id that is not there (or a conflict's attacker
        is not a statement).
    """
    sids = list(statements)
    index = dict(zip(sids, range(len(sids))))
    at = index.__getitem__
    inf_ids = list(inferences)
    premises = [list(map(at, ps)) for ps in map(_premises_of, inferences.values())]
    conclusion = list(map(at, map(_conclusion_of, inferences.values())))
    con_ids = list(conflicts)
    attackers = [list(map(at, xs)) for xs in map(_attackers_of, conflicts.values())]
    targets = list(map(_target_of, conflicts.values()))
    con_on_inference = list(map(operator.not_, map(index.__contains__, targets)))
    if any(con_on_inference):
        inf_at = dict(zip(inf_ids, range(len(inf_ids)))).__getitem__
        con_target = [inf_at(t) if undercut else at(t) for t, undercut in zip(targets, con_on_inference)]
    else:
        con_target = list(map(at, targets))
    return Numbering(sids, index, inf_ids, premises, conclusion, con_ids, attackers, con_target, con_on_inference)


def links_keep_the_rules(num: Numbering) -> bool:
    """True when every link of ``num`` has members, without repeats, and does not end in one of them.

    (That every id exists is already known: :func:`number` resolved them.)
    """
    if not (groups_ok(num.premises) and groups_ok(num.attackers)):
        return False
    if any(map(operator.contains, num.premises, num.conclusion)):
        return False
    on_statement = map(operator.not_, num.con_on_inference)
    return not any(starmap(operator.contains, compress(zip(num.attackers, num.con_target), on_statement)))
