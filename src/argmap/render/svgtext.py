"""Text of an SVG document: escaped character data and attributes, and compact coordinates."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` escaped for XML character data, with characters XML 1.0 cannot hold replaced by U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", text))


def attr(text: str) -> str:
    """``text`` as a quoted XML attribute value (escaped, invalid characters replaced)."""
    return quoteattr(_NOT_XML.sub("\ufffd", text))


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros ("12", "12.5", "-3.25")."""
    text = f"{value:.2f}"
    if text[-1] == "0":
        text = text[:-3] if text[-2] == "0" else text[:-1]
    return "0" if text == "-0" else text
