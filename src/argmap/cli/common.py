"""What every sub-command shares: exit codes, the one-line usage error, option parsers."""

from __future__ import annotations

import argparse

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
