"""Random sequences of editing commands, then undo all and redo all (hypothesis state machine)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtGui import QUndoStack

from argmap.commands import actions, clipboard, execute
from argmap.commands.edits import AddElements, MapCommand, SetMeta, UpdateFields
from argmap.formats import native
from argmap.model import KINDS, RELIABILITY, Comment, MergeConflict, ModelError, Position, Source
from argmap.model.synth import argument_like, with_tradecraft

pick = st.integers(min_value=0, max_value=10_000)


class MergeSources(MapCommand):
    """The model's one-change merge of two sources, as an undoable step (SPEC §5 tradecraft)."""

    def __init__(self, amap, old: str, into: str):
        super().__init__(amap, "Merge sources")
        self.old, self.into, self._removal = old, into, None

    def apply(self) -> None:
        self._removal = self.amap.merge_sources(self.old, self.into)

    def revert(self) -> None:
        self.amap.restore(self._removal)


class EditingMachine(RuleBasedStateMachine):
    """Applies commands through a QUndoStack and checks undo/redo give back identical maps."""

    @initialize(seed=st.integers(0, 50), n=st.integers(2, 40), sources=st.sampled_from([0, 0, 3, 6]))
    def start(self, seed, n, sources):
        self.amap = argument_like(n, seed=seed)
        if sources:
            self.amap = with_tradecraft(self.amap, sources, seed=seed, assumed=0.3, comments=0.2)
        self.stack = QUndoStack()
        self.stack.setUndoLimit(0)
        self.states = [self.amap.copy()]  # states[k]: the map when the stack's index is k

    def _statement(self, k: int) -> str:
        ids = list(self.amap.statements)
        return ids[k % len(ids)]

    def _run(self, make) -> None:
        before = self.amap.copy()
        try:
            command = make()
            execute(self.stack, command)
        except ModelError:
            assert self.amap == before
            return
        index = self.stack.index()  # one more, or the same when merged into the previous command
        self.states = self.states[:index] + [self.amap.copy()]
        assert self.stack.count() == index == len(self.states) - 1
        if index:
            self.stack.undo()
            assert self.amap == self.states[index - 1]
            self.stack.redo()
            assert self.amap == self.states[index]

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick)
    def add_premise(self, k):
        self._run(lambda: actions.add_premise(self.amap, self._statement(k), Position(k, k)))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick)
    def add_objection(self, k):
        self._run(lambda: actions.add_objection(self.amap, self._statement(k)))

    @precondition(lambda self: len(self.amap.inferences) > 0)
    @rule(k=pick)
    def add_co_premise_or_undercut(self, k):
        iid = list(self.amap.inferences)[k % len(self.amap.inferences)]
        make = actions.add_co_premise if k % 2 else actions.add_objection
        self._run(lambda: make(self.amap, iid))

    @rule(kind=st.sampled_from(KINDS), text=st.text(max_size=20))
    def add_statement(self, kind, text):
        self._run(lambda: actions.add_statement(self.amap, kind, text))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick, text=st.text(max_size=30), merge=st.booleans())
    def edit_text(self, k, text, merge):
        self._run(lambda: actions.edit_text(self.amap, self._statement(k), text, merge=merge))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick, kind=st.sampled_from(KINDS))
    def set_kind(self, k, kind):
        self._run(lambda: actions.set_kind(self.amap, [self._statement(k), self._statement(k + 7)], kind))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(ks=st.lists(pick, min_size=1, max_size=4))
    def delete(self, ks):
        self._run(lambda: actions.delete(self.amap, [self._statement(k) for k in ks]))

    @precondition(lambda self: len(self.amap.inferences) > 0)
    @rule(k=pick)
    def delete_inference(self, k):
        self._run(lambda: actions.delete(self.amap, [list(self.amap.inferences)[k % len(self.amap.inferences)]]))

    @precondition(lambda self: len(self.amap.statements) > 1)
    @rule(a=pick, b=pick, attack=st.booleans())
    def link(self, a, b, attack):
        make = actions.link_attack if attack else actions.link_support
        self._run(lambda: make(self.amap, [self._statement(a)], self._statement(b)))

    @precondition(lambda self: len(self.amap.statements) > 0 and len(self.amap.inferences) > 0)
    @rule(a=pick, b=pick)
    def join(self, a, b):
        iid = list(self.amap.inferences)[b % len(self.amap.inferences)]
        self._run(lambda: actions.join_inference(self.amap, iid, self._statement(a)))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(ks=st.lists(pick, min_size=1, max_size=3), dx=st.integers(-50, 50), merge=st.booleans())
    def move(self, ks, dx, merge):
        moves = {self._statement(k): Position(float(k % 500 + dx), float(dx)) for k in ks}
        self._run(lambda: actions.move(self.amap, moves, merge=merge))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(ks=st.lists(pick, min_size=1, max_size=4))
    def copy_paste(self, ks):
        payload, _ = clipboard.copy_payload(self.amap, [self._statement(k) for k in ks])
        self._run(lambda: clipboard.paste_command(self.amap, payload))

    @rule(title=st.text(max_size=10))
    def set_title(self, title):
        self._run(lambda: actions.set_meta(self.amap, title=title))

    # ------------------------------------------------ tradecraft (SPEC §5, §6) at the model level
    def _source(self, k: int) -> str:
        ids = list(self.amap.sources)
        return ids[k % len(ids)]

    @rule(k=pick, grade=st.sampled_from(sorted(RELIABILITY)), via=st.booleans())
    def add_source(self, k, grade, via):
        parent = self._source(k) if via and self.amap.sources else ""
        source = Source(self.amap.new_id("x"), f"Source {k}", grade, via=parent)
        self._run(lambda: AddElements(self.amap, [source], "Add source"))

    @precondition(lambda self: len(self.amap.sources) > 0)
    @rule(k=pick, j=pick, grade=st.sampled_from(sorted(RELIABILITY)))
    def edit_source(self, k, j, grade):
        fields = {"reliability": grade} if j % 3 else {"via": self._source(j)}  # a via may loop: refused
        self._run(lambda: UpdateFields(self.amap, {self._source(k): fields}, "Grade source"))

    @precondition(lambda self: len(self.amap.sources) > 0 and len(self.amap.statements) > 0)
    @rule(k=pick, ks=st.lists(pick, max_size=3), credibility=st.sampled_from([None, 1, 2, 3, 4, 5, 6]))
    def cite(self, k, ks, credibility):
        cites = tuple(dict.fromkeys(self._source(j) for j in ks))
        self._run(lambda: UpdateFields(self.amap, {self._statement(k): {"cites": cites, "credibility": credibility}},
                                       "Cite"))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick, assumed=st.booleans())
    def assume(self, k, assumed):
        self._run(lambda: UpdateFields(self.amap, {self._statement(k): {"assumed": assumed}}, "Assume"))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick, text=st.text(max_size=8), resolved=st.booleans())
    def comment(self, k, text, resolved):
        eid = self._statement(k) if k % 2 or not self.amap.sources else self._source(k)
        comments = (*self.amap.get(eid).comments, Comment(text, "rev", "2026-12-01", resolved))
        self._run(lambda: UpdateFields(self.amap, {eid: {"comments": comments}}, "Comment"))

    @precondition(lambda self: len(self.amap.sources) > 0)
    @rule(ks=st.lists(pick, min_size=1, max_size=2))
    def delete_source(self, ks):
        self._run(lambda: actions.delete(self.amap, [self._source(k) for k in ks]))

    @precondition(lambda self: len(self.amap.sources) > 1)
    @rule(a=pick, b=pick)
    def merge_sources(self, a, b):
        self._run(lambda: MergeSources(self.amap, self._source(a), self._source(b)))

    @precondition(lambda self: len(self.amap.statements) > 0)
    @rule(k=pick, ours=st.one_of(st.none(), st.text(max_size=5)))
    def record_merge_conflict(self, k, ours):
        found = (*self.amap.merge_conflicts, MergeConflict(self._statement(k), "text", "base", ours, {"x": [1]}))
        self._run(lambda: SetMeta(self.amap, "Merge", merge_conflicts=found))

    @rule()
    def undo_one(self):
        self.stack.undo()

    @rule()
    def redo_one(self):
        self.stack.redo()

    @invariant()
    def undo_all_then_redo_all(self):
        if not hasattr(self, "stack"):
            return
        index = self.stack.index()
        assert self.amap == self.states[index]
        while self.stack.canUndo():
            self.stack.undo()
            assert self.amap == self.states[self.stack.index()]
        assert self.amap == self.states[0]
        while self.stack.canRedo():
            self.stack.redo()
            assert self.amap == self.states[self.stack.index()]
        assert self.amap == self.states[-1]
        self.stack.setIndex(index)
        assert self.amap == self.states[index]

    @invariant()
    def saving_and_loading_gives_back_the_same_map(self):
        if not hasattr(self, "stack"):
            return
        text = native.dumps(self.amap)
        again = native.loads(text)
        assert again == self.amap
        assert native.dumps(again) == text

    @invariant()
    def the_kept_numbering_is_the_map_as_it_is(self):
        """The numbering a map keeps for its checks never outlives a change (undo and redo included)."""
        if not hasattr(self, "stack"):
            return
        from argmap.model.numbering import number

        fresh = number(dict(self.amap.statements), dict(self.amap.inferences), dict(self.amap.conflicts))
        assert self.amap.numbering() == fresh
        assert native.loads(native.dumps(self.amap)).numbering() == fresh
        graded = any(s.cites or s.credibility is not None or s.assumed or s.comments
                     for s in self.amap.statements.values())
        assert self.amap.uses_grades() == graded == native.loads(native.dumps(self.amap)).uses_grades()


EditingMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None,
                                            suppress_health_check=[HealthCheck.too_slow])
TestEditing = EditingMachine.TestCase
