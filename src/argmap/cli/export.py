"""``argmap export FILE -o OUT.png|svg|pdf``: an image of the map, without a display."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.common import EXIT_BAD, EXIT_OK, positive_float, positive_int


def add_parser(sub) -> None:
    export = sub.add_parser("export", help="export a map as PNG, SVG or PDF")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--dpi", type=positive_int("--dpi", 24, 1200), default=None)
    export.add_argument("--scale", type=positive_float("--scale"), default=None)
    export.add_argument("--background", default="white")
    export.add_argument("--theme", choices=("screen", "print", "light", "dark"), default="screen")
    export.add_argument("--layout", choices=("keep", "auto"), default="keep")
    export.add_argument("--legend", action="store_true")
    export.add_argument("--no-badges", action="store_true")
    export.add_argument("--margin", type=positive_int("--margin", 0, 2000), default=24)
    export.add_argument("--page", choices=("fit", "A4", "Letter", "A3"), default=None)
    export.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto")
    export.add_argument("--comments", action="store_true",
                        help="open review comments as numbered call-outs, listed under the map")


def run(args, exit_when_done: bool = False) -> int:
    return run_export(args)


def run_export(args) -> int:
    """Render a map to PNG, SVG or PDF without a display."""
    from argmap.formats import read_file
    from argmap.model import FormatError

    out = Path(args.output)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        print(f"argmap export: {out}: the output must end in .png, .svg or .pdf", file=sys.stderr)
        return EXIT_BAD
    if args.dpi is not None and args.scale is not None:
        print("argmap export: give --dpi or --scale, not both", file=sys.stderr)
        return EXIT_BAD
    try:
        amap = read_file(args.file)
    except FormatError as exc:
        print(f"argmap export: {exc}", file=sys.stderr)
        return EXIT_BAD
    from argmap.app import ensure_gui_app

    ensure_gui_app(headless=True)
    from argmap.render import ExportError, ExportOptions, export_map

    theme = {"light": "screen", "dark": "dark"}.get(args.theme, args.theme)
    options = ExportOptions(fmt=fmt, dpi=args.dpi or 96, scale=args.scale, background=args.background,
                            theme=theme, layout=args.layout, legend=args.legend, badges=not args.no_badges,
                            margin=args.margin, page=None if args.page in (None, "fit") else args.page,
                            orientation=args.orientation, comments=args.comments)
    try:
        export_map(amap, out, options)
    except (ExportError, OSError) as exc:
        print(f"argmap export: {out}: {exc}", file=sys.stderr)
        return EXIT_BAD
    return EXIT_OK


