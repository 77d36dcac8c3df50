"""The fast reader of the native format: well-formed documents, built with the fewest checks.

It checks the same rules as :class:`argmap.formats._native_reader.Reader`
(the model's bulk validation doing most of it) but only to decide whether
the document is plainly fine; at the first doubt it gives up and the
precise reader, which names the element and the rule, reads it again.
"""

from __future__ import annotations

import operator

from argmap.formats._native_reader import COMMENT_KEYS, FORMAT, KNOWN_TOP, MERGE_VALUES, SOURCE_KEYS, VERSIONS
from argmap.limits import LIMITS
from argmap.model import (
    KINDS,
    RELIABILITY,
    Anchor,
    ArgumentMap,
    Comment,
    Conflict,
    Inference,
    MergeConflict,
    ModelError,
    Position,
    Source,
    SourceInfo,
    Statement,
)

_STATEMENT_KEYS = frozenset(("id", "kind", "text", "basis", "source", "anchors", "note", "tags", "position", "pinned",
                             "cites", "credibility", "assumed", "comments"))
_PLAIN_KEYS = frozenset(("id", "kind", "text", "basis", "source", "note"))
_GRADED_KEYS = _PLAIN_KEYS | {"cites", "credibility", "assumed"}
_SOURCE_KEYS = frozenset(("id", "title", "reliability", "via", "url", "note", "comments"))
_COMMENT_KEYS = frozenset(COMMENT_KEYS)
_KIND_SET = frozenset(KINDS)
_GRADES = frozenset(RELIABILITY)
_CREDIBILITY = frozenset(range(1, 7))
_text_of = operator.attrgetter("text")


class _Slow(Exception):
    """The fast path met something unusual: the precise reader takes over."""


def fast_build(doc: object) -> ArgumentMap | None:
    """Build the map of a well-formed document quickly, or return None (then read it precisely)."""
    try:
        if type(doc) is not dict or doc.get("format") != FORMAT or type(doc.get("version")) is not int \
                or doc["version"] not in VERSIONS or type(doc.get("title", "")) is not str:
            return None
        rows = doc.get("statements")
        if type(rows) is not list or len(rows) > LIMITS.max_statements:
            return None
        sources = [_source(row) for row in doc.get("sources", ())]
        statements = [_statement(row) for row in rows]
        if statements and max(map(len, map(_text_of, statements))) > LIMITS.max_text_chars:
            return None
        inferences = [_link(row, "premises", "conclusion", Inference) for row in doc.get("inferences", [])]
        conflicts = [_link(row, "attackers", "target", Conflict) for row in doc.get("conflicts", [])]
        merge = [_merge_conflict(row) for row in doc.get("merge_conflicts", ())]
        source = doc.get("source")
        if source is not None and (type(source) is not dict
                                   or any(type(source.get(k, "")) is not str for k in SOURCE_KEYS)):
            return None
        src = SourceInfo() if source is None else SourceInfo(
            **{k: source.get(k, "") for k in SOURCE_KEYS},
            extra={k: v for k, v in source.items() if k not in SOURCE_KEYS})
        amap = ArgumentMap(doc.get("title", ""), src, {k: v for k, v in doc.items() if k not in KNOWN_TOP}, merge)
        amap.add_all([*sources, *statements, *inferences, *conflicts])
        return amap
    except (_Slow, ModelError, TypeError, KeyError, AttributeError, ValueError):
        return None


