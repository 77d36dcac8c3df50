"""Synthetic, argument-like maps for benchmarks and tests.

The shape follows real maps: many small trees under recommendations and
claims, a share of linked premises, objections with rebuttals, undercuts,
and a few support cycles. The same ``seed`` always gives the same map.
"""

from __future__ import annotations

import random

from argmap.model.argument_map import ArgumentMap
from argmap.model.elements import Anchor, Conflict, Inference, Statement

_WORDS = ("policy troops militia election region oil talks border leverage report analysts ministry "
          "province offensive ceasefire council envoy faction port budget").split()


def argument_like(n: int, seed: int = 0, *, cycles: int | None = None) -> ArgumentMap:
    """A map of about ``n`` statements shaped like a real argument map.

    Parameters
    ----------
    n : int
        Number of statements (exact).
    seed : int
        Random seed; the same seed gives the same map.
    cycles : int, optional
        Number of support cycles to add (default: about one per 2,000 statements, at least one).
    """
    rng = random.Random(seed)
    amap = ArgumentMap(title=f"Synthetic map of {n} statements")
    statements: list[Statement] = []
    inferences: list[Inference] = []
    conflicts: list[Conflict] = []
    counter = {"i": 0, "c": 0}

    def text() -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 14))).capitalize() + "."

    def add_statement(kind: str) -> str:
        sid = f"s{len(statements) + 1}"
        extra = {}
        if kind == "evidence":
            extra = {"source": "Synthetic report", "basis": "report"}
            if rng.random() < 0.3:
                extra["anchors"] = (Anchor(0, 5, "xxxxx"),)
        statements.append(Statement(sid, kind, text(), **extra))
        return sid

    def infer(premises: list[str], conclusion: str) -> str:
        counter["i"] += 1
        iid = f"i{counter['i']}"
        inferences.append(Inference(iid, tuple(premises), conclusion))
        return iid

    def attack(attackers: list[str], target: str) -> None:
        counter["c"] += 1
        conflicts.append(Conflict(f"c{counter['c']}", tuple(attackers), target))

    frontier: list[str] = []
    while len(statements) < n:
        if not frontier:
            frontier.append(add_statement("recommendation" if rng.random() < 0.5 else "claim"))
            continue
        parent = frontier.pop(rng.randrange(len(frontier)) if rng.random() < 0.2 else -1)
        room = n - len(statements)
        roll = rng.random()
        if roll < 0.12 and room >= 2:  # objection, sometimes rebutted
            obj = add_statement("claim")
            attack([obj], parent)
            frontier.append(obj)
            if rng.random() < 0.5 and inferences:
                frontier.append(parent)
        elif roll < 0.16 and room >= 1 and inferences:  # undercut of a nearby inference
            und = add_statement("claim")
            attack([und], inferences[-1].id)
            frontier.append(und)
        else:
            k = 2 if rng.random() < 0.25 else 1
            k = min(k, room)
            premises = []
            for _ in range(k):
                depth_left = rng.random() < 0.55
                kind = "claim" if depth_left else "evidence"
                sid = add_statement(kind)
                premises.append(sid)
                if kind == "claim" and rng.random() < 0.9:
                    frontier.append(sid)
            infer(premises, parent)
            if rng.random() < 0.1 and len(statements) < n:  # convergent second reason
                ev = add_statement("evidence")
                infer([ev], parent)
    claims = [s.id for s in statements if s.kind == "claim"]
    want = cycles if cycles is not None else max(1, n // 2000)
    concluded = {i.conclusion for i in inferences}
    for _ in range(want if len(claims) > 2 else 0):
        a, b = rng.sample(claims, 2)
        if a in concluded and b in concluded:
            infer([a], b)
            infer([b], a)
    amap.add_all(statements + inferences + conflicts)
    return amap
