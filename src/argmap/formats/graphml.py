"""GraphML: written through NetworkX, read through defusedxml.

Our encoding puts every element on a node, typed by the ``element``
attribute (``statement``, ``inference`` or ``conflict``); edges carry a
``relation`` (``premise``: statement → inference, ``conclusion``:
inference → statement, ``attacker``: statement → conflict, ``target``:
conflict → statement or inference) and an ``order``. Statements carry
``kind``, ``text``, ``label`` (the text, for Gephi and yEd's property
mapper), ``x`` and ``y`` (the box centre) and the other fields; lists
(anchors, tags) and the map's source and unknown keys are JSON strings.

Reading also accepts yEd maps drawn with AIF node types (a ``nodeType``
property), Argunet exports and plain graphs, as far as they carry argument
structure, with one warning line per kind of thing left out.
"""

from __future__ import annotations

import io
import json
import math
import re

import networkx as nx

from argmap.formats import native
from argmap.formats._graphml_foreign import read_argunet, read_plain, read_yed_aif
from argmap.formats._xml import GraphDoc, parse_xml, read_graphml
from argmap.model import ArgumentMap, FormatError

MARK = "argmap"
LOST_V2 = ("GraphML does not carry sources, grades, assumptions, comments or merge conflicts (SPEC §5, §6): "
           "they are left out; .argmap, Argdown and AIF keep them")
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# ---------------------------------------------------------------- writing
def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as GraphML text (typed attributes, one node per element).

    Characters XML cannot hold (control characters other than tab and line
    ends) are replaced by U+FFFD with a warning; carriage returns are read
    back as line feeds by every XML parser, which is also warned about.
    """
    g = nx.DiGraph()
    scrub = _Scrubber(warnings)
    if warnings is not None and not amap.is_version_1():
        warnings.append(LOST_V2)
    g.graph.update({"format": MARK, "version": native.VERSION, "title": scrub(amap.title, "the title")})
    doc = native.to_document(amap)
    if "source" in doc:
        g.graph["source_info"] = scrub(json.dumps(doc["source"], ensure_ascii=False), "the source")
    if amap.extra:
        g.graph["extra"] = scrub(json.dumps(amap.extra, ensure_ascii=False, sort_keys=True), "extra keys")
    for s in amap.statements.values():
        g.add_node(s.id, **_statement_attrs(s, scrub))
    for inf in amap.inferences.values():
        g.add_node(inf.id, element="inference", label="", **_note(inf.note, scrub, inf.id))
        for k, p in enumerate(inf.premises):
            g.add_edge(p, inf.id, relation="premise", order=k)
        g.add_edge(inf.id, inf.conclusion, relation="conclusion", order=0)
    for con in amap.conflicts.values():
        g.add_node(con.id, element="conflict", label="", **_note(con.note, scrub, con.id))
        for k, a in enumerate(con.attackers):
            g.add_edge(a, con.id, relation="attacker", order=k)
        g.add_edge(con.id, con.target, relation="target", order=0)
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return out.getvalue().decode("utf-8")


class _Scrubber:
    def __init__(self, warnings: list[str] | None):
        self.warnings = warnings

    def __call__(self, text: str, where: str) -> str:
        if "\r" in text and self.warnings is not None:
            self.warnings.append(f"{where}: carriage returns will read back as line feeds")
        if _BAD_XML.search(text):
            if self.warnings is not None:
                self.warnings.append(f"{where}: control characters XML cannot hold were replaced by U+FFFD")
            text = _BAD_XML.sub("\ufffd", text)
        return text


def _statement_attrs(s, scrub: _Scrubber) -> dict:
    text = scrub(s.text, f"statement {s.id!r}")
    attrs = {"element": "statement", "kind": s.kind, "text": text, "label": text}
    for key in ("basis", "source", "note"):
        value = getattr(s, key)
        if value:
            attrs[key] = scrub(value, f"statement {s.id!r} {key}")
    if s.anchors:
        anchors = [{"start": a.start, "end": a.end, "quote": a.quote} for a in s.anchors]
        attrs["anchors"] = scrub(json.dumps(anchors, ensure_ascii=False), f"statement {s.id!r} anchors")
    if s.tags:
        attrs["tags"] = scrub(json.dumps(list(s.tags), ensure_ascii=False), f"statement {s.id!r} tags")
    if s.position is not None:
        attrs["x"], attrs["y"] = float(s.position.x), float(s.position.y)
    if s.pinned:
        attrs["pinned"] = True
    return attrs


def _note(note: str, scrub: _Scrubber, eid: str) -> dict:
    return {"note": scrub(note, f"{eid!r} note")} if note else {}


# ---------------------------------------------------------------- reading
def loads(text: str | bytes, name: str = "<string>", warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from GraphML text (ours, yEd with AIF node types, Argunet, or a plain graph).

    Parameters
    ----------
    text : str or bytes
        The document.
    name : str
        File name used in messages.
    warnings : list of str, optional
        Receives one line per kind of thing left out or guessed.

    Raises
    ------
    FormatError
        When the text is not well-formed XML, declares a DTD or entities
        (refused for safety), is not GraphML, or breaks a rule of the model.
    """
    sink = warnings if warnings is not None else []
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    doc = read_graphml(parse_xml(text, name), name)
    if doc.graph.get("format") == MARK:
        body = _read_ours(doc, name)
    elif any("nodeType" in n.data for n in doc.nodes):
        body = read_yed_aif(doc, name, sink)
    elif doc.argunet_map is not None or any(n.argunet is not None for n in doc.nodes):
        body = read_argunet(doc, name, sink)
    else:
        body = read_plain(doc, name, sink)
    return native.from_document({"format": "argmap", "version": native.VERSION, **body}, name)


