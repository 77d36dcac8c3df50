"""The report outline's "Sources" and "Key assumptions" sections (SPEC §5).

Sources: each source the evidence cites, with its Admiralty reliability, how
its information reaches the analyst (its ``via`` chain), the evidence citing
it and the conclusions that draw on it or rest on it alone (AM009).
Key assumptions: the claims stated as assumptions, the conclusions they lie
under, those that lose their support without the assumptions (AM012), and
what attacks them. A map with neither sources nor assumptions gets no
section (and its outline stays exactly as it was).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import CREDIBILITY, RELIABILITY, ArgumentMap

SHORT = 70
"""Statement texts in these sections are cut to about this many characters."""


@dataclass
class Entry:
    """One source or assumption: a heading and lines of plain text under it."""

    anchor: str
    head: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    intro: str
    entries: list[Entry]


def sections(amap: ArgumentMap) -> list[Section]:
    """The sections for ``amap``: none when it has neither sources nor assumptions."""
    assumed = [s for s in amap.statements.values() if s.assumed]
    if not amap.sources and not assumed:
        return []
    facts = _Facts(amap)
    out = []
    if amap.sources:
        out.append(Section("Sources", "Each source the evidence cites, its Admiralty reliability grade (A completely "
                           "reliable … E unreliable, F cannot be judged), how its information reaches us, the "
                           "evidence citing it and the conclusions resting on it.",
                           [_source_entry(amap, facts, x) for x in amap.sources]))
    if assumed:
        out.append(Section("Key assumptions", "The claims accepted without support, as stated assumptions (what a "
                           "Key Assumptions Check reviews), and what rests on them.",
                           [_assumption_entry(amap, facts, s.id) for s in assumed]))
    return out


class _Facts:
    """What the sections say, gathered in one pass each (so a big map costs linear time, not a product)."""

    def __init__(self, amap: ArgumentMap):
        from argmap.analysis import check_map
        from argmap.analysis.grades import conclusions, under
        from argmap.analysis.graph import build_graph

        self.report = check_map(amap)
        graph = build_graph(amap)
        sids = graph.sids
        chains = {x: amap.via_chain(x) for x in amap.sources}
        self.through: dict[str, list[str]] = {x: [] for x in amap.sources}
        for y, chain in chains.items():
            for x in chain[1:]:
                self.through[x].append(y)
        self.cited_by: dict[str, list[str]] = {x: [] for x in amap.sources}
        for s in amap.statements.values():
            for c in s.cites:
                self.cited_by[c].append(s.id)
        self.drawing: dict[str, list[str]] = {x: [] for x in amap.sources}  # source -> conclusions drawing on it
        self.carrying: dict[str, list[str]] = {}  # assumption -> conclusions it lies under
        self.conclusions: set[str] = set()
        statements = list(amap.statements.values())
        for r in conclusions(graph):
            self.conclusions.add(sids[r])
            drawn: dict[str, None] = {}
            for s in under(graph, r):
                for c in statements[s].cites:
                    drawn.update(dict.fromkeys(chains[c]))
                if statements[s].assumed:
                    self.carrying.setdefault(sids[s], []).append(sids[r])
            for x in drawn:
                self.drawing[x].append(sids[r])
        self.alone: dict[str, list[str]] = {}
        self.lost: dict[str, list[str]] = {}
        for d in self.report.diagnostics:
            if d.code == "AM009":
                self.alone.setdefault(d.source, []).append(d.target)
            elif d.code == "AM012":
                for a in dict.fromkeys((*d.related, d.target)):
                    self.lost.setdefault(a, []).append(d.target)


def _name(amap: ArgumentMap, sid: str) -> str:
    text = " ".join(amap.statements[sid].text.split())
    if len(text) > SHORT:
        text = text[:SHORT - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    return f"“{text}” ({sid})" if text else sid


def _names(amap: ArgumentMap, ids) -> str:
    return "; ".join(_name(amap, x) for x in ids)


def _source_name(amap: ArgumentMap, x: str) -> str:
    return f"{amap.sources[x].title} ({x})"


def _source_entry(amap: ArgumentMap, facts: _Facts, x: str) -> Entry:
    src = amap.sources[x]
    entry = Entry(f"source:{x}", f"{src.title} ({x}) — {src.reliability}: {RELIABILITY[src.reliability]}")
    chain = amap.via_chain(x)[1:]
    entry.lines.append("reported via " + ", via ".join(_source_name(amap, y) for y in chain) if chain
                       else "reaches us directly (no via)")
    if facts.through[x]:
        entry.lines.append("sources reported through it: " + "; ".join(_source_name(amap, y) for y in facts.through[x]))
    if src.url:
        entry.lines.append(f"link: {src.url}")
    if src.note:
        entry.lines.append(f"note: {' '.join(src.note.split())}")
    citing = facts.cited_by[x]
    if citing:
        entry.lines.append("cited by: " + "; ".join(f"{_name(amap, e)}, {_credibility(amap, e)}" for e in citing))
    else:
        entry.lines.append("cited by no evidence")
    alone = facts.alone.get(x, [])
    if alone:
        entry.lines.append("conclusions resting on it alone (AM009): " + _names(amap, alone))
    rest = [r for r in facts.drawing[x] if r not in alone]
    if rest:
        entry.lines.append("conclusions drawing on it: " + _names(amap, rest))
    return entry


def _credibility(amap: ArgumentMap, e: str) -> str:
    grade = amap.statements[e].credibility
    return f"credibility {grade}: {CREDIBILITY[grade]}" if grade is not None else "credibility not given"


def _assumption_entry(amap: ArgumentMap, facts: _Facts, a: str) -> Entry:
    entry = Entry(f"assumption:{a}", _name(amap, a) + f" · {facts.report.labels.get(a, '')}")
    carried = facts.carrying.get(a, [])
    if carried:
        entry.lines.append("conclusions it lies under: " + _names(amap, carried))
    elif a in facts.conclusions:
        entry.lines.append("a conclusion itself (a top-level claim)")
    lost = facts.lost.get(a, [])
    if lost:
        entry.lines.append("without the stated assumptions these lose their support (AM012): " + _names(amap, lost))
    attackers = [x for c in amap.conflicts_on(a) for x in c.attackers]
    if attackers:
        entry.lines.append("challenged by: " + _names(amap, attackers))
    return entry


def markdown(amap: ArgumentMap) -> list[str]:
    """The sections as Markdown lines (none for a map without sources or assumptions)."""
    from argmap.formats.outline import md_escape

    out: list[str] = []
    for section in sections(amap):
        out += [f"## {section.title}", "", md_escape(section.intro), ""]
        for entry in section.entries:
            out.append(f"- **{md_escape(entry.head)}**")
            out += [f"  - {md_escape(line)}" for line in entry.lines]
        out.append("")
    return out


def html(amap: ArgumentMap) -> list[str]:
    """The sections as HTML lines (every text escaped)."""
    from argmap.formats.outline import _esc

    out: list[str] = []
    for section in sections(amap):
        key = "tradecraft-" + section.title.lower().replace(" ", "-")
        out += [f'<section id="{key}">', f"<h2>{_esc(section.title)}</h2>", f"<p>{_esc(section.intro)}</p>", "<ul>"]
        for entry in section.entries:
            out.append(f'<li id="{_esc(entry.anchor)}"><strong>{_esc(entry.head)}</strong>')
            if entry.lines:
                out.append("<ul>" + "".join(f"<li>{_esc(line)}</li>" for line in entry.lines) + "</ul>")
            out.append("</li>")
        out += ["</ul>", "</section>"]
    return out
