"""Every editing command: undo gives back the identical map, redo the identical result."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from argmap.commands import actions, clipboard, execute
from argmap.formats import read_file
from argmap.model import ArgumentMap, ModelError, Position, SourceInfo
from argmap.model.synth import argument_like

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from undo_checks import roundtrip  # noqa: E402


@pytest.fixture
def amap() -> ArgumentMap:
    return argument_like(60, seed=3)


def test_add_statement(amap):
    after = roundtrip(amap, actions.add_statement(amap, "evidence", "A report", Position(5, 6)))
    new = list(after.statements.values())[-1]
    assert (new.kind, new.text, new.position) == ("evidence", "A report", Position(5, 6))
    assert new.id not in argument_like(60, seed=3).statements


def test_add_premise_adds_statement_and_inference(amap):
    target = next(iter(amap.statements))
    after = roundtrip(amap, actions.add_premise(amap, target))
    sid = list(after.statements)[-1]
    inf = list(after.inferences.values())[-1]
    assert (inf.premises, inf.conclusion) == ((sid,), target)


def test_add_objection_on_statement_and_on_inference(amap):
    target = next(iter(amap.statements))
    after = roundtrip(amap, actions.add_objection(amap, target))
    con = list(after.conflicts.values())[-1]
    assert con.target == target and con.attackers == (list(after.statements)[-1],)
    iid = next(iter(amap.inferences))
    after = roundtrip(amap, actions.add_objection(amap, iid))
    assert list(after.conflicts.values())[-1].target == iid


def test_add_co_premise_extends_inference(amap):
    inf = next(iter(amap.inferences.values()))
    after = roundtrip(amap, actions.add_co_premise(amap, inf.id))
    assert after.inferences[inf.id].premises == inf.premises + (list(after.statements)[-1],)


def test_edit_text_and_typing_merges(amap):
    sid = list(amap.statements)[4]
    stack = QUndoStack()
    before = amap.copy()
    for text in ("H", "He", "Hel", "Hello"):
        execute(stack, actions.edit_text(amap, sid, text, merge=True))
    assert stack.count() == 1
    assert amap.statements[sid].text == "Hello"
    stack.undo()
    assert amap == before
    stack.redo()
    assert amap.statements[sid].text == "Hello"
    other = list(amap.statements)[5]
    execute(stack, actions.edit_text(amap, other, "x", merge=True))
    assert stack.count() == 2


def test_unmerged_text_edits_stay_separate(amap):
    sid = list(amap.statements)[4]
    stack = QUndoStack()
    execute(stack, actions.edit_text(amap, sid, "one"))
    execute(stack, actions.edit_text(amap, sid, "two"))
    assert stack.count() == 2


def test_set_kind_and_notes(amap):
    ids = list(amap.statements)[:5]
    after = roundtrip(amap, actions.set_kind(amap, ids, "recommendation"))
    assert all(after.statements[s].kind == "recommendation" for s in ids)
    iid = next(iter(amap.inferences))
    after = roundtrip(amap, actions.edit_fields(amap, iid, note="warrant: common sense"))
    assert after.inferences[iid].note == "warrant: common sense"
    cid = next(iter(amap.conflicts))
    roundtrip(amap, actions.edit_fields(amap, cid, note="strong"))


def test_delete_cascades_and_undoes_in_one_step(amap):
    inf = next(iter(amap.inferences.values()))
    stack = QUndoStack()
    before = amap.copy()
    execute(stack, actions.delete(amap, [inf.conclusion]))
    assert inf.conclusion not in amap.statements and inf.id not in amap.inferences
    assert stack.count() == 1
    stack.undo()
    assert amap == before
    assert list(amap.statements) == list(before.statements)


def test_links(amap):
    a, b, c = list(amap.statements)[-3:]
    after = roundtrip(amap, actions.link_support(amap, [a], b))
    assert list(after.inferences.values())[-1].conclusion == b
    after = roundtrip(amap, actions.link_attack(amap, [c], a))
    assert list(after.conflicts.values())[-1].target == a
    iid = next(iter(amap.inferences))
    after = roundtrip(amap, actions.link_attack(amap, [c], iid))
    assert list(after.conflicts.values())[-1].target == iid
    inf = amap.inferences[iid]
    free = next(s for s in amap.statements if s not in inf.premises and s != inf.conclusion)
    after = roundtrip(amap, actions.join_inference(amap, iid, free))
    assert after.inferences[iid].premises == inf.premises + (free,)


def test_refused_links_change_nothing(amap):
    s = next(iter(amap.statements))
    stack = QUndoStack()
    before = amap.copy()
    with pytest.raises(ModelError):
        execute(stack, actions.link_support(amap, [s], s))
    with pytest.raises(ModelError):
        execute(stack, actions.link_attack(amap, [s], s))
    inf = next(iter(amap.inferences.values()))
    with pytest.raises(ModelError):
        execute(stack, actions.join_inference(amap, inf.id, inf.conclusion))
    assert amap == before and stack.count() == 0


def test_move_and_arrow_moves_merge(amap):
    ids = list(amap.statements)[:3]
    after = roundtrip(amap, actions.move(amap, {s: Position(10.0 * n, 20) for n, s in enumerate(ids)}))
    assert after.statements[ids[2]].position == Position(20, 20)
    stack = QUndoStack()
    before = amap.copy()
    for step in range(1, 4):
        execute(stack, actions.move(amap, {s: Position(10.0 * n + step, 20) for n, s in enumerate(ids)}, merge=True))
    assert stack.count() == 1
    stack.undo()
    assert amap == before


def test_apply_layout_keeps_pinned(amap):
    ids = list(amap.statements)
    amap.update(ids[0], pinned=True, position=Position(1, 1))
    positions = {s: Position(n * 3.0, n * 2.0) for n, s in enumerate(ids)}
    after = roundtrip(amap, actions.apply_layout(amap, positions))
    assert after.statements[ids[0]].position == Position(1, 1)
    assert after.statements[ids[1]].position == Position(3, 2)


def test_set_meta(amap):
    after = roundtrip(amap, actions.set_meta(amap, title="New", source=SourceInfo(title="Article")))
    assert after.title == "New" and after.source.title == "Article"


def test_copy_paste_gives_new_ids(amap):
    inf = next(iter(amap.inferences.values()))
    ids = [*inf.premises, inf.conclusion]
    for sid in ids:
        amap.update(sid, position=Position(100, 200))
    payload, plain = clipboard.copy_payload(amap, ids)
    assert json.loads(payload)["format"] == "argmap"
    assert amap.statements[inf.conclusion].text in plain
    command = clipboard.paste_command(amap, payload, offset=(30, 40))
    after = roundtrip(amap, command)
    new_ids = set(command.ids)
    original = argument_like(60, seed=3)
    assert not new_ids & {*original.statements, *original.inferences, *original.conflicts}
    pasted = [after.get(i) for i in new_ids]
    texts = sorted(s.text for s in pasted if hasattr(s, "text"))
    assert texts == sorted(amap.statements[s].text for s in ids)
    assert any(getattr(e, "conclusion", None) in new_ids for e in pasted)
    assert all(s.position == Position(130, 240) for s in pasted if hasattr(s, "position"))


def test_paste_plain_text_makes_claims(amap):
    command = clipboard.paste_command(amap, "First point.\n\nSecond <b>point</b>.", at=Position(0, 0))
    after = roundtrip(amap, command)
    assert [after.statements[s].text for s in command.ids] == ["First point.", "Second <b>point</b>."]


def test_paste_of_broken_fragment_is_refused(amap):
    bad = json.dumps({"format": "argmap", "version": 1, "statements": [{"id": "s1", "kind": "nonsense"}]})
    with pytest.raises(ValueError):
        clipboard.paste_command(amap, bad)


def test_commands_on_shared_case(cases_dir):
    amap = read_file(cases_dir / "undercut.argmap")
    iid = next(iter(amap.inferences))
    roundtrip(amap, actions.add_objection(amap, iid))
    roundtrip(amap, actions.add_co_premise(amap, iid))
    roundtrip(amap, actions.delete(amap, [next(iter(amap.statements))]))
