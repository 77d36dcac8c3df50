"""Branches of a map, and the part of a map one printed page shows.

A *branch* is a statement and everything under it: its premises and
attackers, theirs, and so on. :func:`branch_forest` gives every statement
one parent (the first one a depth-first walk from the top conclusions
meets), so that branches split a map into disjoint parts.
:func:`page_map` builds the map a page draws: the statements that live on
that page, plus a *reference* for each statement that lives on another page
but is linked to one here, so every edge of the page has both ends.

Pure model code: no Qt.
"""

from __future__ import annotations

from collections import defaultdict

from argmap.model import ArgumentMap, Conflict, Inference, Statement

REF_CHARS = 70
"""A reference box shows this many characters of its statement's text."""


def statement_children(amap: ArgumentMap) -> dict[str, list[str]]:
    """Statement id -> the statements drawn under it (premises and attackers), in map order, no repeats.

    An attacker of an inference (an undercut) counts as under that inference's conclusion.
    """
    kids: dict[str, dict[str, None]] = defaultdict(dict)
    inferences = amap.inferences
    for inf in inferences.values():
        for p in inf.premises:
            kids[inf.conclusion][p] = None
    for con in amap.conflicts.values():
        target = inferences[con.target].conclusion if con.target in inferences else con.target
        for a in con.attackers:
            if a != target:
                kids[target][a] = None
    return {sid: list(found) for sid, found in kids.items()}


def branch_forest(amap: ArgumentMap) -> tuple[list[str], dict[str, list[str]]]:
    """The tops of the map and a spanning forest of it.

    Returns
    -------
    tops : list of str
        The statements that support or attack nothing (in map order), then,
        for parts of the map that are cycles only, one statement of each.
    children : dict
        Statement id -> its children in the forest: each statement is the
        child of exactly one other (or a top), so branches never share a statement.
    """
    all_kids = statement_children(amap)
    below = {k for ks in all_kids.values() for k in ks}
    tops = [sid for sid in amap.statements if sid not in below]
    children: dict[str, list[str]] = {sid: [] for sid in amap.statements}
    seen: set[str] = set()

    def walk(top: str) -> None:
        seen.add(top)
        stack = [top]
        while stack:
            sid = stack.pop()
            fresh = [k for k in all_kids.get(sid, ()) if k not in seen]
            seen.update(fresh)
            children[sid] = fresh
            stack.extend(reversed(fresh))

    for top in tops:
        walk(top)
    for sid in amap.statements:  # statements only reachable through a cycle
        if sid not in seen:
            tops.append(sid)
            walk(sid)
    return tops, children


def branch(top: str, children: dict[str, list[str]]) -> list[str]:
    """``top`` and everything under it in the forest, depth first."""
    out, stack = [], [top]
    while stack:
        sid = stack.pop()
        out.append(sid)
        stack.extend(reversed(children.get(sid, ())))
    return out


def relation_groups(amap: ArgumentMap, children: dict[str, list[str]]) -> dict[str, list[list[str]]]:
    """Statement id -> its forest children grouped by relation (the premises of one inference stay together)."""
    inferences = amap.inferences
    groups: dict[str, list[list[str]]] = defaultdict(list)
    placed: set[str] = set()

    def add(target: str, sources) -> None:
        mine = set(children.get(target, ()))
        group = [s for s in sources if s in mine and s not in placed]
        if group:
            groups[target].append(group)
            placed.update(group)

    for inf in inferences.values():
        add(inf.conclusion, inf.premises)
    for con in amap.conflicts.values():
        add(inferences[con.target].conclusion if con.target in inferences else con.target, con.attackers)
    for sid, kids in children.items():
        for k in kids:
            if k not in placed:
                groups[sid].append([k])
                placed.add(k)
    return groups


