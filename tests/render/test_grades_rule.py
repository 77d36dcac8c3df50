"""The grade an evidence box shows: best reliability among its cited sources, then its credibility."""

from __future__ import annotations

from argmap.model import Source, Statement
from argmap.render.grades import best_source, grade_of, grade_words

SOURCES = {"col": Source("col", "A column", "B"), "rumour": Source("rumour", "A rumour", "E"),
           "anon": Source("anon", "Someone", "F"), "wire": Source("wire", "A wire", "B")}


def ev(**fields) -> Statement:
    return Statement("e", "evidence", "Seen", **fields)


def test_one_source_gives_its_letter_and_the_credibility_its_number():
    assert grade_of(ev(cites=("col",), credibility=2), SOURCES) == "B2"


def test_several_sources_give_the_best_letter_and_f_counts_as_the_least():
    assert grade_of(ev(cites=("rumour", "col"), credibility=3), SOURCES) == "B3"
    assert grade_of(ev(cites=("anon", "rumour"), credibility=3), SOURCES) == "E3"
    assert best_source(ev(cites=("wire", "col")), SOURCES).id == "wire"  # a tie: the first cited


def test_a_missing_credibility_counts_as_6_and_a_missing_source_as_f():
    assert grade_of(ev(cites=("col",)), SOURCES) == "B6"
    assert grade_of(ev(credibility=4), SOURCES) == "F4"


def test_nothing_is_shown_for_ungraded_evidence_claims_and_recommendations():
    assert grade_of(ev(), SOURCES) == ""
    assert grade_of(Statement("c", "claim", "x", assumed=True), SOURCES) == ""
    assert grade_words(ev(), SOURCES) == ""


def test_the_words_name_every_source_and_say_when_the_grade_is_a_default():
    assert grade_words(ev(cites=("col",), credibility=2), SOURCES) == \
        "B2: source col usually reliable; information probably true"
    words = grade_words(ev(cites=("rumour", "col")), SOURCES)
    assert words.startswith("B6: best of its sources (rumour E, col B): col usually reliable")
    assert words.endswith("information cannot be judged (not graded)")
    assert grade_words(ev(credibility=1), SOURCES).startswith("F1: no source cited")
