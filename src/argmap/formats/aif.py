"""AIF JSON: AIFdb nodesets and the xAIF/OVA form.

Reading accepts ``{"nodes", "edges", "locutions"}`` (AIFdb) and
``{"AIF": {...}, "OVA": {"nodes": [{"nodeID", "x", "y"}]}}`` (xAIF/OVA).
Node ids may be strings or integers; each becomes the string of the
``nodeID`` (``123`` → ``"123"``), which is unique across statements,
inferences and conflicts because AIF ids are unique across all nodes. See
:mod:`argmap.formats._aifgraph` for how node types map onto the model.

Writing gives an AIFdb nodeset (I, RA and CA nodes with ``nodeID``, ``text``,
``type``, ``timestamp``; edges with ``edgeID``, ``fromID``, ``toID``) plus
argmap's own fields in an extra ``argmap`` object on each node and at the top,
so that a written file reads back to an identical map. The SPEC §5/§6 data
rides in the same objects: ``cites``, ``credibility``, ``assumed`` and
``comments`` on I-nodes, ``comments`` on RA and CA nodes, and the cited
``sources`` and the ``merge_conflicts`` in the top-level ``argmap`` object
(AIF has no node type for a cited source; its reliability is not an AIF
notion either). Reading holds them to the native format's rules.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from argmap.formats import native
from argmap.formats._aifgraph import AifNode, build_document, node_type
from argmap.model import ArgumentMap, FormatError, Position

STATEMENT_EXTRAS = ("kind", "basis", "source", "anchors", "note", "tags", "position", "pinned", "cites",
                    "credibility", "assumed", "comments")
TOP_EXTRAS = ("title", "source", "sources", "merge_conflicts")
"""The keys of the top-level ``argmap`` object that are native top-level keys."""


# ---------------------------------------------------------------- reading
def loads(text: str | bytes, name: str = "<string>", warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from AIF JSON text.

    Parameters
    ----------
    text : str or bytes
        The document (bytes must be UTF-8).
    name : str
        File name used in messages.
    warnings : list of str, optional
        Receives one line per thing left out or repaired (dialogue nodes,
        dangling RA/CA nodes, duplicate edges, ...).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    FormatError
        When the text is not JSON, not AIF, or a node or edge is malformed.
    """
    doc = native.parse_json(text, name)
    aif, ova, meta = _split(doc, name)
    positions = _ova_positions(ova, name)
    nodes = [_node(n, f"$.nodes[{k}]", name, positions) for k, n in enumerate(_array(aif, "nodes", name, True))]
    edges = [_edge(e, f"$.edges[{k}]", name) for k, e in enumerate(_array(aif, "edges", name, False))]
    body = build_document(nodes, edges, name, warnings)
    full = {"format": "argmap", "version": native.VERSION, **_meta_fields(meta, name), **body}
    return native.from_document(full, name)


def _split(doc: object, name: str) -> tuple[dict, object, object]:
    if not isinstance(doc, dict):
        raise FormatError(name, "not AIF: the top level must be an object with \"nodes\" and \"edges\"", element="$")
    if "AIF" in doc:
        aif = doc["AIF"]
        if not isinstance(aif, dict):
            raise FormatError(name, "must be an object with \"nodes\" and \"edges\"", element="$.AIF")
        return aif, doc.get("OVA"), doc.get("argmap", aif.get("argmap"))
    if "nodes" not in doc:
        raise FormatError(name, "not AIF: no \"nodes\" list (neither an AIFdb nodeset nor xAIF)", element="$")
    return doc, None, doc.get("argmap")


def _array(obj: dict, key: str, name: str, required: bool) -> list:
    if key not in obj:
        if required:
            raise FormatError(name, f"missing \"{key}\"", element=f"$.{key}")
        return []
    value = obj[key]
    if not isinstance(value, list):
        raise FormatError(name, f"must be an array (found {_type(value)})", element=f"$.{key}")
    return value


