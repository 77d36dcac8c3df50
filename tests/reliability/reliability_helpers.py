"""Helpers shared by the reliability tests: the fuzz harness, reader lookup, hostile texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fuzz import harness  # noqa: E402

HANG_SECONDS = 15.0
"""Generous per-input alarm: it only catches hangs; speed is measured by fuzz/run.py, not asserted."""

HOSTILE_TEXTS = (
    "<b>x</b>",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script> & &amp; &lt; \"quoted\" 'single'",
    "]]> <!-- --> <![CDATA[ x ]]>",
    "right\u202eto-left\u200f mark and e\u0301\u0301 combining",
    "tab\there, bell\x07, escape\x1b[31m, vertical\x0b, form\x0c feed, nul\x00 end",
    "line\nbreak and \\n backslash-n and \\\\ backslashes and {braces} [brackets] <angles> #hash",
    "emoji \U0001f4a5 and astral \U00010348, nbsp\u00a0, ideographic\u3000space",
)
"""Statement texts that look like markup, carry control characters or odd Unicode."""


def loads_of(fmt: str):
    """The reader of ``fmt``, or skip the test when its module is not written yet."""
    try:
        return harness.reader(fmt)
    except LookupError as exc:
        pytest.skip(str(exc))


def dumps_of(fmt: str):
    """The writer of ``fmt``, or skip when it is missing or still a placeholder."""
    dumps = harness.writer(fmt)
    if dumps is None:
        pytest.skip(f"{fmt}: no writer yet")
    from argmap.model.synth import argument_like

    try:
        dumps(argument_like(3, seed=1))
    except NotImplementedError:
        pytest.skip(f"{fmt}: the writer is still a placeholder (NotImplementedError)")
    return dumps


def assert_keeps_contract(outcome, where: str) -> None:
    """Fail with the detail when an outcome breaks the reader contract (slowness is not asserted here)."""
    assert outcome.kind in ("map", "error", "slow"), f"{where}: {outcome.kind}: {outcome.detail}"
