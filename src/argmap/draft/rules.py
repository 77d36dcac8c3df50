"""The named rules of the drafting engine, each of which can be switched off (for the ablation benchmark).

Switching a rule off never makes the draft invalid: the engine falls back to
its plainer behaviour (sentences only, first unit as the main claim, every
unit supporting the main claim).
"""

from __future__ import annotations

from collections.abc import Iterable

RULES: dict[str, str] = {
    # segmentation
    "clauses": "split sentences at clause-level markers, semicolons and spaced dashes",
    "prefaces": "leave out short announcements before a colon and headings",
    # the main claim
    "central-action": "a call to action ('should', 'it is time to') makes a unit the main claim",
    "central-stance": "a stance or a judgement ('I think', 'is unfair') counts towards the main claim",
    "central-conclusion": "a conclusion marker ('therefore', 'that's why') counts towards the main claim",
    "central-demote": "reasons, examples, concessions and questions are not the main claim",
    # relations
    "reasons": "'because', 'since', 'after all' ...: the unit supports its host clause or the statement before",
    "conclusions": "'therefore', 'hence' ...: the statements before it support the unit",
    "pending": "unmarked statements before the main claim wait for the next conclusion or the main claim",
    "contrast": "'but', 'however' ...: the unit attacks the concession it answers, or the main claim",
    "retro-concession": "an unmarked statement just before a 'but' is the concession the 'but' answers",
    "concession": "'admittedly', 'although' ...: the unit attacks the main claim or its host clause",
    "undercut": "a concession against a reason attacks the inference from it, not the reason",
    "examples": "'for instance': the unit supports the statement before it",
    "sequence": "'first ... second ... finally': the items support the claim announced before them",
    "coordination": "'and': a joined clause plays the role of the clause before it",
    "elaboration": "an unmarked clause inside a sentence supports the clause before it",
    "paragraphs": "in a text of several paragraphs each paragraph's main point supports the main claim",
    "thesis": "when the main claim comes late, the first paragraph's main point is a thesis the paragraphs before "
              "the main claim support",
    # kinds
    "evidence": "reported speech, quotations and figures are evidence",
}


def check(off: Iterable[str]) -> frozenset[str]:
    """``off`` as a frozenset, refusing unknown rule names (a typo would silently change nothing)."""
    off = frozenset(off)
    unknown = sorted(off - RULES.keys())
    if unknown:
        raise ValueError(f"unknown draft rule(s): {', '.join(unknown)}; known: {', '.join(RULES)}")
    return off
