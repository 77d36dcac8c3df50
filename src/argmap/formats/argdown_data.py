"""Argdown data elements and escapes: where a ``{...}`` element ends, whether one is still open, its YAML.

A private helper of :mod:`argmap.formats.argdown_lexer`. Escaped characters
are parked in a private-use plane (:func:`park_escapes`) while a line is
scanned, so that an escaped brace or quote counts for nothing; the scans are
linear in the text however the braces nest (:class:`DataTracker`,
:class:`DataEnds`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

try:  # PyYAML reads block and flow YAML; our own output is JSON, read without it.
    import yaml as _yaml
except ImportError:  # pragma: no cover - depends on the environment
    _yaml = None

ESCAPE_BASE = 0xF0000
"""Escaped characters are parked in a private-use plane while the line is parsed."""


def park_escapes(text: str) -> str:
    """Replace each ``\\X`` by a private-use stand-in for ``X``."""
    return re.sub(r"\\(.)", lambda m: chr(ESCAPE_BASE + ord(m.group(1))) if ord(m.group(1)) < 0xFFFE
                  else m.group(1), text)


def unpark(text: str, backslash: bool = False) -> str:
    """Put escaped characters back: plain, or with their backslash (inside data, which keeps escapes)."""
    lead = "\\" if backslash else ""
    return "".join(lead + chr(ord(c) - ESCAPE_BASE) if ESCAPE_BASE <= ord(c) < ESCAPE_BASE + 0xFFFE else c
                   for c in text)


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
