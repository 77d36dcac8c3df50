"""The invariants of SPEC §1, checked before any element enters a map."""

from __future__ import annotations

import operator
from collections.abc import Callable
from itertools import chain, compress, filterfalse

from argmap.model.elements import KINDS, Conflict, Inference, Statement
from argmap.model.errors import ModelError


def check_statement(s: Statement) -> None:
    """Raise :class:`ModelError` when ``s`` breaks a rule of SPEC §1/§2."""
    if s.kind not in KINDS:
        raise ModelError(s.id, f"unknown kind {s.kind!r}: must be one of {', '.join(KINDS)}")
    if not isinstance(s.text, str):
        raise ModelError(s.id, "text must be a string")


def check_inference(inf: Inference, is_statement: Callable[[str], bool]) -> None:
    if not inf.premises:
        raise ModelError(inf.id, "an inference needs at least one premise")
    if len(set(inf.premises)) != len(inf.premises):
        raise ModelError(inf.id, "a premise is listed twice")
    for p in inf.premises:
        if not is_statement(p):
            raise ModelError(inf.id, f"premise {p!r} is not a statement of this map")
    if not is_statement(inf.conclusion):
        raise ModelError(inf.id, f"conclusion {inf.conclusion!r} is not a statement of this map")
    if inf.conclusion in inf.premises:
        raise ModelError(inf.id, f"conclusion {inf.conclusion!r} is also one of its own premises")


def check_conflict(con: Conflict, is_statement: Callable[[str], bool], is_inference: Callable[[str], bool]) -> None:
    if not con.attackers:
        raise ModelError(con.id, "a conflict needs at least one attacker")
    if len(set(con.attackers)) != len(con.attackers):
        raise ModelError(con.id, "an attacker is listed twice")
    for a in con.attackers:
        if not is_statement(a):
            raise ModelError(con.id, f"attacker {a!r} is not a statement of this map")
    if not (is_statement(con.target) or is_inference(con.target)):
        raise ModelError(con.id, f"target {con.target!r} is neither a statement nor an inference of this map")
    if con.target in con.attackers:
        raise ModelError(con.id, f"attacker {con.target!r} is its own target")


def groups_ok(groups: list) -> bool:
    """True when every group (premises or attackers of one link) is non-empty and without repeats.

    C-level passes: only groups of two or more are turned into sets.
    """
    if 0 in map(len, groups):
        return False
    several = list(compress(groups, map((1).__lt__, map(len, groups))))
    return sum(map(len, map(set, several))) == sum(map(len, several))


def all_links_ok(groups: list[tuple], ends: list[str], is_member: Callable[[str], bool],
                 is_other_end: Callable[[str], bool] | None = None) -> bool:
    """Check many links at once with C-level passes (for loading big maps).

    ``groups[k]`` are the members (premises or attackers) of link ``k`` and
    ``ends[k]`` its end (conclusion or target). Each group must be non-empty
    and without repeats, its members known (``is_member``), and its end known
    (``is_member``, or ``is_other_end`` when given) and not one of its members.
    False means some link breaks a rule: check them one by one to say which.
    """
    if not groups:
        return True
    if not groups_ok(groups) or not all(map(is_member, chain.from_iterable(groups))):
        return False
    if any(map(operator.contains, groups, ends)):
        return False
    outside = list(filterfalse(is_member, ends))
    return not outside or (is_other_end is not None and all(map(is_other_end, outside)))
