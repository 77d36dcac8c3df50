"""Automatic layout of argument maps (pure Python, no Qt).

Sizes come in as numbers (the render layer measures text); positions go out
as box centres in scene pixels, y growing downwards, conclusions above their
premises. Two engines: Graphviz ``dot`` (via pygraphviz) and a fast tidy-tree
engine for big maps.
"""

from argmap.layout.auto import DOT_LIMIT, ENGINES, auto_layout
from argmap.layout.graph import DEFAULT_SIZE, H_GAP, RANK_GAP, build_graph, descendants
from argmap.layout.metrics import crossings, overlaps
from argmap.layout.place import place_new


def branch_ids(amap, ids) -> list[str]:
    """``ids`` and every statement under them (premises and attackers, recursively), in document order.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    ids : iterable of str
        The selection.

    Returns
    -------
    list of str
        What ``auto_layout(..., only=ids)`` moves.
    """
    return descendants(build_graph(amap, {}), [i for i in ids if i in amap.statements])


__all__ = ["DEFAULT_SIZE", "DOT_LIMIT", "ENGINES", "H_GAP", "RANK_GAP", "auto_layout", "branch_ids", "crossings",
           "overlaps", "place_new"]
