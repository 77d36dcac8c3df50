"""``check_map``: every check of SPEC §3 and §5 on one map, gathered in a :class:`Report`."""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import itemgetter

from argmap.analysis.critical import critical_statements
from argmap.analysis.diagnostics import Facts, all_findings, diagnostics_of
from argmap.analysis.grades import grade_facts
from argmap.analysis.graph import build_graph, cyclic_components
from argmap.analysis.labels import LABEL_NAMES, label_run
from argmap.analysis.rules import RULES, SEVERITIES, Diagnostic
from argmap.analysis.support import supported_run
from argmap.gcpause import paused_gc
from argmap.model import ArgumentMap


class Report:
    """The result of :func:`check_map`.

    Attributes
    ----------
    supported : tuple of str
        Statement ids in the supported set S, in document order.
    labels : dict
        Statement id -> ``"in"``, ``"out"`` or ``"undecided"``, for every statement.
    diagnostics : list of Diagnostic
        Sorted by (code, target, related, source); made when first read
        (``argmap check --format json`` never needs the objects).
    """

    def __init__(self, supported: tuple, labels: dict, findings: list[tuple]):
        self.supported = supported
        self.labels = labels
        self._findings = findings  # rows (code, target, related, render, args, source); see diagnostics.py
        self._diagnostics: list[Diagnostic] | None = None
        self._by_target: dict[str, list[Diagnostic]] | None = None
        self._touching: dict[str, list[Diagnostic]] | None = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is None:
            self._diagnostics = diagnostics_of(self._findings)
        return self._diagnostics

    def summary(self) -> dict[str, int]:
        """Number of findings per severity: ``{"error": n, "warning": n, "info": n}``."""
        counts = dict.fromkeys(SEVERITIES, 0)
        for code, n in Counter(map(itemgetter(0), self._findings)).items():
            counts[RULES[code].severity] += n
        return counts

    def for_target(self, sid: str) -> list[Diagnostic]:
        """Findings whose target is ``sid``, in report order."""
        if self._by_target is None:
            index: dict[str, list[Diagnostic]] = {}
            for d in self.diagnostics:
                index.setdefault(d.target, []).append(d)
            self._by_target = index
        return list(self._by_target.get(sid, ()))

    def touching(self, sid: str) -> list[Diagnostic]:
        """Findings whose target or related ids include ``sid``, in report order."""
        if self._touching is None:
            index: dict[str, list[Diagnostic]] = {}
            for d in self.diagnostics:
                for x in dict.fromkeys((d.target, *d.related)):
                    index.setdefault(x, []).append(d)
            self._touching = index
        return list(self._touching.get(sid, ()))

    def to_json(self, file_name: str) -> dict:
        """The object ``argmap check --format json`` prints for one file (SPEC §4; an AM009 finding
        also names its ``source``, SPEC §5).

        Written from the finding rows, so ``argmap check`` never makes :class:`Diagnostic` objects.
        """
        severity = {code: rule.severity for code, rule in RULES.items()}
        found = [{"code": code, "severity": severity[code], "target": target, "related": list(related),
                  "message": render(*args)} if source is None else
                 {"code": code, "severity": severity[code], "target": target, "source": source,
                  "related": list(related), "message": render(*args)}
                 for code, target, related, render, args, source in self._findings]
        return {"file": file_name, "summary": self.summary(), "supported": list(self.supported),
                "labels": self.labels, "diagnostics": found}

    @classmethod
    def from_json(cls, data: dict) -> Report:
        """The report back from the object :meth:`to_json` wrote (messages as written there).

        It equals the report that was written: the same supported set,
        labels and diagnostics, and :meth:`to_json` gives the same object.
        ``argmap export`` uses it to check the map in a child process.
        """
        rows = [(d["code"], d["target"], tuple(d["related"]), str, (d["message"],), d.get("source"))
                for d in data["diagnostics"]]
        return cls(tuple(data["supported"]), dict(data["labels"]), rows)

    def __repr__(self) -> str:
        return f"Report({len(self.labels)} statements, {self.summary()})"


def check_map(amap: ArgumentMap) -> Report:
    """Run every check of SPEC §3 and §5 on ``amap``.

    Parameters
    ----------
    amap : ArgumentMap
        The map; it is only read.

    Returns
    -------
    Report
        Supported set, labels and diagnostics. A pure function of the map's
        content: the same map gives an equal report.
    """
    with paused_gc():  # many small lists, no cycles: the collector would only slow it down
        return _check(amap)


def _check(amap: ArgumentMap) -> Report:
    graph = build_graph(amap)
    flags, usable = supported_run(graph)
    components = cyclic_components(graph)
    codes, stands = label_run(graph, flags, components)
    critical = critical_statements(graph, flags, components, usable)
    facts = Facts(graph, flags, codes, stands, components, critical, usable, grade_facts(graph))
    sids = graph.sids
    supported = tuple(compress(sids, flags))
    labels = dict(zip(sids, map(LABEL_NAMES.__getitem__, codes)))
    return Report(supported, labels, all_findings(facts))
