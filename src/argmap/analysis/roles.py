"""The role each claim plays in the structure of the map: objection, rebuttal, reason, ...

SPEC §1: "Objection and rebuttal are roles, not kinds: a claim that attacks
is an objection; a claim that attacks an objection is a rebuttal." The
kind a user gives a statement (claim, evidence, recommendation) never
changes; its role follows from the inferences and conflicts around it,
and the boxes, the exports, the outline and the screen reader show it.

The rules, for a **claim** (the first that applies):

``rebuttal``
    It attacks a statement that itself attacks something (it answers an
    objection, or another rebuttal).
``undercut``
    It attacks an inference: it denies that the premises support the
    conclusion, not the premises or the conclusion themselves.
``objection``
    It attacks a statement.
``co-premise``
    It is a premise only of linked inferences (several premises that are
    all needed together).
``reason``
    It is a premise of an inference of its own (it alone supports the
    conclusion).
``conclusion``
    It is neither a premise nor an attacker, and something supports it (a
    top-level claim with reasons under it: a thesis).

Otherwise a claim has no role (a claim nothing links, or a top-level claim
with nothing under it yet): it is shown as a plain claim. **Evidence and
recommendations have no role**: their kind already says what they are (an
evidence statement that attacks is still evidence; the inferences and
conflicts around it are described with it, see :func:`relation_counts`).
Pure functions of the map, linear in its size.
"""

from __future__ import annotations

from argmap.model import ArgumentMap

ROLES = ("rebuttal", "undercut", "objection", "co-premise", "reason", "conclusion")
"""Every role, in the order the rules above try them."""


def statement_roles(amap: ArgumentMap) -> dict[str, str | None]:
    """The role of every statement of ``amap`` (``None`` for no role).

    Parameters
    ----------
    amap : ArgumentMap
        The map.

    Returns
    -------
    dict
        Statement id → one of :data:`ROLES` or ``None``, in document order.
    """
    attackers = {a for c in amap.conflicts.values() for a in c.attackers}
    attacks_attacker, attacks_inference, attacks_statement = set(), set(), set()
    for con in amap.conflicts.values():
        if con.target in amap.inferences:
            attacks_inference.update(con.attackers)
        elif con.target in attackers:
            attacks_attacker.update(con.attackers)
        else:
            attacks_statement.update(con.attackers)
    single, linked, concluded = set(), set(), set()
    for inf in amap.inferences.values():
        (single if len(inf.premises) == 1 else linked).update(inf.premises)
        concluded.add(inf.conclusion)
    roles: dict[str, str | None] = {}
    for sid, st in amap.statements.items():
        if st.kind != "claim":
            roles[sid] = None
        elif sid in attacks_attacker:
            roles[sid] = "rebuttal"
        elif sid in attacks_inference:
            roles[sid] = "undercut"
        elif sid in attacks_statement:
            roles[sid] = "objection"
        elif sid in single:
            roles[sid] = "reason"
        elif sid in linked:
            roles[sid] = "co-premise"
        elif sid in concluded:
            roles[sid] = "conclusion"
        else:
            roles[sid] = None
    return roles


def relation_counts(amap: ArgumentMap) -> dict[str, dict[str, int]]:
    """How many inferences support each statement, and how many conflicts attack it.

    Returns
    -------
    dict
        Statement id → ``{"supported_by": n, "attacked_by": n, "supports": n, "attacks": n}``;
        ``supported_by`` counts the inferences into it, ``attacked_by`` the
        conflicts on it and on the inferences into it (undercuts), and
        ``supports`` / ``attacks`` the inferences and conflicts it takes part in.
    """
    counts = {sid: {"supported_by": 0, "attacked_by": 0, "supports": 0, "attacks": 0} for sid in amap.statements}
    for inf in amap.inferences.values():
        counts[inf.conclusion]["supported_by"] += 1
        for p in inf.premises:
            counts[p]["supports"] += 1
    for con in amap.conflicts.values():
        target = con.target
        if target in amap.inferences:
            target = amap.inferences[target].conclusion
        counts[target]["attacked_by"] += 1
        for a in con.attackers:
            counts[a]["attacks"] += 1
    return counts
