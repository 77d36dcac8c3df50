"""The markers of the lexicon produce the relations it documents; every draft is a valid map with one root."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.draft import DRAFT_KEY, PROPOSED, RULES, NothingToDraft, draft_map, proposals, propose
from argmap.draft.lexicon import DIRECTIONS, FUNCTIONS, GROUPS, PLACES
from argmap.model import ArgumentMap


def relations(text: str, **options) -> tuple[str, set[tuple[str, str, str, str]]]:
    """The root's quote and ``{(source quote, 'supports'|'attacks'|'undercuts', target quote, cue)}``."""
    p = propose(text, **options)
    quote = {s.id: s.anchors[0].quote for s in p.statements}
    inferences = {i.id: i for i in p.inferences}
    out = {(quote[i.premises[0]], "supports", quote[i.conclusion], i.note) for i in p.inferences}
    for c in p.conflicts:
        if c.target in inferences:
            out.add((quote[c.attackers[0]], "undercuts", quote[inferences[c.target].premises[0]], c.note))
        else:
            out.add((quote[c.attackers[0]], "attacks", quote[c.target], c.note))
    return quote[p.root], out


def pairs(text: str) -> set[tuple[str, str, str]]:
    return {(a, how, b) for a, how, b, _ in relations(text)[1]}


def cue_of(text: str, source_start: str) -> str:
    return next(cue for a, _, _, cue in relations(text)[1] if a.startswith(source_start))


def test_because_makes_the_clause_after_it_a_reason_for_the_clause_before():
    text = "We should ban cars because they pollute the air."
    root, found = relations(text)
    assert root == "We should ban cars"
    assert found == {("because they pollute the air.", "supports", "We should ban cars",
                      "cue: 'because' (premise follows the claim it supports)")}


def test_therefore_makes_what_came_before_its_premise():
    root, found = relations("Cars pollute the air. Therefore we should ban them.")
    assert root == "Therefore we should ban them."
    assert found == {("Cars pollute the air.", "supports", root,
                      "cue: 'therefore' (premise of the conclusion it marks)")}


def test_a_concession_attacks_the_claim_and_the_but_answers_it():
    text = "We should ban cars. Admittedly, cars are convenient. But they pollute the air."
    assert pairs(text) == {("Admittedly, cars are convenient.", "attacks", "We should ban cars."),
                           ("But they pollute the air.", "attacks", "Admittedly, cars are convenient.")}
    assert cue_of(text, "But") == "cue: 'but' (answers the point granted before it)"


def test_yes_x_but_y_an_unmarked_point_before_a_but_is_the_concession():
    text = "Yes, cars are convenient. But they pollute the air. We should ban cars."
    assert pairs(text) == {("Yes, cars are convenient.", "attacks", "We should ban cars."),
                           ("But they pollute the air.", "attacks", "Yes, cars are convenient.")}
    text = "We should ban cars. Cars are convenient. But they pollute the air."
    assert pairs(text) == {("Cars are convenient.", "attacks", "We should ban cars."),
                           ("But they pollute the air.", "attacks", "Cars are convenient.")}


def test_a_concession_against_a_reason_undercuts_its_inference():
    text = "We should ban cars. They pollute the air, although modern engines are much cleaner."
    assert pairs(text) == {("They pollute the air,", "supports", "We should ban cars."),
                           ("although modern engines are much cleaner.", "undercuts", "They pollute the air,")}
    assert "an undercut" in cue_of(text, "although")
    plain = {(a, how, b) for a, how, b, _ in relations(text, off=("undercut",))[1]}
    assert ("although modern engines are much cleaner.", "attacks", "They pollute the air,") in plain


def test_for_instance_supports_the_statement_before_it():
    text = "Cars are dangerous on our roads. For instance, thousands die in accidents every year. We should ban them."
    assert pairs(text) == {("Cars are dangerous on our roads.", "supports", "We should ban them."),
                           ("For instance, thousands die in accidents every year.", "supports",
                            "Cars are dangerous on our roads.")}


def test_an_enumeration_supports_the_claim_announced_before_it_across_paragraphs():
    text = ("We should ban cars. First, they pollute the air. Second, they kill people. It is sad.\n\n"
            "Finally, they are noisy.")
    assert pairs(text) == {("First, they pollute the air.", "supports", "We should ban cars."),
                           ("Second, they kill people.", "supports", "We should ban cars."),
                           ("It is sad.", "supports", "Second, they kill people."),
                           ("Finally, they are noisy.", "supports", "We should ban cars.")}


def test_a_joined_clause_plays_the_role_of_the_clause_before_it():
    assert pairs("We should ban cars. They pollute the air, and they make a lot of noise.") == {
        ("They pollute the air,", "supports", "We should ban cars."),
        ("and they make a lot of noise.", "supports", "We should ban cars.")}


def test_besides_is_a_further_reason_for_the_main_claim():
    text = "We should ban cars. They pollute the air. After all, engines burn oil. Besides, cars are noisy."
    assert pairs(text) == {("They pollute the air.", "supports", "We should ban cars."),
                           ("After all, engines burn oil.", "supports", "They pollute the air."),
                           ("Besides, cars are noisy.", "supports", "We should ban cars.")}


