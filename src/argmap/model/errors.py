"""Errors raised by the model and by the readers of every format."""

from __future__ import annotations


class ModelError(ValueError):
    """A change that would break an invariant of SPEC §1.

    ``element`` is the id (or JSON path) of the element concerned and
    ``rule`` the rule broken, in plain words.
    """

    def __init__(self, element: str, rule: str):
        super().__init__(f"{element}: {rule}" if element else rule)
        self.element = element
        self.rule = rule


class FormatError(ValueError):
    """A file that cannot be read, with where and why.

    The message reads ``FILE:LINE:COLUMN: ELEMENT: RULE``; parts that are not
    known are left out. It is one line, meant for people.
    """

    def __init__(self, file: str, rule: str, *, element: str = "", line: int | None = None,
                 column: int | None = None):
        self.file = file
        self.rule = rule
        self.element = element
        self.line = line
        self.column = column
        super().__init__(self._text())

    def _text(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.element:
            parts.append(self.element)
        parts.append(self.rule)
        return one_line(": ".join(parts))


def one_line(text: str) -> str:
    """``text`` with every line break Python knows (``\\n``, ``\\r``, U+2028, U+0085, ...) made a space."""
    return " ".join(text.splitlines()) if len(text.splitlines()) > 1 else text
