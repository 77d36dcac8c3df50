"""Plain-English, one-line messages for each diagnostic.

Statements are named by their shortened text and id, e.g. ``'Iran backs
both sides…' (s12)``. Shortened texts are cached per check so that maps
with 100,000 findings stay cheap to describe.
"""

from __future__ import annotations

from argmap.analysis.graph import MapGraph
from argmap.model import CREDIBILITY

WIDTH = 60


def shorten(text: str, width: int = WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters, with an ellipsis.

    Parameters
    ----------
    text : str
        Statement text (plain text, any length).
    width : int
        Longest result, ellipsis included.
    """
    if len(text) <= width and text.isprintable() and "  " not in text:
        return text.strip()
    head = text[: width * 2]
    # Printable text without double spaces has single spaces as its only white space: nothing to collapse.
    flat = head.strip() if head.isprintable() and "  " not in head else " ".join(head.split())
    if len(flat) <= width and len(text) <= width * 2:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


class Namer(dict):
    """Names statements of one map as ``'short text…' (id)``, caching each name.

    ``name(s)`` (or ``name[s]``) is the name of statement index ``s``. It is
    a dict of the names written so far, so a name asked for again costs one
    lookup. It keeps the ids and statements as they were at check time (the
    map replaces, never changes, an element it edits), so a lazy message
    read after the map changed still describes the map that was checked.
    """

    def __init__(self, graph: MapGraph):
        super().__init__()
        self.sids = graph.sids
        self.statements = list(graph.amap.statements.values())
        self.amap_sources = dict(graph.amap.sources) if graph.amap.sources else {}
        self.source_names: dict[int, str] = {}

    __call__ = dict.__getitem__  # a miss calls __missing__

    def __missing__(self, s: int) -> str:
        text = shorten(self.statements[s].text)
        name = f"'{text}' ({self.sids[s]})" if text else f"{self.sids[s]} (no text)"
        self[s] = name
        return name

    def many(self, items: list[int], limit: int = 3) -> str:
        """Up to ``limit`` names joined with commas and "and", then "and N more"."""
        names = [self(s) for s in items[:limit]]
        rest = len(items) - len(names)
        if rest > 0:
            return ", ".join(names) + f" and {rest} more"
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


def unsupported_conclusion(name: Namer, s: int, leaf: int | None, has_reasons: bool) -> str:
    """AM001; ``leaf`` is the premise without evidence under it (None when support only circles)."""
    head = f"Unsupported conclusion: {name(s)} is not backed by evidence: "
    sid = name.sids
    if not has_reasons:
        return head + "it has no reasons under it. Add a reason that rests on evidence."
    if leaf is None:
        return head + ("its reasons only go round in a circle. Add evidence or an independent reason "
                       "under a statement of the circle.")
    return head + (f"its reasons rest on {name(leaf)}, which has no evidence under it. Add evidence under "
                   f"{sid[leaf]} or mark it as evidence if it is a ground.")


def circular_support(name: Namer, members: list[int]) -> str:
    """AM002."""
    return (f"Circular support: {name.many(members)} support each other in a circle, so the circle adds no "
            f"support of its own. Break the circle or give one of them evidence from outside it.")


def unsupported_premise(name: Namer, s: int, as_premise: bool) -> str:
    """AM003."""
    role = "a premise" if as_premise else "an objection"
    return (f"Bare assertion: {name(s)} is used as {role} but has nothing under it. Add evidence or a reason "
            f"under it, or mark it as evidence if it is a ground.")


def unanswered_objection(name: Namer, s: int, attackers: list[int], inference_id: str | None) -> str:
    """AM004; ``inference_id`` is set when the objection undercuts an inference into ``s``."""
    verb = "stands" if len(attackers) == 1 else "stand"
    against = f"against the inference {inference_id} into it" if inference_id else "against it"
    return (f"Unanswered objection: {name(s)} is out because {name.many(attackers)} {verb} {against}. "
            f"Rebut the objection or add support that it does not touch.")


def unsourced_evidence(name: Namer, s: int) -> str:
    """AM005."""
    return (f"Unsourced evidence: {name(s)} has no source and no anchor in the text. Add a citation or "
            f"anchor it to the passage it comes from.")


def disconnected(name: Namer, s: int) -> str:
    """AM006."""
    return (f"Disconnected: {name(s)} is not linked to any other statement. Connect it as a reason, an "
            f"objection or a conclusion, or delete it.")


def undecided(name: Namer, s: int) -> str:
    """AM007."""
    return (f"Undecided: {name(s)} can be neither accepted nor rejected, because it depends on a circle of "
            f"support or of attacks. Add evidence or a rebuttal that settles it.")


def single_point_of_failure(name: Namer, d: int, r: int) -> str:
    """AM008."""
    return (f"Single point of failure: the recommendation {name(r)} loses its support without {name(d)}. "
            f"Add an independent reason for {name.sids[r]} that does not rest on {name.sids[d]}.")


# ---------------------------------------------------------------- tradecraft (SPEC §5)
def source_name(name: Namer, grades, x: int) -> str:
    """A source as ``'title' (id)``, the title cut short like a statement's text (cached per check)."""
    found = name.source_names.get(x)
    if found is None:
        xid = grades.source_ids[x]
        found = name.source_names[x] = f"'{shorten(name.amap_sources[xid].title, 50)}' ({xid})"
    return found


def _role(name: Namer, r: int) -> str:
    return "recommendation" if name.statements[r].kind == "recommendation" else "claim"


def _names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def single_source(name: Namer, r: int, x: int, related: list[int], grades) -> str:
    """AM009: ``r`` is lost without the evidence that depends on source ``x``."""
    role = _role(name, r)
    chain = grades.chains[x][1:]
    via = f" (reported via {', via '.join(source_name(name, grades, y) for y in chain)})" if chain else ""
    cited = list(dict.fromkeys(y for e in related for y in grades.cites[e] if y != x))
    through = ""
    if cited:
        shown = [source_name(name, grades, y) for y in cited[:3]]
        if len(cited) > 3:
            shown.append(f"{len(cited) - 3} more")
        through = f" (its evidence from {_names(shown)} reaches us through it)"
    return (f"Single source: the {role} {name(r)} rests on {source_name(name, grades, x)} alone{via}{through}: "
            f"if that source is wrong, the {role} has no support. Add evidence from a source independent of "
            f"{_names([grades.source_ids[y] for y in grades.chains[x]])}.")


def doubtful_grounds(name: Namer, r: int, related: list[int]) -> str:
    """AM010: ``r`` is lost without the doubtful evidence ``related``."""
    role = _role(name, r)
    if len(related) == 1:
        e = related[0]
        grade = name.statements[e].credibility
        why = (f"graded {grade}, {CREDIBILITY[grade]}" if grade in (4, 5)
               else "cited only from sources graded D or E, not usually reliable or unreliable")
        what, it = f"doubtful evidence: {name(e)}, {why}", "it"
    else:
        what = (f"doubtful evidence: {name.many(related)} (each graded 4 or 5, doubtful or improbable, or "
                f"cited only from sources graded D or E)")
        it = "them"
    return (f"Doubtful grounds: the {role} {name(r)} is supported only through {what}. Without {it} the "
            f"{role} has no support. Confirm {it} from a better source, or add support that does not rest on "
            f"{it}.")


def uncorroborated(name: Namer, s: int, roots: list[int], grades) -> str:
    """AM011: evidence graded 1 whose cited sources have fewer than two distinct roots."""
    head = f"Uncorroborated: {name(s)} is graded 1 (confirmed by other independent sources), but "
    if not roots:
        why = "it cites no source"
    else:
        why = f"all its sources go back to {source_name(name, grades, roots[0])}"
    return head + (f"{why}. Cite the independent sources that confirm it, or grade it 2 (probably true) "
                   f"or lower.")


def rests_on_assumptions(name: Namer, r: int, related: list[int]) -> str:
    """AM012: ``r`` is lost without the assumed claims."""
    role = _role(name, r)
    if not related:
        return (f"Rests on assumptions: the {role} {name(r)} is itself a stated assumption and nothing else "
                f"supports it. Check it (Key Assumptions Check) or add evidence for it.")
    many = len(related) > 1
    return (f"Rests on assumptions: the {role} {name(r)} holds only if the stated assumption"
            f"{'s' if many else ''} {name.many(related)} hold{'' if many else 's'}. Check "
            f"{'them' if many else 'it'} (Key Assumptions Check) or add evidence so the {role} does not depend "
            f"on {'them' if many else 'it'}.")
