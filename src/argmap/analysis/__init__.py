"""Checks of an argument map (SPEC §3, §5): the supported set, labels and diagnostics AM001-AM012.

Pure functions of the map, no Qt::

    report = check_map(amap)
    report.supported, report.labels, report.diagnostics, report.summary()
"""

from argmap.analysis.explain import explain, explain_unsupported
from argmap.analysis.report import Report, check_map
from argmap.analysis.rules import RULES, SEVERITIES, Diagnostic, Rule

__all__ = ["RULES", "SEVERITIES", "Diagnostic", "Report", "Rule", "check_map", "explain", "explain_unsupported"]
