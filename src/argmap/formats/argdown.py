"""Argdown import and export (https://argdown.org/syntax).

Reading (:func:`loads`) maps Argdown to the argmap model:

- a statement (an equivalence class: every ``[Title]: text`` with the same
  title, and ``[Title]`` references) becomes one statement; its id is a slug of
  the title (made unique), untitled statements are titled ``Untitled N`` as the
  official parser does; ``#evidence`` or ``#recommendation`` sets the kind
  (claim otherwise), the other ``#tags`` become tags, and ``{data}`` keys
  ``id kind text tags note basis source anchors position pinned cites
  credibility assumed comments`` set those fields (other keys are reported
  in ``warnings``; SPEC §5/§6 values are held to the native format's rules,
  and a file breaking one is refused);
- the front matter's ``argmap`` block holds the source of the analysed text,
  unknown top-level keys (``extra``), the cited ``sources`` and the
  ``merge_conflicts``, as in a native file;
- a heading ``# …`` is kept as a tag (the innermost heading's text) on the
  statements first written below it;
- an argument ``<Title>`` without a premise-conclusion structure (pcs) becomes
  a claim (id from its title, text from its first description);
- a pcs ``(1) … ---- (n)`` becomes chained inferences: the premises since the
  previous conclusion, plus that conclusion, support each conclusion (or the
  statements its inference lists in ``{uses: [..]}``); the main inference gets
  the argument's id, intermediate ones ``id.1``, ``id.2`` …;
- ``+ <+ +>`` support becomes a one-premise inference, ``- <- ->`` attack a
  conflict, ``_ <_ _>`` undercut a conflict on the inference (below an
  inference line, or on an argument's main inference); ``><`` contradiction,
  and ``-`` between two statements in strict mode (contrariety), become two
  conflicts, one each way. Relations from or to a reconstructed argument
  attach to its main conclusion; undercuts of statements are read as attacks
  (with a warning).

Writing (:func:`dumps`) produces Argdown that the official parser (1.7.5)
accepts and that :func:`loads` reads back to an equal map; see
:mod:`argmap.formats.argdown_writer`.
"""

from __future__ import annotations

from argmap.formats import argdown_mapper, argdown_parser
from argmap.formats.argdown_writer import dumps
from argmap.gcpause import paused_gc
from argmap.limits import LIMITS
from argmap.model import ArgumentMap, FormatError

__all__ = ["dumps", "loads"]


def loads(text: str, name: str = "<string>", warnings: list[str] | None = None) -> ArgumentMap:
    """Read a map from Argdown text.

    Parameters
    ----------
    text : str
        The Argdown document.
    name : str
        The file name used in error messages.
    warnings : list of str, optional
        Receives one line (with its line number) per construct that could
        not be carried over (includes, images, unknown data keys, …).

    Raises
    ------
    FormatError
        On a syntax error, with the line, the column and what was expected.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError(name, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    if len(text) > LIMITS.max_file_bytes:
        raise FormatError(name, "too large to read")
    sink: list[str] = [] if warnings is None else warnings
    try:
        with paused_gc():  # tens of thousands of small, acyclic objects: the collector only slows it down
            doc = argdown_parser.parse(text, name, sink)
            return argdown_mapper.to_map(doc, name, sink)
    except RecursionError:
        raise FormatError(name, "nested too deeply to read") from None
