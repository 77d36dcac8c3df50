"""The diagnostics AM001-AM012 (SPEC §3, §5), one function per rule, from the computed facts.

Each function returns its findings for one code as plain rows,
``(code, target, related, render, args, source)``, where ``render(*args)``
writes the message and ``source`` is the source id of an AM009 finding
(``None`` for the others). :func:`all_findings` concatenates them in code
order, and sorts each code's rows by (target, related, source);
:func:`diagnostics_of` turns rows into :class:`Diagnostic` objects. Rows
keep a map of 100,000 statements, with tens of thousands of findings,
cheap to check and to print as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, not_

from argmap.analysis import messages as msg
from argmap.analysis import sourcing
from argmap.analysis.explain import CIRCULAR, gap_leaves
from argmap.analysis.grades import GradeFacts
from argmap.analysis.graph import CLAIM, EVIDENCE, RECOMMENDATION, MapGraph
from argmap.analysis.labels import OUT, UNDECIDED
from argmap.analysis.rules import RULES, Diagnostic, LazyDiagnostic


@dataclass
class Facts:
    """What the checks computed, by statement index."""

    graph: MapGraph
    supported: list[bool]
    labels: list[int]
    stands: list[bool]                 # by conflict index
    components: list[list[int]]        # cyclic components of the support graph
    critical: dict[int, list[int]]     # recommendation -> critical statements
    usable: list[bool] | None = None   # by inference: all premises in S
    grades: GradeFacts | None = None   # sources, grades and assumptions (None: the map has none)
    unsupported: list[int] = field(init=False)  # statements not in S (never a ground), in order

    def __post_init__(self):
        self.unsupported = list(compress(range(self.graph.size), map(not_, self.supported)))


def all_findings(facts: Facts) -> list[tuple]:
    """Every finding as a row ``(code, target, related, render, args, source)``, sorted by
    (code, target, related, source), as the shared cases list them. Up to AM008 code order is also
    severity order; the tradecraft checks (warnings AM009-AM011, info AM012) come after AM008."""
    name = msg.Namer(facts.graph)
    out: list[tuple] = []
    for rule in (unsupported_conclusions, circular_support, unsupported_premises, unanswered_objections,
                 unsourced_evidence, disconnected, undecided, single_points_of_failure):
        found = rule(facts, name)
        found.sort(key=_order)
        out.extend(found)
    if facts.grades is not None:
        below = sourcing.Under(facts.graph)
        for rule in sourcing.RULES_IN_ORDER:
            found = rule(facts, name, facts.grades, below)
            found.sort(key=_order)
            out.extend(found)
    return out


def diagnostics_of(rows: list[tuple]) -> list[Diagnostic]:
    """:class:`Diagnostic` objects for finding rows (messages are written when first read)."""
    out = []
    for code, target, related, render, args, source in rows:
        rule = RULES[code]
        out.append(LazyDiagnostic(code, rule.severity, rule.name, target, related, None, (render, args), source))
    return out


_order = itemgetter(1, 2, 5)  # (target, related, source)


def _make(code: str):
    return lambda target, related, render, *args: (code, target, related, render, args, None)


def unsupported_conclusions(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM001: a claim or recommendation not in S that is a recommendation, is concluded, or is top-level."""
    g = facts.graph
    kinds, into, premise_of, attacks = g.kinds, g.into, g.premise_of, g.attacks
    make, sids = _make("AM001"), g.sids
    leaves = None
    out = []
    for s in facts.unsupported:
        concluded = bool(into[s])
        if kinds[s] == RECOMMENDATION or concluded or not (premise_of[s] or attacks[s]):
            if concluded and leaves is None:
                leaves = gap_leaves(g, facts.supported, facts.unsupported)
            leaf = leaves[s] if concluded else s
            out.append(make(sids[s], (), msg.unsupported_conclusion, name, s,
                            None if leaf == CIRCULAR else leaf, concluded))
    return out


def circular_support(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM002: one finding per cyclic strongly connected component; target = its first statement."""
    make, sids = _make("AM002"), facts.graph.sids
    return [make(sids[comp[0]], tuple(sids[s] for s in comp[1:]), msg.circular_support, name, comp)
            for comp in facts.components]


def unsupported_premises(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM003: a claim not in S, with no inference into it, used as a premise or an attacker."""
    g = facts.graph
    kinds, into, premise_of, attacks = g.kinds, g.into, g.premise_of, g.attacks
    make, sids = _make("AM003"), g.sids
    return [make(sids[s], (), msg.unsupported_premise, name, s, bool(premise_of[s]))
            for s in facts.unsupported
            if kinds[s] == CLAIM and not into[s] and (premise_of[s] or attacks[s])]


def unanswered_objections(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM004: a statement ``out`` while a conflict on it, or on an inference into it, stands.

    Walks the standing conflicts (few) rather than the statements (many).
    """
    g, labels = facts.graph, facts.labels
    make, sids = _make("AM004"), g.sids
    by_statement: dict[int, list[tuple[int, str | None]]] = {}
    for c, stands in enumerate(facts.stands):
        if stands:
            t = g.con_target[c]
            if g.con_on_inference[c]:
                by_statement.setdefault(g.conclusion[t], []).append((c, g.inf_ids[t]))
            else:
                by_statement.setdefault(t, []).append((c, None))
    out = []
    for s in sorted(by_statement):
        if labels[s] != OUT or (g.attacks[s] and not g.premise_of[s]):
            continue
        seen = set()
        for c, via in sorted(by_statement[s], key=lambda pair: pair[1] is not None):
            related = tuple(sids[a] for a in g.attackers[c])
            if related not in seen:
                seen.add(related)
                out.append(make(sids[s], related, msg.unanswered_objection, name, s, g.attackers[c], via))
    return out


def unsourced_evidence(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM005: evidence with no anchor, an empty source and no cited source (SPEC §5)."""
    g = facts.graph
    make, sids, statements = _make("AM005"), g.sids, name.statements
    evidence = compress(range(g.size), map(EVIDENCE.__eq__, g.kinds))
    return [make(sids[s], (), msg.unsourced_evidence, name, s)
            for s in evidence
            if not statements[s].anchors and not statements[s].source.strip() and not statements[s].cites]


def disconnected(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM006: a statement no inference or conflict touches, in a map of two or more statements."""
    g = facts.graph
    if g.size < 2:
        return []
    make, sids = _make("AM006"), g.sids
    touched = map(any, zip(g.into, g.premise_of, g.attacks, g.on_statement))
    return [make(sids[s], (), msg.disconnected, name, s) for s in compress(range(g.size), map(not_, touched))]


def undecided(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM007: a statement labelled undecided."""
    make, sids = _make("AM007"), facts.graph.sids
    return [make(sids[s], (), msg.undecided, name, s)
            for s in compress(range(len(facts.labels)), map(UNDECIDED.__eq__, facts.labels))]


def single_points_of_failure(facts: Facts, name: msg.Namer) -> list[tuple]:
    """AM008: for a recommendation R in S, each D != R whose removal takes R out of S."""
    make, sids = _make("AM008"), facts.graph.sids
    return [make(sids[d], (sids[r],), msg.single_point_of_failure, name, d, r)
            for r, ds in facts.critical.items() for d in ds]
