"""What every sub-command shares: exit codes, the one-line usage error, option parsers, reading a map, leaving."""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FOUND, EXIT_BAD = 0, 1, 2
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


class UsageError(Exception):
    """A wrong command line (exit status 2)."""


class Parser(argparse.ArgumentParser):
    """An argparse parser that reports mistakes in one line, without usage noise."""

    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def positive_int(flag: str, low: int, high: int):
    """An argparse type: a whole number between ``low`` and ``high``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} takes a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{flag} must be between {low} and {high}")
        return value

    return parse


def positive_float(flag: str):
    """An argparse type: a number above 0 and at most 100."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} takes a number, not {text!r}") from None
        if not 0 < value <= 100:
            raise argparse.ArgumentTypeError(f"{flag} must be above 0 and at most 100")
        return value

    return parse


def say(command: str, text: str) -> None:
    """One line on stderr: ``argmap COMMAND: TEXT`` (an error, a warning or a note)."""
    print(f"argmap {command}: {text}", file=sys.stderr)


def say_unwritten(command: str, target, exc: OSError) -> None:
    """Say that ``target`` could not be written, and the system's reason."""
    say(command, f"{target}: cannot write: {exc.strerror or exc}")


def read_map(command: str, path: str, *, warn: bool = True, any_name: bool = False, empty_ok: bool = False):
    """The map in the file ``path``, or None after saying on stderr why it cannot be read.

    Parameters
    ----------
    command : str
        The sub-command, for the messages (``argmap check: ...``).
    path : str
        The file; its format from its extension (:func:`argmap.formats.read_file`).
    warn : bool
        Say what the reader could not carry over, one ``PATH: warning: ...`` line each.
    any_name : bool
        A file whose extension names no format is read too (:func:`argmap.formats.mapdoc.load_map`:
        git hands a merge driver such names); ``empty_ok`` makes an empty one an empty map.
    """
    from argmap.model import FormatError

    warnings: list[str] | None = [] if warn else None
    try:
        if any_name:
            from argmap.formats.mapdoc import load_map

            amap = load_map(path, empty_ok=empty_ok, warnings=warnings)
        else:
            from argmap.formats import read_file

            amap = read_file(path, warnings=warnings)
    except FormatError as exc:
        say(command, str(exc))
        return None
    for line in warnings or ():
        say(command, f"{path}: warning: {line}")
    return amap


def leave_now(status: int) -> None:
    """End the process now: output flushed, no clean-up of the heap.

    Tearing down the map, its report, the Qt application and the fonts object
    by object changes nothing and takes time (0.15-0.45 s for an export of
    1,000 statements); a closed pipe (the reader went away) is not an error.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (a closed pipe): nothing more can be said
        pass
    os._exit(status)
