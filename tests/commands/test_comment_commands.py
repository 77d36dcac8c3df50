"""Comment commands: add, resolve, reopen, delete; each one undo step; never a change to a check."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtGui import QUndoStack

from argmap.analysis import check_map
from argmap.commands.comments import (
    add_comment,
    comments_of,
    default_author,
    delete_comment,
    set_resolved,
)
from argmap.commands.edits import execute
from argmap.formats import native
from argmap.model import Comment, ModelError
from argmap.model.synth import argument_like


def test_add_resolve_reopen_delete_are_one_step_each_and_undo_exactly():
    amap, stack = argument_like(12, seed=1), QUndoStack()
    before = amap.copy()
    sid, lid = next(iter(amap.statements)), next(iter(amap.inferences))
    execute(stack, add_comment(amap, sid, "  Source?  ", "ann"))
    execute(stack, add_comment(amap, lid, "Does this follow?", "bob", date="2024-05-02"))
    today = datetime.date.today().isoformat()
    assert amap.statements[sid].comments == (Comment("Source?", "ann", today),)
    assert [(r.element_id, r.comment.text) for r in comments_of(amap)] == [(sid, "Source?"), (lid, "Does this follow?")]
    execute(stack, set_resolved(amap, sid, 0))
    assert [r.element_id for r in comments_of(amap)] == [lid]
    assert [r.element_id for r in comments_of(amap, resolved=True)] == [sid]
    execute(stack, set_resolved(amap, sid, 0, resolved=False))
    execute(stack, delete_comment(amap, lid, 0))
    assert [stack.text(n) for n in range(stack.count())] == [
        f"Comment on {sid}", f"Comment on {lid}", f"Resolve comment on {sid}", f"Reopen comment on {sid}",
        f"Delete comment on {lid}"]
    assert native.loads(native.dumps(amap)) == amap  # written and read back (version 2)
    while stack.canUndo():
        stack.undo()
    assert amap == before


def test_comments_never_change_a_check():
    amap = argument_like(30, seed=4)
    before = check_map(amap)
    for sid in list(amap.statements)[:10]:
        add_comment(amap, sid, "Why?", "ann").apply()
    after = check_map(amap)
    assert (after.labels, after.supported, [d.code for d in after.diagnostics]) == \
        (before.labels, before.supported, [d.code for d in before.diagnostics])


def test_refusals_say_why():
    amap = argument_like(4, seed=2)
    sid = next(iter(amap.statements))
    with pytest.raises(ModelError, match="needs text"):
        add_comment(amap, sid, "   ")
    with pytest.raises(ModelError, match="no such element"):
        add_comment(amap, "nope", "text")
    with pytest.raises(ModelError, match="has no comment 1"):
        set_resolved(amap, sid, 0)
    add_comment(amap, sid, "text").apply()
    with pytest.raises(ModelError, match="already open"):
        set_resolved(amap, sid, 0, resolved=False)


def test_default_author_is_the_full_name_of_the_account_else_the_login(monkeypatch):
    import getpass
    import pwd

    class Account:
        pw_gecos = "Ann Analyst,Room 4,,"

    monkeypatch.setattr(pwd, "getpwuid", lambda uid: Account)
    assert default_author() == "Ann Analyst"
    Account.pw_gecos = ""
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")
    assert default_author() == "ann"