def _ident(value: object, where: str, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise FormatError(name, f"must be a non-empty string or an integer (found {_type(value)})", element=where)
    return str(value)


def _text(obj: dict, key: str, where: str, name: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(name, f"must be a string (found {_type(value)})", element=f"{where}.{key}")
    return value


def _node(obj: object, where: str, name: str, positions: dict[str, Position]) -> AifNode:
    if not isinstance(obj, dict):
        raise FormatError(name, f"a node must be an object (found {_type(obj)})", element=where)
    nid = _ident(obj.get("nodeID"), f"{where}.nodeID", name)
    kind = obj.get("type")
    if not isinstance(kind, str) or not kind.strip():
        raise FormatError(name, f"node {nid!r}: \"type\" must be a non-empty string", element=where)
    extra = obj.get("argmap", {})
    if not isinstance(extra, dict):
        raise FormatError(name, f"node {nid!r}: \"argmap\" must be an object", element=f"{where}.argmap")
    fields = dict(extra)
    if "kind" not in fields and obj.get("kind") in ("claim", "evidence", "recommendation"):
        fields["kind"] = obj["kind"]
    scheme = obj.get("scheme")
    return AifNode(nid, node_type(kind), _text(obj, "text", where, name), where, positions.get(nid),
                   scheme if isinstance(scheme, str) else "", fields)


def _edge(obj: object, where: str, name: str) -> tuple[str, str]:
    if not isinstance(obj, dict):
        raise FormatError(name, f"an edge must be an object (found {_type(obj)})", element=where)
    return _ident(obj.get("fromID"), f"{where}.fromID", name), _ident(obj.get("toID"), f"{where}.toID", name)


def _ova_positions(ova: object, name: str) -> dict[str, Position]:
    if ova is None:
        return {}
    nodes = ova.get("nodes") if isinstance(ova, dict) else None
    if not isinstance(nodes, list):
        raise FormatError(name, "must be an object with a \"nodes\" array", element="$.OVA")
    out = {}
    for k, n in enumerate(nodes):
        where = f"$.OVA.nodes[{k}]"
        if not isinstance(n, dict):
            raise FormatError(name, f"must be an object (found {_type(n)})", element=where)
        x, y = n.get("x"), n.get("y")
        if _finite(x) and _finite(y):
            out[_ident(n.get("nodeID"), where + ".nodeID", name)] = Position(float(x), float(y))
    return out


def _finite(v: object) -> bool:
    """Whether ``v`` is a usable coordinate: a number (not a bool) of at most 1e9 in size.

    ``abs(v) <= 1e9`` is False for NaN and the infinities, and compares a
    huge integer exactly, where ``math.isfinite`` would overflow converting it.
    """
    return not isinstance(v, bool) and isinstance(v, (int, float)) and abs(v) <= 1e9


def _meta_fields(meta: object, name: str) -> dict:
    if meta is None:
        return {"title": _title_from(name)}
    if not isinstance(meta, dict):
        raise FormatError(name, "must be an object", element="$.argmap")
    out = {k: meta[k] for k in TOP_EXTRAS if k in meta}
    extra = meta.get("extra", {})
    if not isinstance(extra, dict):
        raise FormatError(name, "must be an object", element="$.argmap.extra")
    reserved = set(native.KNOWN_TOP)
    out.update({k: v for k, v in extra.items() if k not in reserved})
    return out


def _title_from(name: str) -> str:
    if name.startswith("<"):
        return ""
    return name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- writing
def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as an AIFdb nodeset (JSON text).

    Statements become I-nodes, inferences RA-nodes and conflicts CA-nodes;
    everything AIF has no field for goes into an ``argmap`` object on the node
    (and at the top for the title, source and unknown keys).
    """
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    doc = native.to_document(amap)
    nodes: list[dict] = []
    edges: list[tuple[str, str]] = []
    for s in doc["statements"]:
        extras = {k: s[k] for k in STATEMENT_EXTRAS if k in s}
        if "position" in s:
            extras["position"] = _exact_position(amap, s["id"])
        nodes.append({"nodeID": s["id"], "text": s["text"], "type": "I", "timestamp": stamp, "argmap": extras})
    for inf, row in zip(amap.inferences.values(), doc["inferences"]):
        nodes.append(_relation_node(inf.id, "RA", "Default Inference", row, stamp))
        edges += [(p, inf.id) for p in inf.premises] + [(inf.id, inf.conclusion)]
    for con, row in zip(amap.conflicts.values(), doc["conflicts"]):
        nodes.append(_relation_node(con.id, "CA", "Default Conflict", row, stamp))
        edges += [(a, con.id) for a in con.attackers] + [(con.id, con.target)]
    meta = {k: doc[k] for k in TOP_EXTRAS if k in doc}
    if amap.extra:
        meta["extra"] = {k: amap.extra[k] for k in sorted(amap.extra)}
    out = {
        "nodes": nodes,
        "edges": [{"edgeID": str(k), "fromID": a, "toID": b, "formEdgeID": None}
                  for k, (a, b) in enumerate(edges, start=1)],
        "locutions": [],
        "argmap": meta,
    }
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def _exact_position(amap: ArgumentMap, sid: str) -> dict:
    pos = amap.statements[sid].position
    return {"x": pos.x, "y": pos.y}


def _relation_node(nid: str, kind: str, text: str, row: dict, stamp: str) -> dict:
    """An RA or CA node; ``row`` is the inference's or conflict's native document."""
    node = {"nodeID": nid, "text": text, "type": kind, "timestamp": stamp}
    node["argmap"] = {"note": row.get("note", "")}
    if "comments" in row:
        node["argmap"]["comments"] = row["comments"]
    return node
