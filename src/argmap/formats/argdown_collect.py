"""Argdown syntax tree to items and events: the first pass of :mod:`argmap.formats.argdown_mapper`.

Every equivalence class ``[T]`` and argument ``<T>`` becomes one :class:`Item`
(texts, tags and data gathered from all its mentions, in document order);
every relation and premise-conclusion structure becomes an event, replayed
by the mapper once the statements have ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.formats import argdown_parser as ap
from argmap.formats._native_reader import Reader

RELATION_KEYS = {"inference", "inference_note", "inference_comments", "conflict", "conflict_note", "conflict_comments"}
"""Data keys of an element that belong to the relation it is the child of."""


@dataclass
class Item:
    """A statement-to-be: an equivalence class or an unreconstructed argument."""

    kind: str  # "ec" or "arg"
    title: str
    order: int
    line: int
    text: str = ""
    has_text: bool = False
    tags: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    section: str = ""
    pcs: ap.Pcs | None = None
    steps: list[str] = field(default_factory=list)


class Collector:
    """Gathers the items and events of a parsed document (:meth:`collect`); the mapper builds on it."""

    def __init__(self, name: str, warnings: list[str]):
        self.name = name
        self.warnings = warnings
        self.items: dict[tuple[str, str], Item] = {}
        self.events: list[tuple] = []
        self.untitled = 0
        self.anonymous = 0
        self.section = ""
        self.strict = False
        self.native = Reader(name)  # the native format's own rules, for what argmap keeps in {data}

    def warn(self, line: int, text: str) -> None:
        self.warnings.append(f"line {line}: " + " ".join(text.splitlines()))

    def item(self, kind: str, title: str, line: int) -> Item:
        key = (kind, title)
        if key not in self.items:
            self.items[key] = Item(kind, title, len(self.items), line, section=self.section)
        return self.items[key]

    def node(self, node: ap.Node) -> tuple[str, str]:
        """Register an element; returns its key ("ec"|"arg", title)."""
        c = node.content
        if c.kind == "statement":
            if c.title is None:
                self.untitled += 1
                title = f"Untitled {self.untitled}"
                while ("ec", title) in self.items:
                    title += "'"
            else:
                title = c.title
            it = self.item("ec", title, c.line)
        else:
            it = self.item("arg", c.title, c.line)
        relation_data = {k: c.data.pop(k) for k in list(c.data) if k in RELATION_KEYS}
        if c.definition and c.text:
            if not it.has_text:
                it.text, it.has_text = c.text, True
            elif it.kind == "ec" and it.text != c.text:
                self.warn(c.line, f"[{it.title}] is defined again with another text; the first text is kept")
        for t in c.tags:
            if t not in it.tags:
                it.tags.append(t)
        it.data.update(c.data)
        c.data = relation_data
        return (it.kind, it.title)

    def relations(self, parent: tuple, relations: list[ap.Relation]) -> None:
        for rel in relations:
            child = self.node(rel.child)
            self.events.append(("relation", rel.symbol, parent, child, rel.line, rel.child.content.data))
            self.relations(child, rel.child.relations)

    def pcs(self, pcs: ap.Pcs) -> None:
        if pcs.argument is not None:
            it = self.item("arg", pcs.argument.title, pcs.line)
        else:
            self.anonymous += 1
            it = self.item("arg", f"\x00Untitled {self.anonymous}", pcs.line)
        if it.pcs is not None:
            self.warn(pcs.line, f"argument <{it.title}> already has a premise-conclusion structure (line "
                                f"{it.pcs.line}); this one is read as a separate argument")
            self.anonymous += 1
            it = self.item("arg", f"\x00Untitled {self.anonymous}", pcs.line)
        it.pcs = pcs
        keys: list[tuple[str, tuple]] = []
        for step in pcs.steps:
            if isinstance(step, ap.PcsStatement):
                keys.append((str(step.number), self.node(step.node)))
        self.events.append(("pcs", it, keys))
        numbered = iter(keys)
        for step in pcs.steps:
            if isinstance(step, ap.PcsStatement):
                _num, key = next(numbered)
                self.relations(key, step.node.relations)
            else:
                self.relations(("inf", (it.title, id(step))), step.relations)

    def collect(self, doc: ap.Document) -> None:
        model = doc.front_matter.get("model")
        self.strict = isinstance(model, dict) and model.get("mode") == "strict"
        for entry in doc.items:
            if isinstance(entry, ap.Heading):
                self.section = entry.text
            elif isinstance(entry, ap.Pcs):
                self.pcs(entry)
            else:
                key = self.node(entry)
                self.relations(key, entry.relations)
