"""Argdown carries SPEC §5/§6 data (sources, grades, assumptions, comments, merge conflicts) and reads it back equal."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import argdown
from argmap.model import (
    ArgumentMap,
    Comment,
    Conflict,
    FormatError,
    Inference,
    MergeConflict,
    Source,
    Statement,
)
from argmap.model.synth import argument_like, with_tradecraft

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "node_modules" / ".bin" / "argdown"
ODD = "odd {text} [x] <y> #tag // not a comment\n=== \"quoted\" \u2028 é"


def graded_map() -> ArgumentMap:
    amap = ArgumentMap("Graded", merge_conflicts=[MergeConflict("e1", "text", "old", ODD, None),
                                                  MergeConflict("i9", "removed", {"id": "i9"}, None, [1, 2])])
    amap.add_all([
        Source("kaplan", "F. Kaplan, Shot by Both Sides, Slate", "B", url="https://slate.invalid/a?b=c#d",
               comments=(Comment(ODD, "ann", "2026-12-01", True),)),
        Source("nyt", "The New York Times, 21 April 2008", "B", via="kaplan", note="front page"),
        Statement("r", "recommendation", "Talk to Tehran", comments=(Comment("Too strong?", "bo"),)),
        Statement("c", "claim", "Iran gains either way", assumed=True),
        Statement("e1", "evidence", "Iran arms both sides", cites=("nyt", "kaplan"), credibility=2,
                  comments=(Comment(ODD), Comment("second", resolved=True))),
        Statement("e2", "evidence", "The ambassador said so", cites=("nyt",)),
        Statement("o", "claim", "Not at war"),
        Inference("i1", ("c", "e1"), "r", comments=(Comment("linked on purpose"),)),
        Inference("i2", ("e2",), "c", note="why", comments=(Comment(ODD, "cy"),)),
        Conflict("k1", ("o",), "c", comments=(Comment("unanswered", "ann"),)),
        Conflict("k2", ("o",), "i1", note="undercut", comments=(Comment("u"),)),
    ])
    return amap


def test_a_graded_map_with_comments_everywhere_reads_back_equal():
    amap = graded_map()
    text = argdown.dumps(amap)
    assert '"cites": ["nyt", "kaplan"], "credibility": 2' in text and '"assumed": true' in text
    assert text.startswith("===\n") and '"sources": [{"id": "kaplan"' in text
    warnings: list[str] = []
    again = argdown.loads(text, "g.argdown", warnings)
    assert again == amap
    assert not warnings


comments = st.lists(st.builds(Comment, st.text(min_size=1).filter(str.strip), st.text(max_size=8),
                              st.text(max_size=8), st.booleans()), max_size=2).map(tuple)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 5_000), n=st.integers(1, 40), sources=st.integers(0, 6), extra=comments,
       data=st.data())
def test_random_version_2_maps_round_trip(seed, n, sources, extra, data):
    amap = with_tradecraft(argument_like(n, seed=seed), sources, seed=seed, assumed=0.4, comments=0.3)
    ids = [*amap.statements, *amap.inferences, *amap.conflicts, *amap.sources]
    target = data.draw(st.sampled_from(ids))
    amap.update(target, comments=amap.get(target).comments + extra)
    assert argdown.loads(argdown.dumps(amap), "r.argdown", []) == amap


@pytest.mark.parametrize("data, rule", [
    ('{"cites": ["zz"]}', "'zz' is not a source of this map"),
    ('{"cites": ["nyt", "nyt"]}', "cited twice"),
    ('{"credibility": 9}', "from 1 to 6"),
    ('{"assumed": true}', "only a claim can be assumed"),
    ('{"comments": [{"author": "x"}]}', "a comment needs text"),
])
def test_bad_grades_in_data_are_refused_with_the_statement_and_line(data, rule):
    text = ('===\nargmap: {"sources": [{"id": "nyt", "title": "NYT"}]}\n===\n\n'
            f"[e]: Seen. #evidence {data}\n")
    with pytest.raises(FormatError) as info:
        argdown.loads(text, "bad.argdown")
    message = str(info.value)
    assert message.startswith("bad.argdown: [e] (line 5)") and rule in message


def test_bad_sources_in_the_front_matter_are_refused():
    loop = '[{"id": "a", "title": "A", "via": "b"}, {"id": "b", "title": "B", "via": "a"}]'
    where = r"source 'a' \(front matter argmap.sources\[0\]\)"
    with pytest.raises(FormatError, match=where + r"\.via: the chain of via loops"):
        argdown.loads(f'===\nargmap: {{"sources": {loop}}}\n===\n', "bad.argdown")
    with pytest.raises(FormatError, match=where + r"\.title: a source needs a title"):
        argdown.loads('===\nargmap: {"sources": [{"id": "a"}]}\n===\n', "bad.argdown")


@pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} is missing: run scripts/install_argdown_cli.sh")
def test_graded_output_passes_the_official_parser(tmp_path):
    maps = {"graded": graded_map(), "synth": with_tradecraft(argument_like(150, seed=3), 12, seed=3, comments=0.2)}
    for name, amap in maps.items():
        src = tmp_path / f"{name}.argdown"
        src.write_text(argdown.dumps(amap), encoding="utf-8")
        run = subprocess.run([str(CLI), "json", str(src), str(tmp_path / "out")], capture_output=True, text=True,
                             timeout=300)
        report = run.stdout + run.stderr
        assert run.returncode == 0 and "syntax error" not in report.lower(), report
        doc = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        assert len(doc["statements"]) == len(amap.statements)
        cited = {s.id: list(s.cites) for s in amap.statements.values() if s.cites}
        seen = {k: v["members"][0]["data"]["cites"] for k, v in doc["statements"].items()
                if v["members"] and "cites" in (v["members"][0].get("data") or {})}
        assert seen == cited  # the official parser reads our YAML data as we meant it
