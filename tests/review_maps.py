"""Maps for the review tests: the bundled map and an edited copy with every kind of change (SPEC §6)."""

from __future__ import annotations

from argmap.formats import read_file
from argmap.model import ArgumentMap, Comment, Conflict, Inference, Position, Statement
from argmap.resources_path import example_map

OBJECTION = "Separating rubbish from gold in these reports takes more than a column."


def bundled() -> ArgumentMap:
    """The bundled map of the article."""
    return read_file(example_map())


def reviewed(base: ArgumentMap) -> ArgumentMap:
    """``base`` as a reviewer sent it back: every kind of change of a diff.

    Added: an objection s90 with its conflict c90 on s1, and a support i90
    from s4 to s2. Removed: statement s49 (with what the cascade takes: the
    inference i31 into it and its conflict c9) and inference i3. Changed: the
    kind of s4 and the text of s5, the note of i1, a comment on s2. Moved: s6
    and s7. Map detail: the title.
    """
    other = base.copy()
    other.remove(["s49", "i3"])
    other.add_all([Statement("s90", "claim", OBJECTION, position=Position(-560.0, -160.0)),
                   Conflict("c90", ("s90",), "s1"),
                   Inference("i90", ("s4",), "s2")])
    other.update("s4", kind="evidence")
    other.update("s5", text=base.statements["s5"].text + " (Kaplan says so twice.)")
    other.update("i1", note="Linked: both fronts at once.")
    other.update("s2", comments=(Comment("Is 'outsmarting' the word?", "ann", "2024-05-02"),))
    for sid in ("s6", "s7"):
        p = other.statements[sid].position
        other.move({sid: Position(p.x + 200.0, p.y + 80.0)})
    other.set_meta(title="Shot by Both Sides (reviewed)")
    return other
