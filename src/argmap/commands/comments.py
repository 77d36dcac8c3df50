"""Comments on elements (SPEC §6): adding, resolving, reopening and deleting one, each one undo step.

A comment is named by its element and its place in the element's
``comments`` tuple. Each builder checks what it is asked and returns an
:class:`~argmap.commands.edits.UpdateFields` of the element's ``comments``
(not yet applied: run it with :func:`~argmap.commands.edits.execute`).
Comments are content but never change a check.
"""

from __future__ import annotations

import datetime
import getpass
import os
from dataclasses import dataclass, replace

from argmap.commands.edits import UpdateFields
from argmap.model import ArgumentMap, Comment, Element, ModelError


@dataclass(frozen=True)
class CommentRef:
    """One comment of a map: the element carrying it, its place there, and the comment itself."""

    element_id: str
    index: int
    comment: Comment


def default_author() -> str:
    """The user's name for new comments: the full name of the account when known, else the login name."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError, AttributeError, OSError):
        pass
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


def today() -> str:
    """Today's date as comments carry it (ISO 8601, ``2024-05-31``)."""
    return datetime.date.today().isoformat()


def comments_of(amap: ArgumentMap, *, resolved: bool | None = False) -> list[CommentRef]:
    """The map's comments in document order (sources, statements, inferences, conflicts).

    ``resolved`` False gives the open ones, True the resolved ones, None all.
    """
    out = []
    for table in (amap.statements, amap.inferences, amap.conflicts, amap.sources):
        for element in table.values():
            for n, comment in enumerate(element.comments):
                if resolved is None or comment.resolved == resolved:
                    out.append(CommentRef(element.id, n, comment))
    return out


def add_comment(amap: ArgumentMap, element_id: str, text: str, author: str = "",
                date: str | None = None) -> UpdateFields:
    """A new open comment at the end of ``element_id``'s comments (dated today unless ``date`` is given)."""
    element = _element(amap, element_id)
    text = text.strip()
    if not text:
        raise ModelError(element_id, "a comment needs text")
    comment = Comment(text, author.strip(), today() if date is None else date)
    return UpdateFields(amap, {element_id: {"comments": (*element.comments, comment)}}, f"Comment on {element_id}")


def set_resolved(amap: ArgumentMap, element_id: str, index: int, resolved: bool = True) -> UpdateFields:
    """Mark comment ``index`` of ``element_id`` resolved (or open again: ``resolved=False``)."""
    comments = list(_comments(amap, element_id, index))
    if comments[index].resolved == resolved:
        raise ModelError(element_id, f"the comment is already {'resolved' if resolved else 'open'}")
    comments[index] = replace(comments[index], resolved=resolved)
    verb = "Resolve" if resolved else "Reopen"
    return UpdateFields(amap, {element_id: {"comments": tuple(comments)}}, f"{verb} comment on {element_id}")


def delete_comment(amap: ArgumentMap, element_id: str, index: int) -> UpdateFields:
    """Remove comment ``index`` of ``element_id``."""
    comments = list(_comments(amap, element_id, index))
    del comments[index]
    return UpdateFields(amap, {element_id: {"comments": tuple(comments)}}, f"Delete comment on {element_id}")


def _element(amap: ArgumentMap, element_id: str) -> Element:
    element = amap.get(element_id)
    if element is None:
        raise ModelError(element_id, "no such element")
    return element


def _comments(amap: ArgumentMap, element_id: str, index: int) -> tuple[Comment, ...]:
    comments = _element(amap, element_id).comments
    if not 0 <= index < len(comments):
        raise ModelError(element_id, f"has no comment {index + 1}")
    return comments
