"""Sources and their ``via`` chains (SPEC §5): walking them, and what removing or merging one edits.

Pure functions over the map's tables (dicts by id, in document order). The
map calls them to plan a change before it makes it, so that a change it
refuses leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from argmap.model.elements import Source, Statement
from argmap.model.errors import ModelError


def via_chain(sources: Mapping[str, Source], source_id: str) -> tuple[str, ...]:
    """``source_id`` and every source its information passes through, up to its root."""
    chain = [source_id]
    x = sources[source_id].via
    while x:
        chain.append(x)
        x = sources[x].via
    return tuple(chain)


def reach(sources: Mapping[str, Source], source_id: str) -> tuple[str, ...]:
    """The reach of a source (SPEC §5): itself and every source whose ``via`` chain passes through it.

    In document order.
    """
    return tuple(x for x in sources if source_id in via_chain(sources, x))


def cited_by(statements: Mapping[str, Statement], source_id: str) -> list[str]:
    """Ids of the statements that cite ``source_id``, in document order."""
    return [s.id for s in statements.values() if source_id in s.cites]


def check_no_loops(via_of: Callable[[str], str | None], ids: Iterable[str]) -> None:
    """Raise :class:`ModelError` for the first ``via`` chain from ``ids`` that loops (linear time)."""
    done: set[str] = set()
    for start in ids:
        path: dict[str, None] = {}
        x = start
        while x and x not in done:
            if x in path:
                loop = [*list(path)[list(path).index(x):], x]
                raise ModelError(loop[0], "the chain of via loops: " + " -> ".join(loop))
            path[x] = None
            x = via_of(x) or ""
        done.update(path)


def spliced_via(sources: Mapping[str, Source], via: str, gone: set[str]) -> str:
    """The first source of the chain from ``via`` on that is not ``gone`` (``""`` when none is left)."""
    while via and via in gone:
        via = sources[via].via
    return via


def removal_edits(statements: Mapping[str, Statement], sources: Mapping[str, Source],
                  gone: set[str]) -> list[Statement | Source]:
    """The statements and sources that change when the sources ``gone`` are removed, as they will be.

    Cited ids of removed sources are dropped from ``cites``; a source reached
    ``via`` a removed one is then reached via the next source of the chain
    that stays (or directly, when none does).
    """
    if not gone:
        return []
    edits: list[Statement | Source] = []
    for s in statements.values():
        if s.cites and not gone.isdisjoint(s.cites):
            edits.append(s.copy(cites=tuple(c for c in s.cites if c not in gone)))
    for src in sources.values():
        if src.id not in gone and src.via in gone:
            edits.append(src.copy(via=spliced_via(sources, src.via, gone)))
    return edits


def merge_edits(statements: Mapping[str, Statement], sources: Mapping[str, Source],
                old: str, into: str) -> list[Statement | Source]:
    """The statements and sources that change when source ``old`` is merged into source ``into``.

    Evidence citing ``old`` cites ``into`` instead, in the same place (once);
    sources reached via ``old`` are reached via ``into``; ``into`` keeps its
    own fields, gains the comments of ``old`` it lacks, and when its own
    chain passed through ``old`` it is now reached via ``old``'s ``via``
    (which cannot loop back).
    """
    if old == into:
        raise ModelError(old, "a source cannot be merged into itself")
    for x in (old, into):
        if x not in sources:
            raise ModelError(x, "no such source")
    edits: list[Statement | Source] = []
    for s in statements.values():
        if old in s.cites:
            cites = tuple(dict.fromkeys(into if c == old else c for c in s.cites))
            edits.append(s.copy(cites=cites))
    target = sources[into]
    chain = via_chain(sources, into)
    new_via = sources[old].via if old in chain else target.via
    comments = target.comments + tuple(c for c in sources[old].comments if c not in target.comments)
    if new_via != target.via or comments != target.comments:
        edits.append(target.copy(via=new_via, comments=comments))
    for src in sources.values():
        if src.id not in (old, into) and src.via == old:
            edits.append(src.copy(via=into))
    return edits
