"""``argmap export FILE -o OUT.png|svg|pdf``: an image of the map, without a display, and what it is worth.

After writing, it prints edges through boxes, crossings, overlapping boxes
and the smallest printed text size (``--format json``: one JSON object).

PNG defaults to 300 dpi, as in the app: a PNG goes into reports, and one
at 300 dpi prints sharp at the size it is placed (its pHYs says 300 dpi,
so word processors place it at the same physical size as a 96 dpi one).
When the default would break the pixel limit (a very big map), the CLI
lowers it to the largest resolution allowed and says so; a ``--dpi`` given
on the command line is kept exactly (or refused).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, replace
from pathlib import Path

from argmap.cli.common import EXIT_BAD, EXIT_OK, leave_now, positive_float, positive_int, read_map, say


def add_parser(sub) -> None:
    export = sub.add_parser("export", help="export a map as PNG, SVG or PDF")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--dpi", type=positive_int("--dpi", 24, 1200), default=None,
                        help="PNG resolution (default 300)")
    export.add_argument("--scale", type=positive_float("--scale"), default=None)
    export.add_argument("--background", default="white")
    export.add_argument("--theme", choices=("screen", "print", "light", "dark"), default="screen")
    export.add_argument("--layout", choices=("keep", "auto"), default="keep")
    export.add_argument("--legend", action="store_true")
    export.add_argument("--no-badges", action="store_true")
    export.add_argument("--margin", type=positive_int("--margin", 0, 2000), default=24)
    export.add_argument("--page", choices=("fit", "A4", "Letter", "A3"), default=None,
                        help="PDF paper: legible on it, split over pages by branch when needed")
    export.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto")
    export.add_argument("--width", metavar="LENGTH", default=None,
                        help="printed width of a PNG or SVG, e.g. 16cm, 160mm, 6.3in, 1800px")
    export.add_argument("--height", metavar="LENGTH", default=None,
                        help="greatest height of each part with --split (default 1.414 x the width)")
    split = export.add_mutually_exclusive_group()
    split.add_argument("--split", action="store_true",
                       help="split into legible numbered files (PNG, SVG) when the text would be too small")
    split.add_argument("--one-page", action="store_true",
                       help="one page or picture, however small its text")
    export.add_argument("--format", choices=("text", "json"), default="text", help="how the report is printed")
    export.add_argument("--quiet", action="store_true", help="print nothing but errors")
    export.add_argument("--comments", action="store_true",
                        help="open review comments as numbered call-outs, listed under the map")


def run(args, exit_when_done: bool = False) -> int:
    from argmap.gcpause import paused_gc

    # An export makes a few million small objects (boxes, routes, text runs, the document) and
    # almost no cyclic garbage; without the pause the collector walks them again and again,
    # which cost a fifth of the time at 5,000 statements (the peak memory is the same).
    with paused_gc(freeze=True):
        status = run_export(args, second_core=exit_when_done)
    if exit_when_done:
        leave_now(status)  # every file is written and the report is out
    return status


def _fail(out: Path, message: str) -> int:
    say("export", f"{out}: {message}")
    return EXIT_BAD


def run_export(args, second_core: bool = False) -> int:
    """Render a map to PNG, SVG or PDF without a display; print its report.

    With ``second_core`` (the command is the whole process), the map is
    checked in a forked child while Qt starts, and the finished picture is
    measured in another while the file is written (:mod:`argmap.cli.background`):
    the same report and files, in less time.
    """
    out = Path(args.output)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        return _fail(out, "the output must end in .png, .svg or .pdf")
    if args.dpi is not None and args.scale is not None:
        say("export", "give --dpi or --scale, not both")
        return EXIT_BAD
    amap = read_map("export", args.file, warn=False)
    if amap is None:
        return EXIT_BAD
    from argmap.cli.background import Forked

    checked = None if args.no_badges else Forked(_check, amap, fork=second_core, send=_report_json,
                                                   receive=_report_back)
    from argmap.app import ensure_gui_app

    ensure_gui_app(headless=True)
    from argmap.render import PRINT_DPI, ExportError, ExportOptions, SmallTextError
    from argmap.render.export import check_legible, plan_export, settle_format, write_plan
    from argmap.render.export_report import export_report

    theme = {"light": "screen", "dark": "dark"}.get(args.theme, args.theme)
    options = ExportOptions(fmt=fmt, dpi=args.dpi or PRINT_DPI, scale=args.scale, background=args.background,
                            theme=theme, layout=args.layout, legend=args.legend, badges=not args.no_badges,
                            margin=args.margin, page=None if args.page in (None, "fit") else args.page,
                            orientation=args.orientation, width=args.width, height=args.height,
                            split="split" if args.split else "one" if args.one_page else "auto",
                            comments=args.comments)
    report = None if checked is None else checked.result()
    try:
        options = settle_format(options, out)
        plan = plan_export(amap, options, report)
        if fmt == "png" and args.dpi is None and args.scale is None:
            plan = _within_pixel_limit(plan, amap, report)
        check_legible(plan, amap, report)
        quality = None if args.quiet else Forked(export_report, plan, fork=second_core, send=asdict,
                                                 receive=_export_report_back)
        written = write_plan(plan, out)
    except SmallTextError as exc:
        return _fail(out, _small_text_advice(exc, out))
    except (ExportError, OSError) as exc:
        return _fail(out, str(exc))
    if quality is not None:
        _print_report(quality.result(), written, plan, args.format)
    return EXIT_OK


def _check(amap):
    from argmap.analysis import check_map

    return check_map(amap)


def _report_json(report) -> dict:
    return report.to_json("")


def _report_back(data: dict):
    from argmap.analysis.report import Report

    return Report.from_json(data)


def _export_report_back(fields: dict):
    from argmap.render.export_report import ExportReport

    return ExportReport(**fields)


def _within_pixel_limit(plan, amap, report):
    """The plan at the default 300 dpi, or at the largest dpi the pixel limit allows (said on stderr)."""
    from argmap.render.export import plan_export
    from argmap.render.png import MAX_SIDE, png_pixel_size

    options = plan.options
    worst = 1.0
    for sheet in plan.sheets:
        w, h = png_pixel_size(sheet, options)
        worst = min(worst, math.sqrt(options.max_megapixels * 1e6 / (w * h)), MAX_SIDE / max(w, h))
    if worst >= 1.0:
        return plan
    dpi = max(24, math.floor(options.dpi * worst))
    say("export", f"note: at {options.dpi:g} dpi the PNG would be over the pixel limit; writing it at "
                  f"{dpi} dpi (give --dpi to choose, or export SVG or PDF)")
    return plan_export(amap, replace(options, dpi=dpi), report)


def _small_text_advice(exc, out: Path) -> str:
    from argmap.render.export import numbered_paths

    if not exc.parts:
        return f"{exc}; no split makes it legible at this width: give a larger --width, or add --one-page"
    parts = numbered_paths(out, exc.parts)
    names = f"{parts[0].name} … {parts[-1].name}"
    return (f"{exc}: add --split to write {exc.parts} legible files ({names}), give a larger --width, "
            f"or add --one-page to write one picture anyway")


def _print_report(report, written, plan, fmt: str) -> None:
    if fmt == "json":
        data = {"files": [str(p) for p in written], "format": plan.options.fmt, "split": plan.split,
                **report.as_dict()}
        print(json.dumps(data, ensure_ascii=False))
        return
    names = ", ".join(str(p) for p in written[:3]) + (f" … ({len(written)} files)" if len(written) > 3 else "")
    pages = f" ({report.pages} pages)" if plan.options.fmt == "pdf" and report.pages > 1 else ""
    print(f"wrote {names}{pages}")
    for line in report.lines():
        print(f"  {line}")
