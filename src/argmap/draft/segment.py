"""Segmentation: paragraphs, sentences, then clause-level units, each an exact span of the text.

Offsets are code points in the text as given (``\\n`` line ends, SPEC §2):
``text[unit.start:unit.end]`` is always the unit's quote, with no white
space at either end. Units never overlap and appear in text order.

Sentences end at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) before white space and a capital, a digit or an opening quote, or
at the end of a paragraph; not after an abbreviation ("Dr.", "e.g."), an
initial ("J."), an acronym ("U.S."), inside quotes or brackets. A sentence is
split further where a marker of :mod:`argmap.draft.lexicon` opens a clause
inside it, at a semicolon, and at a spaced dash before a clause.

Not every piece of text is argument. Headings and captions (a short line
with no end punctuation) and short announcements before a colon ("One thing
is for sure:") are left out, and reported in :attr:`Segmentation.skipped`
with the reason, so a caller can show them as "not mapped".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.draft.grammar import ABBREVIATIONS, STRONG_SUBJECTS
from argmap.draft.words import (
    CLOSING,
    DASHES,
    OPENING,
    Word,
    clause_follows,
    has_finite,
    match_at,
    subject_like,
    words,
)

MIN_WORDS = 3
"""A clause split leaves at least this many words before it ..."""
MIN_NEW_WORDS = 4
"""... and at least this many in the new unit ("but they can't" stays with its clause)."""
HEADING_WORDS = 15
"""A paragraph of at most this many words without end punctuation is a heading or a caption."""
LOOK_BACK = 40
"""The clause before an "and" is looked for at most this many tokens back (a verb is near in any real clause)."""
PREFACE_WORDS = 6
"""At most this many words before a colon and a capital make an announcement, not a unit."""

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_BULLET = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+")


@dataclass(frozen=True)
class Piece:
    """One unit of text: its span, its paragraph and sentence, and where in the sentence it stands."""

    start: int
    end: int
    paragraph: int
    sentence: int
    clause: int
    split_by: str = ""
    """What opened this unit inside its sentence: ``";"``, ``"dash"``, ``"marker"``, ``"subordinate"``, or ``""``."""


@dataclass
class Segmentation:
    """The units of a text, and the spans left out with the reason."""

    pieces: list[Piece] = field(default_factory=list)
    skipped: list[tuple[int, int, str]] = field(default_factory=list)


def segment(text: str, start: int = 0, end: int | None = None, *, clauses: bool = True,
            prefaces: bool = True) -> Segmentation:
    """Split ``text[start:end]`` into units.

    Parameters
    ----------
    text : str
        The whole source text (``\\n`` line ends); offsets are into it.
    start, end : int
        The part to segment (the whole text by default).
    clauses : bool
        Split sentences at clause-level markers (off: sentences only).
    prefaces : bool
        Leave out headings, captions and announcements before a colon (off: keep them as units).
    """
    end = len(text) if end is None else end
    out = Segmentation()
    sentence = 0
    for p_index, (p0, p1) in enumerate(_paragraphs(text, start, end)):
        if prefaces and _is_heading(text, p0, p1):
            out.skipped.append((p0, p1, "heading or caption"))
            continue
        for s0, s1 in _sentences(text, p0, p1):
            pieces = _clauses(text, s0, s1, out.skipped if prefaces else None) if clauses else [(s0, s1, "")]
            for c_index, (c0, c1, how) in enumerate(pieces):
                out.pieces.append(Piece(c0, c1, p_index, sentence, c_index, how))
            sentence += 1
    return out


# ---------------------------------------------------------------- paragraphs and headings
def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks, trimmed; bulleted lines are blocks of their own."""
    blocks, at = [], start
    for m in _PARAGRAPH.finditer(text, start, end):
        blocks.append((at, m.start()))
        at = m.end()
    blocks.append((at, end))
    out = []
    for b0, b1 in blocks:
        for l0, l1 in _lines_as_blocks(text, b0, b1):
            t0, t1 = _trim(text, l0, l1)
            if t0 < t1:
                out.append((t0, t1))
    return out


