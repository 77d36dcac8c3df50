"""Readers and writers of every format, chosen by file extension.

Each format module offers ``loads(text, name="<string>", warnings=None)``
and/or ``dumps(amap, warnings=None)``. Readers raise
:class:`~argmap.model.FormatError`; readers and writers append what they
could not carry over (one line each) to ``warnings`` when it is given.

This package is pure: no Qt. :func:`read_file` and :func:`write_file` add the
file handling (size limit, UTF-8, atomic replace with a ``.bak``).
"""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from argmap.atomic import write_text_atomic
from argmap.limits import LIMITS
from argmap.model import ArgumentMap, FormatError


@dataclass(frozen=True)
class Format:
    """A file format: its name, extensions and the functions that read and write it."""

    name: str
    extensions: tuple[str, ...]
    module: str
    reader: str | None = "loads"
    writer: str | None = "dumps"
    label: str = ""

    def load_function(self):
        return getattr(importlib.import_module(self.module), self.reader)

    def dump_function(self):
        return getattr(importlib.import_module(self.module), self.writer)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("argmap", (".argmap",), "argmap.formats.native", label="argmap map"),
    Format("argdown", (".argdown", ".ad"), "argmap.formats.argdown", label="Argdown"),
    Format("aif", (".aif", ".json"), "argmap.formats.aif", label="AIF JSON (AIFdb, OVA)"),
    Format("graphml", (".graphml",), "argmap.formats.graphml", label="GraphML"),
    Format("dot", (".dot", ".gv"), "argmap.formats.dot", reader=None, label="Graphviz DOT"),
    Format("markdown", (".md", ".markdown"), "argmap.formats.outline", reader=None, writer="dumps_markdown",
           label="Outline (Markdown)"),
    Format("html", (".html", ".htm"), "argmap.formats.outline", reader=None, writer="dumps_html",
           label="Outline (HTML)"),
    Format("kialo", (".txt",), "argmap.formats.kialo", writer=None, label="Kialo discussion export"),
)}


def format_for(path: str | os.PathLike, name: str | None = None, *, reading: bool) -> Format:
    """The format named ``name``, or the one the extension of ``path`` says.

    Raises
    ------
    FormatError
        When the format is unknown or cannot be read (or written).
    """
    if name:
        fmt = FORMATS.get(name.lower())
        if fmt is None:
            raise FormatError(str(path), f"unknown format {name!r}: known formats are {', '.join(FORMATS)}")
    else:
        ext = Path(path).suffix.lower()
        if ext == ".bak":  # a backup reads as the file it backs up
            ext = Path(Path(path).stem).suffix.lower()
        matches = [f for f in FORMATS.values() if ext in f.extensions]
        if not matches:
            known = ", ".join(e for f in FORMATS.values() for e in f.extensions)
            raise FormatError(str(path), f"unknown file extension {ext or '(none)'!r}: use one of {known}")
        fmt = matches[0]
    if reading and fmt.reader is None:
        raise FormatError(str(path), f"{fmt.label or fmt.name} can be written but not read")
    if not reading and fmt.writer is None:
        raise FormatError(str(path), f"{fmt.label or fmt.name} can be read but not written")
    return fmt


KIALO_HEADER = b"Discussion Title:"


def sniff(text: str) -> str | None:
    """Guess the format of a document: ``kialo`` (its header), ``argmap`` or ``aif`` (JSON), or ``None``."""
    if text.lstrip("\ufeff \t\r\n").startswith(KIALO_HEADER.decode()):
        return "kialo"
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return None
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(doc, dict):
        if doc.get("format") == "argmap":
            return "argmap"
        if "AIF" in doc or ("nodes" in doc and "edges" in doc):
            return "aif"
    return None


def read_bytes(path: str | os.PathLike) -> bytes:
    """Read a whole file, refusing folders, missing files and files over the size limit."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise FormatError(name, "is a folder, not a map file")
        size = p.stat().st_size
    except FileNotFoundError:
        raise FormatError(name, "no such file") from None
    except OSError as exc:
        raise FormatError(name, f"cannot be read: {exc.strerror or exc}") from None
    if size > LIMITS.max_file_bytes:
        raise FormatError(name, f"too large: {size / 1e6:.0f} MB, above the limit of "
                                f"{LIMITS.max_file_bytes / 1e6:.0f} MB (ARGMAP_MAX_FILE_MB raises it)")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise FormatError(name, f"cannot be read: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of ``data`` (BOM dropped), or a :class:`FormatError` naming the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(name, f"not UTF-8 text (bad byte at offset {exc.start})") from None


def read_file(path: str | os.PathLike, fmt: str | None = None,
              warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from ``path`` in the format named ``fmt`` or given by its extension.

    A ``.json`` file is sniffed: native when it says ``"format": "argmap"``,
    AIF when it has ``nodes`` and ``edges`` or an ``AIF`` block. Without
    ``fmt``, a file that starts with ``Discussion Title:`` is read as a Kialo
    export whatever its extension.
    """
    name = str(path)
    data = read_bytes(path)
    if not fmt and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(KIALO_HEADER):
        fmt = "kialo"
    chosen = format_for(path, fmt, reading=True) if fmt or Path(path).suffix.lower() != ".json" else None
    if chosen is not None and chosen.name == "argmap":
        text = data  # the native reader takes UTF-8 bytes as they are (faster on big maps)
    else:
        text = decode(data, name)
    if chosen is None:
        chosen = format_for(path, sniff(text) or "aif", reading=True)
    try:
        return chosen.load_function()(text, name=name, warnings=warnings)
    except RecursionError:
        raise FormatError(name, "nested too deeply to read") from None


def write_file(amap: ArgumentMap, path: str | os.PathLike, fmt: str | None = None,
               warnings: list[str] | None = None, *, backup: bool = True) -> None:
    """Write ``amap`` to ``path`` atomically; the previous file is kept as ``path.bak``.

    The text is written to a temporary file in the same folder, flushed to
    disk, then renamed over ``path``: a failure at any point leaves the old
    file as it was.

    Raises
    ------
    OSError
        When the folder cannot be written (full disk, read-only, vanished).
    """
    chosen = format_for(path, fmt, reading=False)
    text = chosen.dump_function()(amap, warnings=warnings)
    write_text_atomic(Path(path), text, backup=backup)
