"""Argdown lexing: front matter, comments, blocks, line kinds and inline content.

This private helper of :mod:`argmap.formats.argdown` turns Argdown text into
blocks of numbered lines (comments removed, empty lines as separators) and
parses the inline content of one element (title, text, tags, YAML data).
It follows the token rules of the official Argdown lexer (1.7.5) where they
matter for the structure of a map. Data elements and escapes are read by
:mod:`argmap.formats.argdown_data`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.formats.argdown_data import DataEnds, data_end, park_escapes, parse_yaml, unpark
from argmap.formats.argdown_emphasis import strip_emphasis
from argmap.model import FormatError

RELATION = re.compile(r"^([ \t]*)(\+>|->|><|_>|<_|<\+|<-|\+|-|_(?=\s))")
INFERENCE = re.compile(r"^[ \t]*--")
PCS_NUMBER = re.compile(r"^([ \t]*)\((\d+)\)")
HEADING = re.compile(r"^[ \t]*(#+) ")
LIST_ITEM = re.compile(r"^[ \t]*(?:\*|\d+\.)(?=\s)")
STATEMENT_DEF = re.compile(r"\[([^\[\n]+?)\]:")
ARGUMENT_DEF = re.compile(r"<([^<\n]+?)>:")
STATEMENT_REF = re.compile(r"\[([^-\[\n][^\[\n]*?)\]")
ARGUMENT_REF = re.compile(r"<([^-<\n][^<\n]*?)>")
LINK = re.compile(r"\[([^\[\]]+?)\]\(([^)\[]+?)\)")
MENTION = re.compile(r"@(\[[^\[\n]+?\]|<[^<\n]+?>)")
TAG = re.compile(r"#(?:\(([^)#]+)\)|([\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
# The bodies of titles, links, mentions and tags exclude their own opening
# character, so that searching a line full of openers is linear, not quadratic.

UNSUPPORTED_HINTS = (
    (re.compile(r"@include\("), "an @include of another file"),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), "an image"),
)


@dataclass
class Line:
    """One source line: its 1-based number and text (comments already blanked)."""

    number: int
    text: str


@dataclass
class Content:
    """The inline content of one element: title, text, tags and data."""

    kind: str  # "statement" or "argument"
    title: str | None
    definition: bool  # a title followed by a colon, or untitled text
    text: str
    tags: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    line: int = 0
    column: int = 1


def fail(name: str, rule: str, line: int | None, column: int | None = None):
    """Raise the :class:`FormatError` of a syntax error."""
    raise FormatError(name, rule, line=line, column=column)


# ------------------------------------------------------------------ document
def split_front_matter(text: str) -> tuple[str, str | None, int]:
    """Cut a leading ``=== … ===`` front matter off ``text``.

    Returns the remaining text (front matter lines replaced by empty lines,
    so line numbers stay), the YAML inside (or ``None``) and its first line.
    """
    lines = text.split("\n")
    first = next((n for n, ln in enumerate(lines) if ln.strip()), None)
    if first is None or not lines[first].strip().startswith("==="):
        return text, None, 0
    head = lines[first].strip()
    if len(head) > 3 and head.rstrip("=") and "===" in head[3:]:
        inner = head.strip("=")
        lines[first] = ""
        return "\n".join(lines), inner, first + 1
    for end in range(first + 1, len(lines)):
        if lines[end].strip().startswith("==="):
            yaml_text = "\n".join(lines[first + 1:end])
            for n in range(first, end + 1):
                lines[n] = ""
            return "\n".join(lines), yaml_text, first + 1
    return text, None, 0


def strip_comments(text: str) -> str:
    """Blank out comments, keeping line breaks and columns (escapes, links and data are skipped)."""
    out = []
    pos = 0
    length = len(text)
    ends = DataEnds(text)
    comments = CommentEnds(text)
    while pos < length:
        ch = text[pos]
        if ch == "\\" and pos + 1 < length:
            out.append(text[pos:pos + 2])
            pos += 2
            continue
        if ch == "[":
            m = LINK.match(text, pos)
            if m:
                out.append(m.group(0))
                pos = m.end()
                continue
        if ch == "{":
            end = ends.end(pos)
            if end is not None:
                out.append(text[pos:end])
                pos = end
                continue
        if ch in "</":
            end = comments.end(pos)
            if end is not None:
                out.append(re.sub(r"[^\n]", " ", text[pos:end]))
                pos = end
                continue
        out.append(ch)
        pos += 1
    return "".join(out)


class CommentEnds:
    """Where the comment starting at a position ends (``<!-- -->``, ``/* */``, ``// …``), linear overall.

    A closing mark not found after one position is not found after a later
    one either, so each kind of closer is looked for once past its last hit.
    """

    CLOSERS = {"<!--": "-->", "/*": "*/"}

    def __init__(self, text: str):
        self.text = text
        self.next_close: dict[str, int] = {}

    def end(self, pos: int) -> int | None:
        """The index after the comment opened at ``pos``, or None when none opens there."""
        text = self.text
        if text.startswith("//", pos):
            eol = text.find("\n", pos)
            return len(text) if eol < 0 else eol
        for opener, closer in self.CLOSERS.items():
            if text.startswith(opener, pos):
                found = self.next_close.get(closer, 0)
                if 0 <= found < pos + len(opener):
                    found = text.find(closer, pos + len(opener))
                    self.next_close[closer] = found
                return None if found < 0 else found + len(closer)
        return None


def blocks(text: str) -> list[list[Line]]:
    """Comment-free lines grouped into blocks separated by empty lines.

    A line that held only a comment is dropped (as the official lexer
    skips a comment with its line break) rather than read as an empty line.
    """
    raw = text.split("\n")
    clean = strip_comments(text).split("\n")
    groups: list[list[Line]] = []
    current: list[Line] = []
    for number, (before, after) in enumerate(zip(raw, clean), start=1):
        if not after.strip():
            if before.strip():
                continue  # comment-only line
            if current:
                groups.append(current)
                current = []
            continue
        current.append(Line(number, after.rstrip()))
    if current:
        groups.append(current)
    return groups


# ------------------------------------------------------------------ inline
def parse_content(body: str, name: str, line: int, column: int, warnings: list[str]) -> Content:
    """Parse one element: ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or untitled text.

    ``body`` may span several lines (joined with ``\\n``); escapes are
    still in it. Tags and data are taken out of the text; emphasis
    markers are dropped, links kept as ``text (url)``, mentions kept as written.
    """
    work = park_escapes(body.strip())
    kind, title, definition = "statement", None, True
    for pattern, k, is_def in ((STATEMENT_DEF, "statement", True), (ARGUMENT_DEF, "argument", True),
                               (STATEMENT_REF, "statement", False), (ARGUMENT_REF, "argument", False)):
        m = pattern.match(work)
        if m and not (k == "statement" and not is_def and LINK.match(work)):
            kind, title, definition = k, unpark(m.group(1)).strip(), is_def
            work = work[m.end():]
            break
    work, data = _take_data(work, name, line, warnings)
    tags: list[str] = []

    def tag(m: re.Match) -> str:
        tags.append(unpark(m.group(1) or m.group(2)).strip())
        return " "

    work = TAG.sub(tag, work)
    if title is not None and not definition and work.strip():
        fail(name, f"unexpected text {_show(unpark(work))} after the reference "
                   f"{'[' + title + ']' if kind == 'statement' else '<' + title + '>'}: "
                   "add a colon after the title to define it, or start a new line", line, column)
    _check_inline(work, name, line, column)
    return Content(kind, title, definition, _plain(work, name, line), tags, data, line, column)


def _take_data(work: str, name: str, line: int, warnings: list[str]) -> tuple[str, dict]:
    start = work.find("{")
    if start < 0:
        return work, {}
    end = data_end(work, start)
    if end is None:
        fail(name, "unclosed data element: a '{' needs its '}'", line)
    raw = unpark(work[start:end], backslash=True)
    block = raw[1:].lstrip(" \t").startswith("\n")
    try:
        value = parse_yaml(raw[1:-1] if block else raw, block)
    except ValueError as exc:
        warnings.append(f"line {line}: data {_show(raw)} is not valid YAML and was ignored ({exc})")
        value = {}
    if value is None:
        value = {}
    if not isinstance(value, dict):
        warnings.append(f"line {line}: data {_show(raw)} is not a mapping and was ignored")
        value = {}
    if work[end:].strip():
        fail(name, f"unexpected {_show(unpark(work[end:]))} after the data element: data must end the "
                   "element", line)
    return work[:start] + " " + work[end:], value


def _check_inline(work: str, name: str, line: int, column: int) -> None:
    """Refuse definitions and references in the middle of text, as Argdown does."""
    scrub = MENTION.sub(" ", SHORTCODE.sub(" ", LINK.sub(" ", work)))
    for pattern, what in ((STATEMENT_DEF, "a statement definition [Title]:"),
                          (ARGUMENT_DEF, "an argument definition <Title>:"),
                          (STATEMENT_REF, "a statement reference [Title]"),
                          (ARGUMENT_REF, "an argument reference <Title>")):
        m = pattern.search(scrub)
        if m:
            fail(name, f"{what} may only start an element (at the beginning of a line or after a relation "
                       f"symbol), not follow text: found {_show(unpark(m.group(0)))}", line, column)


def _plain(work: str, name: str, line: int) -> str:
    work = LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", work)
    lone = re.search(r"(?<!\S)(\*\*\*|___)(?!\S)", work)
    if lone:
        fail(name, f"incomplete bold text range {lone.group(1)}: close it with {lone.group(1)[:2]} (or escape the "
                   "characters with \\)", line)
    for _ in range(3):  # nested emphasis, up to three levels
        plain = strip_emphasis(work)
        if plain == work:
            break
        work = plain
    m = re.search(r"(\*\*|__)(?=\S)", work)
    if m:
        fail(name, f"incomplete bold text range: close it with {m.group(1)} (or escape the characters with \\)",
             line)
    return " ".join(unpark(work).split())


def unsupported(line: Line) -> str | None:
    """The name of a construct outside our subset on this line, if any."""
    for pattern, what in UNSUPPORTED_HINTS:
        if pattern.search(line.text):
            return what
    return None


def _show(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:37] + "...")
