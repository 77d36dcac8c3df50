"""Reviewing a draft: what accepting or rejecting proposals changes, computed without changing the map.

The app's review flow turns a :class:`Review` into one undo step: the field
updates (``UpdateFields``), the removals (``RemoveElements``) and the map's new
``extra`` (``SetMeta``). Accepting keeps an element as it is (a statement keeps
its anchors, so the Source panel still highlights it) but drops its
``proposed`` tag and takes it off the map's list of proposals; rejecting
removes it (a rejected statement takes the relations that name it along, and
its text is "not mapped" again).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.draft.assemble import DRAFT_KEY, PROPOSED, Proposal
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Review:
    """What one review step changes.

    Attributes
    ----------
    updates : dict
        Element id -> ``{field: new value}`` (for ``UpdateFields``).
    remove : tuple of str
        Ids to remove (for ``RemoveElements``; it removes what depends on them).
    extra : dict
        The map's new ``extra`` (for ``SetMeta(extra=...)``): the draft list without the reviewed ids.
    """

    updates: dict[str, dict] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


def proposals(amap: ArgumentMap) -> list[str]:
    """The ids of the map's elements that are still proposals (listed under its ``draft`` key and present)."""
    listed = (amap.extra.get(DRAFT_KEY) or {}).get("proposed") or []
    return [eid for eid in listed if isinstance(eid, str) and eid in amap]


def accept(amap: ArgumentMap, ids: Iterable[str]) -> Review:
    """Accept the proposals ``ids`` (unknown or already accepted ids are ignored)."""
    chosen = set(ids) & set(proposals(amap))
    updates = {}
    for sid in chosen & set(amap.statements):
        tags = amap.statements[sid].tags
        if PROPOSED in tags:
            updates[sid] = {"tags": tuple(t for t in tags if t != PROPOSED)}
    return Review(updates, (), _without(amap.extra, chosen))


def reject(amap: ArgumentMap, ids: Iterable[str]) -> Review:
    """Reject the proposals ``ids``: remove them (unknown or accepted ids are ignored)."""
    listed = proposals(amap)
    chosen = [eid for eid in listed if eid in set(ids)]
    return Review({}, tuple(chosen), _without(amap.extra, set(chosen)))


def with_proposal(extra: dict, proposal: Proposal) -> dict:
    """``extra`` with the ids of ``proposal`` added to the draft list (drafting a selection into an open map)."""
    out = copy.deepcopy(extra)
    draft = out.setdefault(DRAFT_KEY, {})
    if not isinstance(draft, dict):
        draft = out[DRAFT_KEY] = {}
    listed = [eid for eid in draft.get("proposed") or [] if isinstance(eid, str)]
    draft["proposed"] = listed + [eid for eid in proposal.ids() if eid not in listed]
    return out


def _without(extra: dict, ids: set[str]) -> dict:
    out = copy.deepcopy(extra)
    draft = out.get(DRAFT_KEY)
    if isinstance(draft, dict):
        draft["proposed"] = [eid for eid in draft.get("proposed") or [] if eid not in ids]
    return out