def page_map(amap: ArgumentMap, home: set[str], page_of: dict[str, int] | None = None,
             unknown_page: int = 99, compact: bool = False,
             index: RelationIndex | None = None) -> tuple[ArgumentMap, dict[str, tuple[int, ...]]]:
    """The map one page draws, and its references.

    Parameters
    ----------
    amap : ArgumentMap
        The whole map.
    home : set of str
        The statements that live on this page.
    page_of : dict, optional
        Statement id -> the page it lives on (while planning, unknown: every
        reference gets ``unknown_page``).
    compact : bool
        For a page that is too narrow otherwise: a home statement's relations
        to statements on other pages are drawn as one box per kind
        ("supports 4 statements there") instead of one reference each.
    index : RelationIndex, optional
        The relations of ``amap`` by statement (:class:`RelationIndex`); give it when building many
        pages of one map, so each page costs time in proportion to the page, not the map.

    Returns
    -------
    submap : ArgumentMap
        The home statements as they are, and

        - every inference and conflict with a premise or attacker here, whole
          (linked premises stay together): its members that live elsewhere
          appear as references (same id and kind, the start of their text),
          so a branch's top shows what it attaches to; two or more
          co-premises that live elsewhere share one box ("2 more premises
          linked with this");
        - for a home statement whose reasons (or objections) all live on
          other pages, one small box per kind of relation saying where they
          continue, linked to it like the relations it stands for.
    refs : dict
        Reference id -> the pages the statements it stands for live on.
    """
    pages = page_of or {}

    def where(ids) -> tuple[int, ...]:
        return tuple(sorted({pages.get(sid, unknown_page) for sid in ids}))

    index = index or RelationIndex(amap)
    infs, cons, more, up = _touching(amap, index.near(home), home, compact)
    wanted = set(home) | {i.conclusion for i in infs.values()}
    wanted |= {c.target for c in cons.values() if c.target in amap.statements}
    shown, grouped = _group_away(infs, cons, home, wanted)
    for ids in shown.values():
        wanted.update(sid for sid in ids if sid in amap.statements)
    refs = {sid: where([sid]) for sid in wanted if sid not in home}
    statements = amap.statements
    boxes = [statements[sid] if sid in home else reference(statements[sid]) for sid in index.in_order(wanted)]
    links: list = []
    for box_id, (kind, away) in grouped.items():
        refs[box_id] = where(away)
        boxes.append(continuation(box_id, kind, len(away)))
    for (target, kind), sources in more.items():
        if kind == "attack" and target in amap.inferences and target not in infs:
            continue  # an undercut of an inference this page does not draw
        box_id = f"{target}\u2192{kind}"
        refs[box_id] = where(sources)
        boxes.append(continuation(box_id, kind, len(dict.fromkeys(sources))))
        link = Inference if kind == "support" else Conflict
        links.append(link(f"{box_id}:link", (box_id,), target))
    for (source, kind), targets in up.items():
        box_id = f"{source}\u2192up-{kind}"
        refs[box_id] = where(targets)
        boxes.append(continuation(box_id, f"up-{kind}", len(dict.fromkeys(targets))))
        link = Inference if kind == "support" else Conflict
        links.append(link(f"{box_id}:link", (source,), box_id))
    sub = ArgumentMap(amap.title, amap.source, amap.extra)
    # the sources go along: a page's evidence keeps citing them (SPEC §5 refuses a cite of no source)
    sub.add_all([*amap.sources.values(), *boxes,
                 *(i.copy(premises=shown[i.id]) for i in index.in_order(infs, amap.inferences)),
                 *(c.copy(attackers=shown[c.id]) for c in index.in_order(cons, amap.conflicts)), *links])
    return sub, refs


class RelationIndex:
    """The inferences and conflicts of a map by the statements they touch, and the map's order of everything.

    Built once per map (it must not change meanwhile), so that :func:`page_map` finds the relations of a
    page without scanning the whole map.
    """

    def __init__(self, amap: ArgumentMap):
        self.order = {key: n for table in (amap.statements, amap.inferences, amap.conflicts)
                      for n, key in enumerate(table)}
        inferences = amap.inferences
        self.inferences: dict[str, list[Inference]] = defaultdict(list)
        self.conflicts: dict[str, list[Conflict]] = defaultdict(list)
        for inf in inferences.values():
            for sid in dict.fromkeys((*inf.premises, inf.conclusion)):
                self.inferences[sid].append(inf)
        for con in amap.conflicts.values():
            aim = inferences[con.target].conclusion if con.target in inferences else con.target
            for sid in dict.fromkeys((*con.attackers, aim)):
                self.conflicts[sid].append(con)

    def near(self, home: set[str]) -> tuple[list[Inference], list[Conflict]]:
        """The inferences and the conflicts with a member, conclusion or target (or its conclusion) in ``home``,
        each in map order."""
        infs = {i.id: i for sid in home for i in self.inferences.get(sid, ())}
        cons = {c.id: c for sid in home for c in self.conflicts.get(sid, ())}
        return [infs[k] for k in self.in_order(infs)], [cons[k] for k in self.in_order(cons)]

    def in_order(self, ids, table=None) -> list:
        """``ids`` (statement, inference or conflict ids) in map order, or their elements in ``table``."""
        ordered = sorted(ids, key=self.order.__getitem__)
        return ordered if table is None else [table[k] for k in ordered]


