"""Random edit sequences on maps, for the diff and merge property tests.

Edits go through the model's own mutations (``add_all``, ``update``,
``move``, ``remove``, ``set_meta``), so every edited map is valid. Texts,
positions and titles come from small pools and new ids from
``ArgumentMap.new_id``, so that two sides edited from one base often make
the same change, or add different elements under the same id.
"""

from __future__ import annotations

import random

from argmap.model import KINDS, ArgumentMap, Conflict, Inference, ModelError, Position, Statement

try:  # the version-2 model (SPEC §5, §6)
    from argmap.model.elements import Comment, Source
except ImportError:  # pragma: no cover - before version 2 landed
    Comment = Source = None

VERSION_2 = Source is not None

TEXTS = ("Iran gains either way.", "The surge failed.", "Talks are overdue.", "Basra fell quiet.",
         "Sadr is stronger.", "Maliki needs Iran.")
NOTES = ("", "check this", "from the column", "weak")
TITLES = ("Shot by Both Sides", "Iran in Iraq", "Draft")
SPOTS = (Position(0, 0), Position(120, 40), Position(-80, 200), None)


def edited(amap: ArgumentMap, rng: random.Random, count: int, edits: tuple | None = None) -> ArgumentMap:
    """A copy of ``amap`` after ``count`` random edits from ``edits`` (refused ones are skipped)."""
    out = amap.copy()
    for _ in range(count):
        edit = rng.choice(edits or EDITS)
        try:
            edit(out, rng)
        except (ModelError, IndexError):
            pass  # the model refused the edit, or there was nothing to edit: the map is unchanged
    return out


def _statement(amap: ArgumentMap, rng: random.Random) -> str:
    return rng.choice(list(amap.statements))


def add_statement(amap, rng):
    sid = amap.new_id("s") if rng.random() < 0.8 else f"s{rng.randint(1, 60)}"
    amap.add(Statement(sid, rng.choice(KINDS), rng.choice(TEXTS), note=rng.choice(NOTES)))


def add_inference(amap, rng):
    ids = list(amap.statements)
    premises = tuple(rng.sample(ids, min(len(ids), rng.randint(1, 2))))
    amap.add(Inference(amap.new_id("i"), premises, rng.choice(ids)))


def add_conflict(amap, rng):
    ids = list(amap.statements)
    targets = ids + list(amap.inferences)
    amap.add(Conflict(amap.new_id("c"), (rng.choice(ids),), rng.choice(targets)))


def remove(amap, rng):
    ids = [*amap.statements, *amap.inferences, *amap.conflicts, *getattr(amap, "sources", ())]
    amap.remove([rng.choice(ids)])


def change_text(amap, rng):
    amap.update(_statement(amap, rng), text=rng.choice(TEXTS))


def change_kind(amap, rng):
    amap.update(_statement(amap, rng), kind=rng.choice(KINDS))


def change_note(amap, rng):
    ids = [*amap.statements, *amap.inferences, *amap.conflicts]
    amap.update(rng.choice(ids), note=rng.choice(NOTES))


def change_tags(amap, rng):
    amap.update(_statement(amap, rng), tags=tuple(rng.sample(("a", "b", "c"), rng.randint(0, 2))))


def change_premises(amap, rng):
    iid = rng.choice(list(amap.inferences))
    ids = list(amap.statements)
    amap.update(iid, premises=tuple(rng.sample(ids, min(len(ids), rng.randint(1, 3)))))


def change_conclusion(amap, rng):
    amap.update(rng.choice(list(amap.inferences)), conclusion=_statement(amap, rng))


def change_target(amap, rng):
    targets = [*amap.statements, *amap.inferences]
    amap.update(rng.choice(list(amap.conflicts)), target=rng.choice(targets))


def move(amap, rng):
    amap.move({_statement(amap, rng): rng.choice(SPOTS)})


def pin(amap, rng):
    sid = _statement(amap, rng)
    amap.update(sid, pinned=not amap.statements[sid].pinned)


def retitle(amap, rng):
    amap.set_meta(title=rng.choice(TITLES))


EDITS = (add_statement, add_statement, add_inference, add_conflict, remove, remove, change_text, change_kind,
         change_note, change_tags, change_premises, change_conclusion, change_target, move, move, pin, retitle)

LINK_EDITS = (add_statement, add_inference, add_conflict, remove, change_premises, change_conclusion,
              change_target)
"""Edits of the links only: two sides editing them often combine into an invalid element."""


# ---------------------------------------------------------------- version 2: sources, grades, comments
SOURCE_TITLES = ("The New York Times", "Slate", "A ministry briefing", "Reuters")
REMARKS = (("ann", "Source?"), ("bo", "Agree."), ("", "Check the date."))


def _source(amap, rng):
    return rng.choice(list(amap.sources))


def _evidence(amap, rng):
    return rng.choice([s.id for s in amap.statements.values() if s.kind == "evidence"])


def add_source(amap, rng):
    via = rng.choice(["", *amap.sources])
    amap.add(Source(amap.new_id("x"), rng.choice(SOURCE_TITLES), rng.choice("ABCDEF"), via=via))


def set_via(amap, rng):
    amap.update(_source(amap, rng), via=rng.choice(["", *amap.sources]))


def set_reliability(amap, rng):
    amap.update(_source(amap, rng), reliability=rng.choice("ABCDEF"))


def cite(amap, rng):
    ids = list(amap.sources)
    amap.update(_evidence(amap, rng), cites=tuple(rng.sample(ids, min(len(ids), rng.randint(0, 2)))))


def grade(amap, rng):
    amap.update(_evidence(amap, rng), credibility=rng.choice((None, 1, 2, 3, 4, 5, 6)))


def reclassify(amap, rng):
    """Evidence becomes a claim (its grades go, as the model asks), or a claim is assumed or not."""
    sid = _statement(amap, rng)
    if amap.statements[sid].kind == "evidence":
        amap.update(sid, kind="claim", cites=(), credibility=None)
    else:
        amap.update(sid, assumed=not amap.statements[sid].assumed)


def comment(amap, rng):
    eid = rng.choice([*amap.statements, *amap.inferences, *amap.conflicts, *amap.sources])
    author, text = rng.choice(REMARKS)
    amap.update(eid, comments=(*amap.get(eid).comments, Comment(text, author)))


def resolve(amap, rng):
    eid = rng.choice([x for x in [*amap.statements, *amap.sources] if amap.get(x).comments])
    notes = list(amap.get(eid).comments)
    k = rng.randrange(len(notes))
    notes[k] = Comment(notes[k].text, notes[k].author, notes[k].date, not notes[k].resolved)
    amap.update(eid, comments=tuple(notes))


V2_EDITS = (*EDITS, add_source, set_via, set_via, set_reliability, cite, grade, reclassify, comment, comment,
            resolve) if VERSION_2 else EDITS
"""Every edit, version 2's too (the same as EDITS before the version-2 model landed)."""
