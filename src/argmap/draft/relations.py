"""Relations: for every unit but the main claim, what it supports or attacks, and the cue that says so.

One left-to-right pass over the units, as a reader goes: markers decide
where a unit points (:mod:`argmap.draft.lexicon` says where each marker's
relation goes), and without a marker its place does. The pass keeps a
little state: the statements waiting for the conclusion they lead to
(*pending*), the opposing point the author has granted and not yet answered
(the open *concession*), and the enumeration under way (*sequence*).

Every unit ends with exactly one outgoing link, towards the main claim, so
the draft is a tree with one root. Each link carries its cue: the marker
("'because': premise follows the claim it supports") or the position
("position: follows the main claim it supports").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.draft.lexicon import WEAK_CONCESSIONS
from argmap.draft.units import Unit, hedged

POSITION = "position"
AFTER = "follows the main claim it supports"
BEFORE = "comes before the claim it supports"
HEAD = "the main point of its paragraph, which supports the main claim"
ELABORATES = "explains the clause before it"


@dataclass
class Link:
    """One proposed relation from unit ``source`` to unit ``target``.

    ``undercut`` marks an attack on the inference from ``target`` (a premise)
    rather than on ``target`` itself. ``default`` marks a link placed by
    position only, which a later marker may replace.
    """

    source: int
    target: int
    label: str
    marker: str
    why: str
    undercut: bool = False
    default: bool = False

    @property
    def cue(self) -> str:
        """The note a reviewer reads: ``cue: 'because' (premise follows the claim it supports)``."""
        return f"cue: {self.marker} ({self.why})"


class _Pass:
    def __init__(self, units: Sequence[Unit], central: int, heads: dict[int, int], off: frozenset[str]):
        self.units, self.central, self.heads, self.off = units, central, heads, off
        self.links: dict[int, Link] = {}
        self.pending: dict[int, None] = {}  # an ordered set
        self.concession: int | None = None
        self.answered: int | None = None  # the concession the last counter answered
        self.counter: set[int] = set()  # that counter and the statements under it
        self.aside: set[int] = set()  # concessions inside a sentence ("X, although Y")
        self.seq_target: int | None = None
        self.seq_item: int | None = None
        self.seen_heads: set[int] = set()
        self.thesis = self.find_thesis()

    def find_thesis(self) -> int | None:
        """In a text of three paragraphs or more whose main claim comes after the first paragraph, the first
        paragraph's main point: the paragraphs before the main claim's argue for it, and it for the main claim."""
        paragraphs = sorted(self.heads)
        first = self.heads.get(paragraphs[0], -1) if paragraphs else -1
        if not self.on("thesis") or len(paragraphs) < 3 or first < 0 or first == self.central:
            return None
        return first

    # ------------------------------------------------------------ helpers
    def on(self, rule: str) -> bool:
        return rule not in self.off

    def main(self, n: int) -> int:
        """The claim unit ``n`` answers to: its paragraph's main point; for a main point, the thesis or the main
        claim."""
        head = self.heads.get(self.units[n].paragraph, -1)
        if head >= 0 and head != n:
            return head
        before_main = self.units[n].paragraph < self.units[self.central].paragraph
        if self.thesis is not None and n != self.thesis and before_main:
            return self.thesis
        return self.central

    def head_why(self, n: int) -> str:
        if n == self.thesis:
            return "the thesis: the main point of the first paragraph, which supports the main claim"
        return HEAD if self.main(n) == self.central else "the main point of its paragraph, which supports the thesis"

    def is_head(self, n: int) -> bool:
        return n == self.central or n in self.heads.values()

    def link(self, source: int, target: int, label: str, marker: str, why: str, **flags) -> None:
        if target == source or target < 0:
            target, label, marker, why, flags = self.main(source), "support", POSITION, AFTER, {"default": True}
        self.links[source] = Link(source, target, label, marker, why, **flags)
        if target in self.counter:
            self.counter.add(source)
        self.pending.pop(source, None)

    def default(self, n: int, why: str = AFTER) -> None:
        """Link ``n`` by position only: it supports the claim it answers to."""
        self.link(n, self.main(n), "support", POSITION, why, default=True)

    def prev_in_sentence(self, n: int) -> int | None:
        if n > 0 and self.units[n - 1].sentence == self.units[n].sentence:
            return n - 1
        return None

    def next_in_sentence(self, n: int) -> int | None:
        if n + 1 < len(self.units) and self.units[n + 1].sentence == self.units[n].sentence:
            return n + 1
        return None

    @staticmethod
    def why(unit: Unit, fallback: str) -> str:
        return unit.lead.why if unit.lead else fallback

    @staticmethod
    def marker(unit: Unit, inner: str = "") -> str:
        if unit.lead:
            return f"'{unit.lead_phrase}'"
        return f"'{inner}' inside the statement"

    # ------------------------------------------------------------ the pass
    def run(self) -> dict[int, Link]:
        paragraph = None
        for unit in self.units:
            if unit.paragraph != paragraph:
                self.close_paragraph()
                paragraph, self.concession, self.seq_item, self.answered = unit.paragraph, None, None, None
            n = unit.index
            if self.is_head(n):
                self.seen_heads.add(n)
                concludes = self.function_of(unit) == "conclusion"
                for p in list(self.pending):
                    if concludes:  # "Y. Therefore X." with X the main claim
                        self.link(p, n, "support", self.marker(unit, "therefore"), "premise of the conclusion it marks")
                    else:
                        self.link(p, n, "support", POSITION, BEFORE)
            if n != self.central:
                self.step(unit)
        self.close_paragraph()
        for n in range(len(self.units)):
            if n != self.central and n not in self.links:
                self.default(n)
        return self.links

    def close_paragraph(self) -> None:
        for p in list(self.pending):
            self.link(p, self.main(p), "support", POSITION, BEFORE)

    def step(self, unit: Unit) -> None:
        function = self.function_of(unit)
        handler = getattr(self, f"_{function}", None) if function else None
        if handler is None or handler(unit) is False:
            self._unmarked(unit)

    def function_of(self, unit: Unit) -> str:
        function = unit.function
        if not function:
            for inner in ("contrast", "concession", "conclusion", "example"):
                if inner in unit.inner:
                    return inner
        if function == "concession" and unit.lead_phrase in WEAK_CONCESSIONS and not self.contrast_ahead(unit):
            return ""  # "Certainly, X." with no "but" after it only affirms X
        rule = {"support": "reasons", "conclusion": "conclusions", "contrast": "contrast",
                "concession": "concession", "example": "examples", "addition": "reasons",
                "sequence": "sequence", "coordination": "coordination"}.get(function, "")
        return function if function and self.on(rule) else ""

    def contrast_ahead(self, unit: Unit) -> bool:
        """True when one of the next two statements of the paragraph opens with (or holds) a contrast."""
        ahead = [u for u in self.units[unit.index + 1:unit.index + 3] if u.paragraph == unit.paragraph]
        return any(u.function == "contrast" or "contrast" in u.inner for u in ahead)

    # ------------------------------------------------------------ one handler per function
    def _support(self, unit: Unit):
        n, direction = unit.index, unit.lead.direction
        host = None
        if direction == "before":
            host = self.prev_in_sentence(n)
        elif direction == "after":
            host = self.next_in_sentence(n)
            if host is None and "," in unit.text:
                return False  # "Since the start of the offensive, ...": no reason clause was found
        if host is None:
            host = n - 1 if n > 0 else self.main(n)
        self.link(n, host, "support", self.marker(unit), unit.lead.why)

    def _example(self, unit: Unit):
        n = unit.index
        self.link(n, n - 1 if n > 0 else self.main(n), "support", self.marker(unit, "for instance"),
                  self.why(unit, "example of the statement before it"))

    def _addition(self, unit: Unit):
        self.concession = self.seq_item = None
        self.link(unit.index, self.main(unit.index), "support", self.marker(unit), unit.lead.why)

    def _conclusion(self, unit: Unit):
        n = unit.index
        premises = list(self.pending)
        if not premises and n > 0 and not self.is_head(n - 1):
            earlier = self.links.get(n - 1)
            if earlier is None or earlier.default:
                premises = [n - 1]
        elif not premises and n > 0 and self.units[n - 1].paragraph != unit.paragraph and n != self.central:
            before = self.main(n - 1) if not self.is_head(n - 1) else n - 1  # "Hence ..." opening a paragraph:
            earlier = self.links.get(before)                                   # the paragraph before leads to it
            if before != self.central and earlier is not None and earlier.default:
                premises = [before]
        marker = self.marker(unit, "therefore")
        for p in premises:
            self.link(p, n, "support", marker, "premise of the conclusion it marks")
        if self.is_head(n):
            self.link(n, self.main(n), "support", POSITION, self.head_why(n), default=True)
        elif self.on("pending") and self.main(n) not in self.seen_heads:
            self.pending[n] = None
        else:
            self.default(n)

    def _contrast(self, unit: Unit):
        n = unit.index
        marker, word = self.marker(unit, "however"), unit.lead_phrase or "however"
        prev = n - 1 if n > 0 else None
        if self.concession is not None or self.answered is not None and n - 1 in self.counter:
            granted = self.concession if self.concession is not None else self.answered
            self.link(n, granted, "attack", marker, "answers the point granted before it")
            self.concession, self.answered, self.counter = None, granted, {n}
        elif prev is not None and prev in self.aside and prev in self.links:
            host_link = self.links.get(self.links[prev].target)
            target = host_link.target if host_link and host_link.label == "support" else self.main(n)
            self.link(n, target, "support", marker, "returns from the concession to the line of argument")
        elif prev is not None and self.on("retro-concession") and self.retro(prev):
            group = self.joined(prev)
            for g in group:
                self.link(g, self.main(g), "attack", POSITION, f"the point granted, which the next '{word}' answers")
            self.link(n, group[0], "attack", marker, "answers the point granted before it")
            self.answered, self.counter = group[0], {n}
        else:
            self.link(n, self.main(n), "attack", marker, "an objection to the main claim")
            self.concession = n

    def retro(self, prev: int) -> bool:
        """True when the statement ``prev`` just before a contrast (with the clauses joined to it by "and")
        is unmarked, so that it may be the point the contrast answers."""
        first = self.joined(prev)[0]
        unit = self.units[first]
        if any(self.is_head(g) for g in self.joined(prev)) or unit.lead is not None or unit.inner:
            return False
        return first in self.pending or (first in self.links and self.links[first].default)

    def joined(self, n: int) -> list[int]:
        """``n`` and the clauses before it it is joined to by "and"/"or" (first one first)."""
        group = [n]
        while group[0] > 0 and self.units[group[0]].function == "coordination" and not self.units[group[0]].after_and:
            group.insert(0, group[0] - 1)
        return group

    def _concession(self, unit: Unit):
        n = unit.index
        direction = unit.lead.direction if unit.lead else "main"
        marker, why = self.marker(unit, "of course"), self.why(unit, "concession voices the other side")
        host = None
        if direction == "before":
            host = self.prev_in_sentence(n)
        elif direction == "after":
            host = self.next_in_sentence(n)
        if host is None:
            self.link(n, self.main(n), "attack", marker, why)
            self.concession = n
            return
        if direction == "before" and self.on("retro-concession") and not self.is_head(host) \
                and hedged(self.units[host]) and not hedged(unit):
            # "He might have been right about that, though analysts noted ...": the hedged clause is granted
            self.link(host, self.main(host), "attack", POSITION, f"the point granted, hedged, which the next "
                                                                 f"'{unit.lead_phrase}' answers")
            self.link(n, host, "attack", marker, "answers the hedged point before it")
            self.answered, self.counter = host, {n}
            return
        while direction == "before" and self.units[host].split_by == "dash" and host in self.links \
                and self.links[host].why == ELABORATES:
            host = self.links[host].target  # skip an aside set off by dashes, to the clause it explains
        self.aside.add(n)
        self.link(n, host, "attack", marker, why, undercut=self.on("undercut") and not self.is_head(host))

    def _sequence(self, unit: Unit):
        n = unit.index
        self.concession = None
        if unit.first_item or self.seq_target is None:
            self.seq_target = n - 1 if n > 0 and self.is_head(n - 1) else self.main(n)
        self.seq_item = n
        self.link(n, self.seq_target, "support", self.marker(unit), unit.lead.why)

    def _coordination(self, unit: Unit):
        n = unit.index
        if n == 0:
            return False
        prev = n - 1
        if prev in self.pending:
            self.pending[n] = None
            return None
        earlier = self.links.get(prev)
        if earlier is None:
            self.link(n, prev, "support", self.marker(unit), unit.lead.why)
        else:
            self.link(n, earlier.target, earlier.label, self.marker(unit), unit.lead.why,
                      undercut=earlier.undercut, default=earlier.default)
        if prev in self.aside:
            self.aside.add(n)
        return None

    def _unmarked(self, unit: Unit):
        n = unit.index
        if self.is_head(n):
            self.link(n, self.main(n), "support", POSITION, self.head_why(n), default=True)
        elif unit.clause > 0 and unit.split_by != "subordinate" and self.on("elaboration"):
            self.link(n, n - 1, "support", POSITION, ELABORATES)
        elif self.concession is not None:
            self.link(n, self.concession, "support", POSITION, "continues the point granted before it")
        elif self.seq_item is not None:
            self.link(n, self.seq_item, "support", POSITION, "explains the item of the enumeration before it")
        elif self.on("pending") and self.main(n) not in self.seen_heads:
            self.pending[n] = None
        else:
            self.default(n)


def propose_links(units: Sequence[Unit], central: int, heads: dict[int, int],
                  off: frozenset[str] = frozenset()) -> dict[int, Link]:
    """Source unit index -> its :class:`Link`, for every unit but ``central``; never a cycle."""
    links = _Pass(units, central, heads, off).run()
    _break_cycles(links, central)
    return links


def _break_cycles(links: dict[int, Link], central: int) -> None:
    """Re-point any link that closes a loop to the main claim (links are followed through undercuts too).

    One pass: each unit is walked once; a walk that meets its own path has found a loop.
    """
    done: set[int] = set()
    for start in sorted(links):
        path: list[int] = []
        on_path: set[int] = set()
        n = start
        while n != central and n in links and n not in done:
            if n in on_path:  # a loop: cut the latest link in it
                loop = path[path.index(n):]
                last = max(loop)
                links[last] = Link(last, central, "support", POSITION, AFTER, default=True)
                break
            path.append(n)
            on_path.add(n)
            n = links[n].target
        done.update(path)
