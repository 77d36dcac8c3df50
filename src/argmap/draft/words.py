"""Words of a text with their exact code-point spans, and the lexicon's phrases matched against them.

A :class:`Word` is a run of letters and digits (with inner apostrophes,
dots and hyphens: "it's", "U.S", "3.2km", "al-Sadr") or one punctuation
character. Matching is done on a normal form: lower case, typographic
apostrophes made straight, a trailing dot dropped, so "That’s why" matches
the phrase "that's why".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from argmap.draft.grammar import CONTRACTED, FINITE, NOT_VERBS, PERSONAL, STRONG_SUBJECTS, SUBJECTS, is_past
from argmap.draft.lexicon import GROUPS, Group

_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]", re.UNICODE)
OPENING = "([{“‘«"
CLOSING = ")]}”’»"
DASHES = ("–", "—", "-", "―")


@dataclass(frozen=True, slots=True)
class Word:
    """One token: its span ``[start, end)`` in the text and its normal form."""

    start: int
    end: int
    norm: str
    capital: bool = False

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


def normal(token: str) -> str:
    """The form phrases are matched on: lower case, straight apostrophes, no trailing dot."""
    return token.lower().replace("’", "'").rstrip(".") or token


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The tokens of ``text[start:end]`` with spans in ``text``."""
    end = len(text) if end is None else end
    return [Word(m.start(), m.end(), normal(m.group()), m.group()[:1].isupper())
            for m in _TOKEN.finditer(text, start, end)]


def only_words(tokens: list[Word]) -> list[Word]:
    return [w for w in tokens if w.is_word]


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], Group]]]:
    """First word -> [(phrase words, group)], longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], Group]]] = {}
    for group in GROUPS:
        for phrase in group.phrases:
            parts = tuple(normal(p) for p in phrase.split())
            table.setdefault(parts[0], []).append((parts, group))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def match_at(tokens: list[Word], i: int, places: tuple[str, ...]) -> list[tuple[int, Group]]:
    """The phrases starting at word ``i`` whose place is one of ``places``: ``[(length in words, group)]``.

    Longest first. Punctuation between the words of a phrase is not allowed.
    """
    norms = [w.norm for w in tokens[i:i + 6]]
    found = []
    for parts, group in _index().get(norms[0] if norms else "", ()):
        if group.where in places and tuple(norms[:len(parts)]) == parts:
            found.append((len(parts), group))
    return found


def clause_follows(tokens: list[Word], i: int, *, within_commas: bool = False, reach: int = 8) -> bool:
    """True when a clause (a subject, then a finite verb) starts at token ``i``.

    A strong subject ("it", "they", "there") followed by another word is
    enough; otherwise a finite verb must come within the next seven words
    and not first (a verb first means no subject: "and have to be sorted").
    ``within_commas`` looks no further than the next comma ("as a gift, and it ..." is no clause),
    ``reach`` no further than that many words.
    """
    ahead = []
    for w in tokens[i:i + reach + 4]:
        if w.norm in (";", ".", "!", "?", ":") or w.norm in DASHES or within_commas and w.norm == ",":
            break
        if w.is_word:
            ahead.append(w.norm)
    if len(ahead) < 2 or ahead[0] in FINITE:
        return False
    if ahead[0] in STRONG_SUBJECTS and ahead[1] not in ("to", "and", "or", "of", "in", "for"):
        return True
    return any(a in FINITE or a.endswith(CONTRACTED) for a in ahead[1:reach])


def has_finite(tokens: list[Word]) -> bool:
    """True when the tokens carry a finite verb: an auxiliary, a modal, a common verb, a contraction
    ("it'll", "don't"), a past form (not capitalised: "launched", not "United"), or any word after a
    personal pronoun ("they pollute")."""
    if any(w.norm in FINITE or w.norm.endswith(CONTRACTED) or (is_past(w.norm) and not w.capital)
           for w in tokens if w.is_word):
        return True
    return any(a.norm in PERSONAL and b.is_word and b.norm not in NOT_VERBS for a, b in zip(tokens, tokens[1:]))


def subject_like(word: Word, text: str) -> bool:
    """True when ``word`` can open a subject: a pronoun, a determiner, a quantifier or a capitalised name."""
    return word.norm in SUBJECTS or word.norm in STRONG_SUBJECTS or text[word.start].isupper() \
        or text[word.start].isdigit()
