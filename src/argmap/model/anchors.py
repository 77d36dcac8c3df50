"""Anchors into the source text: check them, find them again by their quote.

An :class:`~argmap.model.Anchor` holds code-point offsets ``[start, end)``
into the source text (``\\n`` line ends) and the quoted text. When the source
is edited the offsets drift; the quote lets us find the span again. This
module is pure Python: the source panel uses it, and so can a headless tool.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.model.elements import Anchor


@dataclass(frozen=True)
class Resolved:
    """Where one anchor of one statement lies in the current text.

    Attributes
    ----------
    statement_id : str
        The statement that carries the anchor.
    anchor : Anchor
        The anchor as stored in the map.
    span : tuple of int or None
        ``(start, end)`` in the current text, or ``None`` when the quote is
        not found any more.
    moved : bool
        True when the stored offsets did not match and the quote was found
        elsewhere.
    """

    statement_id: str
    anchor: Anchor
    span: tuple[int, int] | None
    moved: bool = False


def normalise_text(text: str) -> str:
    """The text with ``\\r\\n`` and ``\\r`` line ends turned into ``\\n`` (and no BOM)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of ``text`` with ``\\n`` line ends (SPEC §2)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """An anchor on ``text[start:end]`` with its quote.

    Raises
    ------
    ValueError
        When the span is empty or outside the text.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}..{end} is empty or outside a text of {len(text)} characters")
    return Anchor(start, end, text[start:end])


def matches(text: str, anchor: Anchor) -> bool:
    """True when the anchor's offsets still cover its quote in ``text``."""
    if not 0 <= anchor.start <= anchor.end <= len(text):
        return False
    return not anchor.quote or text[anchor.start:anchor.end] == anchor.quote


def find_again(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The span of ``anchor`` in ``text``: its offsets when they still match, else its quote found again.

    The quote is looked up exactly first, then with any run of white space
    matching any other (line breaks re-flowed). Of several occurrences the
    one nearest to the old offset wins. An anchor without a quote is found
    only where its offsets fit inside the text.

    Returns
    -------
    tuple of int or None
        ``(start, end)``, or ``None`` when the quote is not in the text.
    """
    if matches(text, anchor):
        return anchor.start, anchor.end
    quote = anchor.quote
    if not quote.strip():
        return None
    spans = _exact(text, quote) or _loose(text, quote)
    if not spans:
        return None
    return min(spans, key=lambda span: (abs(span[0] - anchor.start), span[0]))


def resolve(text: str, anchored: Iterable[tuple[str, Anchor]]) -> list[Resolved]:
    """Resolve many ``(statement_id, anchor)`` pairs against ``text``, in the order given."""
    out = []
    for sid, anchor in anchored:
        span = find_again(text, anchor)
        moved = span is not None and span != (anchor.start, anchor.end)
        out.append(Resolved(sid, anchor, span, moved))
    return out


def anchors_of(statements: Iterable) -> list[tuple[str, Anchor]]:
    """Every ``(statement_id, anchor)`` pair of the given statements, in order."""
    return [(s.id, a) for s in statements for a in s.anchors]


def utf16_index(text: str, index: int) -> int:
    """The UTF-16 position (what Qt counts) of code-point ``index`` in ``text``."""
    index = max(0, min(index, len(text)))
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def code_point_index(text: str, position: int) -> int:
    """The code-point index of UTF-16 ``position`` in ``text`` (inverse of :func:`utf16_index`)."""
    units = 0
    for n, ch in enumerate(text):
        if units >= position:
            return n
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _exact(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def _loose(text: str, quote: str) -> list[tuple[int, int]]:
    words = quote.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
