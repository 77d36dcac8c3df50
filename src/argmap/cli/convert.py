"""``argmap convert IN -o OUT``: a map from one format to another (formats from the extensions)."""

from __future__ import annotations

from argmap.cli.common import EXIT_BAD, EXIT_OK, say, say_unwritten


def add_parser(sub) -> None:
    convert = sub.add_parser("convert", help="convert a map between formats")
    convert.add_argument("input", metavar="IN")
    convert.add_argument("-o", "--output", required=True, metavar="OUT")
    convert.add_argument("--from", dest="from_format", default=None)
    convert.add_argument("--to", dest="to_format", default=None)


def run(args, exit_when_done: bool = False) -> int:
    return run_convert(args.input, args.output, args.from_format, args.to_format)


def run_convert(source: str, target: str, from_format: str | None, to_format: str | None) -> int:
    """Convert between formats; losses are reported on stderr."""
    from argmap.formats import read_file, write_file
    from argmap.model import FormatError

    warnings: list[str] = []
    try:
        amap = read_file(source, from_format, warnings=warnings)
        write_file(amap, target, to_format, warnings=warnings, backup=False)
    except FormatError as exc:
        say("convert", str(exc))
        return EXIT_BAD
    except OSError as exc:
        say_unwritten("convert", target, exc)
        return EXIT_BAD
    for line in warnings:
        say("convert", f"warning: {line}")
    return EXIT_OK
