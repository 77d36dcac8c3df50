"""The report outline's "Review comments" section (SPEC §6): every comment, by the element it is on.

Elements come in document order (statements, inferences, conflicts,
sources); under each, its open comments, then its resolved ones, each with
author and date. A map without comments gets no section, so its outline
stays exactly as it was. Every text is plain text, escaped by the caller's
rules (Markdown or HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argmap.model import ArgumentMap, Comment, Conflict, Inference, Source, Statement
from argmap.model.text import one_line

SHORT = 70
"""Statement texts in the headings are cut to about this many characters."""

INTRO = ("What reviewers said about the map, by the element each comment is on: open comments first, "
         "then resolved ones.")


@dataclass
class Entry:
    """One commented element: its id (an anchor), a heading and its comments (open first)."""

    eid: str
    head: str
    comments: list[Comment]
    statement: bool = False
    """A statement (the outline has an anchor for it)."""


def entries(amap: ArgumentMap) -> list[Entry]:
    """The commented elements of ``amap`` in document order (none: no section)."""
    out = []
    for table in (amap.statements, amap.inferences, amap.conflicts, amap.sources):
        for element in table.values():
            if element.comments:
                ordered = [c for c in element.comments if not c.resolved] + [c for c in element.comments if c.resolved]
                out.append(Entry(element.id, _head(element), ordered, isinstance(element, Statement)))
    return out


def _head(element) -> str:
    if isinstance(element, Statement):
        return f"{element.id}: {_short(element.text)}"
    if isinstance(element, Inference):
        return f"support {element.id}: {' + '.join(element.premises)} → {element.conclusion}"
    if isinstance(element, Conflict):
        return f"attack {element.id}: {' + '.join(element.attackers)} against {element.target}"
    if isinstance(element, Source):
        return f"source {element.id}: {_short(element.title)}"
    return element.id


def _short(text: str) -> str:
    return one_line(text, SHORT)


def line_of(comment: Comment) -> tuple[str, str]:
    """``("open", "Ann Analyst, 2024-05-02")`` and the like: a comment's state and who wrote it when."""
    who = ", ".join(x for x in (comment.author, comment.date) if x)
    return ("resolved" if comment.resolved else "open"), who


def markdown(amap: ArgumentMap, escape: Callable[[str], str]) -> list[str]:
    """The section as Markdown lines (``[]`` when the map has no comments)."""
    found = entries(amap)
    if not found:
        return []
    out = ["## Review comments", "", escape(INTRO), ""]
    for entry in found:
        out.append(f"- **{escape(entry.head)}**")
        for comment in entry.comments:
            state, who = line_of(comment)
            out.append(f"  - *{state}*" + (f" — {escape(who)}" if who else "") + f": {escape(_one_line(comment.text))}")
    out.append("")
    return out


def html(amap: ArgumentMap, escape: Callable[[str], str]) -> list[str]:
    """The section as HTML lines (``[]`` when the map has no comments)."""
    found = entries(amap)
    if not found:
        return []
    out = ['<section id="review-comments">', "<h2>Review comments</h2>", f"<p>{escape(INTRO)}</p>", "<ul>"]
    for entry in found:
        head = f'<a href="#{escape(entry.eid)}">{escape(entry.head)}</a>' if entry.statement else escape(entry.head)
        out.append(f"<li>{head}<ul>")
        for comment in entry.comments:
            state, who = line_of(comment)
            by = f" — {escape(who)}" if who else ""
            out.append(f'<li class="comment {state}"><span class="role">{state}</span>{by}: '
                       f"{escape(_one_line(comment.text))}</li>")
        out.append("</ul></li>")
    out += ["</ul>", "</section>"]
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())
