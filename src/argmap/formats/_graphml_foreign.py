"""GraphML written by other tools: yEd with AIF node types, Argunet, plain graphs.

Each reader turns a :class:`~argmap.formats._xml.GraphDoc` into the body of
a native document (title, statements, inferences, conflicts) and appends one
warning line per kind of thing it left out or had to guess.
"""

from __future__ import annotations

from collections import Counter

from argmap.formats._aifgraph import AifNode, build_document, node_type, shown
from argmap.formats._xml import ARGUNET, GEdge, GNode, GraphDoc
from argmap.model import Position

TEXT_KEYS = ("label", "text", "name", "title", "description", "Description")
ATTACK_WORDS = ("attack", "con", "contra", "rebut", "rebuttal", "undercut", "objection", "conflict", "against")


def centre(node: GNode) -> Position | None:
    """The centre of a yEd node's box (yEd stores its top-left corner)."""
    if node.geometry is None:
        return None
    x, y, w, h = node.geometry
    return Position(x + w / 2, y + h / 2)


# ---------------------------------------------------------------- yEd + AIF
def read_yed_aif(doc: GraphDoc, name: str, warnings: list[str]) -> dict:
    """yEd maps whose nodes carry an AIF ``nodeType`` (I-node, RA-node, CA-node, ...).

    The visible label is the text, unless it is a short tag (``H1``,
    ``DATA``) and a description exists; the other one goes to the note.
    ``known`` I-nodes (facts) become evidence; a ``url`` becomes the source.
    Direct I → I edges are read as support through an added RA node.
    """
    nodes = [_aif_node(n) for n in doc.nodes if not n.is_group]
    types = {n.id: n.type for n in nodes}
    edges: list[tuple[str, str]] = []
    direct = 0
    for e in doc.edges:
        if types.get(e.source) == "I" and types.get(e.target) == "I":
            rid = _free_id(f"{e.source}->{e.target}", types)
            types[rid] = "RA"
            nodes.append(AifNode(rid, "RA", "", f"edge {shown(e.id or rid)}"))
            edges += [(e.source, rid), (rid, e.target)]
            direct += 1
        else:
            edges.append((e.source, e.target))
    if direct:
        warnings.append(f"{direct} edge(s) from one I-node straight to another read as support")
    body = build_document(nodes, edges, name, warnings)
    concluded = {i["conclusion"] for i in body["inferences"]}
    for s in body["statements"]:
        if s.get("kind") == "evidence" and s["id"] in concluded:
            s["kind"] = "claim"  # "known" marks facts; a supported conclusion is a claim
    body["title"] = doc.graph.get("Description", "") or _title(name)
    return body


def _aif_node(n: GNode) -> AifNode:
    label, desc = n.label.strip(), n.data.get("description", "").strip()
    if desc and desc != label and len(label) <= 15:
        text, note = desc, (f"yEd label: {label}" if label else "")
    else:
        text, note = label or desc, (f"description: {desc}" if desc and desc != label else "")
    fields: dict = {}
    kind = node_type(n.data.get("nodeType", "")) or "untyped"
    if kind == "I":
        if note:
            fields["note"] = note
        if n.data.get("known", "").strip().lower() == "true":
            fields["kind"] = "evidence"
        if n.data.get("url", "").strip():
            fields["source"] = n.data["url"].strip()
    return AifNode(n.id, kind, text, f"node {shown(n.id)}", centre(n), "" if kind == "I" else text, fields)


def _free_id(wanted: str, used) -> str:
    candidate, k = wanted, 1
    while candidate in used:
        k += 1
        candidate = f"{wanted}#{k}"
    return candidate


# ---------------------------------------------------------------- Argunet
def read_argunet(doc: GraphDoc, name: str, warnings: list[str]) -> dict:
    """Argunet exports: theses and arguments become claims, support/attack edges inferences/conflicts.

    An argument's inner premise-conclusion structure is kept as its note;
    groups become tags; sketched relations are read as plain ones.
    """
    statements = {}
    for n in doc.nodes:
        if n.is_group or n.argunet is None:
            continue
        statements[n.id] = _argunet_statement(n)
    inner = sum(1 for s in statements.values() if "\n" in s.get("note", ""))
    if inner:
        warnings.append(f"{inner} Argunet argument(s): the premise-conclusion structure inside is kept only "
                        "as the note")
    skipped = Counter(n.argunet is None and not n.is_group for n in doc.nodes)[True]
    if skipped:
        warnings.append(f"{skipped} node(s) without Argunet data left out")
    body = _relations(doc.edges, statements, warnings, _argunet_relation)
    sketched = sum(1 for e in doc.edges if e.argunet is not None and "sketched" in e.argunet.get("type", "").lower())
    if sketched:
        warnings.append(f"{sketched} sketched Argunet relation(s) read as plain support or attack")
    title_el = doc.argunet_map.find(ARGUNET + "mapTitle") if doc.argunet_map is not None else None
    body["title"] = (title_el.text or "").strip() if title_el is not None and title_el.text else _title(name)
    return body


