"""Layout of real maps: the Argdown examples and the shared cases lay out without overlap."""

from __future__ import annotations

import pytest

from argmap.layout import auto_layout, crossings, overlaps

pytestmark = pytest.mark.corpus


def read_or_skip(path):
    try:
        from argmap.formats import read_file
        return read_file(path, warnings=[])
    except ImportError as exc:
        pytest.skip(f"no reader for {path.name} yet: {exc}")
    except Exception as exc:  # the Argdown reader is written concurrently
        pytest.skip(f"{path.name} is not readable yet: {type(exc).__name__}: {exc}")


def argdown_examples(corpora_dir):
    files = sorted((corpora_dir / "argdown/christianvoigt-argdown/examples").glob("*.argdown"))
    if not files:
        pytest.skip("no Argdown examples in the corpus")
    return files


def sizes_of(amap):
    return {s.id: (120.0 + len(s.text) % 200, 40.0 + 18.0 * (len(s.text) // 40)) for s in amap.statements.values()}


@pytest.mark.parametrize("engine", ("dot", "fast"))
def test_argdown_examples_lay_out_without_overlap(corpora_dir, engine):
    for path in argdown_examples(corpora_dir):
        amap = read_or_skip(path)
        sizes = sizes_of(amap)
        pos = auto_layout(amap, sizes, engine=engine)
        assert set(pos) == set(amap.statements), path.name
        assert overlaps(pos, sizes) == 0, path.name


def test_fast_engine_is_close_to_dot_on_the_examples(corpora_dir):
    total = {"dot": 0, "fast": 0}
    for path in argdown_examples(corpora_dir):
        amap = read_or_skip(path)
        sizes = sizes_of(amap)
        for engine in total:
            total[engine] += crossings(amap, auto_layout(amap, sizes, engine=engine), sizes)
    assert total["fast"] <= 1.5 * total["dot"] + 5, total


def test_shared_cases_lay_out(cases_dir):
    for path in sorted(cases_dir.glob("*.argmap")):
        amap = read_or_skip(path)
        pos = auto_layout(amap, {})
        assert set(pos) == set(amap.statements), path.name
        assert overlaps(pos, {}) == 0, path.name
