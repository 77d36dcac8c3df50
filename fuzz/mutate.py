"""Mutation operators for fuzzing the map readers.

Every operator takes a seeded :class:`random.Random` and a document (``str``)
and returns a mutated document: ``str`` for text-level changes, ``bytes`` for
byte-level ones (bit flips, raw NUL and BOM bytes, invalid UTF-8). The same
RNG state always gives the same mutation, so an input is fully described by
its seed file and its RNG seed (see :func:`mutant`).
"""

from __future__ import annotations

import random
import re

MAX_BYTES = 1_000_000
"""Mutants are kept under this size: the contract's time bound is for files under 1 MB."""

ODD_TEXT = (
    "\u202e", "\u200f", "\u200e", "\u2066", "\u2069",  # bidi overrides and marks
    "e\u0301\u0301\u0301\u0301\u0301\u0301",  # stacked combining accents
    "\u0300" * 64,  # combining marks with nothing to combine with
    "\ud800", "\udfff", "\udc80",  # lone surrogates (as str)
    "\\ud800", "\\udfff\\ud800", "\\n", "\\r", "\\u2028",  # escapes inside JSON strings
    "\ufeff", "\x00", "\\u0000", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b[31m",
    "\uffff", "\ufffe", "\U0001f4a5", "\U000e0001", "\u00a0", "\u3000", "\u0085",
    "<b>x</b>", "<img src=x onerror=alert(1)>", "&amp;", "&lt;", "]]>", "<!--", "\"", "'", "\\",
    "{", "}", "[", "]", "<", ">", ":", ",", "#", "---", "----", "(1)", "\n", "\t",
)
HUGE_NUMBERS = ("1e999", "-1e999", "9" * 400, "-" + "9" * 40, "1e-999", "0.0000000000000000000001", "-0",
                "NaN", "Infinity", "18446744073709551616", "2147483648", "1.7976931348623157e309", "0x10", "1_000")
DEEP = {
    "json": ("[" * 2000, "{\"a\":" * 2000, "[" * 200_000),
    "xml": ("<a>" * 2000, "<node id=\"n\">" * 5000, "<graph>" * 2000),
    "text": ("\n" + "".join("  " * k + f"+ [s{k}]: t\n" for k in range(300)),
             "\n" + "  " * 5000 + "+ [deep]: x\n", "\n" + ">" * 5000 + " x\n", "(" * 5000, "[" * 5000, "{" * 5000),
}
BAD_BYTES = (b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
             b"\x80", b"\xe2\x82")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ID = re.compile(r"[A-Za-z_][\w.-]{0,40}|\d+")


def _span(rng: random.Random, size: int, longest: int = 256) -> tuple[int, int]:
    start = rng.randrange(size + 1)
    return start, min(size, start + rng.randint(0, longest))


def bit_flip(rng: random.Random, text: str) -> bytes:
    """Flip one to eight random bits of the UTF-8 bytes."""
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def bad_bytes(rng: random.Random, text: str) -> bytes:
    """Insert a byte sequence that is not valid UTF-8 (or a BOM, or NUL)."""
    data = text.encode("utf-8", "surrogatepass")
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(BAD_BYTES) + data[at:]


def truncate(rng: random.Random, text: str) -> str:
    """Cut the document short at a random point."""
    return text[: rng.randrange(len(text) + 1)]


def delete_span(rng: random.Random, text: str) -> str:
    """Delete a random span (up to 256 characters)."""
    start, end = _span(rng, len(text))
    return text[:start] + text[end:]


def duplicate_span(rng: random.Random, text: str) -> str:
    """Repeat a random span one to a thousand times in place."""
    start, end = _span(rng, len(text), 128)
    times = rng.choice((1, 2, 10, 1000))
    return text[:end] + text[start:end] * times + text[end:]


def move_span(rng: random.Random, text: str) -> str:
    """Cut a random span and paste it elsewhere."""
    start, end = _span(rng, len(text))
    piece, rest = text[start:end], text[:start] + text[end:]
    at = rng.randrange(len(rest) + 1)
    return rest[:at] + piece + rest[at:]


def odd_unicode(rng: random.Random, text: str) -> str:
    """Insert odd characters: bidi marks, combining runs, lone surrogates, BOM, NUL, markup, separators."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(ODD_TEXT) + text[at:]
    return text


def huge_number(rng: random.Random, text: str) -> str:
    """Replace a number with a huge, tiny, negative or non-finite one."""
    found = list(_NUMBER.finditer(text))
    if not found:
        return odd_unicode(rng, text)
    m = rng.choice(found)
    return text[: m.start()] + rng.choice(HUGE_NUMBERS) + text[m.end():]


def deep_nesting(rng: random.Random, text: str, family: str = "json") -> str:
    """Insert a deeply nested construct of the format family (json, xml or text)."""
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(DEEP.get(family, DEEP["text"])) + text[at:]


def swap_ids(rng: random.Random, text: str) -> str:
    """Swap two identifier-like tokens, or make one token equal to another (duplicate or dangling ids)."""
    found = list(_ID.finditer(text[:200_000]))
    if len(found) < 2:
        return delete_span(rng, text)
    a, b = sorted(rng.sample(found, 2), key=lambda m: m.start())
    if rng.random() < 0.5:  # copy b over a
        return text[: a.start()] + b.group() + text[a.end():]
    return text[: a.start()] + b.group() + text[a.end(): b.start()] + a.group() + text[b.end():]


def splice(rng: random.Random, text: str, other: str) -> str:
    """Insert a span of another seed document."""
    start, end = _span(rng, len(other), 2000)
    at = rng.randrange(len(text) + 1)
    return text[:at] + other[start:end] + text[at:]


TEXT_OPERATORS = (truncate, delete_span, duplicate_span, move_span, odd_unicode, huge_number, swap_ids)
BYTE_OPERATORS = (bit_flip, bad_bytes)


def mutant(text: str, seed: int, family: str = "json", others: tuple[str, ...] = ()) -> str | bytes:
    """The mutant of ``text`` for RNG ``seed``: one to three stacked mutations.

    Parameters
    ----------
    text : str
        The seed document.
    seed : int
        Decides every random choice; the same seed gives the same mutant.
    family : str
        ``json``, ``xml`` or ``text``: which deep-nesting constructs to use.
    others : tuple of str
        Other seed documents of the same format, for splicing.

    Returns
    -------
    str or bytes
        Bytes when the last mutation worked on bytes (to be decoded as a
        file would be), else text. Never more than :data:`MAX_BYTES` long.
    """
    rng = random.Random(seed)
    out: str | bytes = text
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if isinstance(out, bytes):
            out = out.decode("utf-8", "surrogateescape")
        roll = rng.random()
        if roll < 0.15:
            out = rng.choice(BYTE_OPERATORS)(rng, out)
        elif roll < 0.22:
            out = deep_nesting(rng, out, family)
        elif roll < 0.3 and others:
            out = splice(rng, out, rng.choice(others))
        else:
            out = rng.choice(TEXT_OPERATORS)(rng, out)
    if isinstance(out, str) and len(out) > MAX_BYTES // 4 and len(out.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        out = out[: MAX_BYTES // 4]
    elif isinstance(out, bytes) and len(out) > MAX_BYTES:
        out = out[:MAX_BYTES]
    return out
