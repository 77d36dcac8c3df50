"""Passages of the source text (sentence, paragraph, word snapping) and statements made from them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.commands import actions
from argmap.commands.passages import paragraph_at, passage_text, sentence_at, snap_to_words, trim_span
from argmap.model import ArgumentMap, ModelError, Statement

TEXT = ("Mr. Maliki sent the army into Basra. The U.S. backed him with air power! Did Iran?\n"
        "\n"
        "A second paragraph, which says “it was a rout.” Then it ends…\n"
        "   \n"
        "Third.")


def cut(span):
    return TEXT[span[0]:span[1]]


@pytest.mark.parametrize("word, sentence", [
    ("Maliki", "Mr. Maliki sent the army into Basra."),
    ("air", "The U.S. backed him with air power!"),
    ("Iran", "Did Iran?"),
    ("second", "A second paragraph, which says “it was a rout.”"),
    ("ends", "Then it ends…"),
    ("Third", "Third."),
])
def test_sentence_at_picks_the_sentence_under_the_pointer(word, sentence):
    at = TEXT.index(word) + 1
    assert cut(sentence_at(TEXT, at)) == sentence


def test_paragraph_at_picks_the_text_between_blank_lines():
    first = "Mr. Maliki sent the army into Basra. The U.S. backed him with air power! Did Iran?"
    assert cut(paragraph_at(TEXT, TEXT.index("army"))) == first
    assert cut(paragraph_at(TEXT, TEXT.index("rout"))).startswith("A second paragraph")
    assert cut(paragraph_at(TEXT, len(TEXT))) == "Third."
    assert cut(paragraph_at(TEXT, TEXT.index("\n\n") + 1)).startswith("A second")  # on the blank line: the next


def test_snap_to_words_grows_to_whole_words_and_drops_white_space():
    start = TEXT.index("aliki")
    assert cut(snap_to_words(TEXT, start, start + 9)) == "Maliki sent"
    start = TEXT.index(" sent")
    assert cut(snap_to_words(TEXT, start, start + 5)) == "sent"
    assert snap_to_words(TEXT, 3, 4) == (4, 4)  # only a space: nothing
    assert cut(snap_to_words(TEXT, 10, 2)) == "Maliki"  # a backwards drag


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ab.\n!é", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_snapped_and_trimmed_spans_stay_inside_the_text(text, a, b):
    for start, end in (snap_to_words(text, a, b), trim_span(text, min(a, b), max(a, b)),
                       sentence_at(text, a), paragraph_at(text, a)):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == text[start:end].strip()


def test_add_passage_links_the_new_statement_in_one_step():
    amap = ArgumentMap()
    amap.add(Statement("s1", "claim", "Washington should talk to Tehran"))
    start = TEXT.index("The U.S.")
    command = actions.add_passage(amap, TEXT, start - 1, start + 40, "evidence", link="support", target="s1")
    command.apply()
    sid, iid = command.ids
    new = amap.statements[sid]
    assert new.text == passage_text(TEXT, start, start + 39) == new.anchors[0].quote
    assert amap.inferences[iid].premises == (sid,) and amap.inferences[iid].conclusion == "s1"
    command.revert()
    assert list(amap.statements) == ["s1"] and not amap.inferences


@pytest.mark.parametrize("link, target, words", [("attack", None, "select the statement"),
                                                  ("support", "nope", "no such statement"),
                                                  ("sideways", "s1", "unknown link")])
def test_add_passage_refuses_what_makes_no_sense(link, target, words):
    amap = ArgumentMap()
    amap.add(Statement("s1", "claim", "x"))
    with pytest.raises(ModelError, match=words):
        actions.add_passage(amap, TEXT, 0, 10, link=link, target=target)
    with pytest.raises(ModelError, match="no text"):
        actions.add_passage(amap, TEXT, 3, 4)
