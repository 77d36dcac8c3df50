"""The bundled map of the article (resources/examples/shot-by-both-sides.argmap).

The map must load, stay faithful to the seed text it cites (every anchor's
quote is the text at its offsets, the source hash is the text's hash, texts
are short paraphrases, not copies), carry the analyst's tradecraft of format
version 2 (graded sources with their reasons, graded evidence, stated
assumptions), keep its analytic shape (all kinds, linked premises, rebuttals
and undercuts), survive a save and reload unchanged, and find what its
account (docs/article-map.md and the README) says it finds.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from argmap.formats import native, read_file, write_file
from argmap.model.elements import CREDIBILITY, RELIABILITY
from argmap.model.sources import via_chain
from argmap.resources_path import example_map

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "article-map.md"
README = ROOT / "README.md"
BASES = {"report", "quote", "statistic", "document", "observation", "testimony"}
MAX_TEXT = 120
"""No statement text is longer than this (characters)."""
MAX_SHARED_WORDS = 6
"""No statement text shares a longer run of words with the article: a paraphrase, not a copy."""
MAX_QUOTE = 150
"""An anchor quotes a short passage, not a paragraph."""
GAP = 20
"""Measured boxes of the saved layout keep at least this many px apart (the layout's gaps are 24 and 60)."""


@pytest.fixture(scope="module")
def amap():
    return read_file(example_map())


@pytest.fixture(scope="module")
def report(amap):
    from argmap.analysis import check_map

    return check_map(amap)


def evidence_of(amap):
    return [s for s in amap.statements.values() if s.kind == "evidence"]


# ---------------------------------------------------------------- faithful to the article
def test_loads_with_title_and_enough_statements(amap):
    assert amap.title == "Shot by Both Sides"
    assert len(amap.statements) >= 30
    assert amap.source.author == "Fred Kaplan"


def test_all_three_kinds_present(amap):
    kinds = {s.kind for s in amap.statements.values()}
    assert kinds == {"claim", "evidence", "recommendation"}


def test_every_statement_is_anchored_to_a_short_exact_quote(amap, seed_text):
    for s in amap.statements.values():
        assert s.anchors, f"{s.id} has no anchor"
        for a in s.anchors:
            assert 0 <= a.start < a.end <= len(seed_text), f"{s.id}: offsets {a.start}..{a.end} out of range"
            assert seed_text[a.start:a.end] == a.quote, f"{s.id}: quote does not match the text at {a.start}"
            assert len(a.quote) <= MAX_QUOTE, f"{s.id}: quote is too long to be a short citation"


def test_source_hash_is_the_seed_text_hash(amap, seed_text):
    assert amap.source.sha256 == hashlib.sha256(seed_text.encode("utf-8")).hexdigest()


def test_no_text_is_over_120_characters(amap):
    long = {s.id: len(s.text) for s in amap.statements.values() if len(s.text) > MAX_TEXT}
    assert not long


def _words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2014", " ").lower()
    return re.findall(r"[a-z0-9']+", text)


def longest_shared_run(text: str, source_words: list[str]) -> int:
    """The longest run of consecutive words of ``text`` that also occurs in ``source_words``."""
    runs = {tuple(source_words[i:i + n]) for n in range(1, MAX_SHARED_WORDS + 2)
            for i in range(len(source_words) - n + 1)}
    words, best = _words(text), 0
    for i in range(len(words)):
        n = best + 1
        while i + n <= len(words) and n <= MAX_SHARED_WORDS + 1 and tuple(words[i:i + n]) in runs:
            best, n = n, n + 1
    return best


def test_texts_are_paraphrases_in_our_own_words(amap, seed_text):
    article = _words(seed_text)
    assert longest_shared_run("Iran is outsmarting us in Iraq, and that is that.", article) == 6  # the helper works
    runs = {s.id: longest_shared_run(s.text, article) for s in amap.statements.values()}
    copies = {sid: n for sid, n in runs.items() if n > MAX_SHARED_WORDS}
    assert not copies, f"texts sharing more than {MAX_SHARED_WORDS} words in a row with the article: {copies}"


# ---------------------------------------------------------------- tradecraft (SPEC §5)
def test_the_file_is_version_2():
    assert json.loads(example_map().read_text(encoding="utf-8"))["version"] == 2


def test_every_source_is_graded_with_its_reason():
    doc = json.loads(example_map().read_text(encoding="utf-8"))
    assert len(doc["sources"]) >= 4
    for x in doc["sources"]:
        grade = x.get("reliability")
        assert grade in RELIABILITY and grade != "F", f"{x['id']}: no reliability grade"
        reason = f"{grade} ({RELIABILITY[grade]})"
        assert reason in x.get("note", ""), f"{x['id']}: the note gives no reason for {grade}"


def test_every_evidence_cites_a_graded_source_and_has_a_credibility_with_its_reason(amap):
    for s in evidence_of(amap):
        assert s.cites, f"{s.id} cites no source"
        assert all(amap.sources[c].reliability != "F" for c in s.cites), f"{s.id} cites an ungraded source"
        assert s.credibility in CREDIBILITY, f"{s.id} has no credibility grade"
        reason = f"Credibility {s.credibility} ({CREDIBILITY[s.credibility]})"
        assert reason in s.note, f"{s.id}: the note does not give the reason for its grade"
        assert s.basis in BASES, f"{s.id} has basis {s.basis!r}"


def test_every_source_reaches_the_analyst_through_the_one_column_read(amap):
    assert any(x.via for x in amap.sources.values()), "no source is reached via another"
    assert any(len(via_chain(amap.sources, x)) >= 3 for x in amap.sources), "no report within a report"
    roots = {via_chain(amap.sources, x)[-1] for x in amap.sources}
    assert len(roots) == 1
    (root,) = roots
    assert amap.source.title.startswith("Shot by Both Sides") and "Shot by Both Sides" in amap.sources[root].title


def test_no_evidence_claims_a_confirmation_one_column_cannot_give(amap):
    assert all(s.credibility != 1 for s in evidence_of(amap))


def test_stated_assumptions_are_claims_and_raise_no_bare_assertion(amap, report):
    assumed = [s for s in amap.statements.values() if s.assumed]
    assert assumed and all(s.kind == "claim" for s in assumed)
    bare = {d.target for d in report.diagnostics if d.code == "AM003"}
    assert not bare & {s.id for s in assumed}


def test_statements_the_column_does_not_make_are_marked_as_the_analysts(amap):
    for s in amap.statements.values():
        if "analyst" in s.tags:
            assert "analyst" in s.note.lower(), f"{s.id}: tagged analyst, but its note does not say why"
    assert sum("analyst" in s.tags for s in amap.statements.values()) >= 2


# ---------------------------------------------------------------- analytic shape, files
def test_has_rebuttals_undercuts_and_linked_premises(amap):
    targets = [c.target for c in amap.conflicts.values()]
    assert any(t in amap.statements for t in targets), "no conflict on a statement (rebuttal)"
    assert any(t in amap.inferences for t in targets), "no conflict on an inference (undercut)"
    assert any(len(i.premises) >= 2 for i in amap.inferences.values()), "no linked inference"
    conclusions = [i.conclusion for i in amap.inferences.values()]
    assert any(conclusions.count(c) >= 2 for c in conclusions), "no convergent support"


def test_dumps_and_loads_give_an_equal_map(amap):
    text = native.dumps(amap)
    assert native.loads(text, "round-trip") == amap
    assert example_map().read_text(encoding="utf-8") == text, "the shipped file is not in the writer's form"


def test_file_validates_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = example_map().parents[1] / "schema" / "argmap.schema.json"
    if not schema_path.exists():
        pytest.skip(f"{schema_path} is absent")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(example_map().read_text(encoding="utf-8")), schema)


