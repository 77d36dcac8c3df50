"""The text form of ``argmap diff``: a change list that reads like a review, then what it does to the checks.

::

    a.argmap → b.argmap: 2 added, 1 removed, 1 changed, 2 moved
      added objection s9 'Separating rubbish…' attacking s1 (c4)
      i3 removed (s2 no longer supports s1)
      s4: kind claim → evidence
      moved s4, s5
    checks: errors 1 → 2, warnings 3 → 3, info 0 → 0
      new AM001 unsupported-conclusion [s9] 'Separating rubbish…': ...
      gone AM005 unsourced-evidence [s7] 'The ministry…'
      s1: in → out
"""

from __future__ import annotations

import json

from argmap.analysis import check_map
from argmap.formats import native
from argmap.formats.diff import ADDED, CHANGED, MOVED, REMOVED, ElementChange, MapDiff
from argmap.formats.mapdoc import ABSENT, COMMENTS, ELEMENT_LISTS, elements
from argmap.formats.mapdoc import field as value_of
from argmap.gcpause import paused_gc
from argmap.model import ArgumentMap
from argmap.model.text import one_line

TEXT_WIDTH = 40
MOVED_SHOWN = 12
BARE_FIELDS = frozenset(("kind", "conclusion", "target", "via", "reliability"))
"""Fields whose values are ids or codes, shown without quotes."""


def describe(diff: MapDiff, old_name: str, new_name: str, old_map: ArgumentMap | None = None,
             new_map: ArgumentMap | None = None, *, checks: bool = True) -> str:
    """The review text of ``diff`` (one line per change), ending with the effect on the checks.

    Parameters
    ----------
    diff : MapDiff
        The difference to describe.
    old_name, new_name : str
        How to call the two versions (file names).
    old_map, new_map : ArgumentMap, optional
        The maps behind ``diff.old`` and ``diff.new`` (read from the documents when not given).
    checks : bool
        Add the "checks:" part (findings that appear or disappear, labels that change).
    """
    with paused_gc():
        lines = [f"{old_name} → {new_name}: {_summary(diff)}"]
        lines += ["  " + line for line in change_lines(diff)]
        if checks:
            old_map = old_map if old_map is not None else native.from_document(diff.old, old_name)
            new_map = new_map if new_map is not None else native.from_document(diff.new, new_name)
            lines += check_lines(old_map, new_map)
    return "\n".join(lines) + "\n"


def _summary(diff: MapDiff) -> str:
    parts = [f"{n} {op}" for op, n in diff.counts().items() if n and op != "meta"]
    parts += [f"{c.id} changed" for c in diff.meta]
    return ", ".join(parts) if parts else "no differences"


def change_lines(diff: MapDiff) -> list[str]:
    """One line per change, in review order (added, removed, changed, moved, map details)."""
    new, old = _Context(diff.new), _Context(diff.old)
    lines: list[str] = []
    told = set()  # links already told on the line of a statement added with them
    for change in diff.added:
        if change.type == "statement":
            line, links = new.added_statement(change.id, {c.id for c in diff.added})
            told.update(links)
            lines.append(line)
    for change in diff.added:
        if change.type != "statement" and change.id not in told:
            lines.append(new.added_link(change.id))
    lines += [old.removed(change.id) for change in diff.removed]
    for change in diff.changed:
        lines += [f"{change.id}: {part}" for part in _field_parts(change)]
    if diff.moved:
        ids = [c.id for c in diff.moved]
        more = f" and {len(ids) - MOVED_SHOWN} more" if len(ids) > MOVED_SHOWN else ""
        lines.append(f"moved {', '.join(ids[:MOVED_SHOWN])}{more}")
    lines += [_field_change(c.id, ABSENT if c.old is None else c.old, ABSENT if c.new is None else c.new)
              for c in diff.meta]
    return lines


