"""Plain text shortened for one line: labels, messages, screen-reader names, reports."""

from __future__ import annotations


def one_line(text: str, width: int) -> str:
    """``text`` on one line (white space collapsed), cut to ``width`` characters with an ellipsis.

    A cut text loses the spaces before its ellipsis: ``one_line("Iran backs both", 11)`` is
    ``"Iran backs…"``.
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
