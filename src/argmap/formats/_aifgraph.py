"""Turn an AIF node/edge graph into a native map document.

Both the AIF JSON reader and the GraphML reader (for yEd maps drawn with AIF
node types) collect plain :class:`AifNode` records and ``(from, to)`` edges,
then call :func:`build_document`. Ids are the AIF ``nodeID`` as a string:
AIF ids are unique across all node types, so no prefix is needed.

Mapping: I-nodes become statements (kind ``claim`` unless the node carries
an ``argmap`` kind); RA-nodes become inferences (all I-node premises into one
RA are linked); CA-nodes become conflicts (a CA whose target is an RA is an
undercut); MA-nodes (rephrase) become a note on both statements; dialogue
nodes (L, YA, TA, PA, ...) are left out with one summary warning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from argmap.limits import LIMITS
from argmap.model import FormatError, Position

MAX_LISTED = 8
"""At most this many node types are listed in the warning about left-out nodes."""
GENERIC_SCHEMES = {"", "ra", "ca", "ma", "default inference", "default conflict", "default rephrase",
                   "default transition", "ra-node", "ca-node", "ma-node"}


@dataclass
class AifNode:
    """One AIF node as read from a file.

    ``where`` names it in messages (a JSON path or an XML line);
    ``fields`` holds argmap's own fields (kind, basis, note, ...) when the
    file carries them.
    """

    id: str
    type: str
    text: str
    where: str
    position: Position | None = None
    scheme: str = ""
    fields: dict = field(default_factory=dict)


def node_type(raw: str) -> str:
    """``"I-node"``, ``"i"`` and ``"I"`` all give ``"I"``."""
    text = raw.strip().upper()
    return text[:-5] if text.endswith("-NODE") else text


class _Builder:
    def __init__(self, nodes: list[AifNode], edges: list[tuple[str, str]], name: str, warnings: list[str]):
        self.name = name
        self.warnings = warnings
        self.nodes: dict[str, AifNode] = {}
        for node in nodes:
            if node.id in self.nodes:
                raise FormatError(name, f"duplicate nodeID {shown(node.id)}: node ids must be unique",
                                  element=node.where)
            self.nodes[node.id] = node
        self.into: dict[str, list[str]] = {}
        self.out_of: dict[str, list[str]] = {}
        self._index_edges(edges)

    def _index_edges(self, edges: list[tuple[str, str]]) -> None:
        seen: set[tuple[str, str]] = set()
        missing = duplicate = loops = 0
        for src, dst in edges:
            if src not in self.nodes or dst not in self.nodes:
                missing += 1
            elif src == dst:
                loops += 1
            elif (src, dst) in seen:
                duplicate += 1
            else:
                seen.add((src, dst))
                self.out_of.setdefault(src, []).append(dst)
                self.into.setdefault(dst, []).append(src)
        if missing:
            self.warn(f"{missing} edge(s) name a node that does not exist: left out")
        if duplicate:
            self.warn(f"{duplicate} duplicate edge(s) read once")
        if loops:
            self.warn(f"{loops} edge(s) from a node to itself: left out")

    def warn(self, text: str) -> None:
        """Add one warning; values in it are already quoted with :func:`shown`, line breaks are a last resort."""
        self.warnings.append(" ".join(text.splitlines()))

    def typed(self, ids: list[str], *types: str) -> list[str]:
        return [i for i in ids if self.nodes[i].type in types]

    def build(self) -> dict:
        statements = {n.id: self.statement(n) for n in self.nodes.values() if n.type == "I"}
        if len(statements) > LIMITS.max_statements:
            raise FormatError(self.name, f"{len(statements):,} statements: above the limit of "
                                         f"{LIMITS.max_statements:,} (ARGMAP_MAX_STATEMENTS raises it)")
        inferences = [i for n in self.nodes.values() if n.type == "RA" for i in [self.inference(n)] if i]
        kept = {i["id"] for i in inferences}
        conflicts = [c for n in self.nodes.values() if n.type == "CA" for c in [self.conflict(n, kept)] if c]
        for n in self.nodes.values():
            if n.type == "MA":
                self.rephrase(n, statements)
        self.summarise_left_out()
        return {"statements": list(statements.values()), "inferences": inferences, "conflicts": conflicts}

    def statement(self, node: AifNode) -> dict:
        if len(node.text) > LIMITS.max_text_chars:
            raise FormatError(self.name, f"text of {len(node.text):,} characters is above the limit of "
                                         f"{LIMITS.max_text_chars:,} (ARGMAP_MAX_TEXT_CHARS raises it)",
                              element=node.where)
        out = {"id": node.id, "kind": "claim", "text": node.text}
        if node.position is not None:
            out["position"] = {"x": node.position.x, "y": node.position.y}
        out.update(node.fields)
        return out

    def inference(self, node: AifNode) -> dict | None:
        premises = self.typed(self.into.get(node.id, []), "I")
        conclusions = self.typed(self.out_of.get(node.id, []), "I")
        if not premises or not conclusions:
            what = "premise" if not premises else "conclusion"
            self.warn(f"{node.where}: RA node {shown(node.id)} has no {what}: left out")
            return None
        if len(conclusions) > 1:
            self.warn(f"{node.where}: RA node {shown(node.id)} has {len(conclusions)} conclusions: "
                      f"only {shown(conclusions[0])} is kept")
        conclusion = conclusions[0]
        if conclusion in premises:
            self.warn(f"{node.where}: RA node {shown(node.id)} lists its conclusion {shown(conclusion)} as a "
                      "premise: that premise is dropped")
            premises = [p for p in premises if p != conclusion]
            if not premises:
                return None
        self.check_count(node, premises, "premises")
        return self.with_comments(node, {"id": node.id, "premises": premises, "conclusion": conclusion,
                                         "note": self.note(node)})

    def conflict(self, node: AifNode, inferences: set[str]) -> dict | None:
        attackers = self.typed(self.into.get(node.id, []), "I")
        outs = [t for t in self.out_of.get(node.id, []) if self.nodes[t].type in ("I", "RA", "CA", "MA")]
        targets = [t for t in outs if self.nodes[t].type == "I" or t in inferences]
        if not attackers or not targets:
            if not attackers:
                why = "has no attacker"
            elif outs:
                why = f"targets {shown(self.nodes[outs[0]].type, 20)} node {shown(outs[0])}, which is not in the map"
            else:
                why = "has no target"
            self.warn(f"{node.where}: CA node {shown(node.id)} {why}: left out")
            return None
        if len(targets) > 1:
            self.warn(f"{node.where}: CA node {shown(node.id)} has {len(targets)} targets: "
                      f"only {shown(targets[0])} is kept")
        target = targets[0]
        if target in attackers:
            self.warn(f"{node.where}: CA node {shown(node.id)} attacks its own attacker {shown(target)}: "
                      "that attacker is dropped")
            attackers = [a for a in attackers if a != target]
            if not attackers:
                return None
        self.check_count(node, attackers, "attackers")
        return self.with_comments(node, {"id": node.id, "attackers": attackers, "target": target,
                                         "note": self.note(node)})

    @staticmethod
    def with_comments(node: AifNode, row: dict) -> dict:
        """``row`` with the node's comments (SPEC §6), when argmap wrote any."""
        if "comments" in node.fields:
            row["comments"] = node.fields["comments"]
        return row

    def check_count(self, node: AifNode, ids: list[str], what: str) -> None:
        if len(ids) > LIMITS.max_premises:
            raise FormatError(self.name, f"{len(ids):,} {what}: above the limit of {LIMITS.max_premises:,} "
                                         "(ARGMAP_MAX_PREMISES raises it)", element=node.where)

    def note(self, node: AifNode) -> str:
        if "note" in node.fields:
            return node.fields["note"]
        scheme = (node.scheme or node.text).strip()
        return f"scheme: {scheme}" if scheme.lower() not in GENERIC_SCHEMES else ""

    def rephrase(self, node: AifNode, statements: dict[str, dict]) -> None:
        sources = self.typed(self.into.get(node.id, []), "I")
        targets = self.typed(self.out_of.get(node.id, []), "I")
        if not sources or not targets:
            self.warn(f"{node.where}: MA node {shown(node.id)} (rephrase) lacks one of its two statements: "
                      "left out")
            return
        for src in sources:
            for dst in targets:
                _add_note(statements[src], f"rephrased as {dst}: {_short(statements[dst]['text'])}")
                _add_note(statements[dst], f"rephrases {src}: {_short(statements[src]['text'])}")

    def summarise_left_out(self) -> None:
        counts = Counter(n.type for n in self.nodes.values() if n.type not in ("I", "RA", "CA", "MA"))
        if counts:
            parts = ", ".join(f"{_type_word(t)} {c}" for t, c in sorted(counts.items())[:MAX_LISTED])
            if len(counts) > MAX_LISTED:
                parts += f", and {len(counts) - MAX_LISTED} other type(s)"
            self.warn(f"left out {sum(counts.values())} dialogue or other non-argument node(s) and their edges: "
                      f"{parts}")


