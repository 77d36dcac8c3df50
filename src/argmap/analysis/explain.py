"""Why a finding was raised: the chains under an unsupported statement, and every finding in plain words.

:func:`explain_unsupported` gives the chains of support from a statement not
in S down to where its support stops. :func:`explain` says, for a finding of
any code, why it was raised on this map (the statements, links and labels
concerned) and how to fix it; :data:`EXPLAINERS` maps each code to its
explanation, so a new check adds one function there.
"""

from __future__ import annotations

from argmap.analysis.graph import EVIDENCE, MapGraph, build_graph
from argmap.analysis.support import supported_flags
from argmap.model import CREDIBILITY, ArgumentMap

CIRCULAR = -1
MAX_CHAINS = 50


def explain_unsupported(amap: ArgumentMap, sid: str, limit: int = MAX_CHAINS) -> list[list[str]]:
    """Chains of statement ids from ``sid`` down to each premise with no evidence under it.

    Each chain starts at ``sid`` and follows, through inferences, premises
    that are not in S, ending at a statement with no inference into it (a
    bare claim or recommendation) or, when the support only goes round a
    circle, at the last statement before the chain would repeat itself.
    Each statement ends at most one chain.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    sid : str
        A statement id, usually the target of an AM001 diagnostic.
    limit : int
        Most chains returned.

    Returns
    -------
    list of list of str
        Empty when ``sid`` is in S (it is supported).
    """
    graph = build_graph(amap)
    return chains(graph, supported_flags(graph), graph.index[sid], limit)


def chains(graph: MapGraph, flags: list[bool], start: int, limit: int = MAX_CHAINS) -> list[list[str]]:
    """:func:`explain_unsupported` on an already built graph (indices in, ids out)."""
    if flags[start]:
        return []
    found: list[list[str]] = []
    seen = {start}
    path = [start]
    stack = [iter(_gaps(graph, flags, start))]
    while stack and len(found) < limit:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            s = path.pop()
            if not graph.into[s] or _only_circles(graph, flags, s, seen, path):
                found.append([graph.sids[x] for x in (*path, s)])
            continue
        if step in seen:
            continue
        seen.add(step)
        path.append(step)
        stack.append(iter(_gaps(graph, flags, step)))
    return found


def _gaps(graph: MapGraph, flags: list[bool], s: int) -> list[int]:
    """Premises not in S of the inferences into ``s``."""
    return [p for j in graph.into[s] for p in graph.premises[j] if not flags[p]]


def _only_circles(graph: MapGraph, flags: list[bool], s: int, seen: set, path: list[int]) -> bool:
    """True when every missing premise under ``s`` is on the current path (support going round)."""
    on_path = set(path)
    gaps = _gaps(graph, flags, s)
    return bool(gaps) and all(p in on_path for p in gaps)


def gap_leaves(graph: MapGraph, flags: list[bool], unsupported: list[int] | None = None) -> list[int]:
    """For every statement not in S, a bare statement its missing support rests on, in one linear pass.

    Returns
    -------
    list of int
        ``leaves[s]`` is a non-evidence statement with no inference into it
        that ``s`` reaches downward through premises not in S (``s`` itself
        when ``s`` is bare), or :data:`CIRCULAR` when all of its missing
        support goes round a circle. Meaningless for statements in S.
    """
    n = graph.size
    leaves = [CIRCULAR] * n
    if unsupported is None:
        unsupported = [s for s in range(n) if not flags[s]]
    into, kinds = graph.into, graph.kinds
    stack = [s for s in unsupported if not into[s] and kinds[s] != EVIDENCE]
    for s in stack:
        leaves[s] = s
    conclusion, premise_of = graph.conclusion, graph.premise_of
    while stack:
        p = stack.pop()
        for j in premise_of[p]:
            c = conclusion[j]
            if leaves[c] == CIRCULAR and not flags[c]:
                leaves[c] = leaves[p]
                stack.append(c)
    return leaves


