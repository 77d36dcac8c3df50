"""The catalogue of checks (SPEC §3, §5): codes, severities, names, and how to fix each finding."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
"""Severities from the most to the least serious."""

SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Rule:
    """One check: what it finds and what fixes it (for the help page and the CLI)."""

    code: str
    severity: str
    name: str
    summary: str
    fix: str


@dataclass(frozen=True, slots=True, eq=False)
class Diagnostic:
    """One finding: ``target`` is a statement id, ``related`` other ids, ``message`` one plain line.

    ``source`` is the id of the source an AM009 (single-source) finding is
    about, ``None`` for every other code. Diagnostics compare and hash by
    their seven fields, whatever way they were made (see
    :class:`LazyDiagnostic`).
    """

    code: str
    severity: str
    name: str
    target: str
    related: tuple
    message: str
    source: str | None = None

    def key(self) -> tuple:
        """The seven fields as a tuple."""
        return self.code, self.severity, self.name, self.target, self.related, self.message, self.source

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())


_set = object.__setattr__
_message_slot = Diagnostic.message  # the slot that caches a lazy message


class LazyDiagnostic(Diagnostic):
    """A :class:`Diagnostic` whose message is written the first time it is read.

    Checking a map of 100,000 statements can yield tens of thousands of
    findings; most are never read one by one, so their text waits.
    ``render`` is ``(function, args)``; ``function(*args)`` gives the message.
    """

    __slots__ = ("_render",)

    def __init__(self, code: str, severity: str, name: str, target: str, related: tuple,
                 message: str | None = None, render: tuple | None = None, source: str | None = None):
        _set(self, "source", source)
        _set(self, "code", code)
        _set(self, "severity", severity)
        _set(self, "name", name)
        _set(self, "target", target)
        _set(self, "related", related)
        _set(self, "_render", render)
        if message is None and render is None:
            message = ""
        _message_slot.__set__(self, message)  # None: written from ``render`` when first read

    @property
    def message(self) -> str:
        text = _message_slot.__get__(self)
        if text is None:  # not written yet
            func, args = self._render
            text = func(*args)
            _message_slot.__set__(self, text)
        return text


_TABLE = (
    ("AM001", "error", "unsupported-conclusion",
     "A conclusion or recommendation that no chain of reasons connects to evidence.",
     "Add a reason that rests on evidence, add evidence under the premise that lacks it, "
     "or mark a ground as evidence."),
    ("AM002", "error", "circular-support",
     "Statements that support each other in a circle; such support never reaches evidence.",
     "Break the circle, or give one of its statements support from outside the circle."),
    ("AM003", "warning", "unsupported-premise",
     "A claim used as a premise or an objection with nothing under it (a bare assertion).",
     "Add evidence or a reason under it, or mark it as evidence if it is a ground."),
    ("AM004", "warning", "unanswered-objection",
     "A statement that is out because an objection to it, or to an inference into it, stands.",
     "Rebut the objection, or add support for the statement that the objection does not touch."),
    ("AM005", "warning", "unsourced-evidence",
     "Evidence with neither a source nor an anchor in the analysed text.",
     "Give a citation in its source field, or anchor it to the passage it comes from."),
    ("AM006", "warning", "disconnected",
     "A statement that no inference or conflict touches.",
     "Connect it as a reason, an objection or a conclusion, or delete it."),
    ("AM007", "info", "undecided",
     "A statement the labelling can neither accept nor reject (circular support or attacks).",
     "Add evidence or a rebuttal that settles the circle it depends on."),
    ("AM008", "info", "single-point-of-failure",
     "A statement whose removal would leave a supported recommendation without support.",
     "Add an independent (convergent) reason for the recommendation that does not use this statement."),
    ("AM009", "warning", "single-source",
     "A conclusion whose support all comes from one source (or from sources reported through it): if that "
     "source is wrong, the conclusion has no support.",
     "Add evidence from an independent source (one not reported through it), or state why one source suffices."),
    ("AM010", "warning", "doubtful-grounds",
     "A conclusion supported only through doubtful evidence (credibility 4 or 5, or cited only from sources "
     "graded D or E).",
     "Confirm the doubtful evidence from a better source, or add support that does not rest on it."),
    ("AM011", "warning", "uncorroborated",
     "Evidence graded 1 (confirmed by other independent sources) whose sources all go back to fewer than two "
     "independent origins.",
     "Cite the independent sources that confirm it, or grade it 2 (probably true) or lower."),
    ("AM012", "info", "rests-on-assumptions",
     "A conclusion that holds only if its stated assumptions hold (a Key Assumptions Check lists them).",
     "Check each assumption it rests on, or add evidence for it so the conclusion no longer depends on it."),
)

RULES = {code: Rule(code, severity, name, summary, fix) for code, severity, name, summary, fix in _TABLE}
"""Every check by code, in code order (up to AM008 also severity order; AM009-AM012 follow)."""
