"""``argmap diff OLD NEW``: what changed between two maps, as a review or as JSON (SPEC §6).

Exit status as ``diff``'s: 0 when nothing differs, 1 when something does,
2 when a file cannot be read (one line on stderr).
"""

from __future__ import annotations

import json
import sys

from argmap.cli.common import EXIT_BAD, EXIT_FOUND, EXIT_OK, read_map


def add_parser(sub) -> None:
    diff = sub.add_parser("diff", help="compare two maps element by element")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--ignore-layout", action="store_true",
                      help="do not compare positions and pins (nothing is 'moved')")


def run(args, exit_when_done: bool = False) -> int:
    return run_diff(args.old, args.new, args.format, args.ignore_layout)


def run_diff(old: str, new: str, fmt: str = "text", ignore_layout: bool = False) -> int:
    """Compare two files of any readable format; print the difference; return the exit status."""
    from argmap.formats.diff import diff_maps
    from argmap.formats.diff_text import describe

    maps = []
    for name in (old, new):
        amap = read_map("diff", name, any_name=True)
        if amap is None:
            return EXIT_BAD
        maps.append(amap)
    difference = diff_maps(*maps, ignore_layout=ignore_layout)
    if fmt == "json":
        sys.stdout.write(json.dumps(difference.to_json(old, new), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(describe(difference, old, new, *maps))
    sys.stdout.flush()
    return EXIT_FOUND if difference else EXIT_OK