# ---------------------------------------------------------------- every finding in plain words
def explain(amap: ArgumentMap, diagnostic, report=None) -> str:
    """Why ``diagnostic`` was raised on ``amap``, in plain words, and what would fix it.

    Parameters
    ----------
    amap : ArgumentMap
        The map the finding is about.
    diagnostic : Diagnostic
        One finding of :func:`argmap.analysis.check_map` (any code: codes
        without an explanation of their own get their message and rule).
    report : Report, optional
        The check report of ``amap`` (checked again when not given).

    Returns
    -------
    str
        Plain text: a paragraph on why, then "How to fix it: …".
    """
    from argmap.analysis.report import check_map
    from argmap.analysis.rules import RULES

    if report is None:
        report = check_map(amap)
    rule = RULES.get(diagnostic.code)
    explain_one = EXPLAINERS.get(diagnostic.code)
    if diagnostic.target not in amap.statements or explain_one is None:
        body = diagnostic.message + (f"\n\n{rule.summary}" if rule else "")
    else:
        body = explain_one(amap, diagnostic, report)
    return body + (f"\n\nHow to fix it: {rule.fix}" if rule else "")


def _name(amap: ArgumentMap, sid: str) -> str:
    st = amap.statements.get(sid)
    if st is None:
        return sid
    flat = " ".join(st.text.split())
    return f"{sid} “{flat if len(flat) <= 60 else flat[:59].rstrip() + '…'}”"


def _names(amap: ArgumentMap, ids) -> str:
    names = [_name(amap, s) for s in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "nothing"


def _unsupported_conclusion(amap, d, report) -> str:
    sid, name = d.target, _name(amap, d.target)
    lines = [f"{name} is a conclusion (something the map argues for), but no chain of support leads from it "
             "down to evidence."]
    if not amap.inferences_into(sid):
        lines.append("Nothing supports it yet: no reason leads into it.")
        return " ".join(lines)
    found = explain_unsupported(amap, sid)
    if not found:
        return " ".join(lines)
    lines.append("Each line follows its reasons down to where the support stops, at a claim with nothing under "
                 "it (or where it goes round in a circle):\n")
    return lines[0] + " " + lines[1] + "\n" + "\n".join("  " + "  ←  ".join(_name(amap, x) for x in c) for c in found)


def _circular_support(amap, d, report) -> str:
    members = {d.target, *d.related}
    supports = {}
    for inf in amap.inferences.values():
        if inf.conclusion in members:
            for p in inf.premises:
                if p in members:
                    supports.setdefault(p, []).append((inf.conclusion, inf.id))
    path = _cycle_from(d.target, supports)
    steps = ", ".join(f"{_name(amap, a)} supports {_name(amap, b)} ({via})" for a, b, via in path)
    return (f"These statements support each other in a circle: {steps}. Support that only goes round a circle "
            "never reaches evidence, so the circle adds no support of its own"
            + (f"; {len(members)} statements take part in it." if len(members) > len(path) else "."))


def _cycle_from(start: str, supports: dict) -> list[tuple[str, str, str]]:
    """One circle of support through ``start``: (premise, conclusion, inference) steps."""
    stack, seen = [(start, [])], set()
    while stack:
        node, path = stack.pop()
        for nxt, via in supports.get(node, ()):
            step = path + [(node, nxt, via)]
            if nxt == start:
                return step
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, step))
    return []


def _unsupported_premise(amap, d, report) -> str:
    sid = d.target
    uses = [f"a premise of {_name(amap, i.conclusion)}" for i in amap.inferences.values() if sid in i.premises]
    for con in amap.conflicts.values():
        if sid in con.attackers:
            target = con.target if con.target in amap.statements else amap.inferences[con.target].conclusion
            uses.append(f"an objection to {_name(amap, target)}")
    return (f"{_name(amap, sid)} is used as {' and as '.join(uses)}, but nothing is under it: no reason leads into "
            "it and it is not evidence. That step of the argument rests on the author's word alone.")


