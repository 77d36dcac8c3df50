"""``argmap merge BASE OURS THEIRS -o OUT``: a three-way merge of maps; a git merge driver (SPEC §6).

Exit status: 0 for a clean merge, 1 with conflicts (OUT is still a valid
map, its ``merge_conflicts`` lists them), 2 when a file cannot be read or
OUT cannot be written (OUT is then left as it was). As a git merge driver::

    git config merge.argmap.driver "argmap merge %O %A %B -o %A --name %P"
    echo "*.argmap merge=argmap" >> .gitattributes
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.cli.common import EXIT_BAD, EXIT_FOUND, EXIT_OK, read_map, say, say_unwritten

SHOWN = 10
"""Conflicts listed on stderr; the rest are counted."""


def add_parser(sub) -> None:
    merge = sub.add_parser("merge", help="merge two maps that come from one base (a git merge driver)")
    merge.add_argument("base", metavar="BASE")
    merge.add_argument("ours", metavar="OURS")
    merge.add_argument("theirs", metavar="THEIRS")
    merge.add_argument("-o", "--output", required=True, metavar="OUT")
    merge.add_argument("--name", default=None, metavar="PATH",
                       help="what to call OUT in messages (a git driver passes %%P: the file's path)")


def run(args, exit_when_done: bool = False) -> int:
    return run_merge(args.base, args.ours, args.theirs, args.output, args.name)


def run_merge(base: str, ours: str, theirs: str, output: str, name: str | None = None) -> int:
    """Merge the three files into ``output``; report the conflicts on stderr; return the exit status."""
    from argmap.formats import FORMATS, native, write_file, write_text_atomic
    from argmap.formats.merge import merge_maps
    from argmap.model import FormatError

    maps = []
    for n, path in enumerate((base, ours, theirs)):  # git gives an empty base when both sides added the file
        amap = read_map("merge", path, warn=False, any_name=True, empty_ok=n == 0)
        if amap is None:
            return EXIT_BAD
        maps.append(amap)
    try:
        result = merge_maps(*maps)
    except FormatError as exc:
        say("merge", f"cannot merge: {exc}")
        return EXIT_BAD
    warnings: list[str] = []
    suffix = Path(output).suffix.lower()
    try:
        if any(suffix in f.extensions for f in FORMATS.values()):
            write_file(result.map, output, warnings=warnings, backup=False)
        else:  # git's %A (.merge_file_XXXXXX): native
            write_text_atomic(Path(output), native.dumps(result.map), backup=False)
    except FormatError as exc:
        say("merge", str(exc))
        return EXIT_BAD
    except OSError as exc:
        say_unwritten("merge", output, exc)
        return EXIT_BAD
    for line in warnings:
        say("merge", f"warning: {line}")
    if result.clean:
        return EXIT_OK
    print(f"argmap merge: {_count(len(result.conflicts))} in {name or output} (listed in its merge_conflicts):",
          file=sys.stderr)
    for c in result.conflicts[:SHOWN]:
        print(f"  {_conflict_line(c, result.map)}", file=sys.stderr)
    if len(result.conflicts) > SHOWN:
        print(f"  ... and {len(result.conflicts) - SHOWN} more", file=sys.stderr)
    return EXIT_FOUND


def _count(n: int) -> str:
    return f"{n} conflict" + ("" if n == 1 else "s")


def _conflict_line(c: dict, amap) -> str:
    """One conflict in plain words, saying what OUT holds."""
    if not c["id"]:
        return f"the map's {c['field']} changed differently on each side (ours kept)"
    where = c["id"]
    if c["field"] == "removed":
        kept = c["id"] in amap
        if c["base"] is None and c["ours"] is None:
            return f"{where}: added in theirs, cannot be combined with ours (left out)"
        if c["ours"] is None:
            theirs = "still refers to it" if c["theirs"] == c["base"] else "changed it"
            return f"{where}: removed in ours, theirs {theirs} ({'kept' if kept else 'left out, as in ours'})"
        if c["theirs"] is None:
            ours = "still refers to it" if c["ours"] == c["base"] else "changed it"
            return f"{where}: removed in theirs, ours {ours} ({'kept' if kept else 'left out'})"
        return f"{where}: theirs' version cannot be combined with the rest (left out)"
    if c["field"] == "type":
        return f"{where}: a different kind of element on each side (ours kept)"
    return f"{where}: {c['field']} changed differently on each side (ours kept)"
