"""Native documents seen as tables of elements: what :mod:`diff` and :mod:`merge` share (SPEC §6).

A native document is the ordered dict :func:`argmap.formats.native.to_document`
gives. Elements are matched by ``id`` within the element lists
(``statements``, ``inferences``, ``conflicts``, ``sources``). Every key of an
element dict is a field: ``position`` and ``pinned`` are layout, all else is
content, so that fields added to the format later need no special case here.
The top-level keys other than ``format``, ``version`` and the element lists
are the map's *meta* keys (``title``, ``source``, unknown keys...).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from argmap.formats import FORMATS, format_for, native, read_bytes, read_file, sniff
from argmap.model import ArgumentMap, FormatError

ELEMENT_LISTS = {"statements": "statement", "inferences": "inference", "conflicts": "conflict",
                 "sources": "source"}
"""Element list key -> the element type named in diffs and conflicts."""

LAYOUT_FIELDS = frozenset(("position", "pinned"))
"""Fields of a statement that are layout, not content."""

REFERENCE_FIELDS = ("premises", "conclusion", "attackers", "target", "cites", "via")
"""Fields whose values are ids of other elements (one id, or a list of them)."""

COMMENTS = "comments"
"""The field merged by value (SPEC §6), never as a conflict."""

MERGE_CONFLICTS = "merge_conflicts"
"""The top-level list of merge conflicts (SPEC §6)."""

NOT_META = frozenset(("format", "version", *ELEMENT_LISTS))


class _Absent:
    """The value of a field or key that is not there (``null`` in JSON output)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT = _Absent()


def field(obj: dict | None, key: str):
    """``obj[key]``, or :data:`ABSENT` when ``obj`` is None or lacks ``key``."""
    if obj is None:
        return ABSENT
    return obj.get(key, ABSENT)


def plain(value):
    """A value as JSON writes it: :data:`ABSENT` becomes ``None``."""
    return None if value is ABSENT else value


def list_keys(doc: dict) -> list[str]:
    """The element lists of ``doc``, in the order the document has them."""
    return [key for key in doc if key in ELEMENT_LISTS and isinstance(doc[key], list)]


def elements(doc: dict) -> dict[str, tuple[str, dict]]:
    """Every element of ``doc`` by id: ``(list key, element dict)``, in document order."""
    out: dict[str, tuple[str, dict]] = {}
    for key in list_keys(doc):
        for element in doc[key]:
            out[element["id"]] = (key, element)
    return out


def meta_keys(doc: dict) -> list[str]:
    """The top-level keys of ``doc`` that are not element lists, ``format`` or ``version``."""
    return [key for key in doc if key not in NOT_META]


def references(element: dict) -> Iterator[str]:
    """The ids an element names in its reference fields (premises, conclusion, attackers, ...)."""
    for key in REFERENCE_FIELDS:
        value = element.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (x for x in value if isinstance(x, str))


def content_fields(old: dict | None, new: dict | None) -> tuple[list[str], list[str]]:
    """The changed fields of one element: ``(content, layout)``, each sorted.

    A field present on one side only counts as changed; ``id`` never does.
    """
    keys = set(old or ()) | set(new or ())
    keys.discard("id")
    changed = sorted(k for k in keys if field(old, k) != field(new, k))
    return [k for k in changed if k not in LAYOUT_FIELDS], [k for k in changed if k in LAYOUT_FIELDS]


def document_of(amap: ArgumentMap) -> dict:
    """The native document of ``amap`` (the one ``.argmap`` files hold)."""
    return native.to_document(amap)


def load_map(path: str | os.PathLike, *, empty_ok: bool = False,
             warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from a file of any readable format.

    A file whose extension names no format (git hands a merge driver files
    such as ``.merge_file_a1B2c3``) is read as native JSON, or AIF when it
    looks like AIF. With ``empty_ok`` an empty file is an empty map (git's
    base when both branches added the file).

    Raises
    ------
    FormatError
        When the file cannot be read or is not a valid map.
    """
    name = str(path)
    suffix = Path(path).suffix.lower()
    known = any(suffix in f.extensions for f in FORMATS.values()) or suffix == ".bak"
    if empty_ok and not read_bytes(path).strip():
        return ArgumentMap()
    if known:
        return read_file(path, warnings=warnings)
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(name, "not UTF-8 text: not a map file") from None
    fmt = sniff(text) or "argmap"
    return format_for(path, fmt, reading=True).load_function()(text, name=name, warnings=warnings)
