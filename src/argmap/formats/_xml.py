"""Safe XML parsing and a plain reading of GraphML documents.

XML is parsed only through :mod:`defusedxml` with DTDs forbidden, so entity
bombs ("billion laughs") and external entities are refused before anything
expands. :func:`read_graphml` turns a GraphML document (plain, yEd or
Argunet flavour) into :class:`GNode` and :class:`GEdge` records with their
data by attribute name; the format modules interpret them.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as SafeET

from argmap.model import FormatError

YED = "{http://www.yworks.com/xml/graphml}"
ARGUNET = "{http://www.argunet.org/xml/argml}"


def parse_xml(text: str | bytes, name: str) -> ET.Element:
    """The root element of ``text``, refusing DTDs, entities and external references.

    Raises
    ------
    FormatError
        When the text is not well-formed XML (with line and column) or
        declares a DTD or entities.
    """
    if isinstance(text, str):
        _refuse_surrogates(text, name)
        text = text.encode("utf-8")
    if not isinstance(text, bytes):
        raise FormatError(name, f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise FormatError(name, "the file is empty")
    try:
        return SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden):
        raise FormatError(name, "declares a DTD or entities, which are refused for safety "
                                "(entity expansion such as 'billion laughs')") from None
    except ExternalReferenceForbidden:
        raise FormatError(name, "refers to an external entity, which is refused for safety") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(name, f"not well-formed XML: {_reason(exc)}", line=line, column=column + 1) from None
    except RecursionError:
        raise FormatError(name, "XML nested too deeply to read") from None
    except LookupError as exc:  # an encoding Python does not know, named in the XML declaration
        raise FormatError(name, f"the XML declaration names an encoding that is not known: "
                                f"{_short(str(exc).rsplit(': ', 1)[-1])}",
                          line=1, column=_column_of(text, b"encoding")) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(text: str, name: str) -> None:
    """Refuse a lone surrogate (not a character, so it cannot be encoded) with its line and column."""
    found = _SURROGATE.search(text)
    if found:
        start = found.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise FormatError(name, f"not well-formed XML: a lone surrogate (U+{ord(found.group()):04X}) is not a "
                                "character", line=line, column=column)


def _column_of(data: bytes, word: bytes) -> int:
    first = data[:200].split(b"\n", 1)[0]
    return first.find(word) + 1 if word in first else 1


def _short(text: str, width: int = 60) -> str:
    text = repr(text)[1:-1]
    return text if len(text) <= width else text[: width - 3] + "..."


def _reason(exc: ET.ParseError) -> str:
    return str(exc).split(":", 1)[0]


def local(tag: object) -> str:
    """Tag name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class Key:
    name: str
    domain: str
    type: str
    yfiles: str
    default: str | None


@dataclass
class GNode:
    """A GraphML node: its data by attribute name, yEd label and geometry, Argunet element."""

    id: str
    data: dict = field(default_factory=dict)
    label: str = ""
    geometry: tuple[float, float, float, float] | None = None
    argunet: ET.Element | None = None
    groups: tuple[str, ...] = ()
    is_group: bool = False


@dataclass
class GEdge:
    id: str
    source: str
    target: str
    data: dict = field(default_factory=dict)
    argunet: ET.Element | None = None


@dataclass
class GraphDoc:
    graph: dict
    nodes: list[GNode]
    edges: list[GEdge]
    argunet_map: ET.Element | None = None


def read_graphml(root: ET.Element, name: str) -> GraphDoc:
    """Read the keys, nodes (nested groups included) and edges of a GraphML root."""
    if local(root.tag) != "graphml":
        raise FormatError(name, f"not GraphML: the root element is <{local(root.tag)}>, not <graphml>")
    keys = {}
    for k in root:
        if local(k.tag) == "key":
            default = next((d.text or "" for d in k if local(d.tag) == "default"), None)
            keys[k.get("id", "")] = Key(k.get("attr.name") or k.get("id", ""), k.get("for", "all"),
                                        k.get("attr.type", "string"), k.get("yfiles.type", ""), default)
    graph = next((g for g in root if local(g.tag) == "graph"), None)
    if graph is None:
        raise FormatError(name, "no <graph> element")
    doc = GraphDoc({}, [], [])
    doc.graph = _data(graph, keys, "graph", doc)
    for k in root:
        if local(k.tag) == "data":
            doc.graph.update(_data_one(k, keys, doc))
    _walk(graph, keys, (), doc, name)
    return doc


def _walk(graph: ET.Element, keys: dict, groups: tuple[str, ...], doc: GraphDoc, name: str) -> None:
    for el in graph:
        tag = local(el.tag)
        if tag == "node":
            node = _node(el, keys, groups, doc, name)
            doc.nodes.append(node)
            sub = next((g for g in el if local(g.tag) == "graph"), None)
            if sub is not None:
                node.is_group = True
                title = _group_title(node)
                _walk(sub, keys, groups + ((title,) if title else ()), doc, name)
        elif tag == "edge":
            src, dst = el.get("source"), el.get("target")
            if not src or not dst:
                raise FormatError(name, "an edge needs a source and a target", element=f"edge {el.get('id')!r}")
            edge = GEdge(el.get("id", ""), src, dst)
            edge.data = _data(el, keys, "edge", doc, edge)
            doc.edges.append(edge)


def _node(el: ET.Element, keys: dict, groups: tuple[str, ...], doc: GraphDoc, name: str) -> GNode:
    nid = el.get("id")
    if not nid:
        raise FormatError(name, "a node needs an id", element="<node>")
    node = GNode(nid, groups=groups)
    node.data = _data(el, keys, "node", doc, node)
    return node


def _data(el: ET.Element, keys: dict, domain: str, doc: GraphDoc, owner=None) -> dict:
    out = {k.name: k.default for k in keys.values() if k.domain in (domain, "all") and k.default is not None}
    for d in el:
        if local(d.tag) == "data":
            out.update(_data_one(d, keys, doc, owner))
    return out


def _data_one(d: ET.Element, keys: dict, doc: GraphDoc, owner=None) -> dict:
    key = keys.get(d.get("key", ""))
    children = list(d)
    if key is not None and key.yfiles == "nodegraphics" and isinstance(owner, GNode):
        _yed_graphics(d, owner)
        return {}
    if children:
        first = children[0]
        if first.tag.startswith(ARGUNET):
            if local(first.tag) == "map":
                doc.argunet_map = first
            elif owner is not None:
                owner.argunet = first
        return {}
    return {key.name if key else d.get("key", ""): d.text or ""}


def _yed_graphics(d: ET.Element, node: GNode) -> None:
    geometry = next((g for g in d.iter(YED + "Geometry")), None)
    if geometry is not None:
        try:
            vals = tuple(float(geometry.get(a, "0")) for a in ("x", "y", "width", "height"))
        except ValueError:
            vals = None
        if vals and all(math.isfinite(v) and abs(v) < 1e9 for v in vals):
            node.geometry = vals
    labels = [(lab.text or "").strip() for lab in d.iter(YED + "NodeLabel")]
    node.label = next((t for t in labels if t), "")


def _group_title(node: GNode) -> str:
    if node.argunet is not None:
        title = node.argunet.find(ARGUNET + "title")
        if title is not None and title.text:
            return title.text.strip()
    return node.label