def label(change: ElementChange, diff: MapDiff) -> str:
    """One line for one change, for a list of changes to step through (the app's Compare view).

    Unlike :func:`change_lines`, every change gets its own line: an added
    link is not folded into the line of its added statement, and all the
    fields of a changed element share one line.
    """
    if change.op == ADDED:
        context = _context_of(diff.new)
        if change.type == "statement":
            return context.added_statement(change.id, {c.id for c in diff.added})[0]
        return context.added_link(change.id)
    if change.op == REMOVED:
        return _context_of(diff.old).removed(change.id)
    if change.op == CHANGED:
        return f"{change.id}: " + "; ".join(_field_parts(change))
    if change.op == MOVED:
        return f"moved {change.id}" + (" (pin changed)" if "pinned" in change.fields else "")
    return _field_change(change.id, ABSENT if change.old is None else change.old,
                         ABSENT if change.new is None else change.new)


_CONTEXTS: list[tuple[dict, _Context]] = []
"""The contexts of the last two documents labelled (a diff's two sides): one per list, not one per line."""


def _context_of(doc: dict) -> _Context:
    for known, context in _CONTEXTS:
        if known is doc:
            return context
    context = _Context(doc)
    _CONTEXTS[:] = [*_CONTEXTS[-1:], (doc, context)]
    return context


def _field_parts(change: ElementChange) -> list[str]:
    parts = []
    for name in change.fields:
        before, after = value_of(change.old, name), value_of(change.new, name)
        parts += comment_lines(before, after) if name == COMMENTS else [_field_change(name, before, after)]
    return parts


def check_lines(old_map: ArgumentMap, new_map: ArgumentMap) -> list[str]:
    """What the change does to the checks: summary counts, findings new and gone, labels changed."""
    before, after = check_map(old_map), check_map(new_map)
    counts = [f"{name}s {before.summary()[name]} → {after.summary()[name]}"
              if name != "info" else f"info {before.summary()[name]} → {after.summary()[name]}"
              for name in ("error", "warning", "info")]
    lines = [f"checks: {', '.join(counts)}"]
    old_found = {_key(d): d for d in before.diagnostics}
    new_found = {_key(d): d for d in after.diagnostics}
    for key, d in new_found.items():
        if key not in old_found:
            lines.append(f"  new {d.code} {d.name} [{d.target}] {_quote(new_map, d.target)}: {d.message}")
    for key, d in old_found.items():
        if key not in new_found:
            lines.append(f"  gone {d.code} {d.name} [{d.target}] {_quote(old_map, d.target)}")
    for sid, label in after.labels.items():
        was = before.labels.get(sid)
        if was is not None and was != label:
            lines.append(f"  {sid}: {was} → {label}")
    if len(lines) == 1:
        lines.append("  no finding appears or disappears, no label changes")
    return lines


def comment_lines(old, new) -> list[str]:
    """Comments compare by value: ``comment by ann added: '…'``, ``… removed``, ``… resolved``."""
    old, new = (v if isinstance(v, list) else [] for v in (old, new))
    removed, added = _minus(old, new), _minus(new, old)
    lines = []
    for gone in removed:
        flipped = {**gone, "resolved": not gone.get("resolved", False)}
        match = next((a for a in added if {"resolved": False, **a} == {"resolved": False, **flipped}), None)
        if match is not None:
            added.remove(match)
            lines.append(f"{_comment(gone)} {'resolved' if match.get('resolved') else 'reopened'}")
        else:
            lines.append(f"{_comment(gone)} removed")
    return lines + [f"{_comment(c)} added" for c in added]


def _comment(c: dict) -> str:
    who = f" by {c['author']}" if isinstance(c, dict) and c.get("author") else ""
    text = c.get("text", "") if isinstance(c, dict) else c
    return f"comment{who} {short(text)}"


def _minus(items: list, others: list) -> list:
    left, out = list(others), []
    for item in items:
        if item in left:
            left.remove(item)
        else:
            out.append(item)
    return out


def _key(d) -> tuple:
    return d.code, d.target, tuple(d.related)


def _quote(amap: ArgumentMap, sid: str) -> str:
    s = amap.statements.get(sid)
    return short(s.text) if s is not None else ""