def test_reported_speech_quotes_figures_and_dated_events_are_evidence():
    p = propose("We should ban cars. According to the city, traffic deaths rose. The mayor called them "
                "“a plague on our streets”. Accidents cost 2.5 million euros. The council met in March 2008 "
                "and voted.")
    kinds = [(s.kind, s.basis) for s in p.statements]
    assert kinds == [("recommendation", ""), ("evidence", "report"), ("evidence", "quote"),
                     ("evidence", "statistic"), ("evidence", "report")]


def test_every_statement_is_a_proposal_with_an_exact_anchor_and_every_relation_has_a_cue():
    text = "War Stories\n\nWe should act now, because time is short. But some disagree. Hence the plan."
    amap = draft_map(text, title="T")
    assert amap.title == "Draft: T" and amap.source.title == "T" and len(amap.source.sha256) == 64
    for s in amap.statements.values():
        assert s.tags == (PROPOSED,) and s.note.startswith("Proposed ")
        assert [text[a.start:a.end] for a in s.anchors] == [a.quote for a in s.anchors]
    for link in (*amap.inferences.values(), *amap.conflicts.values()):
        assert link.note.startswith("cue: ")
    assert proposals(amap) == [*amap.statements, *amap.inferences, *amap.conflicts]
    assert amap.extra[DRAFT_KEY]["root"] in amap.statements


def test_a_selection_is_drafted_into_an_open_map_with_fresh_ids():
    text = "Intro sentence here. We should ban cars because they pollute the air. Outro sentence here."
    start = text.index("We")
    end = text.index(" Outro")
    p = propose(text, start, end, taken={"s1", "s2", "i1"})
    assert [s.id for s in p.statements] == ["s3", "s4"] and [i.id for i in p.inferences] == ["i2"]
    assert all(start <= a.start < a.end <= end for s in p.statements for a in s.anchors)
    amap = ArgumentMap()
    amap.add_all(p.elements())
    assert p.root == "s3"


def test_bad_input_gets_a_clear_error():
    with pytest.raises(NothingToDraft, match="empty"):
        propose("")
    with pytest.raises(NothingToDraft, match="no sentence"):
        propose("  \n\nA heading\n\n")
    with pytest.raises(ValueError, match="line ends"):
        propose("One.\r\nTwo.")
    with pytest.raises(ValueError, match="outside"):
        propose("One sentence.", 5, 50)
    with pytest.raises(ValueError, match="unknown draft rule"):
        propose("One sentence.", off=("no-such-rule",))


def test_the_lexicon_is_well_formed():
    for group in GROUPS:
        assert group.function in FUNCTIONS and group.direction in DIRECTIONS and group.where in PLACES
        assert group.phrases and group.why
        for phrase in group.phrases:
            assert phrase == phrase.lower().strip() and "  " not in phrase


# ---------------------------------------------------------------- properties
_SENTENCES = st.sampled_from([
    "We should act now.", "It is time to start talking.", "Because the costs are high, we wait.",
    "But the costs are high.", "However, nobody agrees.", "Admittedly, it is hard.", "Yes, it is hard.",
    "Therefore we act.", "Hence the plan.", "First, it works.", "Second, it is cheap.", "Finally, it is fair.",
    "For instance, Iran did it.", "Besides, it is cheap.", "They pollute the air, and they make noise.",
    "It rains, although the sun shines.", "Is it fair?", "After all, they know it.", "So, again: Are they right?",
    "The report said costs rose by 12% last year.", "Critics say it fails.", "\n\n", "A heading\n\n",
    "X, because Y is so.", "Still, we must go.", "In other words, we lost.", "On the other hand, it is old.",
])


@settings(max_examples=120, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=14),
       st.frozensets(st.sampled_from(sorted(RULES)), max_size=3))
def test_every_draft_is_a_valid_map_with_one_root_and_no_loop(parts: list[str], off: frozenset[str]):
    text = " ".join(parts)
    try:
        amap = draft_map(text, off=off)
    except NothingToDraft:
        assert not any(c.isalpha() for c in text.replace("A heading", ""))
        return
    used = {p for i in amap.inferences.values() for p in i.premises}
    used |= {a for c in amap.conflicts.values() for a in c.attackers}
    roots = [sid for sid in amap.statements if sid not in used]
    assert roots == [amap.extra[DRAFT_KEY]["root"]]
    for s in amap.statements.values():
        assert all(text[a.start:a.end] == a.quote for a in s.anchors) and s.text.strip()
    # every statement's chain of links ends at the root, without a loop
    step = {i.premises[0]: i.conclusion for i in amap.inferences.values()}
    for c in amap.conflicts.values():
        step[c.attackers[0]] = amap.inferences[c.target].premises[0] if c.target in amap.inferences else c.target
    for sid in amap.statements:
        seen = set()
        while sid != roots[0]:
            assert sid not in seen
            seen.add(sid)
            sid = step[sid]
