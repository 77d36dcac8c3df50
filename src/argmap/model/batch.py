"""Checking a batch of new elements against the invariants of SPEC §1 and §5, fast enough for whole files.

:func:`check_batch` is what :meth:`ArgumentMap.add_all` runs before it
changes anything. The common case, a batch that breaks no rule, is checked
in bulk with C-level passes (``map``, ``compress``, set operations): a map of
100,000 statements loads in a fraction of a second. Only when that finds a
problem does the precise check run, element by element, and its
:class:`ModelError` names the element and the rule.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from itertools import compress

from argmap.model.elements import KINDS, Conflict, Element, Inference, Source, Statement
from argmap.model.errors import ModelError
from argmap.model.invariants import (
    all_links_ok,
    check_comments,
    check_conflict,
    check_grades,
    check_inference,
    check_source,
    check_statement,
    groups_ok,
)
from argmap.model.numbering import Numbering, links_keep_the_rules, number
from argmap.model.sources import check_no_loops

Tables = tuple[dict, dict, dict, dict]  # statements, inferences, conflicts and sources, each by id, in order

_KIND_SET = frozenset(KINDS)
_TYPE_RANK = {Statement: 0, Inference: 1, Conflict: 2, Source: 3}
_id_of = operator.attrgetter("id")
_cites_of = operator.attrgetter("cites")
_credibility_of = operator.attrgetter("credibility")
_assumed_of = operator.attrgetter("assumed")
_comments_of = operator.attrgetter("comments")
_kind_of = operator.attrgetter("kind")
_text_of = operator.attrgetter("text")
_premises_of = operator.attrgetter("premises")
_conclusion_of = operator.attrgetter("conclusion")
_attackers_of = operator.attrgetter("attackers")
_target_of = operator.attrgetter("target")


def check_batch(elements: list[Element], mine: Tables,
                whole: bool = False) -> tuple[Tables, Numbering | None, bool]:
    """Refuse the batch at the first element that breaks a rule; else return its elements by id.

    Parameters
    ----------
    elements : list
        The new statements, inferences, conflicts and sources, in any order.
    mine : tuple of dict
        The map's own statements, inferences, conflicts and sources, by id.
    whole : bool
        The batch keeps its own order. When the map is empty too, the links
        are checked by numbering them, and the numbering is returned.

    Returns
    -------
    tables : tuple of dict
        The new statements, inferences, conflicts and sources, each by id, in order.
    numbering : Numbering or None
        The batch numbered, when ``whole`` and the map was empty.
    plain : bool
        No statement of the batch cites, is graded, is assumed or has comments.

    Raises
    ------
    ModelError
        Naming the first element that breaks a rule, and the rule.
    """
    groups = split(elements)
    try:
        tables = tuple(dict(zip(map(_id_of, group), group)) for group in groups)
    except TypeError:  # an unhashable id
        precise_ids(elements, mine)
        raise
    if not distinct_ids(tables, len(elements)) or any_known(tables, mine):
        precise_ids(elements, mine)
    statements, inferences, conflicts, sources = groups
    if sources:
        check_sources(sources, tables[3], mine[3])
    if not set(map(_kind_of, statements)) <= _KIND_SET or not set(map(type, map(_text_of, statements))) <= {str}:
        for s in statements:
            check_statement(s)
    plain = check_tradecraft(statements, inferences, conflicts, _either(tables[3], mine[3]))
    if whole and not any(mine):
        numbered = numbered_links(tables)
        if numbered is not None:
            return tables, numbered, plain
    check_links(tables, mine, inferences, conflicts)
    return tables, None, plain


def split(elements: list[Element]) -> tuple[list[Statement], list[Inference], list[Conflict], list[Source]]:
    """Statements, inferences, conflicts and sources of ``elements``, each in the given order."""
    groups: tuple[list, list, list, list] = ([], [], [], [])
    rank = _TYPE_RANK
    try:
        for element in elements:
            groups[rank[type(element)]].append(element)
    except KeyError:
        bad = next(e for e in elements if type(e) not in rank)
        raise ModelError("", f"not a map element: {bad!r}") from None
    return groups


def distinct_ids(tables: Tables, count: int) -> bool:
    """True when the ``count`` elements behind ``tables`` have distinct, non-empty string ids."""
    first, second, third, fourth = (table.keys() for table in tables)
    return (len(first) + len(second) + len(third) + len(fourth) == count and first.isdisjoint(second)
            and first.isdisjoint(third) and second.isdisjoint(third)
            and (not fourth or (first.isdisjoint(fourth) and second.isdisjoint(fourth) and third.isdisjoint(fourth)))
            and not ("" in first or "" in second or "" in third or "" in fourth)
            and {str}.issuperset(map(type, itertools.chain(first, second, third, fourth))))


def any_known(tables: Tables, mine: Tables) -> bool:
    """Does an id of ``tables`` name an element of ``mine`` already?"""
    return any(not old.keys().isdisjoint(new.keys()) for old in mine if old for new in tables)


def precise_ids(elements: list[Element], mine: Tables) -> None:
    """Raise for the first element whose id is not a non-empty string or is taken."""
    seen: set[str] = set()
    for element in elements:
        eid = element.id
        if type(eid) is not str or not eid:
            raise ModelError(repr(eid), "an id must be a non-empty string")
        if eid in seen or any(eid in table for table in mine):
            raise ModelError(eid, "duplicate id: ids must be unique across statements, inferences, conflicts "
                                  "and sources")
        seen.add(eid)


def numbered_links(tables: Tables) -> Numbering | None:
    """The numbering of a batch that is a whole map, or None when a link breaks a rule."""
    try:
        numbered = number(*tables[:3])
    except (KeyError, TypeError):  # a dangling or malformed id
        return None
    return numbered if links_keep_the_rules(numbered) else None


def check_links(tables: Tables, mine: Tables, inferences: list[Inference], conflicts: list[Conflict]) -> None:
    """Raise for the first inference or conflict that breaks a rule, the map's elements counting too."""
    is_statement = _either(tables[0], mine[0])
    is_inference = _either(tables[1], mine[1])
    if not all_links_ok(list(map(_premises_of, inferences)), list(map(_conclusion_of, inferences)),
                        is_statement):
        for inf in inferences:
            check_inference(inf, is_statement)
    if not all_links_ok(list(map(_attackers_of, conflicts)), list(map(_target_of, conflicts)),
                        is_statement, is_inference):
        for con in conflicts:
            check_conflict(con, is_statement, is_inference)


