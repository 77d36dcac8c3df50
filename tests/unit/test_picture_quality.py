"""The picture-quality measure (layout/quality.py): small pictures by hand, the grid against brute force."""

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout.quality import (
    crossing_count,
    overlap_count,
    picture_quality,
    segment_run_inside,
    segments_cross,
    through_count,
)

BOX = (0.0, 0.0, 100.0, 40.0)


def test_an_edge_through_a_box_counts_once_an_edge_ending_on_its_border_not_at_all():
    through = [(50.0, -50.0), (50.0, 90.0)]
    ending = [(50.0, -50.0), (50.0, 0.0)]
    zigzag = [(10.0, -10.0), (10.0, 50.0), (90.0, 50.0), (90.0, -10.0)]  # in and out twice: one box, once
    assert through_count([BOX], [through]) == 1
    assert through_count([BOX], [ending]) == 0
    assert through_count([BOX], [zigzag]) == 1


def test_a_graze_along_the_border_is_not_through():
    assert through_count([BOX], [[(-10.0, 2.0), (110.0, 2.0)]]) == 0  # within the 4 px border allowance


def test_crossings_count_pairs_of_edges_and_ignore_touching_ends():
    a = [(0.0, 0.0), (100.0, 100.0)]
    b = [(0.0, 100.0), (100.0, 0.0)]
    c = [(0.0, 100.0), (50.0, 50.0), (100.0, 0.0)]  # bends exactly on a: no piece crosses a properly
    leg1, leg2 = [(0.0, 0.0), (50.0, 50.0)], [(100.0, 0.0), (50.0, 50.0)]  # meet at a junction
    assert crossing_count([a, b]) == 1
    assert crossing_count([leg1, leg2]) == 0
    assert crossing_count([a, b, [(0.0, 50.0), (100.0, 50.0)]]) == 3
    assert crossing_count([[(0.0, 10.0), (30.0, 10.0)], [(40.0, 0.0), (40.0, 20.0)]]) == 0
    assert crossing_count([a, c]) == 0  # as ../shared/tools/picture_quality.py counts it too


def test_overlaps_need_more_than_two_pixels_both_ways():
    assert overlap_count([BOX, (99.0, 0.0, 200.0, 40.0)]) == 0
    assert overlap_count([BOX, (90.0, 10.0, 200.0, 40.0)]) == 1
    q = picture_quality({"a": BOX, "b": (90.0, 10.0, 200.0, 40.0)}, [])
    assert q.as_dict() == {"through": 0, "crossings": 0, "overlaps": 1}


coord = st.floats(-300, 300, allow_nan=False).map(lambda v: round(v, 1))
point = st.tuples(coord, coord)
line = st.lists(point, min_size=2, max_size=4)
rect = st.tuples(coord, coord, st.floats(10, 200), st.floats(10, 120)).map(
    lambda r: (r[0], r[1], r[0] + r[2], r[1] + r[3]))


@settings(max_examples=200, deadline=None)
@given(st.lists(rect, max_size=8), st.lists(line, max_size=8))
def test_the_grid_finds_what_brute_force_finds(rects, lines):
    inner = [(x0 + 4, y0 + 4, x1 - 4, y1 - 4) for x0, y0, x1, y1 in rects]
    through = sum(1 for ln in lines for r in inner
                  if any(segment_run_inside(p, q, r) > 2 for p, q in zip(ln, ln[1:])))

    def touch(p, q, r, s):
        return any(abs(u[0] - v[0]) < 3 and abs(u[1] - v[1]) < 3 for u in (p, q) for v in (r, s))

    crossings = sum(1 for i in range(len(lines)) for j in range(i + 1, len(lines))
                    if any(not touch(p, q, r, s) and segments_cross(p, q, r, s)
                           for p, q in zip(lines[i], lines[i][1:]) for r, s in zip(lines[j], lines[j][1:])))
    overlaps = sum(1 for i in range(len(rects)) for j in range(i + 1, len(rects))
                   if min(rects[i][2], rects[j][2]) - max(rects[i][0], rects[j][0]) > 2
                   and min(rects[i][3], rects[j][3]) - max(rects[i][1], rects[j][1]) > 2)
    assert picture_quality(rects, lines).as_dict() == {"through": through, "crossings": crossings,
                                                       "overlaps": overlaps}


@settings(max_examples=100, deadline=None)
@given(st.lists(line, min_size=1, max_size=8), st.lists(st.tuples(st.integers(0, 9), st.none() | line), max_size=6))
def test_the_crossing_counter_follows_replaced_lines(lines, changes):
    from argmap.layout.quality import CrossingCounter

    current = dict(enumerate(lines))
    counter = CrossingCounter(current)
    assert counter.total == crossing_count(list(current.values()))
    for key, new in changes:
        counter.replace({key: new})
        if new is None:
            current.pop(key, None)
        else:
            current[key] = new
        assert counter.total == crossing_count([current[k] for k in sorted(current)])


@settings(max_examples=150, deadline=None)
@given(st.lists(rect, max_size=40), st.floats(1, 900))
def test_overlaps_bucketed_by_centre_are_those_of_every_pair(rects, big):
    """Cells as large as the largest side: a big box among small ones, and boxes far apart, change nothing."""
    rects = rects + [(0.0, 0.0, big, 30.0)]
    brute = sum(1 for i in range(len(rects)) for j in range(i + 1, len(rects))
                if min(rects[i][2], rects[j][2]) - max(rects[i][0], rects[j][0]) > 2
                and min(rects[i][3], rects[j][3]) - max(rects[i][1], rects[j][1]) > 2)
    assert overlap_count(rects) == brute
