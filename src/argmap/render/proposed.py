"""What of a map is a proposal of the draft, as the pictures show it (canvas and exports alike).

A drafted statement carries the tag ``proposed`` until the analyst accepts
it; a drafted support or attack is listed under the map's ``draft`` key
(``extra["draft"]["proposed"]``) until then. Boxes of proposed statements
are drawn with a dashed border and "PROPOSED" in their header; proposed
relations with a dotted line and a hollow arrowhead, so that both read
without colour.

The names are those of :mod:`argmap.draft` (``PROPOSED``, ``DRAFT_KEY``),
written out here: importing the draft package takes 40–70 ms, which the
window's start and the exporters need not pay.
"""

from __future__ import annotations

PROPOSED = "proposed"
"""The tag of a drafted statement not yet accepted (``argmap.draft.PROPOSED``)."""

DRAFT_KEY = "draft"
"""The map's top-level key listing what is still proposed (``argmap.draft.DRAFT_KEY``)."""

HEADER_MARK = "PROPOSED · "
"""What the header of a proposed statement's box starts with."""


def is_proposed(statement) -> bool:
    """Whether ``statement`` is a proposal of the draft (it carries the tag ``proposed``)."""
    return PROPOSED in statement.tags


def listed(amap) -> list[str]:
    """The ids the map lists as proposed (present or not), in the order listed."""
    draft = amap.extra.get(DRAFT_KEY)
    found = draft.get("proposed") if isinstance(draft, dict) else None
    return [eid for eid in found if isinstance(eid, str)] if isinstance(found, list) else []


def proposed_links(amap) -> frozenset[str]:
    """Ids of the inferences and conflicts of ``amap`` that are still proposals."""
    return frozenset(eid for eid in listed(amap) if eid in amap.inferences or eid in amap.conflicts)
