"""diff_text.label reuses the wording context of a diff's side across lines, never across diffs."""

from __future__ import annotations

from argmap.formats.diff import diff_maps
from argmap.formats.diff_text import label
from argmap.model import Statement
from argmap.model.synth import argument_like


def test_labels_of_interleaved_diffs_are_each_their_own():
    base = argument_like(8, seed=3)
    first, second = base.copy(), base.copy()
    first.add(Statement("x1", "claim", "Added in the first."))
    second.add(Statement("x1", "evidence", "Added in the second."))
    second.remove([next(iter(base.statements))])
    d1, d2, d3 = diff_maps(base, first), diff_maps(base, second), diff_maps(second, base)
    expected = {n: [label(c, d) for c in d.changes] for n, d in (("1", d1), ("2", d2), ("3", d3))}
    for _ in range(2):  # interleaved: each side's context is looked up by identity
        for n, d in (("2", d2), ("1", d1), ("3", d3), ("1", d1)):
            assert [label(c, d) for c in d.changes] == expected[n]
    assert expected["1"][0] == "added claim x1 'Added in the first.'"
    assert expected["2"][0] == "added evidence x1 'Added in the second.'"
