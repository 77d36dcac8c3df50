"""Passages of the source text: what a selection, a double-click or a triple-click picks.

Pure functions over the source text (a ``str``, ``\\n`` line ends) and
code-point offsets ``[start, end)``. A selection made by dragging snaps
outward to whole words and drops the white space around it, so that the
statement made from it and its anchor hold exactly the same text; a
double-click picks the sentence under the pointer, a triple-click the
paragraph (text between blank lines).
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "vs", "e.g", "i.e", "etc", "no", "u.s", "gen",
                            "col", "lt", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                            "sep", "sept", "oct", "nov", "dec"})
"""Words after which a full stop rarely ends a sentence ("Mr. Maliki", "the U.S. army")."""


_CLOSING = ".,;:!?)]}”’»…"
"""Punctuation that ends what comes before it: never the first character of a snapped passage."""
_OPENING = "([{“‘«"
"""Punctuation that opens what comes after it: never the last character of a snapped passage."""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end (empty when it is only white space)."""
    start = min(max(0, start), len(text))
    end = max(start, min(len(text), end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown to whole words at both ends, then trimmed of white space.

    A selection that starts or ends inside a word takes the whole word; one
    that starts on the end of the sentence before (". The") loses that
    punctuation; a selection of white space only stays empty (``start == end``).
    """
    start, end = trim_span(text, min(start, end), max(start, end))
    while start < end and text[start] in _CLOSING:
        start = trim_span(text, start + 1, end)[0]
    while end > start and text[end - 1] in _OPENING:
        end = trim_span(text, start, end - 1)[1]
    if start == end:
        return start, end
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
        end += 1
    return start, end


def paragraph_at(text: str, index: int) -> tuple[int, int]:
    """The paragraph around ``index``: the text between the blank lines (or text ends) around it, trimmed."""
    index = max(0, min(index, len(text)))
    begin = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.end() <= index:
            begin = m.end()
        elif m.start() >= index:
            return trim_span(text, begin, m.start())
        else:  # inside the blank lines: the paragraph that follows
            begin = m.end()
    return trim_span(text, begin, len(text))


def sentence_at(text: str, index: int) -> tuple[int, int]:
    """The sentence around ``index``, inside its paragraph, with its closing punctuation.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quote or
    bracket) followed by white space, except after a common abbreviation or
    a single capital letter ("Mr.", "U.S.", "J. Glanz").
    """
    p_start, p_end = paragraph_at(text, index)
    begin = p_start
    for m in _SENTENCE_END.finditer(text, p_start, p_end):
        if _abbreviation(text, p_start, m.start()):
            continue
        if m.end() > index:
            return trim_span(text, begin, m.end())
        begin = m.end()
    return trim_span(text, begin, p_end)


def _abbreviation(text: str, floor: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    if text[dot] != ".":
        return False
    at = dot
    while at > floor and (text[at - 1].isalpha() or text[at - 1] == "."):
        at -= 1
    word = text[at:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def passage_text(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` on one line (what a statement made from it says)."""
    return " ".join(text[start:end].split())
