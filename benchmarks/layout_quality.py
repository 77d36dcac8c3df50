"""Picture quality and speed of our layout + routing against Graphviz ``dot`` (prints tables, asserts nothing).

Run from the repository root::

    python benchmarks/layout_quality.py [--quick] [--sizes 1000,5000,10000] [--graphviz-routing]

Table 1, per map: the bundled map (saved layout and ``--layout auto``), each
Argdown example of ``../shared/corpora`` and the AIF corpora (summed, with
counts). *Ours* is what argmap draws: boxes measured with the real fonts
(light theme), positions from the file or from ``auto_layout``, every edge
routed by ``layout.edges.EdgeRouter``. *dot* is Graphviz's own drawing of
our DOT export (``argmap convert MAP -o m.dot``, then ``dot``): boxes and
spline control points read from its layout. Both are measured by the same
code, ``layout.quality.picture_quality`` (Bézier curves cut into 8 pieces).
Times: ours is layout + routing, dot is its layout call.

Table 2: synthetic maps (``argument_like``): layout and routing time, and
the cost of re-routing after one box moves (``EdgeRouter.move``).

Table 3 (``--graphviz-routing``, slow): Graphviz routing edges for fixed
positions (``neato`` with pinned nodes, ``splines=ortho|polyline|true``)
against our router, on the same boxes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pygraphviz  # noqa: E402

from argmap.app import ensure_gui_app  # noqa: E402
from argmap.formats import read_file  # noqa: E402
from argmap.formats.dot import dumps as dot_dumps  # noqa: E402
from argmap.layout import auto_layout  # noqa: E402
from argmap.layout.dot_picture import dot_picture_quality, spline_line  # noqa: E402
from argmap.layout.edges import EdgeRouter  # noqa: E402
from argmap.layout.quality import picture_quality  # noqa: E402
from argmap.model.synth import argument_like  # noqa: E402
from argmap.render import measure_all, theme_named  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
BUNDLED = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"
AIF = ("aif/araucaria", "aif/qt30", "aif/microtexts")


def rects_of(amap, sizes, positions) -> dict:
    out = {}
    for sid in amap.statements:
        w, h = sizes[sid]
        p = positions[sid]
        out[sid] = (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
    return out


def ours(amap, sizes, layout: str):
    """(quality, seconds) of argmap's drawing: saved positions or auto layout, routed edges."""
    start = time.perf_counter()
    if layout == "auto":
        positions = auto_layout(amap, sizes)
    else:
        positions = {sid: s.position for sid, s in amap.statements.items()}
    rects = rects_of(amap, sizes, positions)
    lines = EdgeRouter(amap, rects).lines()
    seconds = time.perf_counter() - start
    return picture_quality(rects, lines), seconds


def dot_drawing(amap):
    """(quality, seconds) of Graphviz dot's drawing of our DOT export."""
    return dot_picture_quality(dot_dumps(amap))


def quality_cell(q) -> str:
    return f"{q.through} / {q.crossings} / {q.overlaps}"


def corpus_files(quick: bool) -> list[tuple[str, list[Path]]]:
    groups = []
    examples = sorted((CORPORA / "argdown/christianvoigt-argdown/examples").glob("*.argdown"))
    groups += [(p.name, [p]) for p in examples]
    for folder in AIF:
        files = sorted((CORPORA / folder).glob("*.json"))
        if quick:
            files = files[:40]
        if files:
            groups.append((f"{folder} ({len(files)} maps)", files))
    return groups


def table_quality(quick: bool) -> None:
    theme = theme_named("light")
    print("| map | statements | ours: through / crossings / overlaps | dot: through / crossings / overlaps "
          "| ours ms | dot ms |")
    print("|---|---:|---|---|---:|---:|")
    amap = read_file(BUNDLED)
    sizes = measure_all(amap, theme)
    dq, dt = dot_drawing(amap)
    for layout in ("saved", "auto"):
        q, t = ours(amap, sizes, layout)
        print(f"| bundled map, {layout} | {len(amap.statements)} | {quality_cell(q)} | {quality_cell(dq)} "
              f"| {t * 1000:.0f} | {dt * 1000:.0f} |", flush=True)
    if not CORPORA.exists():
        print(f"\nnote: {CORPORA} is absent: corpus rows skipped")
        return
    total = {"ours": [0, 0, 0], "dot": [0, 0, 0], "n": 0, "maps": 0}
    for name, files in corpus_files(quick):
        sums = {"ours": [0, 0, 0], "dot": [0, 0, 0]}
        n = 0
        t_ours = t_dot = 0.0
        for path in files:
            try:
                amap = read_file(path, warnings=[])
            except Exception as exc:  # noqa: BLE001 - an unreadable corpus file is reported, not fatal
                print(f"note: {path.name} is not readable: {type(exc).__name__}: {exc}")
                continue
            if not amap.statements:
                continue
            sizes = measure_all(amap, theme)
            q, t = ours(amap, sizes, "auto")
            d, td = dot_drawing(amap)
            for key, got in (("ours", q), ("dot", d)):
                sums[key] = [a + b for a, b in zip(sums[key], (got.through, got.crossings, got.overlaps))]
            n += len(amap.statements)
            t_ours += t
            t_dot += td
            total["maps"] += 1
        total["n"] += n
        for key in ("ours", "dot"):
            total[key] = [a + b for a, b in zip(total[key], sums[key])]
        print(f"| {name} | {n:,} | {' / '.join(map(str, sums['ours']))} | {' / '.join(map(str, sums['dot']))} "
              f"| {t_ours * 1000:,.0f} | {t_dot * 1000:,.0f} |", flush=True)
    print(f"| **all corpus maps ({total['maps']})** | {total['n']:,} | **{' / '.join(map(str, total['ours']))}** "
          f"| **{' / '.join(map(str, total['dot']))}** | | |")


