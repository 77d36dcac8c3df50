"""``argmap draft TEXT -o OUT.argmap [--title T]``: a first draft of the map, proposed from a text.

Headless and offline: no Qt, no NetworkX, no network. The draft's statements
are anchored into the text, tagged ``proposed``, and every relation carries
its cue in its note; the map names the text (``source.path``, relative to
the map's folder, and its ``sha256``) so the app shows it in the Source panel.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.cli.common import EXIT_BAD, EXIT_OK, say, say_unwritten


def add_parser(sub) -> None:
    draft = sub.add_parser("draft", help="propose a first draft of the map from a text")
    draft.add_argument("text", metavar="TEXT", help="the source text (UTF-8)")
    draft.add_argument("-o", "--output", required=True, metavar="OUT", help="the map to write (.argmap)")
    draft.add_argument("--title", default="", help="the text's title (default: its last heading before the text)")


def run(args, exit_when_done: bool = False) -> int:
    return run_draft(args.text, args.output, args.title)


def run_draft(text_path: str, target: str, title: str = "") -> int:
    """Draft ``text_path`` into ``target``; one line on stderr and exit status 2 when it cannot."""
    from argmap.draft import NothingToDraft, draft_map
    from argmap.formats import decode, format_for, read_bytes, write_file
    from argmap.model import FormatError, SourceInfo
    from argmap.model.anchors import normalise_text

    try:
        format_for(target, reading=False)
        text = normalise_text(decode(read_bytes(text_path), text_path))
        source = SourceInfo(path=_relative(Path(text_path), Path(target)))
        amap = draft_map(text, title=title, source=source)
        write_file(amap, target, backup=False)
    except FormatError as exc:
        say("draft", str(exc))
        return EXIT_BAD
    except NothingToDraft as exc:
        say("draft", f"{text_path}: {exc}")
        return EXIT_BAD
    except OSError as exc:
        say_unwritten("draft", target, exc)
        return EXIT_BAD
    root = amap.statements[amap.extra["draft"]["root"]]
    counts = ", ".join(_count(n, word) for n, word in ((len(amap), "statement"), (len(amap.inferences), "support"),
                                                        (len(amap.conflicts), "attack")))
    print(f"argmap draft: {target}: {counts}; main claim {root.id} ({root.kind}): {root.text}")
    return EXIT_OK


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _relative(text: Path, target: Path) -> str:
    """The text's path as the map will name it: relative to the map's folder (absolute when no relative path exists)."""
    try:
        return Path(os.path.relpath(text.resolve(), target.resolve().parent)).as_posix()
    except ValueError:  # another drive (Windows)
        return text.resolve().as_posix()