def shown(value: object, width: int = 40) -> str:
    """``value`` quoted for a one-line message: ``repr`` (odd characters escaped), cut to ``width``.

    Parameters
    ----------
    value : object
        A node id, node type or other value read from the file.
    width : int
        The longest text kept before ``...`` is appended.
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _type_word(node_type: str) -> str:
    """A node type as it is when it is a short plain word (``YA``, ``TA``), else quoted by :func:`shown`."""
    plain = node_type.replace("-", "").replace("_", "")
    return node_type if plain.isalnum() and plain.isascii() and len(node_type) <= 20 else shown(node_type, 20)


def _add_note(statement: dict, text: str) -> None:
    old = statement.get("note", "")
    if text not in old.split("\n"):
        statement["note"] = f"{old}\n{text}" if old else text


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def build_document(nodes: list[AifNode], edges: list[tuple[str, str]], name: str,
                   warnings: list[str] | None = None) -> dict:
    """A native ``.argmap`` document (without format/version) from an AIF graph.

    Parameters
    ----------
    nodes : list of AifNode
        Every node, in document order.
    edges : list of (str, str)
        ``(fromID, toID)`` pairs, in document order (it gives premise order).
    name : str
        File name for messages.
    warnings : list of str, optional
        Receives one line per thing left out or repaired.

    Raises
    ------
    FormatError
        On duplicate node ids or limits exceeded.
    """
    sink = warnings if warnings is not None else []
    return _Builder(nodes, edges, name, sink).build()
