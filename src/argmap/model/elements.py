"""The elements of an argument map (SPEC §1, §5, §6).

Elements are plain dataclasses. They compare by value, so two maps built the
same way are equal, which is what undo tests and round-trip tests rely on.
Mutate them only through :class:`argmap.model.ArgumentMap`, which keeps the
invariants and tells observers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

KINDS = ("claim", "evidence", "recommendation")
"""Statement kinds, in the order the UI offers them."""

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}
"""Admiralty source reliability codes (SPEC §5), best first, with their meaning."""

CREDIBILITY = {1: "confirmed by other independent sources", 2: "probably true", 3: "possibly true",
               4: "doubtful", 5: "improbable", 6: "cannot be judged"}
"""Admiralty information credibility grades (SPEC §5); a statement without one counts as 6."""

STATEMENT_FIELDS = ("kind", "text", "basis", "source", "anchors", "note", "tags", "position", "pinned",
                    "cites", "credibility", "assumed", "comments")
INFERENCE_FIELDS = ("premises", "conclusion", "note", "comments")
CONFLICT_FIELDS = ("attackers", "target", "note", "comments")
SOURCE_FIELDS = ("title", "reliability", "via", "url", "note", "comments")


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


@dataclass(frozen=True)
class Comment:
    """A reviewer's remark on an element (SPEC §6). Content, but never changes a check."""

    text: str
    author: str = ""
    date: str = ""
    resolved: bool = False


@dataclass(slots=True)
class Statement:
    """A claim, a piece of evidence or a recommendation.

    ``cites`` (source ids) and ``credibility`` (1-6, ``None`` when not
    given, which counts as 6) are for evidence only; ``assumed`` for claims
    only (a stated assumption, a ground like evidence).
    """

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
    cites: tuple[str, ...] = ()
    credibility: int | None = None
    assumed: bool = False
    comments: tuple[Comment, ...] = ()

    def copy(self, **changes) -> Statement:
        return replace(self, **changes)


@dataclass(slots=True)
class Inference:
    """Support: ``premises`` jointly (linked) support ``conclusion``."""

    id: str
    premises: tuple[str, ...]
    conclusion: str
    note: str = ""
    comments: tuple[Comment, ...] = ()

    def copy(self, **changes) -> Inference:
        return replace(self, **changes)


@dataclass(slots=True)
class Conflict:
    """Attack: ``attackers`` jointly attack ``target`` (a statement or an inference)."""

    id: str
    attackers: tuple[str, ...]
    target: str
    note: str = ""
    comments: tuple[Comment, ...] = ()

    def copy(self, **changes) -> Conflict:
        return replace(self, **changes)


@dataclass(slots=True)
class Source:
    """Where evidence comes from (SPEC §5): a report, a person, a document.

    ``reliability`` is the Admiralty code A-F (F: cannot be judged);
    ``via`` the id of the source through which this one's information
    reaches the analyst (``""``: directly).
    """

    id: str
    title: str
    reliability: str = "F"
    via: str = ""
    url: str = ""
    note: str = ""
    comments: tuple[Comment, ...] = ()

    def copy(self, **changes) -> Source:
        return replace(self, **changes)


Element = Statement | Inference | Conflict | Source


@dataclass(frozen=True)
class MergeConflict:
    """One conflict a three-way merge left for a person to settle (SPEC §6).

    ``field`` is ``"removed"`` for a removal conflict; ``base``, ``ours`` and
    ``theirs`` are JSON values, ``None`` where the side has no value.
    """

    id: str
    field: str
    base: object = None
    ours: object = None
    theirs: object = None


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

    def copy(self) -> SourceInfo:
        """A deep copy (``extra`` included)."""
        return SourceInfo(**{**self.__dict__, "extra": copy.deepcopy(self.extra)})


FIELDS = {Statement: STATEMENT_FIELDS, Inference: INFERENCE_FIELDS, Conflict: CONFLICT_FIELDS, Source: SOURCE_FIELDS}
"""The fields :meth:`ArgumentMap.update` may change, by element type."""