def _either(new: dict, old: dict) -> Callable[[str], bool]:
    """A membership test for the ids of ``new`` and ``old`` together (``old`` is often empty)."""
    if not old:
        return new.__contains__
    return lambda x: x in new or x in old


def check_sources(sources: list[Source], new: dict, old: dict) -> None:
    """Raise for the first new source that breaks a rule of SPEC §5 (a ``via`` loop included)."""

    def via_of(x: str) -> str | None:
        src = new.get(x) or old.get(x)
        return None if src is None else src.via

    for src in sources:
        check_source(src, via_of)
    check_no_loops(via_of, (s.id for s in sources))


def check_tradecraft(statements: list[Statement], inferences: list[Inference], conflicts: list[Conflict],
                     is_source: Callable[[str], bool]) -> bool:
    """Raise for the first element whose SPEC §5 fields or §6 comments break a rule; else say whether the
    statements are plain (no cites, grades, assumptions or comments).

    Checked in bulk with C-level passes (a version-1 batch costs a few
    milliseconds per 100,000 statements); only when that finds a problem are
    the statements checked one by one, to name it.
    """
    plain = statements_plain(statements)
    if not plain:
        if not grades_ok(statements, is_source):
            for s in statements:
                if s.cites or s.credibility is not None or s.assumed is not False or s.comments:
                    check_grades(s, is_source)
        for s in compress(statements, map(_comments_of, statements)):
            check_comments(s.id, s.comments)
    for links in (inferences, conflicts):
        if any(map(_comments_of, links)):
            for link in links:
                check_comments(link.id, link.comments)
    return plain


def statements_plain(statements: list[Statement]) -> bool:
    """No cites, grades, assumptions or comments: four C-level passes."""
    return not (any(map(_cites_of, statements)) or any(map(_comments_of, statements))
                or set(map(_credibility_of, statements)) - {None}
                or not {False}.issuperset(map(_assumed_of, statements)))


_CREDIBILITY_OK = frozenset((None, 1, 2, 3, 4, 5, 6))
_CREDIBILITY_TYPES = frozenset((int, type(None)))


def grades_ok(statements: list[Statement], is_source: Callable[[str], bool]) -> bool:
    """True when no statement breaks a rule on cites, credibility, assumed or comments (C-level passes).

    False means some statement may: check them one by one to say which.
    """
    cited = list(compress(statements, map(_cites_of, statements)))
    if cited:
        lists = list(map(_cites_of, cited))
        flat = list(itertools.chain.from_iterable(lists))
        if not ({"evidence"}.issuperset(map(_kind_of, cited)) and {tuple}.issuperset(map(type, lists))
                and {str}.issuperset(map(type, flat)) and all(map(is_source, flat)) and groups_ok(lists)):
            return False
    grades = list(map(_credibility_of, statements))
    found = set(grades)
    if found != {None}:
        if not (_CREDIBILITY_OK.issuperset(found) and _CREDIBILITY_TYPES.issuperset(map(type, found))
                and {"evidence"}.issuperset(map(_kind_of, compress(statements, grades)))):
            return False
    assumed = list(map(_assumed_of, statements))
    if set(map(type, assumed)) != {bool} and statements:
        return False
    return not any(assumed) or {"claim"}.issuperset(map(_kind_of, compress(statements, assumed)))
