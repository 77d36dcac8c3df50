"""The drafted article (issue 13 point 5): exact anchors, the closing recommendation as the only root, its four
reasons found; compared with the analyst's bundled map."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.draft import DRAFT_KEY, draft_map
from argmap.draft.score import compare, reading_of_map
from argmap.formats import read_file
from argmap.model.anchors import text_sha256

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "examples" / "shot-by-both-sides.argmap"
REASONS = ("First, they control", "Second, it turns out", "Third, Maliki", "Finally, there is so much")


@pytest.fixture
def article(seed_text) -> tuple[str, object]:
    return seed_text, draft_map(seed_text)


def test_every_statement_quotes_the_article_exactly(article):
    text, amap = article
    assert len(amap) >= 30
    for s in amap.statements.values():
        assert len(s.anchors) == 1
        a = s.anchors[0]
        assert text[a.start:a.end] == a.quote and a.quote.strip() == a.quote
    assert amap.source.sha256 == text_sha256(text) == read_file(BUNDLED).source.sha256  # the same text
    assert amap.title == "Draft: Shot by Both Sides"


def test_the_closing_call_to_talk_with_the_iranians_is_the_recommendation_and_only_root(article):
    text, amap = article
    used = {p for i in amap.inferences.values() for p in i.premises}
    used |= {a for c in amap.conflicts.values() for a in c.attackers}
    roots = [s for s in amap.statements.values() if s.id not in used]
    assert [s.anchors[0].quote for s in roots] == ["It is time to start talking with the Iranians."]
    assert roots[0].kind == "recommendation" and roots[0].id == amap.extra[DRAFT_KEY]["root"]
    assert [s.kind for s in amap.statements.values()].count("recommendation") == 1
    assert "a call to action" in roots[0].note


def test_its_four_reasons_support_it_with_their_cues(article):
    _, amap = article
    root = amap.extra[DRAFT_KEY]["root"]
    by_start = {s.anchors[0].quote[:len(r)]: s for s in amap.statements.values() for r in REASONS
                if s.anchors[0].quote.startswith(r)}
    assert sorted(by_start) == sorted(REASONS)
    for reason, word in zip(REASONS, ("first", "second", "third", "finally")):
        links = [i for i in amap.inferences.values() if i.premises == (by_start[reason].id,)]
        assert [(i.conclusion, i.note) for i in links] == [(root, f"cue: '{word}' (one item of an enumeration)")]


def test_the_draft_meets_the_analysts_map_on_the_root_and_the_reasons(article):
    _, amap = article
    bundled = read_file(BUNDLED)
    reference = reading_of_map(bundled)
    reference.roots = [list(bundled.statements).index("s1")]
    tally = compare(reading_of_map(amap), reference)
    assert tally.central_right == 1
    # every reason of the analyst's reading (s3, s4, s6, s8) overlaps one of the drafted reasons
    drafted = [s.anchors[0] for s in amap.statements.values() if s.anchors[0].quote.startswith(REASONS)]
    for sid in ("s3", "s4", "s6", "s8"):
        spans = [(a.start, a.end) for a in bundled.statements[sid].anchors]
        assert any(min(e, d.end) > max(s, d.start) for s, e in spans for d in drafted), sid
    assert tally.scores()["units"] > 0.5  # most units are the analyst's units too (0.60 when measured)
