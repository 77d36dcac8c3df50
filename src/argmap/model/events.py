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
        (positions of statements), ``meta`` (title, source, extra keys) or
        ``reset`` (everything may differ).
    ids : tuple of str
        The elements concerned. For ``removed`` this includes every element
        removed by a cascade.
    fields : tuple of str
        For ``changed``: the names of the fields that changed.
    """

    op: str
    ids: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
