"""Argdown syntax tree to :class:`~argmap.model.ArgumentMap`.

Private helper of :mod:`argmap.formats.argdown`; the mapping rules are
listed in that module's docstring.
"""

from __future__ import annotations

import re

from argmap.formats import argdown_parser as ap
from argmap.formats.argdown_collect import Collector, Item
from argmap.limits import LIMITS
from argmap.model import (
    KINDS,
    Anchor,
    ArgumentMap,
    Conflict,
    FormatError,
    Inference,
    ModelError,
    Position,
    Source,
    SourceInfo,
    Statement,
)

STATEMENT_KEYS = {"id", "kind", "text", "tags", "note", "basis", "source", "anchors", "position", "pinned",
                  "cites", "credibility", "assumed", "comments"}
SUPPORT = {"+": "in", "<+": "in", "+>": "out"}
ATTACK = {"-": "in", "<-": "in", "->": "out"}
UNDERCUT = {"_": "in", "<_": "in", "_>": "out"}


def slug(title: str) -> str:
    """A plain id for a title: letters, digits, ``_ . -``; other runs become ``-``."""
    text = re.sub(r"[^\w.\-]+", "-", title.strip()).strip("-")
    return text or "x"


class Mapper(Collector):
    """Builds the map from a parsed document (after the first pass, :class:`Collector`); use :func:`to_map`."""

    def build(self, doc: ap.Document) -> ArgumentMap:
        self.collect(doc)
        amap = ArgumentMap(*self.meta(doc.front_matter))
        sources = self.sources(doc.front_matter)
        self.used: set[str] = set()
        self.suffix: dict[str, int] = {}  # base -> last number given to it by new_id
        self.counters: dict[str, int] = {}
        for it in self.items.values():
            wanted = it.data.get("id")
            if isinstance(wanted, str) and wanted and wanted not in self.used:
                self.used.add(wanted)
        self.ids: dict[tuple[str, str], str] = {}
        rows = [it for it in sorted(self.items.values(), key=lambda i: i.order) if it.kind == "ec" or it.pcs is None]
        if len(rows) > LIMITS.max_statements:
            raise FormatError(self.name, f"{len(rows):,} statements: above the limit of {LIMITS.max_statements:,} "
                                         "(ARGMAP_MAX_STATEMENTS raises it)")
        statements = [self.statement(it) for it in rows]
        self.inferences: dict[str, Inference] = {}
        self.conflicts: dict[str, Conflict] = {}
        self.inference_keys: set[tuple] = set()  # (conclusion, premises): Argdown repeats relations
        self.single_attacks: set[tuple] = set()  # (target, attacker) of one-attacker conflicts
        self.step_ids: dict[int, str] = {}
        self.main: dict[str, str] = {}
        self.rank: dict[str, tuple[int, int]] = {}
        for seq, event in enumerate(self.events):
            self.seq = seq
            if event[0] == "pcs":
                self.pcs_inferences(event[1], event[2])
        for seq, event in enumerate(self.events):
            self.seq = seq
            if event[0] == "relation":
                self.relation(*event[1:])
        ordered = sorted(self.inferences, key=self.rank.__getitem__)
        self.inferences = {iid: self.inferences[iid] for iid in ordered}
        try:
            amap.add_all([*sources, *statements, *self.inferences.values(), *self.conflicts.values()])
        except ModelError as exc:
            raise FormatError(self.name, exc.rule, element=exc.element) from None
        return amap

    def meta(self, front: dict) -> tuple[str, SourceInfo, dict, list]:
        title = front.get("title", "")
        extra_block = front.get("argmap", {})
        if not isinstance(extra_block, dict):
            extra_block = {}
        merge = extra_block.get("merge_conflicts", [])
        if not isinstance(merge, list):
            raise FormatError(self.name, "must be an array", element="front matter argmap.merge_conflicts")
        merge = [self.native.merge_conflict(m, f"front matter argmap.merge_conflicts[{n}]")
                 for n, m in enumerate(merge)]
        src = extra_block.get("source", {})
        source = SourceInfo()
        if isinstance(src, dict):
            known = {k: str(src[k]) for k in ("title", "author", "published", "url", "sha256", "path") if k in src}
            source = SourceInfo(**known, extra={k: v for k, v in src.items() if k not in known})
        extra = extra_block.get("extra", {})
        return (title if isinstance(title, str) else str(title), source, extra if isinstance(extra, dict) else {},
                merge)

    def sources(self, front: dict) -> list[Source]:
        """The cited sources of the front matter (SPEC §5), held to the native format's rules."""
        block = front.get("argmap", {})
        found = block.get("sources", []) if isinstance(block, dict) else []
        if not isinstance(found, list):
            raise FormatError(self.name, "must be an array", element="front matter argmap.sources")
        sources = [self.native.cited_source(x, f"front matter argmap.sources[{n}]") for n, x in enumerate(found)]
        self.native.source_ids = {x.id for x in sources}
        self.native.check_via(sources, "front matter argmap.sources")
        return sources

    def new_id(self, base: str) -> str:
        candidate, n = base, self.suffix.get(base, 1)
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.suffix[base] = n  # the next clash on this base starts counting here, not from 1
        self.used.add(candidate)
        return candidate

    def numbered_id(self, prefix: str) -> str:
        n = self.counters.get(prefix, 0) + 1
        while f"{prefix}{n}" in self.used:
            n += 1
        self.counters[prefix] = n
        self.used.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def statement(self, it: Item) -> Statement:
        data = it.data
        wanted = data.get("id")
        sid = wanted if isinstance(wanted, str) and wanted else self.new_id(slug(it.title))
        self.ids[(it.kind, it.title)] = sid
        for key in sorted(set(data) - STATEMENT_KEYS):
            self.warn(it.line, f"data key {_short(repr(key))} of {_short(_label(it))} is not kept "
                               "(argmap has no such field)")
        tags = list(it.tags)
        kind = data.get("kind")
        if kind not in KINDS:
            kind = next((t for t in tags if t in ("evidence", "recommendation")), "claim")
            if kind != "claim":
                tags.remove(kind)
        if isinstance(data.get("tags"), list):
            tags = [str(t) for t in data["tags"]]
        elif it.section and it.section not in tags:
            tags.append(it.section)
        text = data["text"] if isinstance(data.get("text"), str) else it.text if it.has_text else it.title
        if len(text) > LIMITS.max_text_chars:
            raise FormatError(self.name, f"text of {len(text):,} characters is above the limit of "
                                         f"{LIMITS.max_text_chars:,} (ARGMAP_MAX_TEXT_CHARS raises it)",
                              element=_short(_label(it)), line=it.line)
        at = f"{_short(_label(it))} (line {it.line})"
        return Statement(sid, kind, text, basis=_str(data, "basis"), source=_str(data, "source"),
                         anchors=self.anchors(data.get("anchors"), it), note=_str(data, "note"),
                         tags=tuple(tags), position=self.position(data.get("position"), it),
                         pinned=data.get("pinned") is True, cites=self.native.cites(data, kind, at),
                         credibility=self.native.credibility(data, kind, at),
                         assumed=self.native.assumed(data, kind, at), comments=self.native.comments(data, at))

    def anchors(self, value: object, it: Item) -> tuple[Anchor, ...]:
        if value is None:
            return ()
        try:
            anchors = tuple(Anchor(int(a["start"]), int(a["end"]), str(a.get("quote", ""))) for a in value)
        except (TypeError, KeyError, ValueError, OverflowError):
            anchors = None
        if anchors is None or not all(0 <= a.start <= a.end for a in anchors):
            self.warn(it.line, f"anchors of {_short(_label(it))} are not a list of {{start, end, quote}} with "
                               "0 <= start <= end and were ignored")
            return ()
        return anchors

    def position(self, value: object, it: Item) -> Position | None:
        if value is None:
            return None
        x, y = (value.get("x"), value.get("y")) if isinstance(value, dict) else (None, None)
        if all(not isinstance(v, bool) and isinstance(v, (int, float)) and abs(v) <= 1e9 for v in (x, y)):
            return Position(float(x), float(y))
        self.warn(it.line, f"position of {_short(_label(it))} is not {{x, y}} with numbers of at most 1e9 "
                           "and was ignored")
        return None

    # -------------------------------------------------------------- inferences
    def pcs_inferences(self, it: Item, keys: list[tuple[str, tuple]]) -> None:
        wanted = it.data.get("id")
        base = wanted if isinstance(wanted, str) and wanted else slug(it.title.replace("\x00", "argument "))
        if it.has_text or it.tags:
            self.warn(it.line, f"the description and tags of the reconstructed argument <{it.title}> are not kept "
                               "(argmap keeps its inferences)")
        numbered = dict(keys)
        conclusions = [n for n, s in enumerate(it.pcs.steps) if isinstance(s, ap.PcsStatement) and s.conclusion]
        pool: list[str] = []
        statements = iter(keys)
        for n, step in enumerate(it.pcs.steps):
            if isinstance(step, ap.PcsInference):
                continue
            _num, key = next(statements)
            sid = self.ids[key]
            if not step.conclusion:
                pool.append(sid)
                continue
            inf_step = it.pcs.steps[n - 1]
            premises = self.uses(inf_step, numbered) or pool
            last = n == conclusions[-1]
            step_base = base if last else f"{base}.{conclusions.index(n) + 1}"
            iid = wanted if last and base == wanted else self.new_id(step_base)
            if last:
                self.main[it.title] = iid
            self.add_inference(iid, premises, sid, str(inf_step.data.get("note", "")), inf_step.line,
                               explicit=True, comments=self.comments(inf_step.data, "comments", inf_step.line))
            self.step_ids[id(inf_step)] = iid
            pool = [sid]
        it.steps = pool

    def uses(self, step: ap.PcsInference, numbered: dict[str, tuple]) -> list[str]:
        uses = step.data.get("uses")
        if not isinstance(uses, list):
            return []
        found = [self.ids[numbered[str(u)]] for u in uses if str(u) in numbered]
        return list(dict.fromkeys(found))

    def comments(self, data: dict, key: str, line: int | None) -> tuple:
        """Comments kept in a relation's or an inference's data (SPEC §6), held to the native rules."""
        if key not in data:
            return ()
        return self.native.comments({"comments": data[key]}, f"{key} (line {line})")

    def add_inference(self, iid: str, premises: list[str], conclusion: str, note: str, line: int,
                      explicit: bool = False, comments: tuple = ()) -> None:
        premises = [p for p in dict.fromkeys(premises) if p != conclusion]
        _check_count(self.name, len(premises), "premises", line)
        if not premises:
            self.warn(line, f"the inference to {conclusion!r} has no premise other than its conclusion; skipped")
            return
        key = (conclusion, tuple(premises))
        if not explicit and key in self.inference_keys:
            return  # Argdown states the same relation in several places
        self.inference_keys.add(key)
        self.inferences[iid] = Inference(iid, tuple(premises), conclusion, note, comments)
        self.rank[iid] = (self.seq, len(self.rank))

    # -------------------------------------------------------------- relations
    def endpoint(self, key: tuple, role: str) -> str | None:
        """The model id standing for an element: a statement, or an inference for undercut targets."""
        kind, title = key
        if kind == "inf":
            return self.step_ids.get(title[1])
        if kind == "arg":
            it = self.items[key]
            if it.pcs is not None:
                if role == "undercut":
                    return self.main.get(title)
                return it.steps[0] if it.steps else None
        return self.ids.get(key)

    def relation(self, symbol: str, parent: tuple, child: tuple, line: int, data: dict) -> None:
        for table, what in ((SUPPORT, "support"), (ATTACK, "attack"), (UNDERCUT, "undercut")):
            if symbol in table:
                src, tgt = (child, parent) if table[symbol] == "in" else (parent, child)
                self.directed(what, src, tgt, line, data)
                return
        self.mutual(parent, child, line, data)

    def directed(self, what: str, src: tuple, tgt: tuple, line: int, data: dict) -> None:
        source = self.endpoint(src, "source")
        if src[0] == "inf" or source is None:
            self.warn(line, f"an inference cannot be the source of a {what} relation; skipped")
            return
        if what == "undercut" and (tgt[0] == "ec" or (tgt[0] == "arg" and self.items[tgt].pcs is None)):
            self.warn(line, f"undercut of the statement {self.endpoint(tgt, 'target')!r} read as an attack "
                            "(argmap undercuts inferences only)")
            what = "attack"
        if what == "attack" and tgt[0] == "inf":
            what = "undercut"
        target = self.endpoint(tgt, "undercut" if what == "undercut" else "target")
        if target is None or target == source:
            self.warn(line, f"a {what} relation from {source!r} to itself or to nothing was skipped")
            return
        if what == "support":
            if tgt[0] == "inf":
                self.warn(line, "a support of an inference has no meaning in argmap; skipped")
                return
            wanted = data.get("inference")
            iid = wanted if isinstance(wanted, str) and wanted and wanted not in self.used else None
            self.used.add(iid or "")
            note = str(data.get("inference_note", ""))
            self.add_inference(iid or self.numbered_id("i"), [source], target, note, line, explicit=bool(iid),
                               comments=self.comments(data, "inference_comments", line))
        elif self.strict and src[0] == "ec" and tgt[0] == "ec":
            self.mutual(src, tgt, line, data)
        else:
            self.add_conflict(source, target, data, line)

    def mutual(self, a: tuple, b: tuple, line: int, data: dict) -> None:
        first, second = self.endpoint(a, "source"), self.endpoint(b, "source")
        if first is None or second is None or first == second or "inf" in (a[0], b[0]):
            self.warn(line, "a contradiction needs two different statements; skipped")
            return
        self.add_conflict(first, second, data)
        self.add_conflict(second, first, {})

    def add_conflict(self, attacker: str, target: str, data: dict, line: int | None = None) -> None:
        wanted = data.get("conflict")
        if isinstance(wanted, str) and wanted in self.conflicts:
            old = self.conflicts[wanted]
            if old.target == target and attacker not in old.attackers:
                _check_count(self.name, len(old.attackers) + 1, "attackers", None)
                self.conflicts[wanted] = old.copy(attackers=old.attackers + (attacker,))
                if len(old.attackers) == 1:
                    self.single_attacks.discard((old.target, old.attackers[0]))
                return
        if not (isinstance(wanted, str) and wanted and wanted not in self.conflicts):
            wanted = None
        if not wanted and (target, attacker) in self.single_attacks:
            return
        cid = self.new_id(wanted) if wanted else self.numbered_id("c")
        self.conflicts[cid] = Conflict(cid, (attacker,), target, str(data.get("conflict_note", "")),
                                       self.comments(data, "conflict_comments", line))
        self.single_attacks.add((target, attacker))


def _check_count(name: str, count: int, what: str, line: int | None) -> None:
    if count > LIMITS.max_premises:
        raise FormatError(name, f"{count:,} {what}: above the limit of {LIMITS.max_premises:,} "
                                "(ARGMAP_MAX_PREMISES raises it)", line=line)


def _short(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters for a message (line breaks shown as spaces)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _label(it: Item) -> str:
    return f"[{it.title}]" if it.kind == "ec" else f"<{it.title}>"


def _str(data: dict, key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else str(value)


def to_map(doc: ap.Document, name: str, warnings: list[str]) -> ArgumentMap:
    """Map a parsed Argdown document to an :class:`ArgumentMap` (raises ``FormatError``)."""
    return Mapper(name, warnings).build(doc)
