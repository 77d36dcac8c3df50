"""The precise reader of the native format: every rule of SPEC §2, §5 and §6, named by element and JSON path.

:func:`argmap.formats.native.loads` tries the fast reader first
(:mod:`argmap.formats._native_fast`); whatever it doubts comes here, so a
file that breaks a rule is refused as a whole with the file, the element
and the rule in one line.
"""

from __future__ import annotations

import json

from argmap.limits import LIMITS
from argmap.model import (
    KINDS,
    RELIABILITY,
    Anchor,
    ArgumentMap,
    Comment,
    Conflict,
    FormatError,
    Inference,
    MergeConflict,
    ModelError,
    Position,
    Source,
    SourceInfo,
    Statement,
)
from argmap.model.sources import check_no_loops

FORMAT = "argmap"
VERSIONS = (1, 2)
KNOWN_TOP = ("format", "version", "title", "source", "sources", "statements", "inferences", "conflicts",
             "merge_conflicts")
SOURCE_KEYS = ("title", "author", "published", "url", "sha256", "path")
COMMENT_KEYS = ("author", "date", "text", "resolved")
MERGE_VALUES = ("base", "ours", "theirs")


class Reader:
    """Validates a parsed document element by element, naming each by id or JSON path."""

    def __init__(self, name: str):
        self.name = name
        self.source_ids: set[str] = set()

    def fail(self, element: str, rule: str):
        raise FormatError(self.name, rule, element=element)

    def read(self, doc: object) -> ArgumentMap:
        if not isinstance(doc, dict):
            self.fail("$", "the top level must be a JSON object")
        if doc.get("format") != FORMAT:
            self.fail("$.format", f"must be \"{FORMAT}\" (found {show(doc.get('format'))}): not an argmap file")
        version = doc.get("version")
        if type(version) is not int:
            self.fail("$.version", f"must be an integer (found {show(version)})")
        if version not in VERSIONS:
            self.fail("$.version", f"unknown version {version}: this argmap reads versions 1 and 2")
        title = self.string(doc, "title", "$.title")
        source = self.source(doc.get("source"))
        sources = [self.cited_source(x, f"$.sources[{n}]") for n, x in enumerate(self.array(doc, "sources"))]
        self.source_ids = {x.id for x in sources}
        self.check_via(sources)
        if len(self.array(doc, "statements", True)) > LIMITS.max_statements:
            self.fail("$.statements", f"more than {LIMITS.max_statements:,} statements: above the limit "
                                      "(ARGMAP_MAX_STATEMENTS raises it)")
        statements = [self.statement(x, f"$.statements[{n}]")
                      for n, x in enumerate(self.array(doc, "statements", True))]
        inferences = [self.inference(x, f"$.inferences[{n}]") for n, x in enumerate(self.array(doc, "inferences"))]
        conflicts = [self.conflict(x, f"$.conflicts[{n}]")
                     for n, x in enumerate(self.array(doc, "conflicts"))]
        merge = [self.merge_conflict(x, f"$.merge_conflicts[{n}]")
                 for n, x in enumerate(self.array(doc, "merge_conflicts"))]
        extra = {k: v for k, v in doc.items() if k not in KNOWN_TOP}
        amap = ArgumentMap(title, source, extra, merge)
        try:
            amap.add_all([*sources, *statements, *inferences, *conflicts])
        except ModelError as exc:
            self.fail(exc.element, exc.rule)
        return amap

    # -------------------------------------------------------------- plain values
    def array(self, doc: dict, key: str, required: bool = False) -> list:
        if key not in doc:
            if required:
                self.fail(f"$.{key}", "missing: the file must list its statements")
            return []
        value = doc[key]
        if not isinstance(value, list):
            self.fail(f"$.{key}", f"must be an array (found {type_name(value)})")
        return value

    def string(self, obj: dict, key: str, where: str, default: str = "") -> str:
        value = obj.get(key, default)
        if not isinstance(value, str):
            self.fail(where, f"must be a string (found {type_name(value)})")
        return value

    def ident(self, obj: object, where: str) -> str:
        if not isinstance(obj, dict):
            self.fail(where, f"must be an object (found {type_name(obj)})")
        if "id" not in obj:
            self.fail(where, "missing required field \"id\"")
        eid = obj["id"]
        if not isinstance(eid, str) or not eid:
            self.fail(f"{where}.id", "an id must be a non-empty string")
        return eid

    def boolean(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(where, f"must be true or false (found {type_name(value)})")
        return value

    def strings(self, value: object, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(where, "must be an array of strings")
        return tuple(value)

    def comments(self, obj: dict, at: str) -> tuple[Comment, ...]:
        value = obj.get("comments", [])
        if not isinstance(value, list):
            self.fail(at + ".comments", f"must be an array (found {type_name(value)})")
        out = []
        for n, c in enumerate(value):
            where = f"{at}.comments[{n}]"
            if not isinstance(c, dict):
                self.fail(where, f"a comment must be an object (found {type_name(c)})")
            text = c.get("text")
            if not isinstance(text, str) or not text.strip():
                self.fail(where, "a comment needs text (\"text\": a non-empty string)")
            author, date = self.string(c, "author", where + ".author"), self.string(c, "date", where + ".date")
            out.append(Comment(text, author, date, self.boolean(c.get("resolved", False), where + ".resolved")))
        return tuple(out)

    # -------------------------------------------------------------- top level
    def source(self, value: object) -> SourceInfo:
        if value is None:
            return SourceInfo()
        if not isinstance(value, dict):
            self.fail("$.source", f"must be an object (found {type_name(value)})")
        known = {k: self.string(value, k, f"$.source.{k}") for k in SOURCE_KEYS}
        return SourceInfo(**known, extra={k: v for k, v in value.items() if k not in SOURCE_KEYS})

    def cited_source(self, obj: object, where: str) -> Source:
        xid = self.ident(obj, where)
        at = f"source {xid!r} ({where})"
        title = obj.get("title")
        if not isinstance(title, str) or not title.strip():
            self.fail(at + ".title", "a source needs a title (a non-empty string)")
        grade = obj.get("reliability", "F")
        if not isinstance(grade, str) or grade not in RELIABILITY:
            self.fail(at + ".reliability", f"must be one of {', '.join(RELIABILITY)} (Admiralty code; found "
                                           f"{show(grade)})")
        return Source(xid, title, grade, self.string(obj, "via", at + ".via"), self.string(obj, "url", at + ".url"),
                      self.string(obj, "note", at + ".note"), self.comments(obj, at))

    def check_via(self, sources: list[Source], path: str = "$.sources") -> None:
        """Every ``via`` names a source of ``sources`` and no chain loops (``path`` names the list)."""
        where = {x.id: n for n, x in enumerate(sources)}
        via = {x.id: x.via for x in sources}
        for n, x in enumerate(sources):
            if x.via and x.via not in self.source_ids:
                self.fail(f"source {x.id!r} ({path}[{n}]).via", f"{x.via!r} is not a source of this map")
        try:
            check_no_loops(via.get, via)
        except ModelError as exc:
            self.fail(f"source {exc.element!r} ({path}[{where[exc.element]}]).via", exc.rule)

    def merge_conflict(self, obj: object, where: str) -> MergeConflict:
        if not isinstance(obj, dict):
            self.fail(where, f"a merge conflict must be an object (found {type_name(obj)})")
        eid, what = obj.get("id"), obj.get("field")
        if not isinstance(eid, str):
            self.fail(where + ".id", f"must be the id of the element in conflict (found {type_name(eid)})")
        if not isinstance(what, str) or not what:
            self.fail(where + ".field", "must name the field in conflict (\"removed\" for a removal)")
        return MergeConflict(eid, what, *(obj.get(k) for k in MERGE_VALUES))

    # -------------------------------------------------------------- statements
    def statement(self, obj: object, where: str) -> Statement:
        sid = self.ident(obj, where)
        at = f"statement {sid!r} ({where})"
        for key in ("kind", "text"):
            if key not in obj:
                self.fail(at, f"missing required field \"{key}\"")
        kind = obj["kind"]
        if isinstance(obj["text"], str) and len(obj["text"]) > LIMITS.max_text_chars:
            self.fail(at + ".text", f"text of {len(obj['text']):,} characters is above the limit of "
                                    f"{LIMITS.max_text_chars:,} (ARGMAP_MAX_TEXT_CHARS raises it)")
        if not isinstance(kind, str) or kind not in KINDS:
            self.fail(at, f"unknown kind {show(kind)}: must be one of {', '.join(KINDS)}")
        return Statement(
            id=sid, kind=kind, text=self.string(obj, "text", at + ".text"),
            basis=self.string(obj, "basis", at + ".basis"),
            source=self.string(obj, "source", at + ".source"),
            anchors=self.anchors(obj.get("anchors", []), at),
            note=self.string(obj, "note", at + ".note"),
            tags=self.strings(obj.get("tags", []), at + ".tags"),
            position=self.position(obj.get("position"), at),
            pinned=self.boolean(obj.get("pinned", False), at + ".pinned"),
            cites=self.cites(obj, kind, at),
            credibility=self.credibility(obj, kind, at),
            assumed=self.assumed(obj, kind, at),
            comments=self.comments(obj, at),
        )

    def cites(self, obj: dict, kind: str, at: str) -> tuple[str, ...]:
        if "cites" not in obj:
            return ()
        cites = self.strings(obj["cites"], at + ".cites")
        if cites and kind != "evidence":
            self.fail(at + ".cites", f"only evidence may cite sources (this statement is a {kind})")
        if len(set(cites)) != len(cites):
            self.fail(at + ".cites", "a source is cited twice")
        for c in cites:
            if c not in self.source_ids:
                self.fail(at + ".cites", f"{c!r} is not a source of this map (see \"sources\")")
        return cites

    def credibility(self, obj: dict, kind: str, at: str) -> int | None:
        if "credibility" not in obj:
            return None
        value = obj["credibility"]
        if type(value) is not int or not 1 <= value <= 6:
            self.fail(at + ".credibility", f"must be a whole number from 1 to 6 (Admiralty grade; found {show(value)})")
        if kind != "evidence":
            self.fail(at + ".credibility", f"only evidence has a credibility grade (this statement is a {kind})")
        return value

    def assumed(self, obj: dict, kind: str, at: str) -> bool:
        value = self.boolean(obj.get("assumed", False), at + ".assumed")
        if value and kind != "claim":
            self.fail(at + ".assumed", f"only a claim can be assumed (this statement is a {kind})")
        return value

    def anchors(self, value: object, at: str) -> tuple[Anchor, ...]:
        if not isinstance(value, list):
            self.fail(at + ".anchors", f"must be an array (found {type_name(value)})")
        out = []
        for n, a in enumerate(value):
            where = f"{at}.anchors[{n}]"
            if not isinstance(a, dict):
                self.fail(where, f"must be an object (found {type_name(a)})")
            start, end = a.get("start"), a.get("end")
            if type(start) is not int or type(end) is not int:
                self.fail(where, "start and end must be whole numbers")
            if not 0 <= start <= end:
                self.fail(where, f"start ({start}) and end ({end}) must satisfy 0 <= start <= end")
            out.append(Anchor(start, end, self.string(a, "quote", where + ".quote")))
        return tuple(out)

    def position(self, value: object, at: str) -> Position | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(at + ".position", f"must be an object with x and y (found {type_name(value)})")
        x, y = value.get("x"), value.get("y")
        for coord, v in (("x", x), ("y", y)):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not abs(v) <= 1e9:
                self.fail(f"{at}.position.{coord}", f"must be a finite number of at most 1e9 (found {show(v)})")
        return Position(float(x), float(y))

    # -------------------------------------------------------------- links
    def ids(self, obj: dict, key: str, at: str) -> tuple[str, ...]:
        if key not in obj:
            self.fail(at, f"missing required field \"{key}\"")
        value = obj[key]
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(f"{at}.{key}", "must be an array of statement ids (strings)")
        if len(value) > LIMITS.max_premises:
            self.fail(f"{at}.{key}", f"{len(value):,} {key}: above the limit of {LIMITS.max_premises:,} "
                                     "(ARGMAP_MAX_PREMISES raises it)")
        return tuple(value)

    def link_end(self, obj: dict, key: str, at: str, what: str) -> str:
        """The id a link points to: required field ``key``, ``what`` it must be (e.g. "a statement id")."""
        if key not in obj:
            self.fail(at, f"missing required field \"{key}\"")
        value = obj[key]
        if not isinstance(value, str):
            self.fail(f"{at}.{key}", f"must be {what} (found {type_name(value)})")
        return value

    def inference(self, obj: object, where: str) -> Inference:
        iid = self.ident(obj, where)
        at = f"inference {iid!r} ({where})"
        premises = self.ids(obj, "premises", at)
        conclusion = self.link_end(obj, "conclusion", at, "a statement id")
        return Inference(iid, premises, conclusion, self.string(obj, "note", at + ".note"), self.comments(obj, at))

    def conflict(self, obj: object, where: str) -> Conflict:
        cid = self.ident(obj, where)
        at = f"conflict {cid!r} ({where})"
        attackers = self.ids(obj, "attackers", at)
        target = self.link_end(obj, "target", at, "an element id")
        return Conflict(cid, attackers, target, self.string(obj, "note", at + ".note"), self.comments(obj, at))


def type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else type_name(value)
    return text if len(text) <= 40 else text[:37] + "..."
