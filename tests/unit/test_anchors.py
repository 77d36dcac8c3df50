"""Anchors are found again by their quote when the source text drifts."""

from __future__ import annotations

import hashlib

import pytest

from argmap.model import Anchor, Statement
from argmap.model.anchors import (
    anchors_of,
    code_point_index,
    find_again,
    make_anchor,
    matches,
    normalise_text,
    resolve,
    text_sha256,
    utf16_index,
)


def test_unchanged_text_keeps_offsets(seed_text):
    text = normalise_text(seed_text)
    start = text.index("Basra")
    anchor = make_anchor(text, start, start + len("Basra"))
    assert matches(text, anchor)
    assert find_again(text, anchor) == (start, start + 5)


def test_drifted_offsets_are_found_by_quote(seed_text):
    text = normalise_text(seed_text)
    quote = "the United States and Iran are on the same side"
    start = text.index(quote)
    anchor = Anchor(start, start + len(quote), quote)
    edited = "An editor's preface of some length.\n\n" + text
    assert not matches(edited, anchor)
    span = find_again(edited, anchor)
    assert span is not None
    assert edited[span[0]:span[1]] == quote
    assert span[0] == start + len("An editor's preface of some length.\n\n")


def test_reflowed_quote_is_found_with_loose_whitespace():
    text = "alpha beta\ngamma   delta epsilon"
    anchor = Anchor(100, 120, "beta gamma delta")
    span = find_again(text, anchor)
    assert span is not None
    assert text[span[0]:span[1]] == "beta\ngamma   delta"


def test_nearest_occurrence_wins():
    text = "x war y war z war"
    # the stored offset points near the third "war"
    anchor = Anchor(13, 16, "war")
    assert find_again(text.replace("x", "xx"), anchor) == (15, 18)


def test_missing_quote_is_reported_not_dropped():
    text = "nothing to see here"
    statements = [Statement("s1", "evidence", "e", anchors=(Anchor(0, 7, "nothing"), Anchor(3, 9, "absent")))]
    got = resolve(text, anchors_of(statements))
    assert [r.span for r in got] == [(0, 7), None]
    assert [r.anchor.quote for r in got] == ["nothing", "absent"]
    assert all(r.statement_id == "s1" for r in got)


def test_make_anchor_refuses_empty_span():
    with pytest.raises(ValueError):
        make_anchor("abc", 2, 2)


def test_sha256_normalises_line_ends():
    assert text_sha256("a\r\nb") == hashlib.sha256(b"a\nb").hexdigest()
    assert text_sha256("a\nb") != text_sha256("a b")


def test_utf16_conversion_round_trips_astral_characters():
    text = "a\U0001F600b\u00e9c"
    assert utf16_index(text, 2) == 3
    for n in range(len(text) + 1):
        assert code_point_index(text, utf16_index(text, n)) == n
