"""The three kinds of element of an argument map (SPEC §1).

Elements are plain dataclasses. They compare by value, so two maps built the
same way are equal, which is what undo tests and round-trip tests rely on.
Mutate them only through :class:`argmap.model.ArgumentMap`, which keeps the
invariants and tells observers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

KINDS = ("claim", "evidence", "recommendation")
"""Statement kinds, in the order the UI offers them."""

STATEMENT_FIELDS = ("kind", "text", "basis", "source", "anchors", "note", "tags", "position", "pinned")
INFERENCE_FIELDS = ("premises", "conclusion", "note")
CONFLICT_FIELDS = ("attackers", "target", "note")


@dataclass(frozen=True)
class Anchor:
    """A span of the source text: code-point offsets ``[start, end)`` and the quoted text."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Position:
    """Where a statement's box sits on the canvas (its centre, in scene units)."""

    x: float
    y: float


@dataclass(slots=True)
class Statement:
    """A claim, a piece of evidence or a recommendation."""

    id: str
    kind: str
    text: str
    basis: str = ""
    source: str = ""
    anchors: tuple[Anchor, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    position: Position | None = None
    pinned: bool = False

    def copy(self, **changes) -> Statement:
        return replace(self, **changes)


@dataclass(slots=True)
class Inference:
    """Support: ``premises`` jointly (linked) support ``conclusion``."""

    id: str
    premises: tuple[str, ...]
    conclusion: str
    note: str = ""

    def copy(self, **changes) -> Inference:
        return replace(self, **changes)


@dataclass(slots=True)
class Conflict:
    """Attack: ``attackers`` jointly attack ``target`` (a statement or an inference)."""

    id: str
    attackers: tuple[str, ...]
    target: str
    note: str = ""

    def copy(self, **changes) -> Conflict:
        return replace(self, **changes)


Element = Statement | Inference | Conflict


@dataclass
class SourceInfo:
    """Bibliographic data of the text the map analyses (all fields optional)."""

    title: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    sha256: str = ""
    path: str = ""
    extra: dict = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self == SourceInfo()