def table_scale(sizes_text: str) -> None:
    theme = theme_named("light")
    print("\n| statements | layout ms | routing ms | curved edges | through / crossings / overlaps "
          "| one move: median ms (max) |")
    print("|---:|---:|---:|---:|---|---|")
    for n in (int(s) for s in sizes_text.split(",")):
        amap = argument_like(n, seed=1)
        sizes = measure_all(amap, theme)
        start = time.perf_counter()
        positions = auto_layout(amap, sizes)
        laid = time.perf_counter() - start
        rects = rects_of(amap, sizes, positions)
        start = time.perf_counter()
        router = EdgeRouter(amap, rects)
        routed = time.perf_counter() - start
        q = picture_quality(rects, router.lines())
        curved = sum(r.curved for r in router.routes.values())
        moves = []
        for k, sid in enumerate(list(rects)[:: max(1, n // 50)]):
            x0, y0, x1, y1 = rects[sid]
            dx = 37.0 if k % 2 else -41.0
            start = time.perf_counter()
            router.move({sid: (x0 + dx, y0 + 13.0, x1 + dx, y1 + 13.0)})
            moves.append(time.perf_counter() - start)
            router.move({sid: rects[sid]})
        print(f"| {n:,} | {laid * 1000:,.0f} | {routed * 1000:,.0f} | {curved:,} of {len(router.routes):,} "
              f"| {quality_cell(q)} | {statistics.median(moves) * 1000:.2f} ({max(moves) * 1000:.1f}) |", flush=True)


def graphviz_routes(rects: dict, junctions: dict, pieces: list, splines: str):
    """Graphviz routing the same edges between the same pinned boxes: (quality, seconds)."""
    lines = [f"digraph {{ graph [splines={splines}, inputscale=72]; node [shape=box, fixedsize=true, label=\"\"];"]
    names = {}
    for k, (sid, (x0, y0, x1, y1)) in enumerate(rects.items()):
        names[sid] = f"b{k}"
        lines.append(f"b{k} [pos=\"{(x0 + x1) / 2:.2f},{-(y0 + y1) / 2:.2f}!\", width={(x1 - x0) / 72:.4f}, "
                     f"height={(y1 - y0) / 72:.4f}];")
    for k, (jid, (x, y)) in enumerate(junctions.items()):
        names[jid] = f"j{k}"
        lines.append(f"j{k} [shape=point, width=0.05, pos=\"{x:.2f},{-y:.2f}!\"];")
    lines += [f"{names[p.src]} -> {names[p.dst]};" for p in pieces] + ["}"]
    graph = pygraphviz.AGraph(string="\n".join(lines))
    start = time.perf_counter()
    graph.layout(prog="neato")
    seconds = time.perf_counter() - start
    boxes = []
    for sid, (x0, y0, x1, y1) in rects.items():
        x, y = (float(v) for v in graph.get_node(names[sid]).attr["pos"].split(","))
        boxes.append((x - (x1 - x0) / 2, y - (y1 - y0) / 2, x + (x1 - x0) / 2, y + (y1 - y0) / 2))
    return picture_quality(boxes, [spline_line(e.attr["pos"]) for e in graph.edges() if e.attr.get("pos")]), seconds


def table_graphviz_routing() -> None:
    theme = theme_named("light")
    print("\n| boxes | router | through / crossings / overlaps | seconds |")
    print("|---|---|---|---:|")
    bundled = read_file(BUNDLED)
    cases = [("bundled map, saved", bundled, "saved"), ("bundled map, auto", bundled, "auto")]
    cases += [(f"argument_like({n}), auto", argument_like(n, seed=1), "auto") for n in (150, 300)]
    for name, amap, layout in cases:
        sizes = measure_all(amap, theme)
        positions = auto_layout(amap, sizes) if layout == "auto" else {s: v.position for s, v in
                                                                        amap.statements.items()}
        rects = rects_of(amap, sizes, positions)
        start = time.perf_counter()
        router = EdgeRouter(amap, rects)
        seconds = time.perf_counter() - start
        print(f"| {name} | ours | {quality_cell(picture_quality(rects, router.lines()))} | {seconds:.3f} |", flush=True)
        pieces = [p for e in router.elements() for p, _ in router.pieces(e)]
        for splines in ("ortho", "polyline", "true"):
            if splines != "ortho" and len(rects) > 150:
                print(f"| {name} | neato splines={splines} | not run (took 19 s at 300 boxes) | |")
                continue
            q, t = graphviz_routes(rects, router.junctions, pieces, splines)
            print(f"| {name} | neato splines={splines} | {quality_cell(q)} | {t:.3f} |", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the first 40 maps of each AIF corpus")
    parser.add_argument("--sizes", default="1000,5000,10000", help="synthetic map sizes for table 2")
    parser.add_argument("--graphviz-routing", action="store_true", help="also table 3 (slow)")
    args = parser.parse_args(argv)
    ensure_gui_app()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    table_quality(args.quick)
    if args.sizes:
        table_scale(args.sizes)
    if args.graphviz_routing:
        table_graphviz_routing()
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
