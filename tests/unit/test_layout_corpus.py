"""Layout of real maps: the Argdown examples and the shared cases lay out without overlap."""

from __future__ import annotations

import pytest

from argmap.layout import auto_layout, overlaps
from argmap.layout.dot_picture import dot_picture_quality
from argmap.layout.edges import routed_quality

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


def routed(amap, sizes, positions):
    rects = {}
    for sid, p in positions.items():
        w, h = sizes[sid]
        rects[sid] = (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
    return routed_quality(amap, rects)


def test_auto_layout_crosses_no_more_than_graphviz_on_the_examples(qapp, corpora_dir):
    """Summed over the Argdown examples, our routed drawing has no more crossings than dot's drawing of our DOT."""
    from argmap.formats.dot import dumps
    from argmap.render import measure_all, theme_named

    ours = dot = 0
    for path in argdown_examples(corpora_dir):
        amap = read_or_skip(path)
        sizes = measure_all(amap, theme_named("light"))
        q = routed(amap, sizes, auto_layout(amap, sizes))
        assert (q.through, q.overlaps) == (0, 0), path.name
        ours += q.crossings
        dot += dot_picture_quality(dumps(amap))[0].crossings
    assert ours <= dot, (ours, dot)


def test_shared_cases_lay_out(cases_dir):
    for path in sorted(cases_dir.glob("*.argmap")):
        amap = read_or_skip(path)
        pos = auto_layout(amap, {})
        assert set(pos) == set(amap.statements), path.name
        assert overlaps(pos, {}) == 0, path.name
