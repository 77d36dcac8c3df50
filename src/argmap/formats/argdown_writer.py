"""Argdown writer: an :class:`~argmap.model.ArgumentMap` as Argdown text.

The output is accepted by the official Argdown parser (1.7.5, loose mode)
and :func:`argmap.formats.argdown.loads` reads it back to an equal map:

- the map title, source and extra keys go into the front matter, and so do
  the cited sources and the merge conflicts (SPEC §5, §6: ``argmap:
  {"sources": [...], "merge_conflicts": [...]}``, as in the native file);
- each statement is a definition ``[id]: text #kind #tags {data}``; the
  title is the id (a slug stands in when the id is not a plain slug, with
  the real id in the data); ``{data}`` (JSON, which is YAML) holds what
  Argdown has no syntax for: note, basis, source, anchors, position, pinned,
  cites, credibility, assumed, comments, and the exact text or tags when the
  plain form would change them;
- an inference with one premise is a support relation ``[c]`` / ``<+ [p]``
  whose reference carries ``{"inference": id}`` (and ``inference_note``,
  ``inference_comments``); an inference with several premises, or one that
  is undercut, is an argument ``<id>`` with a premise-conclusion structure
  (its note and comments in the inference's data);
- a conflict is an attack relation ``<- [a] {"conflict": id}`` below its
  target (``conflict_note``, ``conflict_comments`` on the first attacker), an
  undercut ``<_`` below the argument of its inference. Argdown
  has no joint attack: a conflict with several attackers is written as one
  attack per attacker sharing the conflict id (a warning says so); Argdown
  tools show separate attacks, :func:`loads` joins them again.
"""

from __future__ import annotations

import json
import re

from argmap.formats.native import cited_source_doc, comments_doc, merge_conflict_doc
from argmap.model import ArgumentMap, Inference, Statement

SPECIAL = re.compile(r"([\\\[\]<>{}#@*_/])")
SIMPLE_TAG = re.compile(r"[\w-]+")
SAFE_TAG = re.compile(r"[\w\- ,;'!?&%+=$]+")
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
RISKY = re.compile("[{}\\[\\]=/#<>\u2028\u2029\u0085\U000F0000-\U0010FFFF]")
PRIVATE = re.compile("[\U000F0000-\U0010FFFF]")
"""The reader parks escaped characters in planes 15-16: such text always goes into the data."""
KIND_TAGS = ("evidence", "recommendation")


def slug(title: str) -> str:
    """The id the reader derives from a title (kept in step with the mapper)."""
    text = re.sub(r"[^\w.\-]+", "-", title.strip()).strip("-")
    return text or "x"