def test_write_file_and_read_file_give_an_equal_map(amap, tmp_path):
    path = tmp_path / "copy.argmap"
    write_file(amap, path)
    assert read_file(path) == amap


def _saved_rects(amap):
    from argmap.render import measure_all, theme_named

    sizes = measure_all(amap, theme_named("light"))
    return {sid: (s.position.x - sizes[sid][0] / 2, s.position.y - sizes[sid][1] / 2,
                  s.position.x + sizes[sid][0] / 2, s.position.y + sizes[sid][1] / 2)
            for sid, s in amap.statements.items()}


def test_positions_read_top_down_without_overlaps(amap, qapp):
    pos = {sid: s.position for sid, s in amap.statements.items()}
    assert all(p is not None for p in pos.values()), "a statement has no position"
    for inf in amap.inferences.values():
        for p in inf.premises:
            assert pos[inf.conclusion].y < pos[p].y, f"{inf.id}: conclusion is not above premise {p}"
    rects = _saved_rects(amap)
    for a, b in combinations(rects, 2):
        ra, rb = rects[a], rects[b]
        apart_x = ra[2] + GAP <= rb[0] or rb[2] + GAP <= ra[0]
        apart_y = ra[3] + GAP <= rb[1] or rb[3] + GAP <= ra[1]
        assert apart_x or apart_y, f"{a} and {b} overlap or nearly touch"


