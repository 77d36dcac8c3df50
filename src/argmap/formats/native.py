"""The native ``.argmap`` format (SPEC §2, §5, §6): JSON, UTF-8, stable output.

:func:`loads` refuses a document that breaks any rule as a whole, with a
:class:`~argmap.model.FormatError` naming the file, the element (id or JSON
path) and the rule. :func:`dumps` writes the same bytes for the same map:
fixed key order, two-space indent, ``\\n`` line ends, a final newline.

A map that uses none of sources, cites, credibility, assumptions, comments
and merge conflicts is written as version 1, byte for byte as before they
existed; any of them makes it version 2. Both versions are read (a
version-1 document that carries version-2 fields is read as version 2).

:func:`to_document` and :func:`from_document` are the document-level API
(ordered dicts, the JSON as it is written): diff and merge work on them.
"""

from __future__ import annotations

import json

try:  # an optional accelerator; the standard library is the reference
    import orjson
except ImportError:  # pragma: no cover - exercised where orjson is absent
    orjson = None

from argmap.formats._native_fast import fast_build
from argmap.formats._native_reader import FORMAT, KNOWN_TOP, MERGE_VALUES, SOURCE_KEYS, VERSIONS, Reader
from argmap.gcpause import paused_gc
from argmap.model import (
    ArgumentMap,
    Comment,
    Conflict,
    FormatError,
    Inference,
    MergeConflict,
    Source,
    SourceInfo,
    Statement,
)

VERSION = 1
"""The version of a plain map (nothing of SPEC §5/§6); a map with any of it is written as version 2.
Other formats' readers give it to :func:`from_document`, which reads either version's content."""

__all__ = ["FORMAT", "KNOWN_TOP", "SOURCE_KEYS", "VERSION", "VERSIONS", "dumps", "from_document", "loads",
           "parse_json", "to_document"]


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
        amap = fast_build(doc)
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
    return Reader(name).read(doc)


def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as ``.argmap`` JSON text (stable: same map, same text)."""
    return json.dumps(to_document(amap), ensure_ascii=False, indent=2) + "\n"


def to_document(amap: ArgumentMap) -> dict:
    """The JSON document of ``amap`` as a dict, keys in their written order.

    Top level: ``format``, ``version``, ``title``, ``source``, ``sources``,
    ``statements``, ``inferences``, ``conflicts``, ``merge_conflicts``, then
    the unknown keys in sorted order; empty optional parts are left out.
    Comments are lists of ``{"author", "date", "text", "resolved"}`` dicts
    inside the element dicts (empty author and date, and ``resolved``
    false, left out).
    """
    doc: dict = {"format": FORMAT, "version": 1 if amap.is_version_1() else 2, "title": amap.title}
    source = _source_doc(amap.source)
    if source:
        doc["source"] = source
    if amap.sources:
        doc["sources"] = [cited_source_doc(x) for x in amap.sources.values()]
    doc["statements"] = [_statement_doc(s) for s in amap.statements.values()]
    doc["inferences"] = [_inference_doc(i) for i in amap.inferences.values()]
    doc["conflicts"] = [_conflict_doc(c) for c in amap.conflicts.values()]
    if amap.merge_conflicts:
        doc["merge_conflicts"] = [merge_conflict_doc(m) for m in amap.merge_conflicts]
    for key in sorted(amap.extra):
        if key not in KNOWN_TOP:
            doc[key] = amap.extra[key]
    return doc


# ---------------------------------------------------------------- writing
def _source_doc(src: SourceInfo) -> dict:
    out = {k: getattr(src, k) for k in SOURCE_KEYS if getattr(src, k)}
    out.update({k: src.extra[k] for k in sorted(src.extra) if k not in out})
    return out


def cited_source_doc(x: Source) -> dict:
    """A source as the file holds it: ``id``, ``title``, ``reliability``, then what is given of the rest."""
    out: dict = {"id": x.id, "title": x.title, "reliability": x.reliability}
    for key in ("via", "url", "note"):
        if getattr(x, key):
            out[key] = getattr(x, key)
    if x.comments:
        out["comments"] = comments_doc(x.comments)
    return out


def comments_doc(comments: tuple[Comment, ...]) -> list[dict]:
    """Comments as written: ``author``, ``date`` (when given), ``text``, ``resolved`` (when true)."""
    out = []
    for c in comments:
        row: dict = {}
        if c.author:
            row["author"] = c.author
        if c.date:
            row["date"] = c.date
        row["text"] = c.text
        if c.resolved:
            row["resolved"] = True
        out.append(row)
    return out


def merge_conflict_doc(m: MergeConflict) -> dict:
    """A merge conflict as the file holds it: all five keys, ``null`` for an absent value."""
    return {"id": m.id, "field": m.field, **{k: getattr(m, k) for k in MERGE_VALUES}}


def _statement_doc(s: Statement) -> dict:
    out: dict = {"id": s.id, "kind": s.kind, "text": s.text}
    if s.assumed:
        out["assumed"] = True
    if s.basis:
        out["basis"] = s.basis
    if s.source:
        out["source"] = s.source
    if s.cites:
        out["cites"] = list(s.cites)
    if s.credibility is not None:
        out["credibility"] = s.credibility
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
    if s.comments:
        out["comments"] = comments_doc(s.comments)
    return out


def _inference_doc(i: Inference) -> dict:
    out = {"id": i.id, "premises": list(i.premises), "conclusion": i.conclusion}
    if i.note:
        out["note"] = i.note
    if i.comments:
        out["comments"] = comments_doc(i.comments)
    return out


def _conflict_doc(c: Conflict) -> dict:
    out = {"id": c.id, "attackers": list(c.attackers), "target": c.target}
    if c.note:
        out["note"] = c.note
    if c.comments:
        out["comments"] = comments_doc(c.comments)
    return out


def _num(value: float) -> float | int:
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def _refuse_constant(token: str):
    raise ValueError(f"{token} is not allowed in JSON")


_fast_build = fast_build  # the names the tests and older callers know
_Reader = Reader
