"""Segmentation of a text into units: exact code-point spans, sentences and clause splits on tricky text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.draft.segment import segment


def quotes(text: str, **options) -> list[str]:
    return [text[p.start:p.end] for p in segment(text, **options).pieces]


def sentences(text: str) -> list[str]:
    return quotes(text, clauses=False)


# ---------------------------------------------------------------- sentences
def test_abbreviations_initials_acronyms_and_dates_do_not_end_sentences():
    text = ("A story in the April 21 New York Times by James Glanz and Alissa J. Rubin reveals it. "
            "Dr. Smith opposes any continued U.S. military presence, e.g. in Basra. "
            "It was signed on 21 April 2008. The queue exceeded 3.2km and cost $1.5 billion.")
    assert sentences(text) == [
        "A story in the April 21 New York Times by James Glanz and Alissa J. Rubin reveals it.",
        "Dr. Smith opposes any continued U.S. military presence, e.g. in Basra.",
        "It was signed on 21 April 2008.",
        "The queue exceeded 3.2km and cost $1.5 billion.",
    ]


def test_quotes_and_brackets_keep_their_sentences_whole():
    text = ('He said: "We will win. They will lose." Then he left. '
            "(It is integrating itself with the army. Nobody knows why.) The end came "
            "quickly... and quietly. Why should we? Nobody asked!")
    assert sentences(text) == [
        'He said: "We will win. They will lose."',
        "Then he left.",
        "(It is integrating itself with the army. Nobody knows why.)",
        "The end came quickly... and quietly.",
        "Why should we?",
        "Nobody asked!",
    ]


def test_headings_and_captions_are_left_out_with_the_reason():
    text = "War Stories\n\nShot by Both Sides\n\nIran is outsmarting us in Iraq.\n\nA caption with no stop\n\nIt is."
    seg = segment(text)
    assert [text[p.start:p.end] for p in seg.pieces] == ["Iran is outsmarting us in Iraq.", "It is."]
    assert [(text[a:b], why) for a, b, why in seg.skipped] == [
        ("War Stories", "heading or caption"), ("Shot by Both Sides", "heading or caption"),
        ("A caption with no stop", "heading or caption")]
    assert len(segment(text, prefaces=False).pieces) == 5


def test_paragraphs_are_numbered_and_soft_line_breaks_join_a_sentence():
    text = "One sentence runs\nover two lines. A second one.\n\nA new paragraph starts here."
    pieces = segment(text).pieces
    assert [(text[p.start:p.end], p.paragraph) for p in pieces] == [
        ("One sentence runs\nover two lines.", 0), ("A second one.", 0), ("A new paragraph starts here.", 1)]


def test_a_short_announcement_before_a_colon_is_left_out():
    text = "One thing is for sure: It is time to start talking with the Iranians."
    seg = segment(text)
    assert quotes(text) == ["It is time to start talking with the Iranians."]
    assert [(text[a:b], why) for a, b, why in seg.skipped] == [
        ("One thing is for sure:", "announcement before a colon")]


# ---------------------------------------------------------------- clauses
def test_clause_markers_split_where_a_clause_follows():
    assert quotes("We should ban cars because they pollute the air.") == [
        "We should ban cars", "because they pollute the air."]
    assert quotes("We should ban cars because of the pollution they cause.") == [
        "We should ban cars because of the pollution they cause."]
    assert quotes("Yes, it is costly, but the costs are worth paying.") == [
        "Yes, it is costly,", "but the costs are worth paying."]
    assert quotes("Germany produces too much rubbish and too many resources are lost.") == [
        "Germany produces too much rubbish", "and too many resources are lost."]


def test_and_between_nouns_or_verb_phrases_does_not_split():
    for text in ("Their tools, data and expertise have been used for years.",
                 "Three bin bags stink away in the kitchen and have to be sorted into bins.",
                 "He is just not a team player and often goes it alone on the pitch.",
                 "In the battle for Basra the United States and Iran are on the same side."):
        assert quotes(text) == [text]


def test_a_semicolon_and_a_spaced_dash_before_a_clause_split():
    assert quotes("Services must be regulated; this should be clear to everyone by now.") == [
        "Services must be regulated;", "this should be clear to everyone by now."]
    assert quotes("Never were the queues longer – in Japan there was one exceeding 3.2km.") == [
        "Never were the queues longer –", "in Japan there was one exceeding 3.2km."]


def test_an_opening_reason_or_concession_is_split_from_its_main_clause():
    assert quotes("Since the area belongs to the state, it could be used for social housing.") == [
        "Since the area belongs to the state,", "it could be used for social housing."]
    assert quotes("Although it is costly, the plan is worth it in the long run.") == [
        "Although it is costly,", "the plan is worth it in the long run."]
    # a temporal "since" with no verb of its own stays whole
    text = "Since the start of the offensive, the army has resumed shooting at soldiers."
    assert quotes(text) == [text]


def test_a_marker_inside_brackets_or_leaving_too_few_words_does_not_split():
    text = "We do share interests (for instance, because we both fear him) in the south."
    assert quotes(text) == [text]
    text = "Everyone can shop on weekdays, but they can't."
    assert quotes(text) == [text]


def test_offsets_are_code_points_and_the_span_is_only_part_of_the_text():
    text = "𝔄 prefix. Emoji 😀 come first because they are wide. Tail."
    pieces = segment(text, 10, len(text) - 6).pieces
    assert [text[p.start:p.end] for p in pieces] == ["Emoji 😀 come first", "because they are wide."]


# ---------------------------------------------------------------- properties
_WORDS = st.sampled_from([
    "we", "should", "act", "because", "it", "is", "late", "but", "however", "the", "U.S.", "Dr.", "J.",
    "and", "they", "are", "right", "although", "3.2km", "2008.", "“quoted", "words.”", "(aside", "here)", "–",
    "—", ";", ":", ",", ".", "?", "!", "…", "First,", "Finally,", "e.g.", "Yes,", "since", "so", "that", "Iran",
    "—and", "for", "instance", "😀", "é", "\n", "\n\n", "  ", "\t",
])


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(_WORDS, max_size=60))
    joiners = draw(st.lists(st.sampled_from([" ", "", "  ", "\n"]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + j for p, j in zip(parts, joiners))


@settings(max_examples=150, deadline=None)
@given(texts())
def test_units_are_exact_ordered_disjoint_spans_that_cover_the_text(text: str):
    seg = segment(text)
    spans = [(p.start, p.end) for p in seg.pieces]
    assert spans == sorted(spans)
    for (_, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c  # never overlapping
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()  # no white space at either end
    covered = spans + [(a, b) for a, b, _ in seg.skipped]
    for m in re.finditer(r"\w", text):  # every word character is in a unit or reported as left out
        assert any(a <= m.start() < b for a, b in covered), (text, m.start())
