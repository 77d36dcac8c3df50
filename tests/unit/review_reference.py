"""A naive three-way merge of native documents, written from SPEC §6 as patches on BASE.

It shares no code with ``argmap.formats.merge``: each side's changes are
worked out as a patch against BASE (field values that differ, elements
removed), the patches are applied to BASE, and validity is judged by
SPEC §1's rules written out on the dicts (every bad element at once, not
the first the reader names). Order: OURS' list, then each element only
THEIRS keeps inserted after its predecessor in THEIRS, behind OURS'
additions there and behind THEIRS' own put there before, with ``list.insert``.
"""

from __future__ import annotations

LISTS = ("statements", "inferences", "conflicts", "sources")
GONE = "<gone>"  # a field or element absent on that side


def index(doc: dict) -> dict:
    return {e["id"]: (key, e) for key in LISTS for e in doc.get(key, [])}


def minus(items: list, others: list) -> list:
    left, out = list(others), []
    for item in items:
        if item in left:
            left.remove(item)
        else:
            out.append(item)
    return out


def comments(b, o, t) -> list:
    b, o, t = (x if isinstance(x, list) else [] for x in (b, o, t))
    o_pool, t_pool, kept = list(o), list(t), []
    for c in b:
        if c in o_pool and c in t_pool:
            o_pool.remove(c)
            t_pool.remove(c)
            kept.append(c)
    ours_added = minus(o, b)
    return kept + ours_added + minus(minus(t, b), ours_added)


def patch(base: dict, side: dict) -> tuple[dict, set]:
    """(id, field) -> new value (GONE when dropped) for changed fields; and the ids the side removed."""
    changes = {}
    for eid, (key, e) in side.items():
        old = base.get(eid, (key, {}))[1] if base.get(eid, (key,))[0] == key else {}
        for f in set(e) | set(old):
            if e.get(f, GONE) != old.get(f, GONE):
                changes[(eid, f)] = e.get(f, GONE)
    return changes, {eid for eid in base if eid not in side}


def reference_merge(base_doc: dict, ours_doc: dict, theirs_doc: dict) -> tuple[dict, list[dict]]:
    b, o, t = index(base_doc), index(ours_doc), index(theirs_doc)
    conflicts: dict = {}

    def record(eid, name, vb, vo, vt):
        none = [None if v is GONE else v for v in (vb, vo, vt)]
        conflicts.setdefault((eid, name), {"id": eid, "field": name, "base": none[0], "ours": none[1],
                                           "theirs": none[2]})

    def version(side, eid):
        return side[eid][1] if eid in side else None

    po, removed_o = patch(b, o)
    pt, removed_t = patch(b, t)
    result = {eid: (key, dict(e)) for eid, (key, e) in b.items()}
    for eid in [*o, *t]:
        if eid not in b or (eid in o and eid in t and b[eid][0] != o[eid][0]):
            result[eid] = ((o.get(eid) or t.get(eid))[0], {})
    touched_o = {eid for eid, _ in po}
    touched_t = {eid for eid, _ in pt}
    for (eid, f) in set(po) | set(pt):
        if f == "comments" or (eid in o and eid in t and o[eid][0] != t[eid][0]):
            continue
        if (eid, f) in po and (eid, f) in pt and po[(eid, f)] != pt[(eid, f)]:
            record(eid, f, result[eid][1].get(f, GONE) if eid in b else GONE, po[(eid, f)], pt[(eid, f)])
        value = po[(eid, f)] if (eid, f) in po else pt[(eid, f)]
        if value is GONE:
            result[eid][1].pop(f, None)
        else:
            result[eid][1][f] = value
    for eid in set(result):
        if eid in o and eid in t and o[eid][0] != t[eid][0]:
            result[eid] = o[eid]
            record(eid, "type", version(b, eid), o[eid][1], t[eid][1])
            continue
        key, e = result[eid]
        c = comments(version(b, eid) and version(b, eid).get("comments"),
                     version(o, eid) and version(o, eid).get("comments"),
                     version(t, eid) and version(t, eid).get("comments"))
        e.pop("comments", None)
        if c:
            e["comments"] = c
    pool = {}
    for eid in removed_o | removed_t:
        if eid in removed_o and eid in removed_t:
            del result[eid]
        elif eid in removed_t:  # ours kept it
            if eid in touched_o:
                record(eid, "removed", version(b, eid), version(o, eid), None)
                result[eid] = o[eid]
            else:
                pool[eid] = o[eid]
                del result[eid]
        else:
            if eid in touched_t:
                record(eid, "removed", version(b, eid), None, version(t, eid))
                pool[eid] = t[eid]
            else:
                pool[eid] = t[eid]
            result.pop(eid)
    banned: set = set()
    while True:
        _keep_referenced(result, pool, banned, b, o, t, record, version)
        bad = [eid for eid in result if not _valid(result, eid)]
        if not bad:
            break
        for eid in bad:
            if eid in o:
                for f in set(result[eid][1]) | set(o[eid][1]):
                    if f != "comments" and result[eid][1].get(f, GONE) != o[eid][1].get(f, GONE):
                        record(eid, f, version(b, eid).get(f, GONE) if eid in b else GONE,
                               o[eid][1].get(f, GONE), version(t, eid).get(f, GONE) if eid in t else GONE)
                merged_comments = result[eid][1].get("comments")
                result[eid] = (o[eid][0], {k: v for k, v in o[eid][1].items() if k != "comments"})
                if merged_comments:
                    result[eid][1]["comments"] = merged_comments
            else:
                del result[eid]
                banned.add(eid)
                record(eid, "removed", version(b, eid), None, version(t, eid))
    return _document(result, b, o, t, base_doc, ours_doc, theirs_doc, record), list(conflicts.values())