def _statement(row: object) -> Statement:
    if type(row) is not dict:
        raise _Slow
    plain = _PLAIN_KEYS.issuperset(row)  # the common case: no anchors, tags, position, pin or grades to read
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
    if _GRADED_KEYS.issuperset(row):  # the common case of version 2: plain but for grades
        return Statement(sid, kind, text, basis, source, (), note, (), None, False, *_grades(row))
    anchors, tags, position, pinned = get("anchors"), get("tags"), get("position"), get("pinned", False)
    if anchors:
        anchors = tuple(_anchor(a) for a in anchors)
    elif anchors is None or anchors == []:
        anchors = ()
    else:
        raise _Slow
    tags = _strings(tags)
    if position is not None:
        x, y = position["x"], position["y"]
        if type(x) not in (int, float) or type(y) not in (int, float) or not (abs(x) <= 1e9 and abs(y) <= 1e9):
            raise _Slow
        position = Position(float(x), float(y))
    if type(pinned) is not bool:
        raise _Slow
    return Statement(sid, kind, text, basis, source, anchors, note, tags, position, pinned, *_grades(row),
                     _comments(get("comments", ())))


def _grades(row: dict) -> tuple[tuple[str, ...], int | None, bool]:
    """``cites``, ``credibility`` and ``assumed`` of a statement row (which rules allow them is the model's job)."""
    cites, credibility, assumed = row.get("cites", ()), row.get("credibility"), row.get("assumed", False)
    if credibility is None:
        if "credibility" in row:  # null is not "not given": the precise reader says so
            raise _Slow
    elif type(credibility) is not int or credibility not in _CREDIBILITY:
        raise _Slow
    if type(assumed) is not bool:
        raise _Slow
    return cites if cites == () else _ids(cites), credibility, assumed


def _ids(value: object) -> tuple[str, ...]:
    if type(value) is list and all(type(t) is str for t in value):
        return tuple(value)
    raise _Slow


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if type(value) is list and all(type(t) is str for t in value):
        return tuple(value)
    raise _Slow


def _anchor(a: object) -> Anchor:
    if type(a) is not dict:
        raise _Slow
    start, end, quote = a["start"], a["end"], a.get("quote", "")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end or type(quote) is not str:
        raise _Slow
    return Anchor(start, end, quote)


def _comments(value: object) -> tuple[Comment, ...]:
    if value == ():  # absent
        return ()
    if type(value) is not list:
        raise _Slow
    out = []
    for c in value:
        if type(c) is not dict or not _COMMENT_KEYS.issuperset(c):
            raise _Slow
        text, author, date, resolved = c["text"], c.get("author", ""), c.get("date", ""), c.get("resolved", False)
        if type(text) is not str or not text.strip() or type(author) is not str or type(date) is not str \
                or type(resolved) is not bool:
            raise _Slow
        out.append(Comment(text, author, date, resolved))
    return tuple(out)


def _source(row: object) -> Source:
    if type(row) is not dict or not _SOURCE_KEYS.issuperset(row):
        raise _Slow
    get = row.get
    xid, title, grade = row["id"], row["title"], get("reliability", "F")
    via, url, note = get("via", ""), get("url", ""), get("note", "")
    if type(xid) is not str or not xid or type(title) is not str or not title.strip() or type(grade) is not str \
            or grade not in _GRADES or type(via) is not str or type(url) is not str or type(note) is not str:
        raise _Slow
    return Source(xid, title, grade, via, url, note, _comments(get("comments", ())))


def _merge_conflict(row: object) -> MergeConflict:
    if type(row) is not dict:
        raise _Slow
    eid, what = row["id"], row["field"]
    if type(eid) is not str or type(what) is not str or not what:
        raise _Slow
    return MergeConflict(eid, what, *(row.get(k) for k in MERGE_VALUES))


def _link(row: object, many: str, one: str, cls):
    if type(row) is not dict:
        raise _Slow
    eid, ids, end, note = row["id"], row[many], row[one], row.get("note", "")
    if type(eid) is not str or not eid or type(ids) is not list or type(end) is not str or type(note) is not str \
            or len(ids) > LIMITS.max_premises:
        raise _Slow
    for x in ids:
        if type(x) is not str:
            raise _Slow
    comments = row.get("comments", ())
    if comments == ():
        return cls(eid, tuple(ids), end, note)
    return cls(eid, tuple(ids), end, note, _comments(comments))
