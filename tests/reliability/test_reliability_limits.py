"""Absurd sizes are refused by argmap.limits.LIMITS, with a clear one-line message and bounded memory.

The full-size cases (a 10-million-character statement, 1,000,000 statements,
10,000 premises) are written to disk and checked with ``argmap check`` in a
subprocess, whose exit status, stderr and peak RSS are measured. The other
readers are checked against the same limits lowered in-process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from reliability_helpers import loads_of

from argmap.limits import LIMITS
from argmap.model import FormatError

RSS_CEILING_MB = 2_000
"""Peak RSS allowed to ``argmap check`` refusing a file under the 64 MB size limit (generous: a leak guard)."""

_MEASURE = (  # VmHWM, not ru_maxrss: Linux carries the forking parent's peak into ru_maxrss
    "import sys\n"
    "from argmap.cli import main\n"
    "status = main(['check', *sys.argv[1:]])\n"
    "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM:')]\n"
    "sys.stderr.write('PEAK_RSS_KB %s\\n' % hwm[0].split()[1])\n"
    "sys.exit(status)\n")


def run_check(path, **env) -> tuple[int, list[str], int]:
    """Run ``argmap check path`` in a fresh interpreter: (exit status, stderr lines, peak RSS in MB)."""
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=300)
    lines = proc.stderr.splitlines()
    rss = [int(x.split()[1]) for x in lines if x.startswith("PEAK_RSS_KB ")]
    return proc.returncode, [x for x in lines if not x.startswith("PEAK_RSS_KB ")], rss[0] // 1024 if rss else -1


def native_file(path, statements, inferences=()) -> None:
    doc = {"format": "argmap", "version": 1, "statements": statements, "inferences": list(inferences)}
    path.write_text(json.dumps(doc), encoding="utf-8")


def _claims(n: int) -> list[dict]:
    return [{"id": f"s{k}", "kind": "claim", "text": ""} for k in range(n)]


@pytest.mark.slow
@pytest.mark.parametrize("case, variable", [
    ("text-10M", "ARGMAP_MAX_TEXT_CHARS"),
    ("statements-1M", "ARGMAP_MAX_STATEMENTS"),
    ("premises-10k", "ARGMAP_MAX_PREMISES"),
])
def test_check_refuses_absurd_sizes(case, variable, tmp_path):
    path = tmp_path / f"{case}.argmap"
    if case == "text-10M":
        native_file(path, [{"id": "s1", "kind": "claim", "text": "x" * 10_000_000}])
    elif case == "statements-1M":
        native_file(path, _claims(1_000_000))
    else:
        native_file(path, _claims(10_001), [{"id": "i1", "premises": [f"s{k}" for k in range(1, 10_001)],
                                             "conclusion": "s0"}])
    status, stderr, rss_mb = run_check(path)
    assert status == 2, stderr
    assert len(stderr) == 1 and stderr[0].startswith(f"argmap check: {path}"), stderr
    assert variable in stderr[0] and "limit" in stderr[0]
    assert 0 < rss_mb < RSS_CEILING_MB, f"peak RSS {rss_mb} MB"


def test_file_size_limit_comes_from_the_environment(tmp_path):
    path = tmp_path / "big.argmap"
    native_file(path, [{"id": "s1", "kind": "claim", "text": "x" * 1_500_000}])
    status, stderr, _ = run_check(path, ARGMAP_MAX_FILE_MB="1", ARGMAP_MAX_TEXT_CHARS="2000000")
    assert status == 2 and len(stderr) == 1
    assert "too large" in stderr[0] and "ARGMAP_MAX_FILE_MB" in stderr[0]
    status, stderr, _ = run_check(path, ARGMAP_MAX_TEXT_CHARS="2000000")
    assert status in (0, 1), stderr


@pytest.mark.parametrize("variable, value, make", [
    ("ARGMAP_MAX_TEXT_CHARS", "20", lambda: [{"id": "s1", "kind": "claim", "text": "x" * 21}]),
    ("ARGMAP_MAX_STATEMENTS", "5", lambda: _claims(6)),
])
def test_limits_come_from_the_environment(variable, value, make, tmp_path):
    path = tmp_path / "small.argmap"
    native_file(path, make())
    status, stderr, _ = run_check(path)
    assert status in (0, 1), stderr
    status, stderr, _ = run_check(path, **{variable: value})
    assert status == 2 and len(stderr) == 1 and variable in stderr[0], stderr


def _aif(nodes: list[dict], edges: list[dict]) -> str:
    return json.dumps({"nodes": nodes, "edges": edges})


def _graphml(statements: int, premises: int, text: str) -> str:
    from argmap.formats import graphml
    from argmap.model import ArgumentMap, Inference, Statement

    amap = ArgumentMap()
    amap.add_all([Statement(f"s{k}", "claim", text) for k in range(statements)])
    if premises:
        amap.add(Inference("i1", tuple(f"s{k}" for k in range(1, premises + 1)), "s0"))
    return graphml.dumps(amap)


READER_CASES = {
    "aif": {
        "max_text_chars": lambda: _aif([{"nodeID": "1", "text": "x" * 51, "type": "I"}], []),
        "max_statements": lambda: _aif([{"nodeID": str(k), "text": "t", "type": "I"} for k in range(11)], []),
        "max_premises": lambda: _aif([{"nodeID": str(k), "text": "t", "type": "I"} for k in range(5)]
                                     + [{"nodeID": "ra", "text": "", "type": "RA"}],
                                     [{"edgeID": f"e{k}", "fromID": str(k), "toID": "ra"} for k in range(1, 5)]
                                     + [{"edgeID": "ec", "fromID": "ra", "toID": "0"}]),
    },
    "graphml": {
        "max_text_chars": lambda: _graphml(1, 0, "x" * 51),
        "max_statements": lambda: _graphml(11, 0, "t"),
        "max_premises": lambda: _graphml(5, 4, "t"),
    },
}
LOWERED = {"max_text_chars": 50, "max_statements": 10, "max_premises": 3}


@pytest.mark.parametrize("fmt, limit", [(f, lim) for f in READER_CASES for lim in LOWERED])
def test_other_readers_enforce_the_limits(fmt, limit, monkeypatch):
    """The same limits, lowered in-process, refuse small documents of the other formats (argdown: known bugs)."""
    loads = loads_of(fmt)
    document = READER_CASES[fmt][limit]()
    loads(document, name=f"limits.{fmt}")  # accepted under the normal limits
    monkeypatch.setattr(LIMITS, limit, LOWERED[limit])
    with pytest.raises(FormatError) as err:
        loads(document, name=f"limits.{fmt}")
    assert str(err.value).startswith(f"limits.{fmt}") and "limit" in str(err.value)