def _why_in(amap, sid: str, report) -> str:
    st = amap.statements[sid]
    if st.kind == "evidence":
        return "it is evidence"
    reasons = [i for i in amap.inferences_into(sid) if all(report.labels.get(p) == "in" for p in i.premises)]
    if reasons:
        return f"it is supported by {_names(amap, reasons[0].premises)}"
    return "it stands"


def _unanswered_objection(amap, d, report) -> str:
    sid, labels = d.target, report.labels
    lines = []
    standing = [c for c in amap.conflicts_on(sid) if all(labels.get(a) == "in" for a in c.attackers)]
    for inf in amap.inferences_into(sid):
        for con in amap.conflicts_on(inf.id):
            if all(labels.get(a) == "in" for a in con.attackers):
                standing.append(con)
    for con in standing:
        against = "it"
        if con.target != sid:
            against = f"its support from {_names(amap, amap.inferences[con.target].premises)}"
        why = "; ".join(f"{_name(amap, a)} is in: {_why_in(amap, a, report)}" for a in con.attackers)
        lines.append(f"{_names(amap, con.attackers)} attack{'s' if len(con.attackers) == 1 else ''} {against} "
                     f"({con.id}), and nothing answers {'it' if len(con.attackers) == 1 else 'them'} ({why}).")
    head = f"{_name(amap, sid)} is out: an objection to it stands and has not been answered."
    return head + ("\n" + "\n".join("  " + line for line in lines) if lines else "")


def _unsourced_evidence(amap, d, report) -> str:
    return (f"{_name(amap, d.target)} is evidence, but it has no anchor in the source text and its source field is "
            "empty, so a reader cannot check where it comes from.")


def _disconnected(amap, d, report) -> str:
    return (f"{_name(amap, d.target)} is linked to nothing: no support or attack starts or ends at it, so it "
            "takes no part in the argument and the checks cannot weigh it.")


def _undecided(amap, d, report) -> str:
    sid, labels = d.target, report.labels
    open_ = [a for c in amap.conflicts_on(sid) for a in c.attackers if labels.get(a) == "undecided"]
    open_ += [p for i in amap.inferences_into(sid) for p in i.premises if labels.get(p) == "undecided"]
    head = f"{_name(amap, sid)} can be neither accepted nor rejected."
    if open_:
        open_ = list(dict.fromkeys(open_))
        return head + (f" It depends on {_names(amap, open_)}, which {'is' if len(open_) == 1 else 'are'} undecided "
                       "too: the attacks (or the support) go round in a circle with nothing from outside to settle "
                       "them.")
    return head + " The attacks around it go round in a circle with nothing from outside to settle them."


def _single_point_of_failure(amap, d, report) -> str:
    dep = d.target
    rec = d.related[0] if d.related else None
    if rec not in amap.statements:
        return d.message
    chain = _support_chain(amap, rec, dep, set(report.supported))
    path = "  ←  ".join(_name(amap, x) for x in chain) if chain else ""
    return (f"The recommendation {_name(amap, rec)} is supported, but every chain of its support passes through "
            f"{_name(amap, dep)}" + (f":\n  {path}\n" if path else ". ")
            + f"If {dep} were removed or refuted, {rec} would be left without support.")


def _support_chain(amap: ArgumentMap, top: str, bottom: str, supported: set) -> list[str]:
    """One chain of supported reasons from ``top`` down to ``bottom`` (ids, top first), or []."""
    into: dict[str, list] = {}
    for inf in amap.inferences.values():
        if all(p in supported for p in inf.premises):
            into.setdefault(inf.conclusion, []).append(inf)
    came: dict[str, str] = {top: ""}
    todo = [top]
    while todo:
        node = todo.pop(0)
        if node == bottom:
            chain = [node]
            while came[chain[-1]]:
                chain.append(came[chain[-1]])
            return chain[::-1]
        for inf in into.get(node, ()):
            for p in inf.premises:
                if p not in came:
                    came[p] = node
                    todo.append(p)
    return []


# ---------------------------------------------------------------- tradecraft (SPEC §5)
def _source(amap: ArgumentMap, x: str) -> str:
    return f"{x} “{amap.sources[x].title}”" if x in amap.sources else x