def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as Argdown text.

    Parameters
    ----------
    amap : ArgumentMap
        The map to write.
    warnings : list of str, optional
        Receives one line per conflict with several attackers (Argdown
        tools will show it as separate attacks).
    """
    sink: list[str] = [] if warnings is None else warnings
    titles = _titles(amap)
    out: list[str] = _front_matter(amap)
    for s in amap.statements.values():
        out.append(_statement(s, titles[s.id]))
    undercut = {c.target for c in amap.conflicts.values() if c.target in amap.inferences}
    pending: list[Inference] = []
    for inf in amap.inferences.values():
        if len(inf.premises) == 1 and inf.id not in undercut:
            if pending and pending[-1].conclusion != inf.conclusion:
                out.append(_supports(pending, titles))
                pending = []
            pending.append(inf)
            continue
        if pending:
            out.append(_supports(pending, titles))
            pending = []
        out.append(_argument_head(inf, titles))
        out.append(_pcs(inf, titles))
    if pending:
        out.append(_supports(pending, titles))
    for con in amap.conflicts.values():
        if len(con.attackers) > 1:
            sink.append(f"conflict {con.id!r} has {len(con.attackers)} joint attackers: Argdown has no joint "
                        "attack, so it is written as separate attacks sharing the conflict id")
        head = f"<{titles[con.target]}>" if con.target in amap.inferences else f"[{titles[con.target]}]"
        rows = [head]
        for n, attacker in enumerate(con.attackers):
            data = {"conflict": con.id}
            if con.note and n == 0:
                data["conflict_note"] = con.note
            if con.comments and n == 0:
                data["conflict_comments"] = comments_doc(con.comments)
            symbol = "<_" if con.target in amap.inferences else "<-"
            rows.append(f"  {symbol} [{titles[attacker]}] {_data(data)}")
        out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


def _titles(amap: ArgumentMap) -> dict[str, str]:
    """Argdown titles of statements and inferences: the id, or a unique slug when the id is not one."""
    ids = set(amap.statements) | set(amap.inferences) | set(amap.conflicts)
    taken: set[str] = set()
    titles: dict[str, str] = {}
    for eid in list(amap.statements) + list(amap.inferences):
        if slug(eid) == eid:
            titles[eid] = eid
            taken.add(eid)
    for eid in list(amap.statements) + list(amap.inferences):
        if eid in titles:
            continue
        base = slug(eid)
        candidate, n = base, 1
        while candidate in taken or candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        titles[eid] = candidate
        taken.add(candidate)
    return titles


def _front_matter(amap: ArgumentMap) -> list[str]:
    rows = []
    if amap.title:
        rows.append(f"title: {_json(amap.title)}")
    block = {}
    source = {k: getattr(amap.source, k) for k in ("title", "author", "published", "url", "sha256", "path")
              if getattr(amap.source, k)}
    source.update(amap.source.extra)
    if source:
        block["source"] = source
    if amap.extra:
        block["extra"] = amap.extra
    if amap.sources:
        block["sources"] = [cited_source_doc(x) for x in amap.sources.values()]
    if amap.merge_conflicts:
        block["merge_conflicts"] = [merge_conflict_doc(m) for m in amap.merge_conflicts]
    if block:
        rows.append(f"argmap: {_json(block)}")
    return ["===\n" + "\n".join(rows) + "\n==="] if rows else []


def _statement(s: Statement, title: str) -> str:
    data: dict = {}
    if title != s.id:
        data["id"] = s.id
    tags = list(s.tags)
    plain_tags = (len(set(tags)) == len(tags) and not any(t in KIND_TAGS for t in tags)
                  and all(SAFE_TAG.fullmatch(t) and t == t.strip() for t in tags))
    if not plain_tags:
        data["kind"] = s.kind
        data["tags"] = tags
        shown = []
    else:
        shown = ([s.kind] if s.kind != "claim" else []) + tags
    text = " ".join(s.text.split())
    if text != s.text or not text or PRIVATE.search(text):
        data["text"] = s.text
    for key in ("note", "basis", "source"):
        if getattr(s, key):
            data[key] = getattr(s, key)
    if s.cites:
        data["cites"] = list(s.cites)
    if s.credibility is not None:
        data["credibility"] = s.credibility
    if s.assumed:
        data["assumed"] = True
    if s.comments:
        data["comments"] = comments_doc(s.comments)
    if s.anchors:
        data["anchors"] = [{"start": a.start, "end": a.end, "quote": a.quote} for a in s.anchors]
    if s.position is not None:
        data["position"] = {"x": s.position.x, "y": s.position.y}
    if s.pinned:
        data["pinned"] = True
    head = f"[{title}]: {_escape(text)}" if text else f"[{title}]"
    parts = [head] + [_tag(t) for t in shown] + ([_data(data)] if data else [])
    return " ".join(parts)


def _supports(infs: list[Inference], titles: dict[str, str]) -> str:
    rows = [f"[{titles[infs[0].conclusion]}]"]
    for inf in infs:
        data = {"inference": inf.id}
        if inf.note:
            data["inference_note"] = inf.note
        if inf.comments:
            data["inference_comments"] = comments_doc(inf.comments)
        rows.append(f"  <+ [{titles[inf.premises[0]]}] {_data(data)}")
    return "\n".join(rows)


def _argument_head(inf: Inference, titles: dict[str, str]) -> str:
    title = titles[inf.id]
    return f"<{title}> {_data({'id': inf.id})}" if title != inf.id else f"<{title}>"


def _pcs(inf: Inference, titles: dict[str, str]) -> str:
    rows = [f"({n}) [{titles[p]}]" for n, p in enumerate(inf.premises, start=1)]
    data = {"note": inf.note} if inf.note else {}
    if inf.comments:
        data["comments"] = comments_doc(inf.comments)
    rows += ["--", _data(data), "--"] if data else ["----"]
    rows.append(f"({len(inf.premises) + 1}) [{titles[inf.conclusion]}]")
    return "\n".join(rows)


def _tag(tag: str) -> str:
    return f"#{tag}" if SIMPLE_TAG.fullmatch(tag) else f"#({tag})"


def _escape(text: str) -> str:
    return SPECIAL.sub(r"\\\1", text)


def _json(value: object) -> str:
    """JSON (valid YAML) on one line, with characters Argdown or YAML would misread escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return STRING.sub(lambda m: "".join(_u_escape(c) if _risky(c) else c for c in m.group(0)), text)


def _risky(ch: str) -> bool:
    return bool(RISKY.match(ch)) or not (ch.isprintable() or ord(ch) > 0xFFFF)


def _u_escape(ch: str) -> str:
    """``\\uXXXX``, or YAML's ``\\UXXXXXXXX`` above the BMP (JSON would need a surrogate pair)."""
    code = ord(ch)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _data(value: dict) -> str:
    inner = ", ".join(f"{_json(k)}: {_json(v)}" for k, v in value.items())
    return "{" + inner + "}"
