"""Graphviz DOT export (write only).

Statements are boxes labelled with their text (wrapped, escaped); an
inference with linked premises, or one that is undercut, is drawn as a small
junction point the premises join before the arrow to the conclusion; other
support is one arrow. Attacks are dashed red arrows (through a junction
when several attackers are linked). ``rankdir=BT`` puts conclusions above
their premises, as on the canvas.
"""

from __future__ import annotations

import re
import textwrap

from argmap.model import ArgumentMap

FILL = {"claim": "#ffffff", "evidence": "#e3f4e1", "recommendation": "#dde9fb"}
WRAP = 40
UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
"""What a DOT file cannot hold: NUL (Graphviz stops reading at it) and lone surrogates (not UTF-8)."""


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string (backslashes, quotes and line ends escaped).

    NUL and lone surrogates, which no DOT file can carry, become U+FFFD;
    other control characters are kept (Graphviz reads them back as written).
    """
    body = UNWRITABLE.sub("\ufffd", text)
    body = body.replace("\\", "\\\\").replace('"', '\\"')
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{body}"'


def label(text: str, width: int = WRAP) -> str:
    """Statement text wrapped to ``width`` columns, as a quoted DOT label."""
    lines = []
    for para in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(para, width) or [""])
    return quote("\n".join(lines))


def dumps(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """Write ``amap`` as a DOT digraph.

    Parameters
    ----------
    amap : ArgumentMap
    warnings : list of str, optional
        Receives a line saying that notes, sources and anchors are not drawn.
    """
    undercut = {c.target for c in amap.conflicts.values()}
    junctions = {i.id for i in amap.inferences.values() if len(i.premises) > 1 or i.id in undercut}
    out = [f"digraph {quote(amap.title or 'argmap')} {{",
           "  rankdir=BT;",
           f"  label={quote(amap.title)}; labelloc=t;",
           '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11];',
           "  edge [color=\"#2f6f2f\"];"]
    for s in amap.statements.values():
        out.append(f"  {quote(s.id)} [label={label(s.text)}, fillcolor={quote(FILL.get(s.kind, '#ffffff'))}, "
                   f"tooltip={quote(s.kind)}];")
    for inf in amap.inferences.values():
        if inf.id in junctions:
            out.append(f"  {quote(inf.id)} [shape=point, width=0.08, label=\"\"];")
            out += [f"  {quote(p)} -> {quote(inf.id)} [arrowhead=none];" for p in inf.premises]
            out.append(f"  {quote(inf.id)} -> {quote(inf.conclusion)};")
        else:
            out.append(f"  {quote(inf.premises[0])} -> {quote(inf.conclusion)};")
    for con in amap.conflicts.values():
        style = 'style=dashed, color="#b22222"'
        if len(con.attackers) > 1:
            out.append(f"  {quote(con.id)} [shape=point, width=0.08, color=\"#b22222\", label=\"\"];")
            out += [f"  {quote(a)} -> {quote(con.id)} [{style}, arrowhead=none];" for a in con.attackers]
            out.append(f"  {quote(con.id)} -> {quote(con.target)} [{style}];")
        else:
            out.append(f"  {quote(con.attackers[0])} -> {quote(con.target)} [{style}];")
    out.append("}")
    if warnings is not None and any(s.note or s.source or s.anchors for s in amap.statements.values()):
        warnings.append("DOT draws text, kinds and relations only: notes, sources and anchors are left out")
    if warnings is not None and not amap.is_version_1():
        warnings.append("DOT does not carry cited sources, grades, assumptions, comments or merge conflicts: "
                        "they are left out")
    return "\n".join(out) + "\n"
