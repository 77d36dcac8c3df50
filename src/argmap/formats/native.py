"""The native ``.argmap`` format (SPEC §2): JSON, UTF-8, stable output.

:func:`loads` refuses a document that breaks any rule as a whole, with a
:class:`~argmap.model.FormatError` naming the file, the element (id or JSON
path) and the rule. :func:`dumps` writes the same bytes for the same map:
fixed key order, two-space indent, ``\\n`` line ends, a final newline.
"""

from __future__ import annotations

import json
import operator

try:  # an optional accelerator; the standard library is the reference
    import orjson
except ImportError:  # pragma: no cover - exercised where orjson is absent
    orjson = None

from argmap.gcpause import paused_gc
from argmap.limits import LIMITS
from argmap.model import (
    KINDS,
    Anchor,
    ArgumentMap,
    Conflict,
    FormatError,
    Inference,
    ModelError,
    Position,
    SourceInfo,
    Statement,
)

FORMAT = "argmap"
VERSION = 1
KNOWN_TOP = ("format", "version", "title", "source", "statements", "inferences", "conflicts")
SOURCE_KEYS = ("title", "author", "published", "url", "sha256", "path")


def loads(text: str | bytes, name: str = "<string>", warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from ``.argmap`` JSON text.

    Parameters
    ----------
    text : str or bytes
        The document. Bytes must be UTF-8 (a BOM is accepted).
    name : str
        The file name used in error messages.
    warnings : list of str, optional
        Not used by this format (it loses nothing); kept for the common
        reader signature.

    Raises
    ------
    FormatError
        When the document is not valid JSON or breaks a rule of SPEC §2.
    """
    with paused_gc():
        doc = parse_json(text, name)
        amap = _fast_build(doc)
        if amap is not None:
            return amap
        return from_document(doc, name)


def parse_json(text: str | bytes, name: str) -> object:
    """Parse a JSON document for a reader, or raise a one-line :class:`FormatError`.

    Bytes must be UTF-8 (a BOM is dropped); an empty document is refused.
    orjson parses when it is installed (several times faster); whatever it
    refuses goes through :mod:`json` again, for line and column numbers, or
    because it accepts a little more (lone surrogates). NaN and Infinity are
    refused.
    """
    if isinstance(text, bytes):
        if orjson is not None:  # straight from the bytes: no decoding and re-encoding of megabytes
            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                pass  # the checks below say what is wrong, or json accepts it
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError(name, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    if not isinstance(text, str):
        raise FormatError(name, f"expected text, got {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FormatError(name, "the file is empty")
    if orjson is not None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(name, f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise FormatError(name, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise FormatError(name, "not valid JSON: nested too deeply") from None


def from_document(doc: object, name: str = "<string>") -> ArgumentMap:
    """Build a map from an already parsed JSON document (see :func:`loads`)."""
    reader = _Reader(name)
    return reader.read(doc)


def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as ``.argmap`` JSON text (stable: same map, same text)."""
    return json.dumps(to_document(amap), ensure_ascii=False, indent=2) + "\n"


def to_document(amap: ArgumentMap) -> dict:
    """The JSON document of ``amap`` as a dict, keys in their written order."""
    doc: dict = {"format": FORMAT, "version": VERSION, "title": amap.title}
    source = _source_doc(amap.source)
    if source:
        doc["source"] = source
    doc["statements"] = [_statement_doc(s) for s in amap.statements.values()]
    doc["inferences"] = [_inference_doc(i) for i in amap.inferences.values()]
    doc["conflicts"] = [_conflict_doc(c) for c in amap.conflicts.values()]
    for key in sorted(amap.extra):
        if key not in doc:
            doc[key] = amap.extra[key]
    return doc


# ---------------------------------------------------------------- writing
def _source_doc(src: SourceInfo) -> dict:
    out = {k: getattr(src, k) for k in SOURCE_KEYS if getattr(src, k)}
    out.update({k: src.extra[k] for k in sorted(src.extra) if k not in out})
    return out


def _statement_doc(s: Statement) -> dict:
    out: dict = {"id": s.id, "kind": s.kind, "text": s.text}
    if s.basis:
        out["basis"] = s.basis
    if s.source:
        out["source"] = s.source
    if s.anchors:
        out["anchors"] = [{"start": a.start, "end": a.end, "quote": a.quote} for a in s.anchors]
    if s.note:
        out["note"] = s.note
    if s.tags:
        out["tags"] = list(s.tags)
    if s.position is not None:
        out["position"] = {"x": _num(s.position.x), "y": _num(s.position.y)}
    if s.pinned:
        out["pinned"] = True
    return out


def _inference_doc(i: Inference) -> dict:
    out = {"id": i.id, "premises": list(i.premises), "conclusion": i.conclusion}
    if i.note:
        out["note"] = i.note
    return out


def _conflict_doc(c: Conflict) -> dict:
    out = {"id": c.id, "attackers": list(c.attackers), "target": c.target}
    if c.note:
        out["note"] = c.note
    return out


def _num(value: float) -> float | int:
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def _refuse_constant(token: str):
    raise ValueError(f"{token} is not allowed in JSON")


# ---------------------------------------------------------------- reading
_STATEMENT_KEYS = frozenset(("id", "kind", "text", "basis", "source", "anchors", "note", "tags", "position", "pinned"))
_PLAIN_KEYS = frozenset(("id", "kind", "text", "basis", "source", "note"))
_KIND_SET = frozenset(KINDS)


_text_of = operator.attrgetter("text")


class _Slow(Exception):
    """The fast path met something unusual: the precise reader takes over."""


def _fast_build(doc: object) -> ArgumentMap | None:
    """Build the map of a well-formed document quickly, or return None.

    It checks the same rules as :class:`_Reader` but only to decide whether
    the document is plainly fine; at the first doubt it gives up and the
    precise reader, which names the element and the rule, reads it again.
    """
    try:
        if type(doc) is not dict or doc.get("format") != FORMAT or type(doc.get("version")) is not int \
                or doc["version"] != VERSION or type(doc.get("title", "")) is not str:
            return None
        rows = doc.get("statements")
        if type(rows) is not list or len(rows) > LIMITS.max_statements:
            return None
        statements = [_fast_statement(row) for row in rows]
        if statements and max(map(len, map(_text_of, statements))) > LIMITS.max_text_chars:
            return None
        inferences = [_fast_link(row, "premises", "conclusion", Inference) for row in doc.get("inferences", [])]
        conflicts = [_fast_link(row, "attackers", "target", Conflict) for row in doc.get("conflicts", [])]
        source = doc.get("source")
        if source is not None and (type(source) is not dict
                                   or any(type(source.get(k, "")) is not str for k in SOURCE_KEYS)):
            return None
        src = SourceInfo() if source is None else SourceInfo(
            **{k: source.get(k, "") for k in SOURCE_KEYS},
            extra={k: v for k, v in source.items() if k not in SOURCE_KEYS})
        amap = ArgumentMap(doc.get("title", ""), src, {k: v for k, v in doc.items() if k not in KNOWN_TOP})
        amap.add_all([*statements, *inferences, *conflicts])
        return amap
    except (_Slow, ModelError, TypeError, KeyError, AttributeError, ValueError):
        return None


def _fast_statement(row: object) -> Statement:
    if type(row) is not dict:
        raise _Slow
    plain = _PLAIN_KEYS.issuperset(row)  # the common case: no anchors, tags, position or pin to read
    if not plain and not _STATEMENT_KEYS.issuperset(row):
        raise _Slow
    get = row.get
    sid, kind, text = row["id"], row["kind"], row["text"]
    basis, source, note = get("basis", ""), get("source", ""), get("note", "")
    if type(sid) is not str or not sid or kind not in _KIND_SET or type(text) is not str \
            or type(basis) is not str or type(source) is not str or type(note) is not str:
        raise _Slow
    if plain:
        return Statement(sid, kind, text, basis, source, (), note, (), None, False)
    anchors, tags, position, pinned = row.get("anchors"), row.get("tags"), row.get("position"), row.get("pinned", False)
    if anchors:
        anchors = tuple(_fast_anchor(a) for a in anchors)
    elif anchors is None or anchors == []:
        anchors = ()
    else:
        raise _Slow
    if tags is None:
        tags = ()
    elif type(tags) is list and all(type(t) is str for t in tags):
        tags = tuple(tags)
    else:
        raise _Slow
    if position is not None:
        x, y = position["x"], position["y"]
        if type(x) not in (int, float) or type(y) not in (int, float) or not (abs(x) <= 1e9 and abs(y) <= 1e9):
            raise _Slow
        position = Position(float(x), float(y))
    if type(pinned) is not bool:
        raise _Slow
    return Statement(sid, kind, text, basis, source, anchors, note, tags, position, pinned)


def _fast_anchor(a: object) -> Anchor:
    if type(a) is not dict:
        raise _Slow
    start, end, quote = a["start"], a["end"], a.get("quote", "")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end or type(quote) is not str:
        raise _Slow
    return Anchor(start, end, quote)


def _fast_link(row: object, many: str, one: str, cls):
    if type(row) is not dict:
        raise _Slow
    eid, ids, end, note = row["id"], row[many], row[one], row.get("note", "")
    if type(eid) is not str or not eid or type(ids) is not list or type(end) is not str or type(note) is not str \
            or len(ids) > LIMITS.max_premises:
        raise _Slow
    for x in ids:
        if type(x) is not str:
            raise _Slow
    return cls(eid, tuple(ids), end, note)


class _Reader:
    """Validates a parsed document element by element, naming each by id or JSON path."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, element: str, rule: str):
        raise FormatError(self.name, rule, element=element)

    def read(self, doc: object) -> ArgumentMap:
        if not isinstance(doc, dict):
            self.fail("$", "the top level must be a JSON object")
        if doc.get("format") != FORMAT:
            self.fail("$.format", f"must be \"{FORMAT}\" (found {_show(doc.get('format'))}): not an argmap file")
        version = doc.get("version")
        if type(version) is not int:
            self.fail("$.version", f"must be an integer (found {_show(version)})")
        if version != VERSION:
            self.fail("$.version", f"unknown version {version}: this argmap reads version {VERSION}")
        title = self.string(doc, "title", "$.title")
        source = self.source(doc.get("source"))
        if len(self.array(doc, "statements", True)) > LIMITS.max_statements:
            self.fail("$.statements", f"more than {LIMITS.max_statements:,} statements: above the limit "
                                      "(ARGMAP_MAX_STATEMENTS raises it)")
        statements = [self.statement(x, f"$.statements[{n}]")
                      for n, x in enumerate(self.array(doc, "statements", True))]
        inferences = [self.inference(x, f"$.inferences[{n}]") for n, x in enumerate(self.array(doc, "inferences"))]
        conflicts = [self.conflict(x, f"$.conflicts[{n}]")
                     for n, x in enumerate(self.array(doc, "conflicts"))]
        extra = {k: v for k, v in doc.items() if k not in KNOWN_TOP}
        amap = ArgumentMap(title, source, extra)
        try:
            amap.add_all([*statements, *inferences, *conflicts])
        except ModelError as exc:
            self.fail(exc.element, exc.rule)
        return amap

    def array(self, doc: dict, key: str, required: bool = False) -> list:
        if key not in doc:
            if required:
                self.fail(f"$.{key}", "missing: the file must list its statements")
            return []
        value = doc[key]
        if not isinstance(value, list):
            self.fail(f"$.{key}", f"must be an array (found {_type(value)})")
        return value

    def string(self, obj: dict, key: str, where: str, default: str = "") -> str:
        value = obj.get(key, default)
        if not isinstance(value, str):
            self.fail(where, f"must be a string (found {_type(value)})")
        return value

    def ident(self, obj: object, where: str) -> str:
        if not isinstance(obj, dict):
            self.fail(where, f"must be an object (found {_type(obj)})")
        if "id" not in obj:
            self.fail(where, "missing required field \"id\"")
        eid = obj["id"]
        if not isinstance(eid, str) or not eid:
            self.fail(f"{where}.id", "an id must be a non-empty string")
        return eid

    def source(self, value: object) -> SourceInfo:
        if value is None:
            return SourceInfo()
        if not isinstance(value, dict):
            self.fail("$.source", f"must be an object (found {_type(value)})")
        known = {k: self.string(value, k, f"$.source.{k}") for k in SOURCE_KEYS}
        return SourceInfo(**known, extra={k: v for k, v in value.items() if k not in SOURCE_KEYS})

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
            self.fail(at, f"unknown kind {_show(kind)}: must be one of {', '.join(KINDS)}")
        return Statement(
            id=sid, kind=kind, text=self.string(obj, "text", at + ".text"),
            basis=self.string(obj, "basis", at + ".basis"),
            source=self.string(obj, "source", at + ".source"),
            anchors=self.anchors(obj.get("anchors", []), at),
            note=self.string(obj, "note", at + ".note"),
            tags=self.strings(obj.get("tags", []), at + ".tags", allow_empty=True),
            position=self.position(obj.get("position"), at),
            pinned=self.boolean(obj.get("pinned", False), at + ".pinned"),
        )

    def anchors(self, value: object, at: str) -> tuple[Anchor, ...]:
        if not isinstance(value, list):
            self.fail(at + ".anchors", f"must be an array (found {_type(value)})")
        out = []
        for n, a in enumerate(value):
            where = f"{at}.anchors[{n}]"
            if not isinstance(a, dict):
                self.fail(where, f"must be an object (found {_type(a)})")
            start, end = a.get("start"), a.get("end")
            if type(start) is not int or type(end) is not int:
                self.fail(where, "start and end must be whole numbers")
            if not 0 <= start <= end:
                self.fail(where, f"start ({start}) and end ({end}) must satisfy 0 <= start <= end")
            out.append(Anchor(start, end, self.string(a, "quote", where + ".quote")))
        return tuple(out)

    def strings(self, value: object, where: str, allow_empty: bool) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(where, "must be an array of strings")
        return tuple(value)

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

    def position(self, value: object, at: str) -> Position | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(at + ".position", f"must be an object with x and y (found {_type(value)})")
        x, y = value.get("x"), value.get("y")
        for coord, v in (("x", x), ("y", y)):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not abs(v) <= 1e9:
                self.fail(f"{at}.position.{coord}", f"must be a finite number of at most 1e9 (found {_show(v)})")
        return Position(float(x), float(y))

    def boolean(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(where, f"must be true or false (found {_type(value)})")
        return value

    def inference(self, obj: object, where: str) -> Inference:
        iid = self.ident(obj, where)
        at = f"inference {iid!r} ({where})"
        premises = self.ids(obj, "premises", at)
        if "conclusion" not in obj:
            self.fail(at, "missing required field \"conclusion\"")
        conclusion = obj["conclusion"]
        if not isinstance(conclusion, str):
            self.fail(at + ".conclusion", f"must be a statement id (found {_type(conclusion)})")
        return Inference(iid, premises, conclusion, self.string(obj, "note", at + ".note"))

    def conflict(self, obj: object, where: str) -> Conflict:
        cid = self.ident(obj, where)
        at = f"conflict {cid!r} ({where})"
        attackers = self.ids(obj, "attackers", at)
        if "target" not in obj:
            self.fail(at, "missing required field \"target\"")
        target = obj["target"]
        if not isinstance(target, str):
            self.fail(at + ".target", f"must be an element id (found {_type(target)})")
        return Conflict(cid, attackers, target, self.string(obj, "note", at + ".note"))


def _type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else _type(value)
    return text if len(text) <= 40 else text[:37] + "..."