def _touching(amap: ArgumentMap, near: tuple[list[Inference], list[Conflict]], home: set[str],
              compact: bool = False):
    """The relations a page draws (a source lives here); per home statement, the sources that only point to
    it (``more``) and, when ``compact``, the statements elsewhere it points to (``up``).

    ``near`` holds the relations worth looking at (:meth:`RelationIndex.near`): any other has no end here.
    """
    inferences = amap.inferences
    infs: dict[str, Inference] = {}
    cons: dict[str, Conflict] = {}
    more: dict[tuple[str, str], list[str]] = {}
    up: dict[tuple[str, str], list[str]] = {}
    near_infs, near_cons = near
    for inf in near_infs:
        mine = [p for p in inf.premises if p in home]
        if mine and compact and inf.conclusion not in home:
            for p in mine:
                up.setdefault((p, "support"), []).append(inf.conclusion)
        elif mine:
            infs[inf.id] = inf
        elif inf.conclusion in home:
            more.setdefault((inf.conclusion, "support"), []).extend(inf.premises)
    for con in near_cons:
        target = inferences.get(con.target)
        aim = con.target if target is None else target.conclusion
        mine = [a for a in con.attackers if a in home]
        if mine and compact and aim not in home:
            for a in mine:
                up.setdefault((a, "attack"), []).append(aim)
        elif mine:
            cons[con.id] = con
            if target is not None:
                infs[target.id] = target
        elif aim in home:
            more.setdefault((con.target, "attack"), []).extend(con.attackers)
    return infs, cons, more, up


def _group_away(infs, cons, home: set[str], wanted: set[str]):
    """Each drawn relation's sources; two or more that live elsewhere (and are not shown anyway) become one box."""
    shown: dict[str, tuple[str, ...]] = {}
    grouped: dict[str, tuple[str, list[str]]] = {}
    relations = [(i.id, i.premises, "with") for i in infs.values()]
    relations += [(c.id, c.attackers, "with-attackers") for c in cons.values()]
    for rel_id, sources, kind in relations:
        away = [sid for sid in sources if sid not in home and sid not in wanted]
        if len(away) < 2:
            shown[rel_id] = tuple(sources)
            continue
        box_id = f"{rel_id}\u2192with"
        grouped[box_id] = (kind, away)
        shown[rel_id] = tuple(sid for sid in sources if sid not in away) + (box_id,)
    return shown, grouped


CONTINUED = {"support": ("reason", "continue there"), "attack": ("objection", "continue there"),
             "with": ("more premise", "linked with this"), "with-attackers": ("more attacker", "with this"),
             "up-support": ("statement", "supported from here"), "up-attack": ("statement", "attacked from here")}
"""What a continuation box says, by kind: what it stands for and how it relates."""


def continuation(box_id: str, kind: str, count: int) -> Statement:
    """A box standing for statements on other pages: a statement's reasons or objections, or co-premises."""
    noun, rest = CONTINUED[kind]
    if kind.startswith("with") or kind.startswith("up-"):
        return Statement(box_id, "claim", f"{count} {noun}{'s' if count != 1 else ''} {rest}")
    verb = rest if count != 1 else rest.replace("continue", "continues")
    return Statement(box_id, "claim", f"{count} {noun}{'s' if count != 1 else ''} {verb}")


def is_continuation(box_id: str) -> bool:
    """Whether a box id is a continuation box made by :func:`page_map` (it stands for several statements)."""
    return "\u2192" in box_id and box_id.rsplit("\u2192", 1)[1] in ("support", "attack", "with", "up-support",
                                                                   "up-attack")


def reference(statement: Statement) -> Statement:
    """The stand-in for ``statement`` on a page it does not live on: same id and kind, the start of its text."""
    text = " ".join(statement.text.split())
    if len(text) > REF_CHARS:
        cut = text[:REF_CHARS].rsplit(" ", 1)[0] if " " in text[:REF_CHARS] else text[:REF_CHARS]
        text = cut.rstrip(",;:.") + "…"
    return Statement(statement.id, statement.kind, text or "(empty)", basis=statement.basis)
