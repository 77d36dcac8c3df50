"""``diff_documents`` against a naive reference on randomly edited maps; taking changes as edits."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_edits import edited

from argmap.formats import native, read_file
from argmap.formats.diff import diff_documents, diff_maps
from argmap.formats.diff_apply import Edit, apply_edit, edit_for, take_all
from argmap.model import Conflict, Inference, ModelError, Position, Statement
from argmap.model.synth import argument_like

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"
LISTS = {"statements": "statement", "inferences": "inference", "conflicts": "conflict", "sources": "source"}


def reference_diff(old: dict, new: dict, ignore_layout: bool = False) -> dict:
    """SPEC §6 read literally, on canonical JSON strings of every field value."""
    def table(doc):
        return {(LISTS[key], e["id"]): {k: json.dumps(v, sort_keys=True) for k, v in e.items()}
                for key in doc if key in LISTS for e in doc[key]}

    a, b = table(old), table(new)
    added = [{"type": t, "id": i} for (t, i) in b if (t, i) not in a]
    removed = [{"type": t, "id": i} for (t, i) in a if (t, i) not in b]
    changed, moved = [], []
    for (t, i), fields in b.items():
        if (t, i) not in a:
            continue
        before = a[(t, i)]
        differ = sorted(k for k in set(before) | set(fields) if before.get(k) != fields.get(k))
        content = [k for k in differ if k not in ("id", "position", "pinned")]
        if content:
            changed.append({"type": t, "id": i, "fields": content})
        if not ignore_layout and ({"position", "pinned"} & set(differ)):
            moved.append(i)
    skip = {"format", "version", *LISTS}
    meta = sorted(k for k in (set(old) | set(new)) - skip
                  if json.dumps(old.get(k, "<absent>")) != json.dumps(new.get(k, "<absent>")))
    return {"old": "a", "new": "b", "added": added, "removed": removed, "changed": changed, "moved": moved,
            "meta": meta}


pairs = st.tuples(st.integers(0, 10_000), st.integers(2, 14), st.integers(0, 12))


@settings(max_examples=150, deadline=None)
@given(pairs, st.booleans())
def test_diff_matches_the_reference_on_random_edits(pair, ignore_layout):
    seed, n, count = pair
    old = argument_like(n, seed=seed)
    new = edited(old, random.Random(seed), count)
    a, b = native.to_document(old), native.to_document(new)
    assert diff_documents(a, b, ignore_layout=ignore_layout).to_json("a", "b") == reference_diff(a, b, ignore_layout)
    assert bool(diff_maps(old, new)) == (native.dumps(old) != native.dumps(new))


@settings(max_examples=120, deadline=None)
@given(pairs)
def test_taking_every_change_gives_the_new_map(pair):
    seed, n, count = pair
    old = argument_like(n, seed=seed)
    new = edited(old, random.Random(seed + 1), count)
    mine = old.copy()
    take_all(mine, diff_maps(old, new))
    assert_same_up_to_order(mine, old, new)


def assert_same_up_to_order(mine, old, new) -> None:
    """No difference left; and byte for byte NEW when NEW kept OLD's order (an id removed and added
    again sits at the end of NEW but keeps its place when its change is taken: order is not content)."""
    assert not diff_maps(mine, new)
    old_doc, new_doc = native.to_document(old), native.to_document(new)
    for key in ("statements", "inferences", "conflicts", "sources"):
        before, after = ([e["id"] for e in d.get(key, [])] for d in (old_doc, new_doc))
        if [x for x in before if x in after] != [x for x in after if x in before]:
            return
    assert native.dumps(mine) == native.dumps(new)


def test_a_map_against_itself_has_no_difference():
    amap = read_file(EXAMPLE)
    d = diff_maps(amap, amap.copy())
    assert not d and d.changes == []
    assert d.to_json("x", "y") == {"old": "x", "new": "y", "added": [], "removed": [], "changed": [],
                                   "moved": [], "meta": []}


def test_lists_follow_new_order_and_removed_old_order():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.remove(["s3", "s20"])
    new.add(Statement("s99", "claim", "First added"), index=0)
    new.add(Statement("s98", "claim", "Second added"))
    new.update("s7", note="n", kind="evidence", text="t")
    new.update("s2", text="changed")
    new.move({"s9": Position(1, 1), "s4": Position(2, 2)})
    d = diff_maps(old, new).to_json("a", "b")
    assert [x["id"] for x in d["added"]] == ["s99", "s98"]
    old_order = list(old.statements) + list(old.inferences) + list(old.conflicts)
    removed = [x["id"] for x in d["removed"]]
    assert removed == sorted(removed, key=old_order.index) and {"s3", "s20"} <= set(removed)
    assert [c for c in d["changed"] if c["type"] == "statement"] == [
        {"type": "statement", "id": "s2", "fields": ["text"]},
        {"type": "statement", "id": "s7", "fields": ["kind", "note", "text"]}]
    assert all(c["fields"] == ["premises"] for c in d["changed"] if c["type"] == "inference")  # the cascade
    assert d["moved"] == ["s4", "s9"]


def test_layout_only_change_is_moved_not_changed_and_ignored_on_request():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.update("s5", pinned=True, position=Position(3, 4))
    d = diff_maps(old, new)
    assert d.to_json("a", "b")["moved"] == ["s5"] and d.changed == []
    quiet = diff_maps(old, new, ignore_layout=True)
    assert not quiet and quiet.moved == []


def test_meta_lists_changed_top_level_keys_sorted():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.set_meta(title="Other", extra={**old.extra, "zeta": 1, "alpha": [2]})
    assert diff_maps(old, new).to_json("a", "b")["meta"] == ["alpha", "title", "zeta"]


def test_an_id_that_changes_list_is_removed_and_added():
    old = {"format": "argmap", "version": 1, "statements": [{"id": "x", "kind": "claim", "text": "a"}]}
    new = {"format": "argmap", "version": 1, "statements": [{"id": "s", "kind": "claim", "text": "a"}],
           "inferences": [{"id": "x", "premises": ["s"], "conclusion": "s"}]}
    d = diff_documents(old, new).to_json("a", "b")
    assert {"type": "inference", "id": "x"} in d["added"] and d["removed"] == [{"type": "statement", "id": "x"}]


def test_version_2_fields_are_compared_generically():
    """Sources and any element key are diffed without special cases (documents of version 2)."""
    old = {"format": "argmap", "version": 2,
           "sources": [{"id": "nyt", "title": "NYT", "reliability": "B"}],
           "statements": [{"id": "s1", "kind": "evidence", "text": "x", "cites": ["nyt"], "credibility": 2}]}
    new = json.loads(json.dumps(old))
    new["sources"][0]["reliability"] = "C"
    new["sources"].append({"id": "bbc", "title": "BBC"})
    new["statements"][0]["credibility"] = 3
    new["statements"][0]["comments"] = [{"text": "check the date"}]
    d = diff_documents(old, new).to_json("a", "b")
    assert d["added"] == [{"type": "source", "id": "bbc"}]
    assert d["changed"] == [{"type": "source", "id": "nyt", "fields": ["reliability"]},
                            {"type": "statement", "id": "s1", "fields": ["comments", "credibility"]}] or \
        d["changed"] == [{"type": "statement", "id": "s1", "fields": ["comments", "credibility"]},
                         {"type": "source", "id": "nyt", "fields": ["reliability"]}]


# ---------------------------------------------------------------- taking one change at a time
def _pair():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.add_all([Statement("s99", "claim", "Separating rubbish from gold is hard."),
                 Conflict("c99", ("s99",), "s1")])
    new.update("s4", kind="evidence")
    return old, new


def test_each_change_is_one_edit_of_the_model():
    old, new = _pair()
    d = diff_maps(old, new)
    by_id = {c.id: c for c in d.changes}
    mine = old.copy()
    edit = edit_for(by_id["s99"], mine, d.new)
    assert isinstance(edit, Edit) and edit.action == "add" and [e.id for e in edit.elements] == ["s99"]
    assert edit.indexes == {"s99": len(old.statements)}
    apply_edit(mine, edit)
    assert mine.statements["s99"] == new.statements["s99"]
    kind = edit_for(by_id["s4"], mine)
    assert kind.action == "update" and kind.changes == {"s4": {"kind": "evidence"}}
    apply_edit(mine, kind)
    assert edit_for(by_id["s4"], mine) is None  # already taken
    apply_edit(mine, edit_for(by_id["c99"], mine, d.new))
    assert mine == new


def test_a_change_that_needs_another_says_which_to_take_first():
    old, new = _pair()
    d = diff_maps(old, new)
    conflict = next(c for c in d.added if c.id == "c99")
    with pytest.raises(ModelError, match=r"s99, not in the map yet \(take its addition first\)"):
        edit_for(conflict, old.copy(), d.new)


def test_removal_and_move_edits():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.remove(["c1"])
    new.move({"s4": Position(7, 8)})
    d = diff_maps(old, new)
    mine = old.copy()
    removal = edit_for(d.removed[0], mine)
    assert removal.action == "remove" and removal.ids == ("c1",)
    move = edit_for(d.moved[0], mine)
    assert move.action == "move" and move.positions == {"s4": Position(7, 8)}
    apply_edit(mine, removal)
    apply_edit(mine, move)
    assert mine == new and edit_for(d.removed[0], mine) is None


def test_meta_edit_sets_title_and_extra():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.set_meta(title="T2", extra={"reviewed": True})
    d = diff_maps(old, new)
    mine = old.copy()
    for change in d.meta:
        apply_edit(mine, edit_for(change, mine))
    assert mine.title == "T2" and mine.extra == {"reviewed": True}


def test_added_inference_lands_where_new_has_it():
    old = read_file(EXAMPLE)
    new = old.copy()
    new.add(Inference("i99", ("s5",), "s2"), index=0)
    d = diff_maps(old, new)
    mine = old.copy()
    take_all(mine, d)
    assert list(mine.inferences) == list(new.inferences)


def test_text_changes_are_quoted_from_where_they_differ():
    from argmap.formats.diff_text import describe

    old = read_file(EXAMPLE)
    new = old.copy()
    text = old.statements["s9"].text
    new.update("s9", text=text.replace("at war", "in a war"))
    new.update("s4", note="")
    lines = describe(diff_maps(old, new), "a", "b", old, new).splitlines()
    assert lines[1] == "  s4: note 'Second reason (with s5).' removed"
    assert lines[2] == ("  s9: text '…US and Iran are not at war with each ot…' → "
                        "'…US and Iran are not in a war with each…'")


def test_every_change_has_its_own_label_for_the_compare_list():
    from argmap.formats.diff_text import label

    old = read_file(EXAMPLE)
    new = old.copy()
    new.add_all([Statement("s99", "claim", "Separating rubbish from gold is hard."), Conflict("c99", ("s99",), "s1")])
    new.update("s4", kind="evidence", note="")
    new.update("s5", pinned=True)
    new.remove(["i3"])
    new.set_meta(title="T2")
    d = diff_maps(old, new)
    assert [label(c, d) for c in d.changes] == [
        "added objection s99 'Separating rubbish from gold is hard.' attacking s1 (c99)",
        "added conflict c99 (s99 attacks s1)",
        "i3 removed (s3 no longer supports s1)",
        "s4: kind claim → evidence; note 'Second reason (with s5).' removed",
        "moved s5 (pin changed)",
        "title 'Shot by Both Sides' → 'T2'"]


def test_undercuts_and_rebuttals_are_named_by_their_role():
    from argmap.formats.diff_text import change_lines

    old = read_file(EXAMPLE)
    new = old.copy()
    new.add_all([Statement("s99", "claim", "Sharing an enemy does not make allies."), Conflict("c99", ("s99",), "i3"),
                 Statement("s98", "evidence", "The 2007 talks produced nothing.", source="NYT"),
                 Conflict("c98", ("s98",), "s99")])
    assert change_lines(diff_maps(old, new)) == [
        "added objection s99 'Sharing an enemy does not make allies.' undercutting i3 (c99)",
        "added rebuttal s98 'The 2007 talks produced nothing.' attacking s99 (c98)"]
