"""The ``argmap`` command: the desktop app, and headless sub-commands (SPEC §4).

``argmap`` opens the app on the bundled article map, ``argmap FILE`` opens
FILE. ``check``, ``export``, ``convert``, ``draft``, ``diff`` and ``merge`` run
without a display; ``check`` and ``--version`` never import Qt (and
``--version`` not even NetworkX), so they start fast.

Exit status: 0 when nothing at or above ``--fail-on`` was found, 1 when
something was, 2 when a file could not be read or the command line is wrong
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import importlib
import sys

from argmap import __version__
from argmap.cli.common import EXIT_BAD, EXIT_OK, Parser, UsageError

SUBCOMMANDS = ("check", "export", "convert", "draft", "diff", "merge")
"""Each is a module ``argmap.cli.<name>`` with ``add_parser(subparsers)`` and ``run(args, exit_when_done)``."""


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
    except BrokenPipeError:  # the reader of our output went away (``| head``): say nothing more
        _quiet_stdout()
        return EXIT_PIPE
    from argmap.app import main as app_main

    return app_main(argv)


EXIT_PIPE = 141
"""The status of a command whose reader closed its pipe early, as a shell reports SIGPIPE (128 + 13)."""


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test's capture): nothing to silence
        pass


def _top_help() -> str:
    return (f"argmap {__version__}: map an argument, check it for unsupported conclusions, export images.\n\n"
            "usage:\n"
            "  argmap                 open the app on the bundled map of the article\n"
            "  argmap FILE            open FILE in the app\n"
            "  argmap check FILE... [--format text|json] [--fail-on error|warning|never]\n"
            "  argmap export FILE -o OUT.(png|svg|pdf) [--dpi N] [--scale X] [--background transparent|white|COLOR]\n"
            "                       [--theme screen|print] [--layout keep|auto] [--legend] [--page A4|Letter|A3]\n"
            "                       [--width 16cm [--split|--one-page]] [--format text|json]   (prints its report)\n"
            "  argmap convert IN -o OUT [--from FORMAT] [--to FORMAT]\n"
            "  argmap draft TEXT -o OUT.argmap [--title T]   propose a first draft of the map from a text\n"
            "  argmap diff OLD NEW [--format text|json] [--ignore-layout]\n"
            "  argmap merge BASE OURS THEIRS -o OUT   (also a git merge driver: argmap merge %O %A %B -o %A)\n"
            "  argmap --version\n\n"
            "Run 'argmap COMMAND --help' for the options of a command.")


def _run_subcommand(argv: list[str], exit_when_done: bool = False) -> int:
    parser = Parser(prog="argmap", add_help=True)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    modules = {name: importlib.import_module(f"argmap.cli.{name}") for name in SUBCOMMANDS}
    for module in modules.values():
        module.add_parser(sub)
    args = parser.parse_args(argv)
    return modules[args.command].run(args, exit_when_done)
