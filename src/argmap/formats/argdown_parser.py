"""Argdown block parser: blocks of lines to a small syntax tree.

Private helper of :mod:`argmap.formats.argdown`. The tree keeps what the
mapper needs: top-level elements with their relation trees, premise-
conclusion structures (pcs) with their inferences, headings and the front
matter. Syntax errors raise :class:`~argmap.model.FormatError` with the
line and column and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.formats import argdown_lexer as lx
from argmap.formats.argdown_data import DataTracker, parse_yaml


@dataclass
class Node:
    """An element (statement or argument) with the relations drawn below it."""

    content: lx.Content
    relations: list[Relation] = field(default_factory=list)


@dataclass
class Relation:
    """``symbol`` between the parent (the owner of the list) and ``child``."""

    symbol: str
    child: Node
    line: int


@dataclass
class PcsInference:
    """An inference line of a pcs: rules, data and undercut relations."""

    line: int
    rules: str = ""
    data: dict = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class PcsStatement:
    """``(number) statement`` in a pcs; ``conclusion`` when an inference precedes it."""

    number: int
    node: Node
    conclusion: bool


@dataclass
class Pcs:
    """A premise-conclusion structure; ``argument`` is the title it belongs to (None: anonymous)."""

    line: int
    argument: lx.Content | None
    steps: list[PcsStatement | PcsInference] = field(default_factory=list)


@dataclass
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Document:
    front_matter: dict
    items: list[Node | Pcs | Heading]


class Parser:
    """Parses one Argdown text; use :func:`parse`."""

    def __init__(self, name: str, warnings: list[str]):
        self.name = name
        self.warnings = warnings

    def fail(self, rule: str, line: int, column: int | None = None):
        lx.fail(self.name, rule, line, column)

    # -------------------------------------------------------------- document
    def document(self, text: str) -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
        text, yaml_text, fm_line = lx.split_front_matter(text)
        front: dict = {}
        if yaml_text is not None and yaml_text.strip():
            try:
                value = parse_yaml(yaml_text, True)
            except ValueError as exc:
                self.fail(f"front matter is not valid YAML: {exc}", fm_line)
            if isinstance(value, dict):
                front = value
            elif value is not None:
                self.warnings.append(f"line {fm_line}: front matter is not a mapping and was ignored")
        items: list[Node | Pcs | Heading] = []
        for block in lx.blocks(text):
            for line in block:
                what = lx.unsupported(line)
                if what:
                    self.warnings.append(f"line {line.number}: {what} is not supported and was read as text")
            self.block(block, items)
        return Document(front, items)

    def block(self, block: list[lx.Line], items: list) -> None:
        first = block[0]
        heading = lx.HEADING.match(first.text)
        if heading:
            self.heading(block, len(heading.group(1)), items)  # a heading runs to the next empty line
        elif lx.PCS_NUMBER.match(first.text):
            previous = items[-1] if items else None
            owner = previous.content if isinstance(previous, Node) and previous.content.kind == "argument" else None
            items.append(self.pcs(block, owner))
        elif lx.INFERENCE.match(first.text):
            self.fail("an inference line (--) must follow a numbered premise (1) of a premise-conclusion "
                      "structure", first.number, 1)
        elif lx.RELATION.match(first.text):
            symbol = lx.RELATION.match(first.text).group(2)
            self.fail(f"a paragraph may not start with a relation ({symbol}): put the relation directly "
                      "below its parent element, without an empty line", first.number, 1)
        elif lx.LIST_ITEM.match(first.text):
            self.list_items(block, items)
        else:
            items.append(self.tree(block))

    def heading(self, lines: list[lx.Line], level: int, items: list) -> None:
        line = lines[0]
        body = "\n".join([lx.HEADING.sub("", line.text, count=1)] + [ln.text for ln in lines[1:]])
        content = lx.parse_content(body, self.name, line.number, level + 2, self.warnings)
        items.append(Heading(level, content.text or (content.title or ""), line.number))

    def list_items(self, block: list[lx.Line], items: list) -> None:
        start = 0
        for n in range(1, len(block) + 1):
            if n == len(block) or lx.LIST_ITEM.match(block[n].text):
                first = block[start]
                body = "\n".join([lx.LIST_ITEM.sub("", first.text, count=1)] + [ln.text for ln in block[start + 1:n]])
                items.append(Node(lx.parse_content(body, self.name, first.number, 1, self.warnings)))
                start = n

    # -------------------------------------------------------------- relation trees
    def element(self, lines: list[lx.Line], prefix_len: int) -> Node:
        first = lines[0]
        body = "\n".join([first.text[prefix_len:]] + [ln.text for ln in lines[1:]])
        column = prefix_len + 1 + (len(first.text[prefix_len:]) - len(first.text[prefix_len:].lstrip()))
        content = lx.parse_content(body, self.name, first.number, column, self.warnings)
        if content.definition and not content.text and content.title is None:
            self.fail("missing text content: add a line of text or refer to a statement [Title] "
                      "or argument <Title>", first.number, column)
        return Node(content)

    def segments(self, lines: list[lx.Line], allow_pcs: bool) -> list[tuple[str, list[lx.Line]]]:
        """Split lines into element segments: ('start'|'relation'|'pcs'|'inference', lines)."""
        out: list[tuple[str, list[lx.Line]]] = []
        data = DataTracker()  # is a data element of the last segment still open?
        for line in lines:
            kind = "text" if data.is_open else self.line_kind(line, allow_pcs, bool(out))
            if kind == "text" and out:
                out[-1][1].append(line)
            else:
                out.append(("start" if kind == "text" else kind, [line]))
                data = DataTracker()
            data.feed(line.text)
        return out

    def line_kind(self, line: lx.Line, allow_pcs: bool, started: bool) -> str:
        if lx.PCS_NUMBER.match(line.text):
            if not allow_pcs:
                self.fail("a premise-conclusion structure must be preceded by an empty line", line.number, 1)
            return "pcs"
        if lx.INFERENCE.match(line.text):
            if not allow_pcs:
                self.fail("an inference line (--) is only allowed inside a premise-conclusion structure, "
                          "after a numbered premise", line.number, 1)
            return "inference"
        if started and lx.RELATION.match(line.text):
            return "relation"
        if started and (lx.STATEMENT_DEF.match(line.text.strip()) or lx.ARGUMENT_DEF.match(line.text.strip())):
            self.fail("a definition must start a new paragraph: insert an empty line before it, or a relation "
                      "symbol (+, -) to relate it to the element above", line.number,
                      len(line.text) - len(line.text.lstrip()) + 1)
        return "text"

    def tree(self, block: list[lx.Line]) -> Node:
        segments = self.segments(block, allow_pcs=False)
        root = self.element(segments[0][1], 0)
        self.relations(root.relations, segments[1:])
        return root

    def relations(self, target: list[Relation], segments: list[tuple[str, list[lx.Line]]]) -> None:
        """Attach relation segments to ``target`` (the root's list) by indentation, as Argdown does."""
        levels = [0]
        chain: list[list[Relation]] = [target]
        for _kind, lines in segments:
            m = lx.RELATION.match(lines[0].text)
            indent = len(m.group(1).expandtabs(4))
            if indent > levels[-1]:
                levels.append(indent)
            else:
                while len(levels) > 1 and indent < levels[-1]:
                    levels.pop()
            depth = len(levels) - 1
            if depth == 0:
                self.fail("invalid relation: indent the relation more than its parent element "
                          "(and at the same depth as its siblings)", lines[0].number, indent + 1)
            node = self.element(lines, m.end())
            chain = chain[:depth]
            chain[depth - 1].append(Relation(m.group(2), node, lines[0].number))
            chain.append(node.relations)

    # -------------------------------------------------------------- pcs
    def pcs(self, block: list[lx.Line], owner: lx.Content | None) -> Pcs:
        pcs = Pcs(block[0].number, owner)
        segments = self.segments(self.inference_lines(block), allow_pcs=True)
        pending: PcsInference | None = None
        current: list[Relation] | None = None
        rel_run: list[tuple[str, list[lx.Line]]] = []
        for kind, lines in segments + [("end", [])]:
            if kind == "relation":
                rel_run.append((kind, lines))
                continue
            if rel_run:
                self.relations(current, rel_run)
                rel_run = []
            if kind == "end":
                break
            if kind == "inference":
                if pending is not None or not pcs.steps:
                    self.fail("an inference must follow a premise: add a numbered statement (1) before it",
                              lines[0].number, 1)
                pending = self.inference(lines)
                pcs.steps.append(pending)
                current = pending.relations
            elif kind == "pcs":
                m = lx.PCS_NUMBER.match(lines[0].text)
                node = self.element(lines, m.end())
                pcs.steps.append(PcsStatement(int(m.group(2)), node, pending is not None))
                pending = None
                current = node.relations
            else:
                self.fail("unexpected text in a premise-conclusion structure", lines[0].number, 1)
        self.check_pcs(pcs)
        return pcs

    def inference_lines(self, block: list[lx.Line]) -> list[lx.Line]:
        """Join an expanded inference (``--`` … ``--`` over several lines) into one line."""
        out: list[lx.Line] = []
        n = 0
        while n < len(block):
            line = block[n]
            if lx.INFERENCE.match(line.text):
                rest = line.text.strip()[2:]
                joined = [rest]
                while "--" not in "\n".join(joined):
                    n += 1
                    if n >= len(block) or lx.PCS_NUMBER.match(block[n].text):
                        self.fail("invalid inference: end it with two hyphens (--)", line.number,
                                  len(line.text) + 1)
                    joined.append(block[n].text)
                out.append(lx.Line(line.number, "--" + "\n".join(joined)))
            else:
                out.append(line)
            n += 1
        return out

    def inference(self, lines: list[lx.Line]) -> PcsInference:
        line = lines[0]
        inner = line.text.strip()[2:]
        end = inner.find("--")
        body, after = inner[:end], inner[end:].lstrip("-").strip()
        if after:
            self.fail(f"unexpected text after the inference line: {after[:30]!r}", line.number)
        inf = PcsInference(line.number)
        if body.strip():
            content = lx.parse_content(body, self.name, line.number, 3, self.warnings)
            inf.rules, inf.data = content.text, content.data
        return inf

    def check_pcs(self, pcs: Pcs) -> None:
        last = pcs.steps[-1]
        if not isinstance(last, PcsStatement) or not last.conclusion:
            self.fail("incomplete premise-conclusion structure: it needs premises (1), an inference line "
                      "(----) and a conclusion (n) at the end", pcs.line, 1)
        for step in pcs.steps:
            if isinstance(step, PcsStatement) and step.node.content.kind == "argument":
                self.fail("an argument cannot be a premise or conclusion: use a statement", step.node.content.line,
                          step.node.content.column)


def parse(text: str, name: str, warnings: list[str]) -> Document:
    """Parse Argdown ``text`` into a :class:`Document` (raises ``FormatError``)."""
    return Parser(name, warnings).document(text)