def _argunet_statement(n: GNode) -> dict:
    el = n.argunet
    title = _child_text(el, "title")
    body = _child_text(el, "content") or _child_text(el, "description")
    notes = [f"Argunet title: {title}"] if body and title else []
    for prop in el.findall(ARGUNET + "proposition"):
        role = prop.get("type", "proposition")
        notes.append(f"({prop.get('index', '?')}, {role}) {_child_text(prop, 'content')}")
    out = {"id": n.id, "kind": "claim", "text": body or title or n.label}
    if notes:
        out["note"] = "\n".join(notes)
    if n.groups:
        out["tags"] = list(n.groups)
    pos = centre(n)
    if pos is not None:
        out["position"] = {"x": pos.x, "y": pos.y}
    return out


def _child_text(el, tag: str) -> str:
    child = el.find(ARGUNET + tag)
    return " ".join((child.text or "").split()) if child is not None else ""


def _argunet_relation(e: GEdge) -> str:
    kind = (e.argunet.get("type", "") if e.argunet is not None else "").lower()
    return "attack" if "attack" in kind else "support"


# ---------------------------------------------------------------- plain graphs
def read_plain(doc: GraphDoc, name: str, warnings: list[str]) -> dict:
    """Any other graph: nodes become claims (text from a label-like attribute), edges support or attack.

    An edge is an attack when one of its attributes says so (``attack``,
    ``con``, ``rebut``, ...); otherwise it is read as support, with a warning.
    """
    statements = {}
    for n in doc.nodes:
        if n.is_group:
            continue
        text = n.label or next((n.data[k] for k in TEXT_KEYS if n.data.get(k, "").strip()), n.id)
        out = {"id": n.id, "kind": "claim", "text": text.strip()}
        pos = centre(n)
        if pos is not None:
            out["position"] = {"x": pos.x, "y": pos.y}
        if n.groups:
            out["tags"] = list(n.groups)
        statements[n.id] = out
    body = _relations(doc.edges, statements, warnings, _plain_relation)
    guessed = sum(1 for e in doc.edges if _plain_relation(e) == "support" and not _says_support(e))
    if guessed:
        warnings.append(f"{guessed} edge(s) say nothing about support or attack: read as support")
    body["title"] = doc.graph.get("title", "") or doc.graph.get("Description", "") or _title(name)
    return body


def _plain_relation(e: GEdge) -> str:
    words = {w for v in e.data.values() for w in str(v).lower().replace("-", " ").split()}
    return "attack" if words.intersection(ATTACK_WORDS) else "support"


def _says_support(e: GEdge) -> bool:
    text = " ".join(str(v).lower() for v in e.data.values())
    return "support" in text or "pro" in text.split()


# ---------------------------------------------------------------- shared
def _relations(edges: list[GEdge], statements: dict, warnings: list[str], relation) -> dict:
    """One inference or conflict per edge between two statements."""
    inferences, conflicts, seen = [], [], set()
    dangling = loops = duplicate = 0
    used = set(statements)
    for e in edges:
        if e.source not in statements or e.target not in statements:
            dangling += 1
            continue
        if e.source == e.target:
            loops += 1
            continue
        kind = relation(e)
        if (e.source, e.target, kind) in seen:
            duplicate += 1
            continue
        seen.add((e.source, e.target, kind))
        if kind == "attack":
            cid = _free_id(f"c{len(conflicts) + 1}", used)
            conflicts.append({"id": cid, "attackers": [e.source], "target": e.target})
            used.add(cid)
        else:
            iid = _free_id(f"i{len(inferences) + 1}", used)
            inferences.append({"id": iid, "premises": [e.source], "conclusion": e.target})
            used.add(iid)
    for count, what in ((dangling, "edge(s) to a group or an unknown node"), (loops, "edge(s) from a node to itself"),
                        (duplicate, "duplicate edge(s)")):
        if count:
            warnings.append(f"{count} {what} left out")
    return {"statements": list(statements.values()), "inferences": inferences, "conflicts": conflicts}


def _title(name: str) -> str:
    if name.startswith("<"):
        return ""
    return name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]

