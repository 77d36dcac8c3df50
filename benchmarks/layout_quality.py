"""Layout quality and speed: dot against the fast tidy-tree engine (prints a table, asserts nothing).

Run from the repository root::

    python benchmarks/layout_quality.py [--dot-max 5000] [--sizes 100,1000,5000,10000]

Rows: the Argdown examples of ``../shared/corpora`` (skipped with a note when
the corpus or the Argdown reader is missing), the largest QT30 AIF map, and
``argument_like(n)`` synthetic maps. Box sizes are a fixed estimate, not Qt
text metrics: width 240 px, height 30 px + 18 px per line of 34 characters
(1 to 12 lines). With ``--igraph`` (python-igraph installed), its
``layout_sugiyama`` is measured too, as the candidate library (boxes on a
uniform grid).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from argmap.layout import crossings, overlaps
from argmap.layout.dot import dot_layout
from argmap.layout.graph import build_graph
from argmap.layout.tidy import tidy_layout
from argmap.model import Position
from argmap.model.synth import argument_like

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def estimated_sizes(amap) -> dict:
    """Width 240 px; height 30 px + 18 px per line of 34 characters (1 to 12 lines)."""
    return {s.id: (240.0, 30.0 + 18.0 * min(12, max(1, math.ceil(len(s.text) / 34))))
            for s in amap.statements.values()}


def run_engine(engine, amap, sizes) -> tuple[float, dict]:
    start = time.perf_counter()
    centres = engine(amap, sizes)
    return time.perf_counter() - start, {k: Position(*centres[k]) for k in amap.statements}


def ours(layout):
    return lambda amap, sizes: layout(build_graph(amap, sizes))


def igraph_sugiyama(amap, sizes):
    """Candidate library: igraph's Sugiyama layout, boxes on a uniform grid."""
    import igraph

    graph = build_graph(amap, sizes)
    index = {n: i for i, n in enumerate(graph.size)}
    g = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()], directed=True)
    coords = g.layout_sugiyama().coords[: len(index)]
    width = max((w for w, _ in sizes.values()), default=240.0) + 24
    height = max((h for _, h in sizes.values()), default=80.0) + 60
    return {n: (coords[i][0] * width, coords[i][1] * height) for n, i in index.items()}


def row(name, amap, engine_name, engine) -> str:
    sizes = estimated_sizes(amap)
    seconds, pos = run_engine(engine, amap, sizes)
    xs = [p.x for p in pos.values()] or [0.0]
    ys = [p.y for p in pos.values()] or [0.0]
    extent = f"{max(xs) - min(xs):,.0f} × {max(ys) - min(ys):,.0f}"
    return (f"| {name} | {len(amap.statements):,} | {engine_name} | {seconds * 1000:,.1f} | "
            f"{crossings(amap, pos, sizes):,} | {overlaps(pos, sizes):,} | {extent} |")


def engines(n: int, dot_max: int, with_igraph: bool) -> list:
    out = [("fast", ours(tidy_layout))]
    if n <= dot_max:
        out.insert(0, ("dot", ours(dot_layout)))
    if with_igraph:
        out.append(("igraph sugiyama", igraph_sugiyama))
    return out


def corpus_maps() -> tuple[list, list[str]]:
    notes, maps = [], []
    if not CORPORA.exists():
        return maps, [f"{CORPORA} is absent: corpus rows skipped"]
    try:
        from argmap.formats import read_file
    except ImportError as exc:
        return maps, [f"argmap.formats is not importable ({exc}): corpus rows skipped"]
    files = sorted((CORPORA / "argdown/christianvoigt-argdown/examples").glob("*.argdown"))
    files.append(CORPORA / "aif/qt30/nodeset25445.json")
    for path in files:
        try:
            maps.append((path.name, read_file(path, warnings=[])))
        except Exception as exc:  # a reader still being written must not stop the benchmark
            notes.append(f"{path.name}: not readable yet ({type(exc).__name__}: {exc})")
    return maps, notes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dot-max", type=int, default=5000, help="largest synthetic map given to dot")
    parser.add_argument("--sizes", default="100,1000,5000,10000", help="synthetic map sizes")
    parser.add_argument("--igraph", action="store_true", help="also measure python-igraph's layout_sugiyama")
    args = parser.parse_args(argv)
    if args.igraph:
        try:
            import igraph  # noqa: F401
        except ImportError:
            parser.error("--igraph needs python-igraph: pip install igraph")
    print("| map | statements | engine | ms | crossings | overlaps | extent (px) |")
    print("|---|---:|---|---:|---:|---:|---|")
    maps, notes = corpus_maps()
    for name, amap in maps:
        for engine_name, engine in engines(len(amap.statements), args.dot_max, args.igraph):
            print(row(name, amap, engine_name, engine), flush=True)
    for n in (int(s) for s in args.sizes.split(",")):
        amap = argument_like(n, seed=1)
        for engine_name, engine in engines(n, args.dot_max, args.igraph):
            print(row(f"argument_like({n}, seed=1)", amap, engine_name, engine), flush=True)
    for note in notes:
        print(f"\nnote: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
