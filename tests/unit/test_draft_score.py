"""The draft metric (argmap.draft.score) and the microtexts benchmark's reader, checked against the issue's
baseline and the independent scorer in ../shared/tools."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.draft.score import Reading, compare, f1, jaccard, match_units, reading_of_map
from argmap.model import Anchor, ArgumentMap, Conflict, Inference, Statement

ROOT = Path(__file__).resolve().parents[2]


def bench():
    spec = importlib.util.spec_from_file_location("draft_microtexts", ROOT / "benchmarks" / "draft_microtexts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_jaccard_and_one_to_one_matching():
    assert jaccard(((0, 10),), ((0, 10),)) == 1.0
    assert jaccard(((0, 10),), ((5, 15),)) == pytest.approx(5 / 15)
    assert jaccard(((0, 4), (6, 10)), ((0, 10),)) == pytest.approx(0.8)
    assert jaccard(((0, 5),), ((5, 9),)) == 0.0
    # the better overlap wins; each reference unit is used once; below 0.5 nothing matches
    assert match_units([((0, 10),), ((0, 9),), ((20, 30),)], [((0, 10),), ((21, 30),)]) == {0: 0, 2: 1}
    assert match_units([((0, 10),)], [((0, 25),)]) == {}
    assert f1(0, 3, 4) == 0.0 and f1(2, 4, 4) == 0.5


def test_a_maps_reading_attaches_undercuts_to_the_source_of_the_inference_and_counts_co_premises():
    amap = ArgumentMap()
    spans = {"c": (0, 5), "a": (6, 10), "b": (11, 15), "u": (16, 20), "free": None}
    amap.add_all([Statement(k, "claim", k, anchors=(Anchor(*v, "x"),) if v else ()) for k, v in spans.items()]
                 + [Inference("i", ("a", "b"), "c"), Conflict("k", ("u",), "i")])
    reading = reading_of_map(amap)
    assert reading.units == [((0, 5),), ((6, 10),), ((11, 15),), ((16, 20),)]
    assert reading.relations == {(1, 0): "support", (2, 0): "support", (3, 1): "attack"}
    assert reading.roots == [0]


def test_compare_counts_units_central_claim_and_relations():
    gold = Reading([((0, 10),), ((11, 20),), ((21, 30),)], {(1, 0): "support", (2, 1): "attack"}, [0])
    draft = Reading([((0, 10),), ((11, 19),), ((40, 50),)], {(1, 0): "attack", (2, 1): "support"}, [0])
    tally = compare(draft, gold)
    assert (tally.matched, tally.central_right, tally.attached_right, tally.labelled_right) == (2, 1, 1, 0)
    assert tally.scores()["units"] == pytest.approx(2 / 3)
    two_roots = Reading(draft.units, {}, [0, 1])
    assert compare(two_roots, gold).central_right == 0


@pytest.mark.corpus
def test_the_benchmark_reproduces_the_baseline_of_the_issue(corpora_dir):
    b = bench()
    texts = b.names()
    assert len(texts) == 56
    halves = b.halves()
    assert sorted(halves["dev"] + halves["check"]) == texts and not set(halves["dev"]) & set(halves["check"])
    from argmap.draft.score import Tally

    total = Tally()
    for name in texts:
        _, gold = b.read_gold(b.CORPUS / f"{name}.xml")
        total.add(compare(b.baseline(gold), gold, name))
    scores = total.scores()
    assert (round(scores["central"], 2), round(scores["relations"], 2), round(scores["labelled"], 2)) == \
        (0.57, 0.40, 0.27)


@pytest.mark.corpus
def test_our_figures_agree_with_the_independent_scorer(corpora_dir, shared_dir, tmp_path):
    b = bench()
    tool = shared_dir / "tools" / "score_microtexts.py"
    for half, texts in b.halves().items():
        tally, _ = b.run(texts, write=tmp_path / half)
        b._link_gold(texts, tmp_path / half / "gold")
        ours = tally.scores()
        done = subprocess.run([sys.executable, str(tool), str(tmp_path / half / "gold"), str(tmp_path / half)],
                              capture_output=True, text=True, check=True, timeout=300)
        theirs = json.loads(done.stdout)
        assert theirs["texts"] == 28 and theirs["missing"] == 0
        assert [round(ours[k], 3) for k in ("units", "central", "relations", "labelled")] == \
            [theirs[k] for k in ("seg", "cc", "att", "fun")], half
