"""The ``argmap`` command: the desktop app, and headless sub-commands (SPEC §4).

``argmap`` opens the app on the bundled article map, ``argmap FILE`` opens
FILE. ``check``, ``export`` and ``convert`` run without a display; ``check``
and ``--version`` never import Qt (and ``--version`` not even NetworkX), so
they start fast.

Exit status: 0 when nothing at or above ``--fail-on`` was found, 1 when
something was, 2 when a file could not be read or the command line is wrong
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from argmap import __version__

SUBCOMMANDS = ("check", "export", "convert")
EXIT_OK, EXIT_FOUND, EXIT_BAD = 0, 1, 2
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


class UsageError(Exception):
    """A wrong command line (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser that reports mistakes in one line, without usage noise."""

    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Called without ``argv`` it is the program itself (the ``argmap`` script,
    ``python -m argmap``): then ``check`` ends the process with
    :func:`os._exit` once its output is flushed, instead of returning.
    Freeing the objects of a 100,000-statement map one by one takes longer
    than writing the report and would change nothing.
    """
    exit_when_done = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return _run_subcommand(argv, exit_when_done)
        if argv and argv[0] in ("--version", "-V"):
            print(f"argmap {__version__}")
            return EXIT_OK
        if argv and argv[0] in ("-h", "--help"):
            print(_top_help())
            return EXIT_OK
        if len(argv) > 1 or (argv and argv[0].startswith("-")):
            raise UsageError(f"argmap: unexpected argument(s) {' '.join(argv)!r} (see 'argmap --help')")
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD
    except KeyboardInterrupt:
        return 130
    from argmap.app import main as app_main

    return app_main(argv)


def _top_help() -> str:
    return (f"argmap {__version__}: map an argument, check it for unsupported conclusions, export images.\n\n"
            "usage:\n"
            "  argmap                 open the app on the bundled map of the article\n"
            "  argmap FILE            open FILE in the app\n"
            "  argmap check FILE... [--format text|json] [--fail-on error|warning|never]\n"
            "  argmap export FILE -o OUT.(png|svg|pdf) [--dpi N] [--scale X] [--background transparent|white|COLOR]\n"
            "                       [--theme screen|print] [--layout keep|auto] [--legend] [--page A4|Letter|A3]\n"
            "  argmap convert IN -o OUT [--from FORMAT] [--to FORMAT]\n"
            "  argmap --version\n\n"
            "Run 'argmap COMMAND --help' for the options of a command.")


def _run_subcommand(argv: list[str], exit_when_done: bool = False) -> int:
    parser = _Parser(prog="argmap", add_help=True)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="check maps and report the findings")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="error")
    export = sub.add_parser("export", help="export a map as PNG, SVG or PDF")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--dpi", type=_positive_int("--dpi", 24, 1200), default=None)
    export.add_argument("--scale", type=_positive_float("--scale"), default=None)
    export.add_argument("--background", default="white")
    export.add_argument("--theme", choices=("screen", "print", "light", "dark"), default="screen")
    export.add_argument("--layout", choices=("keep", "auto"), default="keep")
    export.add_argument("--legend", action="store_true")
    export.add_argument("--no-badges", action="store_true")
    export.add_argument("--margin", type=_positive_int("--margin", 0, 2000), default=24)
    export.add_argument("--page", choices=("fit", "A4", "Letter", "A3"), default=None)
    export.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto")
    convert = sub.add_parser("convert", help="convert a map between formats")
    convert.add_argument("input", metavar="IN")
    convert.add_argument("-o", "--output", required=True, metavar="OUT")
    convert.add_argument("--from", dest="from_format", default=None)
    convert.add_argument("--to", dest="to_format", default=None)
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.files, args.format, args.fail_on, exit_when_done)
    if args.command == "export":
        return run_export(args)
    return run_convert(args.input, args.output, args.from_format, args.to_format)


def _positive_int(flag: str, low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} takes a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{flag} must be between {low} and {high}")
        return value

    return parse


def _positive_float(flag: str):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} takes a number, not {text!r}") from None
        if not 0 < value <= 100:
            raise argparse.ArgumentTypeError(f"{flag} must be above 0 and at most 100")
        return value

    return parse


