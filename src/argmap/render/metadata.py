"""What an exported file says about itself, from the map's properties.

The map's title is ``amap.title``; its author and date are the top-level
keys ``author`` and ``date`` of ``amap.extra`` (set in *Map → Properties*);
the analysed text is described by ``amap.source`` (title, author,
published, url). PDF metadata, the SVG ``<title>``/``<desc>`` and the page
footers are all made here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from argmap.model import ArgumentMap

KEYWORD_TAGS = 8
"""At most this many of the map's most used tags become keywords."""


@dataclass(frozen=True)
class DocumentInfo:
    """Title, author, subject, keywords and footer line of an exported map."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    footer: str
    date: str = ""
    description: str = ""


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def document_info(amap: ArgumentMap) -> DocumentInfo:
    """The :class:`DocumentInfo` of ``amap`` (fields it does not have stay empty; nothing is made up)."""
    src = amap.source
    title = _text(amap.title) or _text(src.title) or "Argument map"
    author = _text(amap.extra.get("author", ""))
    date = _text(amap.extra.get("date", ""))
    source = source_line(amap)
    counts = f"{len(amap.statements)} statements, {len(amap.inferences)} inferences, {len(amap.conflicts)} conflicts"
    subject = f"Argument map of {source}" if source else f"Argument map: {counts}"
    tags = Counter(t for st in amap.statements.values() for t in st.tags if _text(t))
    keywords = ["argument map"]
    for extra in _listed(amap.extra.get("keywords")):
        keywords.append(extra)
    if _text(src.author):
        keywords.append(_text(src.author))
    keywords += [_text(t) for t, _ in tags.most_common(KEYWORD_TAGS)]
    made = ", ".join(x for x in (f"map by {author}" if author else "", date) if x)
    footer = " · ".join(x for x in (f"Source: {source}" if source else "", made) if x)
    desc = f"Argument map: {counts}. Made with argmap."
    if source:
        desc += f" Source: {source}."
    if made:
        desc += f" {made[0].upper()}{made[1:]}."
    return DocumentInfo(title, author, subject, tuple(dict.fromkeys(k for k in keywords if k)), footer, date, desc)


def source_line(amap: ArgumentMap) -> str:
    """``Fred Kaplan, “Shot by Both Sides” (2008-04-22), https://…``, or "" for a map without a source."""
    src = amap.source
    parts = [_text(src.author), f"“{_text(src.title)}”" if _text(src.title) else ""]
    line = ", ".join(p for p in parts if p)
    if _text(src.published):
        line += f" ({_text(src.published)})"
    if _text(src.url):
        line += f", {_text(src.url)}"
    return line.strip()


def _listed(value) -> list[str]:
    if isinstance(value, str):
        return [_text(v) for v in value.split(",") if _text(v)]
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value if _text(v)]
    return []