def _read_ours(doc: GraphDoc, name: str) -> dict:
    body: dict = {"title": doc.graph.get("title", "")}
    if "source_info" in doc.graph:
        body["source"] = _json(doc.graph["source_info"], name, "graph source_info")
    if "extra" in doc.graph:
        extra = _json(doc.graph["extra"], name, "graph extra")
        if not isinstance(extra, dict):
            raise FormatError(name, "must be a JSON object", element="graph extra")
        body.update({k: v for k, v in extra.items() if k not in native.KNOWN_TOP})
    elements = {n.id: n.data.get("element", "") for n in doc.nodes}
    links: dict[str, list[tuple[int, int, str, str]]] = {}
    for pos, e in enumerate(doc.edges):
        rel = e.data.get("relation", "")
        owner = {"premise": e.target, "attacker": e.target, "conclusion": e.source, "target": e.source}.get(rel)
        if owner is None:
            raise FormatError(name, f"unknown relation {rel!r}", element=f"edge {e.source}->{e.target}")
        other = e.source if owner == e.target else e.target
        links.setdefault(owner, []).append((_int(e.data.get("order", "0"), name, e), pos, rel, other))
    body["statements"], body["inferences"], body["conflicts"] = [], [], []
    for n in doc.nodes:
        kind = elements[n.id]
        if kind == "statement":
            body["statements"].append(_statement(n, name))
        elif kind in ("inference", "conflict"):
            body[kind + "s"].append(_relation(n, kind, sorted(links.get(n.id, [])), name))
        else:
            raise FormatError(name, f"unknown element type {kind!r}", element=f"node {n.id!r}")
    return body


def _statement(n, name: str) -> dict:
    d = n.data
    out = {"id": n.id, "kind": d.get("kind", ""), "text": d.get("text", "")}
    for key in ("basis", "source", "note"):
        if key in d:
            out[key] = d[key]
    for key in ("anchors", "tags"):
        if key in d:
            out[key] = _json(d[key], name, f"node {n.id!r} {key}")
    if "x" in d or "y" in d:
        out["position"] = {"x": _float(d.get("x"), name, n.id), "y": _float(d.get("y"), name, n.id)}
    if "pinned" in d:
        out["pinned"] = d["pinned"].strip().lower() in ("true", "1")
    return out


def _relation(n, kind: str, links: list, name: str) -> dict:
    first, second = ("premise", "conclusion") if kind == "inference" else ("attacker", "target")
    many = [other for _, _, rel, other in links if rel == first]
    one = [other for _, _, rel, other in links if rel == second]
    if len(one) != 1:
        raise FormatError(name, f"a {kind} needs exactly one {second} edge (found {len(one)})",
                          element=f"node {n.id!r}")
    out = {"id": n.id, "premises" if kind == "inference" else "attackers": many,
           "conclusion" if kind == "inference" else "target": one[0]}
    if "note" in n.data:
        out["note"] = n.data["note"]
    return out


def _json(text: str, name: str, where: str):
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise FormatError(name, "not valid JSON", element=where) from None


def _float(value: str | None, name: str, nid: str) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise FormatError(name, f"position must be numbers (found {value!r})", element=f"node {nid!r}") from None
    if not math.isfinite(x) or abs(x) > 1e9:
        raise FormatError(name, f"position must be finite, at most 1e9 (found {value!r})", element=f"node {nid!r}")
    return x


def _int(value: str, name: str, edge) -> int:
    try:
        return int(value)
    except ValueError:
        raise FormatError(name, f"order must be a whole number (found {value!r})",
                          element=f"edge {edge.source}->{edge.target}") from None
