"""Text of an SVG document: escaped character data and attributes, and compact coordinates."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` escaped for XML character data, with characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """``text`` as a quoted XML attribute value (escaped, invalid characters replaced).

    Line breaks and tabs are written as character references, so a reader
    keeps them (an XML parser turns a raw one into a space). The value is
    quoted with ``"``, or with ``'`` when it holds a ``"`` but no ``'``.
    (Not ``xml.sax.saxutils``: it imports ``urllib.request``, and with it
    ``http``, ``ssl`` and ``email``, a twentieth of an export's start-up.)
    """
    data = clean(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros ("12", "12.5", "-3.25")."""
    text = f"{value:.2f}"
    if text[-1] == "0":
        text = text[:-3] if text[-2] == "0" else text[:-1]
    return "0" if text == "-0" else text
