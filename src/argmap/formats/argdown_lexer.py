"""Argdown lexing: front matter, comments, blocks, line kinds and inline content.

This private helper of :mod:`argmap.formats.argdown` turns Argdown text into
blocks of numbered lines (comments removed, empty lines as separators) and
parses the inline content of one element (title, text, tags, YAML data).
It follows the token rules of the official Argdown lexer (1.7.5) where they
matter for the structure of a map.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from argmap.formats.argdown_emphasis import strip_emphasis
from argmap.model import FormatError

try:  # PyYAML reads block and flow YAML; our own output is JSON, read without it.
    import yaml as _yaml
except ImportError:  # pragma: no cover - depends on the environment
    _yaml = None

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
ESCAPE_BASE = 0xF0000
"""Escaped characters are parked in a private-use plane while the line is parsed."""
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


def data_open(text: str) -> bool:
    """Whether ``text`` ends inside a data element (an unescaped ``{`` not closed yet)."""
    tracker = DataTracker()
    tracker.feed(text)
    return tracker.is_open


def data_end(text: str, start: int) -> int | None:
    """The index after the ``}`` that closes the data element opened at ``start``.

    ``None`` when the text ends first, or when a ``]`` closes it. Braces and
    brackets nest; inside a quote (a ``"`` or ``'`` after a space, a line
    break, ``{``, ``[``, ``,`` or ``:``) nothing counts but ``\\`` and the
    closing quote.
    """
    end, closed = _scan(text, start, DataScan())
    return end if closed else None


_DATA_MARK = re.compile(r"[{}\[\]\"']")
_QUOTE_END = {'"': re.compile(r'["\\]'), "'": re.compile(r"['\\]")}
_QUOTE_AFTER = " \t\n{[,:"


@dataclass
class DataScan:
    """Where a scan through a data element stands, so that text can be fed to it piece by piece."""

    depth: int = 0
    quote: str = ""
    skip: bool = False
    """The first character of the next piece is escaped (a backslash inside a quote ended the last one)."""


def _scan(text: str, pos: int, st: DataScan, table: dict | None = None) -> tuple[int, bool | None]:
    """Advance ``st`` through ``text`` from ``pos`` until the depth returns to 0.

    Returns the index after the closing character and True (``}``) or
    False (``]``); or ``len(text)`` and None when the text ran out first.
    With ``table``, every ``{`` or ``[`` met outside quotes is recorded
    with what :func:`data_end` would answer for it (see :class:`DataEnds`).
    """
    opened: list[int] = []
    if st.skip and pos < len(text):
        st.skip, pos = False, pos + 1
    while True:
        if st.quote:
            m = _QUOTE_END[st.quote].search(text, pos)
            if m is None:
                return len(text), None
            pos = m.end()
            if m.group() == "\\":
                if pos == len(text):
                    st.skip = True
                    return pos, None
                pos += 1
            else:
                st.quote = ""
            continue
        m = _DATA_MARK.search(text, pos)
        if m is None:
            return len(text), None
        at, ch, pos = m.start(), m.group(), m.end()
        if ch in "\"'":
            if at > 0 and text[at - 1] in _QUOTE_AFTER:
                st.quote = ch
        elif ch in "{[":
            st.depth += 1
            opened.append(at)
        else:
            st.depth -= 1
            if table is not None and opened:
                table[opened.pop()] = pos if ch == "}" else None
            if st.depth == 0:
                return pos, ch == "}"


class DataTracker:
    """Whether lines fed one at a time leave a data element open, in time linear in their length.

    After :meth:`feed` of lines ``a``, ``b``, ... :attr:`is_open` is what
    :func:`data_open` says of ``"a\\nb..."``, without rescanning the lines
    before each new one.
    """

    def __init__(self) -> None:
        self.scan: DataScan | None = None
        self.broken = False
        self.started = False

    @property
    def is_open(self) -> bool:
        return self.broken or self.scan is not None

    def feed(self, line: str) -> None:
        """Read one more line (without its line break; escapes still in it)."""
        work = ("\n" if self.started else "") + park_escapes(line)
        self.started = True
        pos = 0
        while not self.broken:
            if self.scan is None:
                pos = work.find("{", pos)
                if pos < 0:
                    return
                self.scan = DataScan()
            pos, closed = _scan(work, pos, self.scan)
            if closed is None:
                return
            self.scan = None
            self.broken = not closed


class DataEnds:
    """:func:`data_end` for the ``{`` of one text met left to right, linear overall.

    The caller skips past each data element that closes. When one does not
    close, its single scan also records the answer for every later ``{`` it
    met outside quotes (the scan from such a ``{`` runs in step with it); a
    ``{`` inside a quote of that unclosed element does not open data. So the
    rest of the text is scanned once, not once per brace.
    """

    def __init__(self, text: str):
        self.text = text
        self.covered = 0
        self.table: dict[int, int | None] = {}

    def end(self, start: int) -> int | None:
        """The index after the ``}`` that closes the ``{`` at ``start``, or None."""
        if start < self.covered:
            return self.table.get(start)
        table: dict[int, int | None] = {}
        end, closed = _scan(self.text, start, DataScan(), table)
        if closed:
            return end
        self.covered, self.table = end, table
        return None


# ------------------------------------------------------------------ data
def parse_yaml(text: str, block: bool) -> object:
    """Parse YAML (block or flow) or JSON text; raises ``ValueError`` when it is not valid."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    if _yaml is None:
        return _simple_block(text) if block else _fail_yaml()
    if _flow_depth(text) > MAX_YAML_DEPTH:  # PyYAML's time grows with the square of the depth
        raise ValueError(f"nested more than {MAX_YAML_DEPTH} levels deep")
    try:
        return _yaml.safe_load(text)
    except _yaml.YAMLError as exc:
        raise ValueError(str(exc).replace("\n", " ")) from None


MAX_YAML_DEPTH = 100
"""Deeper ``[`` / ``{`` nesting in YAML data is refused (as invalid data) before PyYAML reads it."""


def _flow_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in ``text`` (quotes ignored: an upper bound)."""
    depth = deepest = 0
    for m in re.finditer(r"[\[{\]}]", text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _simple_block(text: str) -> dict:
    """``key: <JSON>`` lines (what our writer emits), for when PyYAML is missing."""
    out = {}
    for row in text.splitlines():
        if not row.strip():
            continue
        key, sep, value = row.partition(":")
        if not sep:
            raise ValueError(f"not a 'key: value' line: {row.strip()!r}")
        out[key.strip()] = json.loads(value.strip())
    return out


def _fail_yaml():
    raise ValueError("YAML data needs PyYAML, which is not installed")


# ------------------------------------------------------------------ inline
def park_escapes(text: str) -> str:
    """Replace each ``\\X`` by a private-use stand-in for ``X``."""
    return re.sub(r"\\(.)", lambda m: chr(ESCAPE_BASE + ord(m.group(1))) if ord(m.group(1)) < 0xFFFE
                  else m.group(1), text)


def unpark(text: str, backslash: bool = False) -> str:
    """Put escaped characters back: plain, or with their backslash (inside data, which keeps escapes)."""
    lead = "\\" if backslash else ""
    return "".join(lead + chr(ord(c) - ESCAPE_BASE) if ESCAPE_BASE <= ord(c) < ESCAPE_BASE + 0xFFFE else c
                   for c in text)


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
