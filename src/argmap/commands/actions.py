"""Builders of the editing commands: what each user action means for the model.

Each function checks that the action makes sense, creates the new elements
with fresh ids and returns one :class:`~argmap.commands.edits.MapCommand`
(not yet applied: run it with :func:`~argmap.commands.edits.execute`).
They raise :class:`~argmap.model.ModelError` for an action that cannot be
done (for example linking a statement to itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from argmap.commands.drafting import remove_command
from argmap.commands.edits import AddElements, MapCommand, MoveStatements, SetMeta, UpdateFields
from argmap.commands.passages import passage_text, trim_span
from argmap.model import KINDS, Anchor, ArgumentMap, Conflict, Inference, ModelError, Position, Statement

LINKS = ("support", "attack")
"""How a statement made from a passage joins the map (besides standing alone)."""


def fresh_ids(amap: ArgumentMap, prefix: str, count: int) -> list[str]:
    """``count`` ids starting with ``prefix`` that the map does not use yet."""
    first = int(amap.new_id(prefix)[len(prefix):])
    return [f"{prefix}{first + k}" for k in range(count)]


def add_statement(amap: ArgumentMap, kind: str = "claim", text: str = "",
                  position: Position | None = None) -> AddElements:
    """A new, unlinked statement."""
    _check_kind(kind)
    sid = amap.new_id("s")
    return AddElements(amap, [Statement(sid, kind, text, position=position)], f"Add {kind}")


def add_premise(amap: ArgumentMap, conclusion: str, position: Position | None = None,
                kind: str = "claim", text: str = "") -> AddElements:
    """A new statement supporting ``conclusion`` through a new inference, in one step."""
    _check_statement(amap, conclusion)
    _check_kind(kind)
    sid, iid = amap.new_id("s"), amap.new_id("i")
    new = Statement(sid, kind, text, position=position)
    return AddElements(amap, [new, Inference(iid, (sid,), conclusion)], "Add premise")


def add_objection(amap: ArgumentMap, target: str, position: Position | None = None, text: str = "") -> AddElements:
    """A new claim attacking ``target`` (a statement, or an inference: an undercut), in one step."""
    if target not in amap.statements and target not in amap.inferences:
        raise ModelError(target, "an objection needs a statement or an inference to attack")
    sid, cid = amap.new_id("s"), amap.new_id("c")
    new = Statement(sid, "claim", text, position=position)
    return AddElements(amap, [new, Conflict(cid, (sid,), target)], "Add objection")


def add_sibling(amap: ArgumentMap, sid: str, position: Position | None = None, text: str = "") -> AddElements:
    """A new statement beside ``sid``: another reason for what it supports, another objection to what it attacks.

    The sibling of a premise of an inference into C is a new, separate
    reason for C (its own inference: convergent support); the sibling of
    an attacker of T is a new objection to T; the sibling of a statement
    that supports and attacks nothing is a new loose claim. It has the
    kind of ``sid`` (a recommendation's sibling is a claim).
    """
    _check_statement(amap, sid)
    kind = amap.statements[sid].kind
    kind = "claim" if kind == "recommendation" else kind
    new_id = amap.new_id("s")
    new = Statement(new_id, kind, text, position=position)
    parent = next((i for i in amap.inferences.values() if sid in i.premises), None)
    if parent is not None:
        return AddElements(amap, [new, Inference(amap.new_id("i"), (new_id,), parent.conclusion)], "Add reason")
    attack = next((c for c in amap.conflicts.values() if sid in c.attackers), None)
    if attack is not None:
        return AddElements(amap, [new.copy(kind="claim" if kind == "evidence" else kind),
                                  Conflict(amap.new_id("c"), (new_id,), attack.target)], "Add objection")
    return AddElements(amap, [new], f"Add {kind}")


def add_conclusion(amap: ArgumentMap, ids: Iterable[str], position: Position | None = None,
                   text: str = "") -> AddElements:
    """A new claim over ``ids``: they support it, and it takes their place in the structure.

    For one statement that supports (or attacks) something, the new claim
    comes in between: the inference (or conflict) that used it now uses the
    new claim, which the statement supports. Several statements, or one
    that supports nothing, jointly support the new claim (one linked
    inference); their other links stay as they are.
    """
    ids = [sid for sid in dict.fromkeys(ids)]
    if not ids:
        raise ModelError("", "select the statements the new conclusion should rest on")
    for sid in ids:
        _check_statement(amap, sid)
    new_id = amap.new_id("s")
    new = Statement(new_id, "claim", text, position=position)
    support = Inference(amap.new_id("i"), tuple(ids), new_id)
    if len(ids) > 1:
        return AddElements(amap, [new, support], "Add conclusion")
    (sid,) = ids
    updates = {}
    use = next((i for i in amap.inferences.values() if sid in i.premises), None)
    if use is not None:
        updates[use.id] = {"premises": tuple(new_id if p == sid else p for p in use.premises)}
    else:
        attack = next((c for c in amap.conflicts.values() if sid in c.attackers), None)
        if attack is not None:
            updates[attack.id] = {"attackers": tuple(new_id if a == sid else a for a in attack.attackers)}
    return AddElements(amap, [new, support], "Add conclusion", updates=updates)


def add_co_premise(amap: ArgumentMap, inference: str, position: Position | None = None,
                   text: str = "") -> AddElements:
    """A new claim added to the premises of an existing inference (a linked premise)."""
    inf = amap.inferences.get(inference)
    if inf is None:
        raise ModelError(inference, "no such inference")
    sid = amap.new_id("s")
    return AddElements(amap, [Statement(sid, "claim", text, position=position)], "Add co-premise",
                       updates={inference: {"premises": inf.premises + (sid,)}})


def add_passage(amap: ArgumentMap, source_text: str, start: int, end: int, kind: str = "evidence", *,
                link: str | None = None, target: str | None = None,
                position: Position | None = None) -> AddElements:
    """A statement quoting ``source_text[start:end]``, anchored on it, and linked to ``target``, in one step.

    The span loses the white space around it first, so the statement's text
    and its anchor's quote are the same words (the quote exactly as in the
    text, the statement's text on one line).

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    source_text : str
        The source text the offsets count in (code points, ``\\n`` line ends).
    start, end : int
        The selected span.
    kind : {"evidence", "claim", "recommendation"}
        Kind of the new statement.
    link : {None, "support", "attack"}
        ``"support"``: the new statement supports ``target`` (a new inference);
        ``"attack"``: it attacks ``target`` (a statement, or an inference: an
        undercut); ``None``: it stands alone.
    target : str, optional
        The statement (or, for an attack, inference) to link to.
    position : Position, optional
        Centre of the new box.

    Raises
    ------
    ModelError
        When the span holds no text, or the link or target makes no sense.
    """
    _check_kind(kind)
    start, end = trim_span(source_text, start, end)
    if start >= end:
        raise ModelError("", "the selected passage holds no text: select some words of the source")
    if link not in (None, *LINKS):
        raise ModelError("", f"unknown link {link!r}: must be one of {', '.join(LINKS)}")
    anchor = Anchor(start, end, source_text[start:end])
    sid = amap.new_id("s")
    new = Statement(sid, kind, passage_text(source_text, start, end), anchors=(anchor,), position=position)
    if link is None:
        return AddElements(amap, [new], f"Add {kind} from source")
    if target is None:
        raise ModelError("", "select the statement the passage should be linked to")
    if link == "support":
        _check_statement(amap, target)
        element = Inference(amap.new_id("i"), (sid,), target)
        name = f"Add {kind} for {target}"
    else:
        if target not in amap.statements and target not in amap.inferences:
            raise ModelError(target, "an objection needs a statement or an inference to attack")
        element = Conflict(amap.new_id("c"), (sid,), target)
        name = f"Add objection to {target}"
    return AddElements(amap, [new, element], name)


def link_support(amap: ArgumentMap, premises: Iterable[str], conclusion: str) -> AddElements:
    """A new inference: ``premises`` jointly support ``conclusion``."""
    premises = tuple(dict.fromkeys(premises))
    for sid in (*premises, conclusion):
        _check_statement(amap, sid)
    if conclusion in premises:
        raise ModelError(conclusion, "a statement cannot support itself")
    for inf in amap.inferences_into(conclusion):
        if set(inf.premises) == set(premises):
            raise ModelError(inf.id, "this support already exists")
    return AddElements(amap, [Inference(amap.new_id("i"), premises, conclusion)], "Link support")


def link_attack(amap: ArgumentMap, attackers: Iterable[str], target: str) -> AddElements:
    """A new conflict: ``attackers`` attack ``target`` (statement: rebuttal; inference: undercut)."""
    attackers = tuple(dict.fromkeys(attackers))
    for sid in attackers:
        _check_statement(amap, sid)
    if target not in amap.statements and target not in amap.inferences:
        raise ModelError(target, "an attack needs a statement or an inference as its target")
    if target in attackers:
        raise ModelError(target, "a statement cannot attack itself")
    for con in amap.conflicts_on(target):
        if set(con.attackers) == set(attackers):
            raise ModelError(con.id, "this attack already exists")
    text = "Link undercut" if target in amap.inferences else "Link attack"
    return AddElements(amap, [Conflict(amap.new_id("c"), attackers, target)], text)


def join_inference(amap: ArgumentMap, inference: str, statement: str) -> UpdateFields:
    """Make an existing statement a co-premise of ``inference`` (drop onto a junction)."""
    inf = amap.inferences.get(inference)
    if inf is None:
        raise ModelError(inference, "no such inference")
    _check_statement(amap, statement)
    if statement in inf.premises:
        raise ModelError(inference, "this statement is already one of its premises")
    if statement == inf.conclusion:
        raise ModelError(inference, "a conclusion cannot be its own premise")
    return UpdateFields(amap, {inference: {"premises": inf.premises + (statement,)}}, "Add co-premise")


def edit_text(amap: ArgumentMap, sid: str, text: str, merge: bool = False) -> UpdateFields:
    """New text for a statement; with ``merge``, consecutive edits of it are one undo step."""
    _check_statement(amap, sid)
    return UpdateFields(amap, {sid: {"text": text}}, "Edit text", merge=merge)


def edit_fields(amap: ArgumentMap, eid: str, **fields) -> UpdateFields:
    """Change any fields of one element (statement details, inference or conflict note)."""
    if eid not in amap:
        raise ModelError(eid, "no such element")
    name = "Edit note" if set(fields) == {"note"} else "Edit " + ", ".join(sorted(fields))
    return UpdateFields(amap, {eid: fields}, name)


def set_kind(amap: ArgumentMap, ids: Iterable[str], kind: str) -> UpdateFields:
    """Change the kind of the given statements (other ids are ignored)."""
    _check_kind(kind)
    changes = {sid: _kind_change(amap.statements[sid], kind) for sid in ids
               if sid in amap.statements and amap.statements[sid].kind != kind}
    if not changes:
        raise ModelError("", f"nothing to change: the selected statements are already {kind}")
    return UpdateFields(amap, changes, f"Make {kind}")


def _kind_change(statement, kind: str) -> dict:
    """The new kind, and the grades it cannot carry cleared (SPEC §5: cites and credibility are for
    evidence, assumed for claims), so the change is allowed and undone as one step."""
    change: dict = {"kind": kind}
    if kind != "evidence":
        if statement.cites:
            change["cites"] = ()
        if statement.credibility is not None:
            change["credibility"] = None
    if kind != "claim" and statement.assumed:
        change["assumed"] = False
    return change


def delete(amap: ArgumentMap, ids: Iterable[str]) -> MapCommand:
    """Delete elements and everything that depends on them, as one step.

    On a drafted map the deleted proposals also leave its list of proposals
    (:func:`argmap.commands.drafting.remove_command`).
    """
    ids = [eid for eid in dict.fromkeys(ids) if eid in amap]
    if not ids:
        raise ModelError("", "nothing to delete")
    return remove_command(amap, ids)


def move(amap: ArgumentMap, positions: Mapping[str, Position], merge: bool = False,
         text: str = "Move") -> MoveStatements:
    """Move statements (only those whose position changes)."""
    changed = {sid: p for sid, p in positions.items()
               if sid in amap.statements and amap.statements[sid].position != p}
    if not changed:
        raise ModelError("", "nothing moved")
    return MoveStatements(amap, changed, text, merge=merge)


def apply_layout(amap: ArgumentMap, positions: Mapping[str, Position]) -> MoveStatements:
    """Positions from an automatic layout, as one undoable move (pinned statements stay)."""
    keep = {sid: p for sid, p in positions.items()
            if sid in amap.statements and not amap.statements[sid].pinned}
    return move(amap, keep, text="Lay out")


def set_meta(amap: ArgumentMap, **meta) -> SetMeta:
    """Change the map's ``title``, ``source`` or ``extra``."""
    return SetMeta(amap, **meta)


PROPERTY_KEYS = ("title", "author", "date", "source_title", "source_author", "published", "url")
"""What :func:`set_properties` sets."""


def set_properties(amap: ArgumentMap, **values: str) -> SetMeta:
    """The map's properties as one step: its ``title``, ``author`` and ``date``, and its source's details.

    ``author`` and ``date`` are the top-level keys of the same names
    (``amap.extra``; an empty value removes the key); ``source_title``,
    ``source_author``, ``published`` and ``url`` go to ``amap.source``.
    Values not given keep their current value.

    Raises
    ------
    ModelError
        For an unknown property, or when nothing would change.
    """
    unknown = set(values) - set(PROPERTY_KEYS)
    if unknown:
        raise ModelError("", f"unknown map propert{'ies' if len(unknown) > 1 else 'y'}: {', '.join(sorted(unknown))}")
    meta: dict = {}
    if "title" in values and values["title"] != amap.title:
        meta["title"] = values["title"]
    extra = dict(amap.extra)
    for key in ("author", "date"):
        if key in values:
            if values[key]:
                extra[key] = values[key]
            else:
                extra.pop(key, None)
    if extra != amap.extra:
        meta["extra"] = extra
    fields = {"title": "source_title", "author": "source_author", "published": "published", "url": "url"}
    source = replace(amap.source, **{f: values[k] for f, k in fields.items() if k in values})
    if source != amap.source:
        meta["source"] = source
    if not meta:
        raise ModelError("", "nothing to change: the map's properties are already these")
    return SetMeta(amap, "Edit map properties", **meta)


def _check_statement(amap: ArgumentMap, sid: str) -> None:
    if sid not in amap.statements:
        raise ModelError(sid, "no such statement")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ModelError("", f"unknown kind {kind!r}: must be one of {', '.join(KINDS)}")
