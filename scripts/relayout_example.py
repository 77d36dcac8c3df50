"""Give a map a saved layout that meets the picture bar, and print the figures.

The bar (issue 11): no edge through a box, no overlapping boxes, and no more
edge crossings than Graphviz ``dot``'s own drawing of our DOT export. The
map is laid out with ``auto_layout`` on boxes measured with the real fonts
(the light theme, which exports use by default); the routed drawing and dot's
drawing are measured by the same code (``layout.quality``). Only positions
change: no text, kind or relation. Run from the repository root::

    python scripts/relayout_example.py [MAP] [--check]

``MAP`` defaults to ``resources/examples/shot-by-both-sides.argmap``.
``--check`` writes nothing and exits 1 when the saved layout misses the bar
(what the tests check too). Without it the new layout is written only when
it meets the bar and has fewer crossings than the saved one (or the saved
one misses the bar).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


def saved_quality(amap, sizes):
    """Quality of ``amap`` drawn at its saved positions with routed edges."""
    from argmap.layout.edges import routed_quality

    rects = {}
    for sid, st in amap.statements.items():
        w, h = sizes[sid]
        rects[sid] = (st.position.x - w / 2, st.position.y - h / 2, st.position.x + w / 2, st.position.y + h / 2)
    return routed_quality(amap, rects)


def meets_bar(ours, dot) -> bool:
    return ours.through == 0 and ours.overlaps == 0 and ours.crossings <= dot.crossings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=str(DEFAULT))
    parser.add_argument("--check", action="store_true", help="only measure; exit 1 if the bar is missed")
    args = parser.parse_args(argv)

    from argmap.app import ensure_gui_app
    from argmap.formats import read_file, write_file
    from argmap.formats.dot import dumps
    from argmap.layout import auto_layout
    from argmap.layout.dot_picture import dot_picture_quality
    from argmap.render import measure_all, theme_named

    ensure_gui_app()
    amap = read_file(args.map)
    sizes = measure_all(amap, theme_named("light"))
    dot, _ = dot_picture_quality(dumps(amap))
    placed = all(s.position is not None for s in amap.statements.values())
    before = saved_quality(amap, sizes) if placed else None
    print(f"Graphviz dot's drawing of the DOT export: {dot.through} through, {dot.crossings} crossings, "
          f"{dot.overlaps} overlaps")
    if before is not None:
        print(f"saved layout now: {before.through} through, {before.crossings} crossings, {before.overlaps} overlaps")
    if args.check:
        return 0 if before is not None and meets_bar(before, dot) else 1
    amap.move(auto_layout(amap, sizes))
    after = saved_quality(amap, sizes)
    print(f"new saved layout: {after.through} through, {after.crossings} crossings, {after.overlaps} overlaps")
    if not meets_bar(after, dot):
        print("the new layout misses the bar too: file left as it was", file=sys.stderr)
        return 1
    if before is not None and meets_bar(before, dot) and before.crossings <= after.crossings:
        print("the saved layout is as good or better: file left as it was")
        return 0
    write_file(amap, args.map, backup=False)
    print(f"wrote {args.map}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
