"""Kialo discussion exports (read only): ``Discussion Title:`` and numbered ``Pro:`` / ``Con:`` claims.

The export looks like this::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: A claim may go on
    over several lines.
    1.2. Pro: -> See 1.1.1.
    1.3. Con: -> See discussion #1234: A claim quoted from another discussion.

Reading (:func:`loads`):

- each claim becomes one statement (a claim), its Kialo number and side in
  its note; markdown escapes (``\\(``, ``\\[``) are undone, and a link
  ``[label](url)`` keeps its label in the text and its address in ``source``;
- a ``Pro:`` claim supports its parent (an inference), a ``Con:`` claim
  attacks it (a conflict);
- ``-> See 1.2.3.`` reuses claim 1.2.3 of the same discussion in this place:
  no new statement, but a relation from 1.2.3 to the parent (claims numbered
  under the See line attach to 1.2.3 as well);
- ``-> See discussion #N: text`` quotes a claim of another discussion: a
  statement of its own, noted as coming from discussion #N.

A malformed export is refused with a :class:`~argmap.model.FormatError` that
names the line: no title, a claim without ``Pro:``/``Con:``, a number whose
parent is missing or that appears twice, an empty claim, a See link to a
claim that does not exist or to the claim it answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Conflict, FormatError, Inference, SourceInfo, Statement
from argmap.model.anchors import normalise_text

HEADER = "Discussion Title:"
_CLAIM = re.compile(r"(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s*)?(.*)")
_LOOKS_NUMBERED = re.compile(r"[\d.]*\d[\d.]*\s+(?:Pro|Con):")
_SEE = re.compile(r"->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_SEE_OTHER = re.compile(r"->\s*See discussion\s*#?\s*(\d*)\s*:?\s*(.*)", re.DOTALL)
_LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(([^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<\"'])")


@dataclass
class _Claim:
    number: str
    side: str  # "Pro", "Con" or "" for a thesis
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip()


def looks_like(text: str) -> bool:
    """True when ``text`` starts (after white space) with the Kialo export header."""
    return text.lstrip("\ufeff \t\r\n").startswith(HEADER)


def loads(text: str | bytes, name: str = "<string>", warnings: list[str] | None = None) -> ArgumentMap:
    """Read a Kialo discussion export.

    Raises
    ------
    FormatError
        When the text is no Kialo export or breaks one of its rules, with the line number.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError(name, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    lines = normalise_text(text).split("\n")
    title, first = _title(lines, name)
    claims = _claims(lines, first, name)
    return _build(title, claims, name)


def _title(lines: list[str], name: str) -> tuple[str, int]:
    for n, line in enumerate(lines):
        if line.strip():
            if not line.strip().startswith(HEADER):
                raise FormatError(name, f"not a Kialo discussion export: the first line must start with "
                                        f"'{HEADER}'", line=n + 1)
            return _plain(line.strip()[len(HEADER):].strip())[0], n + 1
    raise FormatError(name, "the file is empty")


def _claims(lines: list[str], first: int, name: str) -> list[_Claim]:
    """The numbered claims in file order, each with its lines of text."""
    claims: list[_Claim] = []
    seen: dict[str, int] = {}
    for n in range(first, len(lines)):
        line, where = lines[n], n + 1
        m = _CLAIM.fullmatch(line.strip()) if line.lstrip()[:1].isdigit() else None
        if m is not None and claims and "." not in m.group(1) and not m.group(2):
            m = None  # "2. something" after the thesis: a numbered list inside a claim's text
        if m is None:
            if _LOOKS_NUMBERED.match(line.strip()):
                raise FormatError(name, f"malformed claim number {line.split()[0]!r}", line=where)
            if claims:
                claims[-1].lines.append(line)
            elif line.strip():
                raise FormatError(name, "expected the thesis '1. …' after the title", line=where)
            continue
        number, side, rest = m.group(1), m.group(2) or "", m.group(3)
        claim = _Claim(number, side, where, [rest])
        _check_number(claim, seen, name)
        seen[number] = where
        claims.append(claim)
    if not claims:
        raise FormatError(name, "no claims after the title", line=first)
    for claim in claims:
        if not claim.body:
            raise FormatError(name, f"claim {claim.number} has no text", line=claim.line)
    return claims


def _check_number(claim: _Claim, seen: dict[str, int], name: str) -> None:
    if claim.number in seen:
        raise FormatError(name, f"claim {claim.number} appears twice (first on line {seen[claim.number]})",
                          line=claim.line)
    if "." in claim.number:
        if not claim.side:
            raise FormatError(name, f"claim {claim.number} has no 'Pro:' or 'Con:'", line=claim.line)
        if claim.parent not in seen:
            raise FormatError(name, f"claim {claim.number} has no parent claim {claim.parent} before it",
                              line=claim.line)
    elif claim.side:
        raise FormatError(name, f"the thesis {claim.number} cannot be a 'Pro:' or 'Con:'", line=claim.line)


def _build(title: str, claims: list[_Claim], name: str) -> ArgumentMap:
    statement_of: dict[str, str] = {}  # Kialo number -> statement id (See links resolve to the claim they name)
    statements, inferences, conflicts = [], [], []
    by_number = {c.number: c for c in claims}
    for claim in claims:
        if _SEE.match(claim.body):
            continue
        sid = f"s{len(statements) + 1}"
        statement_of[claim.number] = sid
        statements.append(_statement(sid, claim))
    for claim in claims:
        see = _SEE.match(claim.body)
        if see:
            statement_of[claim.number] = _resolve(see.group(1), claim, by_number, statement_of, name)
    for claim in claims:
        if not claim.side:
            continue
        source, target = statement_of[claim.number], statement_of[claim.parent]
        if source == target:
            raise FormatError(name, f"claim {claim.number} points to {_SEE.match(claim.body).group(1)}, the claim "
                                    "it answers", line=claim.line)
        note = f"Kialo {claim.number}: {claim.side} of {claim.parent}"
        if claim.side == "Pro":
            inferences.append(Inference(f"i{len(inferences) + 1}", (source,), target, note=note))
        else:
            conflicts.append(Conflict(f"c{len(conflicts) + 1}", (source,), target, note=note))
    amap = ArgumentMap(title or "Kialo discussion", SourceInfo(title=title))
    amap.add_all(statements + inferences + conflicts)
    return amap


def _resolve(number: str, claim: _Claim, by_number: dict, statement_of: dict, name: str) -> str:
    """The statement a ``-> See`` line stands for, following chains of See lines."""
    seen = [claim.number]
    while True:
        if number not in by_number:
            raise FormatError(name, f"claim {claim.number} points to {number}, which this discussion does not have",
                              line=claim.line)
        if number in seen:
            raise FormatError(name, f"claim {claim.number}: its '-> See' links go round in a circle",
                              line=claim.line)
        if number in statement_of and not _SEE.match(by_number[number].body):
            return statement_of[number]
        seen.append(number)
        number = _SEE.match(by_number[number].body).group(1)


def _statement(sid: str, claim: _Claim) -> Statement:
    body, note = claim.body, f"Kialo {claim.number}" + (f" ({claim.side})" if claim.side else " (thesis)")
    other = _SEE_OTHER.match(body)
    if other:
        number, body = other.group(1), other.group(2).strip()
        where = f"discussion #{number}" if number else "another discussion"
        note += f"; a claim of Kialo {where}, quoted here"
        if not body:
            body = f"(a claim of Kialo {where}; its text is not in the export)"
    text, urls = _plain(body)
    return Statement(sid, "claim", text, source=" ; ".join(urls), note=note)


def _plain(body: str) -> tuple[str, list[str]]:
    """Markdown to plain text: links keep their label (addresses returned apart), escapes are undone."""
    urls: list[str] = []

    def label(m: re.Match) -> str:
        urls.append(m.group(2))
        return m.group(1)

    text = _LINK.sub(label, body)
    return _ESCAPE.sub(r"\1", text), urls