def short(text: str, width: int = TEXT_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis, in single quotes."""
    return "'" + one_line(str(text), width) + "'"


def _field_change(name: str, old, new) -> str:
    if isinstance(old, str) and isinstance(new, str) and name not in BARE_FIELDS:
        old, new = _from_first_difference(old, new)
        return f"{name} {old} → {new}"
    if old is ABSENT:
        return f"{name} {_show(name, new)} added"
    if new is ABSENT:
        return f"{name} {_show(name, old)} removed"
    return f"{name} {_show(name, old)} → {_show(name, new)}"


def _from_first_difference(old: str, new: str) -> tuple[str, str]:
    """Both texts quoted from a few words before where they first differ, so that the change shows."""
    old, new = " ".join(old.split()), " ".join(new.split())
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    if same <= TEXT_WIDTH // 2:
        return short(old), short(new)
    start = old.rfind(" ", 0, same - TEXT_WIDTH // 2) + 1
    return "'…" + short(old[start:])[1:], "'…" + short(new[start:])[1:]


def _show(name: str, value) -> str:
    if isinstance(value, str):
        return value if name in BARE_FIELDS and value else short(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        if all(isinstance(x, str) for x in value):
            return ", ".join(value) if value else "(none)"
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


class _Context:
    """One side of a diff, for wording: roles, texts and links of its elements."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.by_id = elements(doc)
        self.attacks = [e for key, e in self.by_id.values() if key == "conflicts"]
        self.supports = [e for key, e in self.by_id.values() if key == "inferences"]
        self.attackers = {a for c in self.attacks for a in c.get("attackers", ())}

    def role(self, sid: str) -> str:
        """``rebuttal``, ``objection`` or the statement's kind (SPEC §1: roles, not kinds)."""
        targets = [c.get("target") for c in self.attacks if sid in c.get("attackers", ())]
        if any(t in self.attackers for t in targets):
            return "rebuttal"
        if targets:
            return "objection"
        return self.by_id[sid][1].get("kind", "statement")

    def added_statement(self, sid: str, added: set[str]) -> tuple[str, set[str]]:
        """The line of an added statement, and the added links it already tells."""
        text = self.by_id[sid][1].get("text", "")
        parts, told = [], set()
        for c in self.attacks:
            if sid in c.get("attackers", ()):
                verb = "undercutting" if self.by_id.get(c["target"], ("",))[0] == "inferences" else "attacking"
                parts.append(f"{verb} {c['target']}" + (f" ({c['id']})" if c["id"] in added else ""))
                told.add(c["id"])
        for i in self.supports:
            if sid in i.get("premises", ()):
                parts.append(f"supporting {i['conclusion']}" + (f" ({i['id']})" if i["id"] in added else ""))
                told.add(i["id"])
        how = (" " + ", ".join(parts)) if parts else ""
        return f"added {self.role(sid)} {sid} {short(text)}{how}", told & added

    def detail(self, eid: str, negated: bool = False) -> str:
        """``s10 and s11 support s2``, ``s9 attacks s1``, ``evidence 'The report…'``, ``source 'NYT…'``."""
        key, e = self.by_id[eid]
        if key == "inferences":
            return _relation(e.get("premises", []), "support", e.get("conclusion"), negated)
        if key == "conflicts":
            return _relation(e.get("attackers", []), "attack", e.get("target"), negated)
        if key == "statements":
            return f"{self.role(eid)} {short(e.get('text', ''))}"
        return f"{ELEMENT_LISTS.get(key, key)} {short(e.get('title', '') or '')}"

    def added_link(self, eid: str) -> str:
        key, e = self.by_id[eid]
        if key in ("inferences", "conflicts"):
            return f"added {ELEMENT_LISTS[key]} {eid} ({self.detail(eid)})"
        return f"added {ELEMENT_LISTS[key]} {eid} {short(e.get('title', '') or '')}"

    def removed(self, eid: str) -> str:
        return f"{eid} removed ({self.detail(eid, negated=True)})"


def _relation(members: list[str], verb: str, end: str, negated: bool) -> str:
    who = members[0] if len(members) == 1 else ", ".join(members[:-1]) + " and " + members[-1]
    single = len(members) == 1
    if negated:
        return f"{who} no longer {verb}{'s' if single else ''} {end}"
    return f"{who} {verb}{'s' if single else ''} {end}"
