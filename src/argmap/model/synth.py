"""Synthetic, argument-like maps for benchmarks and tests.

The shape follows real maps: many small trees under recommendations and
claims, a share of linked premises, objections with rebuttals, undercuts,
and a few support cycles. The same ``seed`` always gives the same map.
"""

from __future__ import annotations

import random

from argmap.model.argument_map import ArgumentMap
from argmap.model.elements import Anchor, Comment, Conflict, Inference, Source, Statement

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


def with_tradecraft(amap: ArgumentMap, sources: int = 10, seed: int = 0, *, assumed: float = 0.05,
                    comments: float = 0.01) -> ArgumentMap:
    """A copy of ``amap`` graded as an analyst would (SPEC §5, §6): a version-2 map.

    Parameters
    ----------
    amap : ArgumentMap
        The map to grade (left unchanged).
    sources : int
        Number of sources. About a third are reached ``via`` an earlier one
        (chains and trees, never loops).
    seed : int
        Random seed; the same seed and map give the same result.
    assumed : float
        Share of the claims with no inference into them that become stated
        assumptions.
    comments : float
        Share of the elements that get a comment (a third of them resolved).

    Returns
    -------
    ArgumentMap
        Most evidence cites one source (some two, some none) and has a
        credibility grade (some none).
    """
    rng = random.Random(seed)
    ids = [f"x{k + 1}" for k in range(sources)]
    while any(x in amap for x in ids):
        ids = ["x" + x for x in ids]
    made = [Source(x, f"Source {x}: " + " ".join(rng.choice(_WORDS) for _ in range(3)),
                   rng.choice("AABBBCCDEF"), via=ids[rng.randrange(k)] if k and rng.random() < 0.35 else "")
            for k, x in enumerate(ids)]
    concluded = {i.conclusion for i in amap.inferences.values()}

    def remark(element):
        if rng.random() >= comments:
            return element
        note = Comment(" ".join(rng.choice(_WORDS) for _ in range(5)), rng.choice(("ann", "bo", "")),
                       "2026-11-2" + str(rng.randrange(10)), rng.random() < 0.33)
        return element.copy(comments=(note,))

    statements = []
    for s in amap.statements.values():
        changes: dict = {}
        if s.kind == "evidence" and ids:
            roll = rng.random()
            if roll < 0.85:
                changes["cites"] = tuple(rng.sample(ids, 2 if roll < 0.15 and len(ids) > 1 else 1))
            if rng.random() < 0.7:
                changes["credibility"] = rng.randint(1, 6)
        elif s.kind == "claim" and s.id not in concluded and rng.random() < assumed:
            changes["assumed"] = True
        statements.append(remark(s.copy(**changes) if changes else s.copy()))
    out = ArgumentMap(amap.title, amap.source, dict(amap.extra))
    out.add_all([*map(remark, made), *statements, *map(remark, amap.inferences.values()),
                 *map(remark, amap.conflicts.values())])
    return out