# ---------------------------------------------------------------- check
def run_check(files: list[str], fmt: str, fail_on: str, exit_when_done: bool = False) -> int:
    """Check each file; print a report per file; return the exit status.

    With ``exit_when_done`` the process ends here (see :func:`main`), while
    the last map and its report are still referenced, so nothing is freed.
    """
    from argmap.analysis import check_map
    from argmap.formats import read_file
    from argmap.gcpause import paused_gc
    from argmap.model import FormatError

    status = EXIT_OK
    for name in files:
        warnings: list[str] = []
        with paused_gc(freeze=True):
            try:
                amap = read_file(name, warnings=warnings)
            except FormatError as exc:
                print(f"argmap check: {exc}", file=sys.stderr)
                status = EXIT_BAD
                continue
            for line in warnings:
                print(f"argmap check: {name}: warning: {line}", file=sys.stderr)
            report = check_map(amap)
            if fmt == "json":
                record = report.to_json(name)  # kept until the next file: freeing it now costs time
                _write_bytes(_json_line(record))
            else:
                sys.stdout.write(format_text_report(name, amap, report))
        if status != EXIT_BAD and _fails(report, fail_on):
            status = EXIT_FOUND
    sys.stdout.flush()
    if exit_when_done:
        _leave(status)
    return status


def _leave(status: int) -> None:
    """End the process now: output flushed, no clean-up of the heap (see :func:`main`)."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (a closed pipe): nothing more can be said
        pass
    os._exit(status)


def _json_line(obj: dict) -> bytes:
    """One JSON Lines record, UTF-8."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is an optional accelerator
        return (json.dumps(obj) + "\n").encode("ascii")
    try:
        return orjson.dumps(obj) + b"\n"
    except TypeError:  # text orjson will not encode (lone surrogates): the standard library escapes it
        return (json.dumps(obj) + "\n").encode("ascii")


def _write_bytes(data: bytes) -> None:
    """Write to stdout's byte stream (no second encoding pass for megabytes of JSON)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests capturing output)
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    sys.stdout.flush()
    buffer.write(data)


def _fails(report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    limit = SEVERITY_RANK[fail_on]
    return any(n and SEVERITY_RANK[severity] <= limit for severity, n in report.summary().items())


def format_text_report(name: str, amap, report) -> str:
    """A report for people: findings grouped by severity, one line each, then a summary."""
    lines = [f"{name}: {amap.title or 'untitled map'} ({len(amap)} statements, "
             f"{len(amap.inferences)} inferences, {len(amap.conflicts)} conflicts)"]
    for severity in ("error", "warning", "info"):
        found = [d for d in report.diagnostics if d.severity == severity]
        if not found:
            continue
        lines.append(f"  {severity.upper()}S ({len(found)})" if len(found) != 1 else f"  {severity.upper()} (1)")
        for d in found:
            text = _short(amap.statements[d.target].text) if d.target in amap.statements else ""
            lines.append(f"    {d.code} {d.name} [{d.target}] \"{text}\": {d.message}")
    counts = report.summary()
    supported = len(report.supported)
    lines.append(f"  summary: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
                 f"{supported} of {len(amap)} statements supported")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------- export
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
                            orientation=args.orientation)
    try:
        export_map(amap, out, options)
    except (ExportError, OSError) as exc:
        print(f"argmap export: {out}: {exc}", file=sys.stderr)
        return EXIT_BAD
    return EXIT_OK


# ---------------------------------------------------------------- convert
def run_convert(source: str, target: str, from_format: str | None, to_format: str | None) -> int:
    """Convert between formats; losses are reported on stderr."""
    from argmap.formats import read_file, write_file
    from argmap.model import FormatError

    warnings: list[str] = []
    try:
        amap = read_file(source, from_format, warnings=warnings)
        write_file(amap, target, to_format, warnings=warnings, backup=False)
    except FormatError as exc:
        print(f"argmap convert: {exc}", file=sys.stderr)
        return EXIT_BAD
    except OSError as exc:
        print(f"argmap convert: {target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD
    for line in warnings:
        print(f"argmap convert: warning: {line}", file=sys.stderr)
    return EXIT_OK