def test_saved_layout_meets_the_picture_bar(amap, qapp):
    """No edge through a box, no overlap, no more crossings than Graphviz's drawing of our DOT export."""
    from argmap.formats.dot import dumps
    from argmap.layout.dot_picture import dot_picture_quality
    from argmap.layout.edges import routed_quality

    ours = routed_quality(amap, _saved_rects(amap))
    dot, _ = dot_picture_quality(dumps(amap))
    assert (ours.through, ours.overlaps) == (0, 0)
    assert ours.crossings <= dot.crossings, (ours, dot)


def test_auto_layout_meets_the_picture_bar(amap, qapp):
    """``--layout auto`` (boxes measured as exports measure them) beats or equals dot's drawing too."""
    from argmap.formats.dot import dumps
    from argmap.layout import auto_layout
    from argmap.layout.dot_picture import dot_picture_quality
    from argmap.layout.edges import routed_quality
    from argmap.render import measure_all, theme_named

    sizes = measure_all(amap, theme_named("light"))
    pos = auto_layout(amap, sizes)
    rects = {sid: (p.x - sizes[sid][0] / 2, p.y - sizes[sid][1] / 2, p.x + sizes[sid][0] / 2,
                   p.y + sizes[sid][1] / 2) for sid, p in pos.items()}
    ours = routed_quality(amap, rects)
    dot, _ = dot_picture_quality(dumps(amap))
    assert set(rects) == set(amap.statements)
    assert (ours.through, ours.overlaps) == (0, 0)
    assert ours.crossings <= dot.crossings, (ours, dot)


# ---------------------------------------------------------------- the findings, as the account tells them
def test_checks_find_only_analytic_gaps(amap, report):
    recommendations = [sid for sid, s in amap.statements.items() if s.kind == "recommendation"]
    assert recommendations and all(r in report.supported for r in recommendations)
    codes = {d.code for d in report.diagnostics}
    assert not codes & {"AM002", "AM005", "AM006", "AM007"}, "a cycle, unsourced evidence or a loose statement"
    for d in report.diagnostics:
        if d.code in ("AM001", "AM003"):
            assert amap.statements[d.target].kind != "evidence"


def _findings_table(text: str) -> dict[str, tuple[int, set[str], set[str]]]:
    """The doc's table of findings: code -> (count, targets, sources)."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"AM\d{3}", cells[0]):
            sources = set(re.findall(r"[a-z]+", cells[3].split(":", 1)[1])) if ":" in cells[3] else set()
            rows[cells[0]] = (int(cells[1]), set(re.findall(r"\bs\d+\b", cells[2])), sources)
    return rows


def test_the_account_lists_exactly_the_findings_check_reports(report):
    table = _findings_table(DOC.read_text(encoding="utf-8"))
    found = Counter(d.code for d in report.diagnostics)
    assert set(table) == set(found), "the doc's table names other codes than check finds"
    for code, (count, targets, sources) in table.items():
        mine = [d for d in report.diagnostics if d.code == code]
        assert count == len(mine), code
        assert targets == {d.target for d in mine}, code
        if code == "AM009":
            assert {(d.target, d.source) for d in mine} == {(t, x) for t in targets for x in sources}


def test_the_accounts_counts_are_what_check_prints(amap, report):
    summary = report.summary()
    n, supported = len(amap.statements), len(report.supported)
    doc = " ".join(DOC.read_text(encoding="utf-8").split())
    readme = " ".join(README.read_text(encoding="utf-8").split())
    e, w, i = summary["error"], summary["warning"], summary["info"]
    assert f"**{e} errors, {w} warnings and {i} infos**; **{supported} of the {n} statements**" in doc
    assert f"({e} errors, {w} warnings, {i} infos; {supported} of {n} statements supported)" in readme
    kinds = Counter(s.kind for s in amap.statements.values())
    linked = sum(len(x.premises) > 1 for x in amap.inferences.values())
    undercuts = sum(c.target in amap.inferences for c in amap.conflicts.values())
    assert (f"**{n} statements** ({kinds['recommendation']} recommendation, {kinds['claim']} claims, "
            f"{kinds['evidence']} pieces of evidence), **{len(amap.inferences)} inferences** ({linked} of them "
            f"linked), **{len(amap.conflicts)} conflicts** ({len(amap.conflicts) - undercuts} rebuttals, "
            f"{undercuts} undercuts) and **{len(amap.sources)} graded sources**") in doc
