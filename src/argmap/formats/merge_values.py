"""Three-way merge of single values, and of lists merged by value (comments, SPEC §6)."""

from __future__ import annotations

import json
from collections import Counter

CONFLICT = object()
"""Returned by :func:`merge_value` when both sides changed a value differently."""


def merge_value(base, ours, theirs):
    """The merged value: one-sided changes taken, identical changes taken once.

    Values may be :data:`~argmap.formats.mapdoc.ABSENT`. Returns
    :data:`CONFLICT` when both sides changed the value, differently.
    """
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    return CONFLICT


def merge_by_value(base, ours, theirs) -> list:
    """Merge lists whose items are values (comments): never a conflict.

    The result holds BASE's items less those either side removed, then those
    OURS added, then those THEIRS added that OURS did not add too (the same
    change on both sides is taken once). Items compare by value; repeats
    count (two equal comments are two comments). ABSENT counts as empty.
    """
    base, ours, theirs = (_as_list(v) for v in (base, ours, theirs))
    b, o, t = (Counter(map(_key, v)) for v in (base, ours, theirs))
    kept = _take(base, b & o & t)
    added_ours = _take(ours, o - b)
    added_theirs = _take(theirs, (t - b) - (o - b))
    return kept + added_ours + added_theirs


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def _key(item) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _take(items: list, wanted: Counter) -> list:
    """The items of ``items`` that ``wanted`` counts, in their order, each as many times as counted."""
    wanted = Counter(wanted)
    out = []
    for item in items:
        key = _key(item)
        if wanted[key] > 0:
            wanted[key] -= 1
            out.append(item)
    return out
