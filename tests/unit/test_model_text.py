"""Text shortened for one line (argmap.model.text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.model.text import one_line


def test_short_text_is_only_flattened_and_long_text_is_cut_before_its_spaces():
    assert one_line("  Iran\nbacks\tboth  ", 40) == "Iran backs both"
    assert one_line("Iran backs both sides", 11) == "Iran backs…"
    assert one_line("Iran backs both sides", 12) == "Iran backs…"  # the space before the cut is dropped


@given(st.text(), st.integers(2, 80))
def test_the_result_is_one_line_no_longer_than_asked_and_starts_as_the_text(text, width):
    out = one_line(text, width)
    flat = " ".join(text.split())
    assert len(out) <= width and "\n" not in out
    assert out == flat or (out.endswith("…") and flat.startswith(out[:-1]))
