"""The report outline's "Sources" and "Key assumptions" sections (SPEC §5)."""

from __future__ import annotations

from html.parser import HTMLParser

from test_argdown_v2 import graded_map  # tests/unit is on sys.path (pytest's default import mode)

from argmap.formats import outline
from argmap.model import Source, Statement
from argmap.model.synth import argument_like


def test_markdown_lists_each_source_with_grade_chain_citations_and_conclusions():
    text = outline.dumps_markdown(graded_map())
    sources = text.split("## Sources\n")[1].split("## Key assumptions\n")[0]
    assert "- **F. Kaplan, Shot by Both Sides, Slate (kaplan) — B: usually reliable**" in sources
    assert "  - sources reported through it: The New York Times, 21 April 2008 (nyt)" in sources
    assert "  - reported via F. Kaplan, Shot by Both Sides, Slate (kaplan)" in sources
    assert ("  - cited by: “Iran arms both sides” (e1), credibility 2: probably true; “The ambassador said so” (e2), "
            "credibility not given") in sources
    assert "  - conclusions resting on it alone (AM009): “Talk to Tehran” (r)" in sources
    assert "  - conclusions drawing on it: “Talk to Tehran” (r)" in sources
    assumptions = text.split("## Key assumptions\n")[1]
    assert "- **“Iran gains either way” (c) · in**" in assumptions
    assert "  - conclusions it lies under: “Talk to Tehran” (r)" in assumptions
    assert "  - challenged by: “Not at war” (o)" in assumptions


def test_an_assumption_that_carries_a_conclusion_says_so():
    amap = graded_map()
    amap.remove(["i2"])  # c now rests on nothing but being assumed
    assumptions = outline.dumps_markdown(amap).split("## Key assumptions\n")[1]
    assert "  - without the stated assumptions these lose their support (AM012): “Talk to Tehran” (r)" in assumptions


def test_html_sections_escape_every_text():
    amap = graded_map()
    amap.add(Source("odd", "<b>bold</b> & co", "E"))
    amap.add(Statement("e9", "evidence", "<i>quoted</i>", cites=("odd",)))
    page = outline.dumps_html(amap)
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt; &amp; co (odd) — E: unreliable" in page
    assert '<section id="tradecraft-sources">' in page and '<li id="source:odd">' in page
    assert "“&lt;i&gt;quoted&lt;/i&gt;” (e9)" in page

    class Strict(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta",):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    parser = Strict()
    parser.feed(page)
    assert parser.stack == []


def test_maps_without_sources_or_assumptions_get_no_section():
    amap = argument_like(60, seed=5)
    assert "## Sources" not in outline.dumps_markdown(amap) and "tradecraft-" not in outline.dumps_html(amap)