def _lines_as_blocks(text: str, b0: int, b1: int) -> list[tuple[int, int]]:
    """A block's lines: bullets and heading lines are blocks of their own; other lines join the block before.

    A heading line inside a block is short (under 70 % of the block's longest
    line, so that a hard-wrapped paragraph keeps its first line), has no end
    punctuation, and the next line starts with a capital.
    """
    lines, at = [], b0
    for m in re.finditer(r"\n", text[b0:b1]):
        lines.append((at, b0 + m.start()))
        at = b0 + m.end()
    lines.append((at, b1))
    if len(lines) == 1:
        return lines
    longest = max(l1 - l0 for l0, l1 in lines)
    out: list[tuple[int, int]] = []
    alone = True  # the block before may not be continued (a heading, or nothing yet)
    for n, (l0, l1) in enumerate(lines):
        bullet = _BULLET.match(text, l0, l1)
        nxt = text[lines[n + 1][0]:lines[n + 1][1]].lstrip()[:1] if n + 1 < len(lines) else ""
        heading = (_is_heading(text, *_trim(text, l0, l1)) and (l1 - l0) < 0.7 * longest
                   and (nxt.isupper() or nxt.isdigit()))
        if bullet or heading or alone:
            out.append((bullet.end() if bullet else l0, l1))
        else:
            out[-1] = (out[-1][0], l1)
        alone = heading
    return out


def _is_heading(text: str, p0: int, p1: int) -> bool:
    """A short block without end punctuation, and with no sentence ending inside it."""
    body = text[p0:p1].rstrip()
    if not body or body[-1] in ".!?…:;" or (len(body) > 1 and body[-1] in "\"”’)" and body[-2] in ".!?…"):
        return False
    return len(body.split()) <= HEADING_WORDS and not _END.search(body)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------- sentences
