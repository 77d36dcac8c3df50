"""The invariants of SPEC §1, checked before any element enters a map."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from itertools import chain, compress, filterfalse

from argmap.model.elements import KINDS, RELIABILITY, Comment, Conflict, Inference, MergeConflict, Source, Statement
from argmap.model.errors import ModelError


def check_statement(s: Statement, is_source: Callable[[str], bool] | None = None) -> None:
    """Raise :class:`ModelError` when ``s`` breaks a rule of SPEC §1/§2/§5.

    ``is_source`` tells whether an id names a source of the map; when given,
    every cited id must.
    """
    if s.kind not in KINDS:
        raise ModelError(s.id, f"unknown kind {s.kind!r}: must be one of {', '.join(KINDS)}")
    if not isinstance(s.text, str):
        raise ModelError(s.id, "text must be a string")
    if s.cites or s.credibility is not None or s.assumed is not False or s.comments:
        check_grades(s, is_source)


def check_grades(s: Statement, is_source: Callable[[str], bool] | None = None) -> None:
    """The SPEC §5 rules on ``cites``, ``credibility`` and ``assumed``, and the §6 rules on comments."""
    cites = s.cites
    if type(cites) is not tuple or not all(type(c) is str and c for c in cites):
        raise ModelError(s.id, "cites must be source ids (non-empty strings)")
    if cites and s.kind != "evidence":
        raise ModelError(s.id, f"only evidence may cite sources (this statement is a {s.kind})")
    if len(set(cites)) != len(cites):
        raise ModelError(s.id, "a source is cited twice")
    if is_source is not None:
        for c in cites:
            if not is_source(c):
                raise ModelError(s.id, f"cites {c!r}, which is not a source of this map")
    credibility = s.credibility
    if credibility is not None:
        if type(credibility) is not int or not 1 <= credibility <= 6:
            raise ModelError(s.id, f"credibility must be a whole number from 1 to 6 (found {credibility!r})")
        if s.kind != "evidence":
            raise ModelError(s.id, f"only evidence has a credibility grade (this statement is a {s.kind})")
    if type(s.assumed) is not bool:
        raise ModelError(s.id, "assumed must be true or false")
    if s.assumed and s.kind != "claim":
        raise ModelError(s.id, f"only a claim can be assumed (this statement is a {s.kind})")
    check_comments(s.id, s.comments)


def check_comments(element_id: str, comments: object) -> None:
    """Raise when ``comments`` is not a tuple of :class:`Comment` with non-empty text (SPEC §6)."""
    if comments == ():
        return
    if type(comments) is not tuple:
        raise ModelError(element_id, "comments must be a sequence of comments")
    for n, c in enumerate(comments, start=1):
        if not isinstance(c, Comment):
            raise ModelError(element_id, f"comment {n} is not a comment")
        if type(c.text) is not str or not c.text.strip():
            raise ModelError(element_id, f"comment {n} has no text: a comment needs text")
        if type(c.author) is not str or type(c.date) is not str:
            raise ModelError(element_id, f"comment {n}: author and date must be strings")
        if type(c.resolved) is not bool:
            raise ModelError(element_id, f"comment {n}: resolved must be true or false")


def check_source(src: Source, via_of: Callable[[str], str | None]) -> None:
    """Raise when ``src`` breaks a rule of SPEC §5 on its own fields.

    ``via_of(x)`` gives the ``via`` of source ``x`` in the map being built
    (``""`` for none), or ``None`` when ``x`` is not a source. Loops of
    ``via`` are checked over the whole batch, see
    :func:`argmap.model.sources.check_no_loops`.
    """
    if type(src.title) is not str or not src.title.strip():
        raise ModelError(src.id, "a source needs a title")
    if src.reliability not in RELIABILITY:
        raise ModelError(src.id, f"unknown reliability {src.reliability!r}: must be one of "
                                 f"{', '.join(RELIABILITY)} (Admiralty code)")
    for key in ("via", "url", "note"):
        if type(getattr(src, key)) is not str:
            raise ModelError(src.id, f"{key} must be a string")
    check_comments(src.id, src.comments)
    if src.via and via_of(src.via) is None:
        raise ModelError(src.id, f"via {src.via!r}, which is not a source of this map")


def merge_conflicts_of(items: Iterable[MergeConflict]) -> tuple[MergeConflict, ...]:
    """``items`` as a tuple, or :class:`ModelError` when one is not a merge conflict with an id and a field."""
    items = tuple(items)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, MergeConflict) or type(item.id) is not str or type(item.field) is not str \
                or not item.field:
            raise ModelError("merge_conflicts", f"entry {n} is not a merge conflict with an id and a field")
    return items


def check_link_comments(element: Inference | Conflict) -> None:
    if element.comments:
        check_comments(element.id, element.comments)


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
    check_link_comments(inf)


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
    check_link_comments(con)


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
