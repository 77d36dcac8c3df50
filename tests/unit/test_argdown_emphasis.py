"""The linear emphasis stripper does what the (quadratic) regular expression does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats.argdown_emphasis import strip_emphasis

# The reference: one pass of the pattern the lexer used before, replaced by each span's body.
REFERENCE = re.compile(r"(?<![\w\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def reference(text: str) -> str:
    return REFERENCE.sub(lambda m: m.group(2), text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="*_ ab\\\n\té.", max_size=24))
def test_same_result_as_the_regular_expression(text):
    assert strip_emphasis(text) == reference(text)


def test_examples():
    assert strip_emphasis("a **bold** and *it* and __b__ and _i_.") == "a bold and it and b and i."
    assert strip_emphasis("snake_case_name stays") == "snake_case_name stays"
    assert strip_emphasis("\\*not\\*") == "\\*not\\*"
    assert strip_emphasis("_open but never closed") == "_open but never closed"


def test_unclosed_openers_take_linear_time():
    text = "_a " * 200_000  # the regular expression scans to the end for each of these
    assert strip_emphasis(text) == text