def _keep_referenced(result, pool, banned, b, o, t, record, version) -> None:
    changed = True
    while changed:
        changed = False
        for eid in list(result):
            e = result[eid][1]
            refs = [e.get("conclusion"), e.get("target"), e.get("via"),
                    *e.get("premises", []), *e.get("attackers", []), *e.get("cites", [])]
            for ref in refs:
                if ref is not None and ref not in result and ref in pool and ref not in banned:
                    result[ref] = pool.pop(ref)
                    record(ref, "removed", version(b, ref), version(o, ref), version(t, ref))
                    changed = True


def _valid(result: dict, eid: str) -> bool:
    key, e = result[eid]
    statements = {x for x, (k, _) in result.items() if k == "statements"}
    inferences = {x for x, (k, _) in result.items() if k == "inferences"}
    sources = {x for x, (k, _) in result.items() if k == "sources"}
    if key == "statements":  # SPEC §5: grades on evidence, assumptions on claims, cited sources exist
        cites = e.get("cites", [])
        return (all(x in sources for x in cites) and len(set(cites)) == len(cites)
                and (e["kind"] == "evidence" or ("cites" not in e and "credibility" not in e))
                and (e["kind"] == "claim" or not e.get("assumed")))
    if key == "sources":
        return not e.get("via") or e["via"] in sources
    if key == "inferences":
        ps = e["premises"]
        return (bool(ps) and len(set(ps)) == len(ps) and all(p in statements for p in ps)
                and e["conclusion"] in statements and e["conclusion"] not in ps)
    if key == "conflicts":
        at = e["attackers"]
        return (bool(at) and len(set(at)) == len(at) and all(a in statements for a in at)
                and (e["target"] in statements or e["target"] in inferences) and e["target"] not in at)
    return True


def _document(result, b, o, t, base_doc, ours_doc, theirs_doc, record) -> dict:
    doc = {"format": "argmap", "version": 1}
    skip = {"format", "version", "merge_conflicts", *LISTS}
    for key in [k for d in (ours_doc, theirs_doc, base_doc) for k in d if k not in skip]:
        if key in doc:
            continue
        vb, vo, vt = (d.get(key, GONE) for d in (base_doc, ours_doc, theirs_doc))
        if vo != vt and vo != vb and vt != vb:
            record("", key, vb, vo, vt)
        value = vo if vo == vt or vt == vb or (vo != vb) else vt
        if value is not GONE:
            doc[key] = value
    for key in LISTS:
        if not any(key in d for d in (ours_doc, theirs_doc, base_doc)):
            continue
        order = [eid for eid, (k, _) in o.items() if k == key and eid in result and result[eid][0] == key]
        last, inserted = None, set()
        for eid, (k, _) in t.items():
            if k != key or eid not in result or result[eid][0] != key:
                continue
            if eid not in order:
                at = order.index(last) + 1 if last is not None else 0
                while at < len(order) and (order[at] in inserted or (order[at] not in b and order[at] in o)):
                    at += 1  # behind OURS' additions there, and behind THEIRS' own put there before
                order.insert(at, eid)
                inserted.add(eid)
            last = eid
        order += [eid for eid, (k, _) in result.items() if k == key and eid not in order]
        doc[key] = [result[eid][1] for eid in order]
    return doc


def has_via_loop(doc: dict) -> bool:
    """Does a ``via`` chain of the document's sources come back to where it started?"""
    via = {x["id"]: x.get("via") for x in doc.get("sources", [])}
    for start in via:
        seen, here = set(), start
        while here in via and via[here]:
            if here in seen:
                return True
            seen.add(here)
            here = via[here]
    return False
