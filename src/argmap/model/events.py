"""Change events that :class:`~argmap.model.ArgumentMap` sends to its observers."""

from __future__ import annotations

from dataclasses import dataclass

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
MOVED = "moved"
META = "meta"
RESET = "reset"


@dataclass(frozen=True)
class Change:
    """One change to a map.

    Attributes
    ----------
    op : str
        ``added``, ``removed``, ``changed`` (fields of one element), ``moved``
        (positions of statements), ``meta`` (title, source, extra keys,
        merge conflicts) or ``reset`` (everything may differ).
    ids : tuple of str
        The elements concerned: statements, inferences, conflicts and
        sources alike (ids are unique across all four, so an observer that
        only draws statements and links can skip the ids it does not
        know). For ``removed`` this includes every element removed by a
        cascade and every element the cascade edited (a premise dropped, a
        cited source dropped, a ``via`` spliced); for ``added`` after
        :meth:`~argmap.model.ArgumentMap.restore`, the same ids again.
    fields : tuple of str
        For ``changed``: the names of the fields that changed.
    """

    op: str
    ids: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