def _sentences(text: str, p0: int, p1: int) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[p0:p1]`` (one pass: quotes and brackets are counted as it goes)."""
    quotes_balanced = _balanced(text[p0:p1])
    out, at = [], p0
    state = _Open(p0)
    for m in _END.finditer(text, p0, p1):
        state.advance(text, m.end())
        if _is_break(text, m, p0, p1, state, quotes_balanced):
            out.append(_trim(text, at, m.end()))
            at = m.end()
            state = _Open(at)
    if at < p1:
        out.append(_trim(text, at, p1))
    return [s for s in out if s[0] < s[1]]


class _Open:
    """Quotes and brackets opened since the start of the sentence, counted up to ``upto``."""

    def __init__(self, upto: int):
        self.upto, self.curly, self.straight, self.depth = upto, 0, 0, 0

    def advance(self, text: str, to: int) -> None:
        body = text[self.upto:to]
        self.curly += body.count("“") - body.count("”")
        self.straight += body.count('"')
        self.depth += sum(body.count(c) for c in "([{") - sum(body.count(c) for c in ")]}")
        self.upto = max(self.upto, to)


def _is_break(text: str, m: re.Match, p0: int, p1: int, state: _Open, quotes_balanced: bool) -> bool:
    nxt = m.end()
    while nxt < p1 and text[nxt].isspace():
        nxt += 1
    if nxt >= p1:
        return True
    follower = text[nxt]
    if not (follower.isupper() or follower.isdigit() or follower in OPENING or follower in "\"'"):
        return False
    if m.group() == "." and _abbreviation_before(text, m.start(), p0):
        return False
    if quotes_balanced and (state.curly > 0 or state.straight % 2 == 1):
        return False
    return state.depth <= 0


def _abbreviation_before(text: str, dot: int, p0: int) -> bool:
    """True when the word before the full stop at ``dot`` is an abbreviation, an initial or an acronym."""
    a = dot
    while a > p0 and (text[a - 1].isalnum() or text[a - 1] in ".'’"):
        a -= 1
    token = text[a:dot]
    if not token:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: "Alissa J. Rubin"
    if "." in token and all(part.isalpha() and len(part) <= 3 for part in token.split(".") if part):
        return True  # an acronym or a Latin abbreviation: "U.S.", "e.g."
    return token.lower() in ABBREVIATIONS


def _balanced(body: str) -> bool:
    return body.count("“") == body.count("”") and body.count('"') % 2 == 0


# ---------------------------------------------------------------- clauses
def _clauses(text: str, s0: int, s1: int, skipped: list) -> list[tuple[int, int, str]]:
    """The clause-level units of the sentence ``text[s0:s1]``."""
    tokens = words(text, s0, s1)
    if skipped is not None:
        s0 = _drop_preface(text, tokens, s0, skipped)
    tokens = [w for w in tokens if w.start >= s0]
    cuts = _cuts(text, tokens)
    bounds = [s0] + [tokens[i].start for i, _ in cuts] + [s1]
    hows = [""] + [how for _, how in cuts]
    out = []
    for k in range(len(bounds) - 1):
        a, b = _trim(text, bounds[k], bounds[k + 1])
        if a < b:
            out.append((a, b, hows[k]))
    return out


def _drop_preface(text: str, tokens: list[Word], s0: int, skipped: list) -> int:
    """Leave out a short announcement before a colon ("One thing is for sure: It is time ...")."""
    for i, w in enumerate(tokens[:PREFACE_WORDS + 1]):
        if w.norm == ":" and i + 1 < len(tokens) and text[tokens[i + 1].start].isupper():
            if 0 < sum(t.is_word for t in tokens[:i]) <= PREFACE_WORDS and len(tokens) - i > MIN_WORDS + 1:
                skipped.append((s0, w.end, "announcement before a colon"))
                return tokens[i + 1].start
    return s0


def _cuts(text: str, tokens: list[Word]) -> list[tuple[int, str]]:
    """Token indexes where a new unit starts, with what opened it."""
    cuts: list[tuple[int, str]] = []
    depth = 0
    first = _subordinate_cut(text, tokens)
    if first is not None:
        cuts.append((first, "subordinate"))
    count = [0]
    for w in tokens:
        count.append(count[-1] + w.is_word)
    for i in range(1, len(tokens)):
        prev = tokens[i - 1]
        depth += prev.norm in OPENING[:3]
        depth -= prev.norm in CLOSING[:3]
        if depth > 0 or not tokens[i].is_word:
            continue
        how = _opens_unit(text, tokens, i)
        last = cuts[-1][0] if cuts else 0
        if how and count[i] - count[last] >= MIN_WORDS and count[-1] - count[i] >= MIN_NEW_WORDS:
            cuts.append((i, how))
    return sorted(set(cuts))


def _opens_unit(text: str, tokens: list[Word], i: int) -> str:
    """What opens a new unit at token ``i`` ("" when nothing does).

    A semicolon always does; a spaced dash when a clause or a marker follows it. A marker
    does when the rule of its function holds: a contrast or a concession after a comma, or
    before a clause; a reason or a conclusion before a clause ("as", "for" and "so" only after
    a comma or before a pronoun); "and"/"or" only before a clause. "However" inside a clause,
    examples and conditions never split ("People, however, who ..."; "if ..., then ...").
    """
    prev = tokens[i - 1]
    if prev.norm == ";":
        return ";"
    if prev.norm in DASHES and prev.start > 0 and text[prev.start - 1] == " ":
        return "dash" if clause_follows(tokens, i) or match_at(tokens, i, ("inside", "any")) else ""
    found = match_at(tokens, i, ("inside", "any"))
    if not found:
        return ""
    length, group = found[0]
    word = " ".join(w.norm for w in tokens[i:i + length])
    comma = prev.norm == "," or prev.norm in DASHES or (prev.norm in "”’\"'" and i > 1 and tokens[i - 2].norm == ",")
    clause = clause_follows(tokens, i + length)
    if group.function in ("contrast", "concession"):
        if word in _ADVERBS_INSIDE:
            return ""
        return "marker" if comma or (clause and word in _BARE_SPLITTERS) else ""
    after = tokens[i + length] if i + length < len(tokens) else None
    if group.function == "support":
        if word == "because":
            return "marker" if after is not None and after.norm != "of" else ""
        if word == "for":
            return "marker" if after is not None and after.norm in STRONG_SUBJECTS and clause else ""
        if word in _LOOSE_REASONS:
            tight = clause_follows(tokens, i + length, within_commas=True)
            return "marker" if tight and after is not None and subject_like(after, text) else ""
        return "marker" if clause else ""
    if group.function == "conclusion":
        bare = word in _BARE_CONCLUSIONS
        return "marker" if (comma and (clause or bare)) or (bare and clause) else ""
    if group.function == "coordination":
        near = clause_follows(tokens, i + length, reach=6)
        return "marker" if near and _joins_clauses(text, tokens, i, comma, after) else ""
    return ""


def _joins_clauses(text: str, tokens: list[Word], i: int, comma: bool, after: Word | None) -> bool:
    """True when the "and"/"or" at ``i`` joins two clauses, not two nouns or two verb phrases.

    The clause before it must have a finite verb of its own ("X produces rubbish and ..."; not
    "tools, data and expertise have"), and the clause after it a subject: after a comma any
    word may open it, else a pronoun, a determiner or a name must ("and an unwanted pregnancy
    can", not "and often goes it alone").
    """
    left = tokens[_clause_start(tokens, i):i]
    return has_finite(left) and after is not None and (comma or subject_like(after, text))


def _clause_start(tokens: list[Word], i: int) -> int:
    """The token where the clause before token ``i`` begins (after the last semicolon or dash before it)."""
    start = i - 1 if i > 0 and tokens[i - 1].norm in DASHES else i
    floor = max(0, start - LOOK_BACK)
    while start > floor and tokens[start - 1].norm != ";" and tokens[start - 1].norm not in DASHES:
        start -= 1
    return start


_ADVERBS_INSIDE = frozenset(("however", "still", "instead", "regardless", "nevertheless", "nonetheless"))
"""Contrast adverbs that sit inside a clause without opening one."""
_BARE_SPLITTERS = frozenset(("but", "yet", "although", "though", "even though", "even if", "whereas"))
"""Contrasts and concessions that open a clause without a comma before them."""
_LOOSE_REASONS = frozenset(("as", "since"))
"""Reason words with other meanings ("as close as", "since March"): a subject and a verb before the next comma
must show the clause ("for" needs a pronoun: "for it jeopardizes", not "the battle for Basra is")."""
_BARE_CONCLUSIONS = frozenset(("so that", "which is why", "that's why", "that is why", "this is why"))


def _subordinate_cut(text: str, tokens: list[Word]) -> int | None:
    """Where the main clause starts after an opening subordinate clause ("Because X, Y" / "Although X, Y")."""
    if not tokens:
        return None
    found = [g for _, g in match_at(tokens, 0, ("start",)) if g.direction == "after"]
    if not found:
        return None
    for i in range(2, len(tokens) - 1):
        if tokens[i].norm == "," and clause_follows(tokens, i + 1):
            if has_finite(tokens[1:i]) and _enough(tokens, 0, i + 1) and _enough(tokens, i + 1, len(tokens)):
                return i + 1
            return None  # the first clause after a comma is the main one: no reason clause before it
    return None


def _enough(tokens: list[Word], a: int, b: int, least: int = MIN_WORDS) -> bool:
    return sum(w.is_word for w in tokens[a:b]) >= least