def _role(amap: ArgumentMap, sid: str) -> str:
    return "recommendation" if amap.statements[sid].kind == "recommendation" else "claim"


def _single_source(amap, d, report) -> str:
    x, role = d.source, _role(amap, d.target)
    if x not in amap.sources:
        return d.message
    chain = amap.via_chain(x)[1:]
    via = f", which reaches you via {', via '.join(_source(amap, y) for y in chain)}" if chain else ""
    cited = "; ".join(f"{_name(amap, e)} cites {_names_of(amap, amap.statements[e].cites)}" for e in d.related)
    through = any(c != x for e in d.related for c in amap.statements[e].cites)
    return (f"The {role} {_name(amap, d.target)} is supported, but only through evidence that comes from "
            f"{_source(amap, x)}{via}{', or from sources reported through it' if through else ''}: {cited}. Take "
            f"that source away and nothing else holds the {role} up; if it is wrong or one-sided, so is the {role}.")


def _names_of(amap: ArgumentMap, sources) -> str:
    names = [_source(amap, x) for x in sources]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _doubtful_grounds(amap, d, report) -> str:
    role = _role(amap, d.target)
    why = []
    for e in d.related:
        st = amap.statements[e]
        if st.credibility in (4, 5):
            why.append(f"{_name(amap, e)} is graded {st.credibility} ({CREDIBILITY[st.credibility]})")
        else:
            grades = ", ".join(f"{_source(amap, x)} graded {amap.sources[x].reliability}" for x in st.cites)
            why.append(f"{_name(amap, e)} comes only from sources graded D or E ({grades})")
    return (f"The {role} {_name(amap, d.target)} is supported, but every chain of its support rests on doubtful "
            f"evidence: {'; '.join(why)}. Without that evidence nothing else holds the {role} up.")


def _uncorroborated(amap, d, report) -> str:
    st = amap.statements[d.target]
    head = (f"{_name(amap, d.target)} is graded 1, “confirmed by other independent sources”, but ")
    if not st.cites:
        return head + "it cites no source at all, so nothing in the map shows what confirmed it."
    roots = list(dict.fromkeys(amap.via_chain(x)[-1] for x in st.cites))
    every = "it goes back" if len(st.cites) == 1 else "all of them go back"
    return head + (f"it cites {_names_of(amap, st.cites)}, and {every} to {_source(amap, roots[0])}: one origin, "
                   "not two independent ones.")


def _rests_on_assumptions(amap, d, report) -> str:
    role = _role(amap, d.target)
    if not d.related:
        return (f"The {role} {_name(amap, d.target)} is itself a stated assumption, and nothing else supports it: "
                "the map accepts it without evidence.")
    doubted = [a for a in d.related if report.labels.get(a) != "in"]
    tail = (f" Of these, {_names(amap, doubted)} {'is' if len(doubted) == 1 else 'are'} not accepted as things stand "
            "(an objection or a circle leaves it out or undecided)." if doubted else "")
    many = len(d.related) > 1
    return (f"The {role} {_name(amap, d.target)} is supported, but only because the map accepts "
            f"{_names(amap, d.related)} as {'stated assumptions' if many else 'a stated assumption'}: without "
            f"{'them' if many else 'it'} nothing else holds it up. A Key Assumptions Check asks of each assumption "
            f"whether it still holds, and what would change if it did not.{tail}")


EXPLAINERS = {"AM001": _unsupported_conclusion, "AM002": _circular_support, "AM003": _unsupported_premise,
              "AM004": _unanswered_objection, "AM005": _unsourced_evidence, "AM006": _disconnected,
              "AM007": _undecided, "AM008": _single_point_of_failure, "AM009": _single_source,
              "AM010": _doubtful_grounds, "AM011": _uncorroborated, "AM012": _rests_on_assumptions}
"""Code → ``f(amap, diagnostic, report) -> str``: the "why" of each finding (add new codes here)."""
