"""What is drawn for each inference and conflict: its lines (:class:`Piece`) and its junction.

An inference with one premise is one arrow; one with several premises, or
one that is undercut, has a leg per premise into its junction and an arrow
from the junction to the conclusion. A conflict is an arrow from its
attacker (through a junction when several attackers are linked) to its
target: a statement, or the junction of the inference it undercuts.
:func:`structure` gives every element's shape at once, :func:`shape_of` one
element's, with the same result.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap

MINUS = "\u2212"
"""The attack marker (the same character as the render theme's)."""
@dataclass(frozen=True)
class Piece:
    """One drawn line of an inference or conflict.

    ``src`` and ``dst`` name a statement (``*_box`` true) or the element whose
    junction the line starts or ends at. ``target`` is what the arrow points
    at (a statement, or the inference an undercut attacks); legs have none.
    """

    element: str
    kind: str
    src: str
    src_box: bool
    dst: str
    dst_box: bool
    marker: str
    arrow: bool
    to_inference: bool = False
    target: str | None = None


@dataclass(frozen=True)
class JunctionSpec:
    """Where a junction goes: between its sources' tops and its aim (a box's bottom, or another junction)."""

    sources: tuple[str, ...]
    aim: str
    aim_box: bool


Shape = tuple[tuple[Piece, ...], JunctionSpec | None]


def structure(amap: ArgumentMap, present) -> dict[str, Shape]:
    """The pieces (and junction) of every inference and conflict whose statements are all ``present``."""
    infs = [i for i in amap.inferences.values()
            if i.conclusion in present and all(p in present for p in i.premises)]
    inf_ids = {i.id for i in infs}
    cons = [c for c in amap.conflicts.values()
            if all(a in present for a in c.attackers) and (c.target in present or c.target in inf_ids)]
    undercut = {c.target for c in cons if c.target in inf_ids}
    out: dict[str, Shape] = {inf.id: _inference_shape(inf, inf.id in undercut) for inf in infs}
    out.update({con.id: _conflict_shape(con, con.target in inf_ids) for con in cons})
    return out


def shape_of(amap: ArgumentMap, present, element: str) -> Shape | None:
    """What :func:`structure` gives for one element (None when it is not drawn)."""
    inf = amap.inferences.get(element)
    if inf is not None:
        if not _drawn(inf, present):
            return None
        undercut = any(all(a in present for a in c.attackers) for c in amap.conflicts_on(element))
        return _inference_shape(inf, undercut)
    con = amap.conflicts.get(element)
    if con is None or not all(a in present for a in con.attackers):
        return None
    target = amap.inferences.get(con.target)
    if target is not None:
        return _conflict_shape(con, True) if _drawn(target, present) else None
    return _conflict_shape(con, False) if con.target in present else None


def _drawn(inf, present) -> bool:
    return inf.conclusion in present and all(p in present for p in inf.premises)


def _inference_shape(inf, undercut: bool) -> Shape:
    if len(inf.premises) > 1 or undercut:
        spec = JunctionSpec(tuple(inf.premises), inf.conclusion, True)
        legs = tuple(Piece(inf.id, "support", p, True, inf.id, False, "", False) for p in inf.premises)
        return (legs + (Piece(inf.id, "support", inf.id, False, inf.conclusion, True, "+", True,
                              target=inf.conclusion),), spec)
    return ((Piece(inf.id, "support", inf.premises[0], True, inf.conclusion, True, "+", True,
                   target=inf.conclusion),), None)


def _conflict_shape(con, on_inf: bool) -> Shape:
    dst_box = not on_inf
    if len(con.attackers) > 1:
        spec = JunctionSpec(tuple(con.attackers), con.target, dst_box)
        legs = tuple(Piece(con.id, "attack", a, True, con.id, False, "", False, on_inf) for a in con.attackers)
        final = Piece(con.id, "attack", con.id, False, con.target, dst_box, MINUS, True, on_inf, con.target)
        return (legs + (final,), spec)
    return ((Piece(con.id, "attack", con.attackers[0], True, con.target, dst_box, MINUS, True, on_inf,
                   con.target),), None)
