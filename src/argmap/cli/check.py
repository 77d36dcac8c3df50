"""``argmap check FILE...``: the findings of every check, as text for people or JSON Lines (SPEC §4)."""

from __future__ import annotations

import json
import sys

from argmap.cli.common import EXIT_BAD, EXIT_FOUND, EXIT_OK, SEVERITY_RANK, leave_now, read_map
from argmap.model.text import one_line


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="check maps and report the findings")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="error")


def run(args, exit_when_done: bool = False) -> int:
    return run_check(args.files, args.format, args.fail_on, exit_when_done)


def run_check(files: list[str], fmt: str, fail_on: str, exit_when_done: bool = False) -> int:
    """Check each file; print a report per file; return the exit status.

    With ``exit_when_done`` the process ends here (see :func:`main`), while
    the last map and its report are still referenced, so nothing is freed.
    """
    from argmap.analysis import check_map
    from argmap.gcpause import paused_gc

    status = EXIT_OK
    for name in files:
        with paused_gc(freeze=True):
            amap = read_map("check", name)
            if amap is None:
                status = EXIT_BAD
                continue
            report = check_map(amap)
            if fmt == "json":
                record = report.to_json(name)  # kept until the next file: freeing it now costs time
                _write_bytes(_json_line(record))
            else:
                sys.stdout.write(format_text_report(name, amap, report))
        if status != EXIT_BAD and _fails(report, fail_on):
            status = EXIT_FOUND
    sys.stdout.flush()
    if exit_when_done:
        leave_now(status)
    return status


def _json_line(obj: dict) -> bytes:
    """One JSON Lines record, UTF-8."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is an optional accelerator
        return (json.dumps(obj) + "\n").encode("ascii")
    try:
        return orjson.dumps(obj) + b"\n"
    except TypeError:  # text orjson will not encode (lone surrogates): the standard library escapes it
        return (json.dumps(obj) + "\n").encode("ascii")


def _write_bytes(data: bytes) -> None:
    """Write to stdout's byte stream (no second encoding pass for megabytes of JSON)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests capturing output)
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    sys.stdout.flush()
    buffer.write(data)


def _fails(report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    limit = SEVERITY_RANK[fail_on]
    return any(n and SEVERITY_RANK[severity] <= limit for severity, n in report.summary().items())


def format_text_report(name: str, amap, report) -> str:
    """A report for people: findings grouped by severity, one line each, then a summary."""
    sources = f", {len(amap.sources)} sources" if amap.sources else ""
    lines = [f"{name}: {amap.title or 'untitled map'} ({len(amap)} statements, "
             f"{len(amap.inferences)} inferences, {len(amap.conflicts)} conflicts{sources})"]
    for severity in ("error", "warning", "info"):
        found = [d for d in report.diagnostics if d.severity == severity]
        if not found:
            continue
        lines.append(f"  {severity.upper()}S ({len(found)})" if len(found) != 1 else f"  {severity.upper()} (1)")
        for d in found:
            text = _short(amap.statements[d.target].text) if d.target in amap.statements else ""
            source = f" (source {d.source}: \"{_short(amap.sources[d.source].title)}\")" if d.source else ""
            lines.append(f"    {d.code} {d.name} [{d.target}] \"{text}\"{source}: {d.message}")
    counts = report.summary()
    supported = len(report.supported)
    lines.append(f"  summary: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
                 f"{supported} of {len(amap)} statements supported")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 50) -> str:
    return one_line(text, width)


