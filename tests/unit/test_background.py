"""The second core of a one-shot command: work in a forked child, its JSON result, and every fallback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis import check_map
from argmap.analysis.report import Report
from argmap.cli import background
from argmap.cli.background import Forked, can_fork
from argmap.formats import read_file
from argmap.model.synth import argument_like

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"
CASES = ROOT.parent / "shared" / "cases"
CASES_FORKING = ["case_the_result_is_computed_in_a_child_and_equals_the_function",
                 "case_a_result_bigger_than_a_pipe_buffer_arrives_whole",
                 "case_an_error_in_the_child_is_raised_again_in_the_process",
                 "case_a_child_that_dies_or_sends_nothing_usable_is_replaced_by_the_process",
                 "case_a_process_with_a_second_thread_never_forks",
                 "case_what_a_child_sends_is_received_as_the_caller_decodes_it"]


@pytest.mark.parametrize("case", CASES_FORKING)
def test_forking_in_a_fresh_process(case):
    """Each case runs in a new interpreter: the test process may have threads (Qt's, from GUI tests),
    and then nothing forks, by design (see ``can_fork``)."""
    if not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2:
        pytest.skip("forking is only used on Linux with more than one CPU")
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_background as t; t.{case}()"
    env = {k: v for k, v in os.environ.items() if k != background.JOBS_ENV}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]


def whose(_value=None) -> dict:
    return {"pid": os.getpid(), "text": "Irak — Iran ✓", "numbers": list(range(5))}


def case_the_result_is_computed_in_a_child_and_equals_the_function():
    assert can_fork()
    job = Forked(whose)
    assert job._pid not in (None, os.getpid())
    got = job.result()
    assert got["pid"] == job._pid  # it really ran in the child
    assert {k: v for k, v in got.items() if k != "pid"} == {k: v for k, v in whose().items() if k != "pid"}
    assert job.result() is got  # asked twice, computed once


def case_a_result_bigger_than_a_pipe_buffer_arrives_whole():
    big = {"rows": [[n, "x" * 40] for n in range(100_000)]}  # about 5 MB of JSON
    assert Forked(lambda: big).result() == json.loads(json.dumps(big))


def test_without_fork_nothing_is_forked_and_the_work_happens_when_asked(monkeypatch):
    calls = []
    job = Forked(lambda: calls.append(1) or len(calls), fork=False)
    assert job._pid is None and calls == []
    assert job.result() == 1 and job.result() == 1 and calls == [1]
    monkeypatch.setenv(background.JOBS_ENV, "1")
    assert not can_fork()
    assert Forked(whose)._pid is None
    assert Forked(whose).result()["pid"] == os.getpid()


def case_an_error_in_the_child_is_raised_again_in_the_process():
    def broken():
        raise ValueError(f"no good in {os.getpid()}")

    job = Forked(broken)
    with pytest.raises(ValueError, match=f"no good in {os.getpid()}$"):  # raised here, by this process
        job.result()


def case_a_child_that_dies_or_sends_nothing_usable_is_replaced_by_the_process():
    parent = os.getpid()

    def dies():
        if os.getpid() != parent:
            os._exit(0)  # ends without sending anything
        return "done here"

    def not_json():
        return {1, 2} if os.getpid() != parent else "done here"  # a set cannot be sent

    assert Forked(dies).result() == "done here"
    assert Forked(not_json).result() == "done here"


@pytest.mark.parametrize("amap", [
    pytest.param(lambda: read_file(BUNDLED), id="bundled"),
    pytest.param(lambda: argument_like(400, seed=3), id="synthetic"),
    *[pytest.param(lambda p=p: read_file(p), id=p.stem) for p in sorted(CASES.glob("v2/*.argmap"))],
])
def test_a_report_read_back_from_its_json_equals_the_report(amap):
    amap = amap()
    report = check_map(amap)
    back = Report.from_json(json.loads(json.dumps(report.to_json("m.argmap"))))
    assert back.to_json("m.argmap") == report.to_json("m.argmap")
    assert back.supported == report.supported and back.labels == report.labels
    assert back.diagnostics == report.diagnostics
    assert back.summary() == report.summary()
    for sid in amap.statements:
        assert back.for_target(sid) == report.for_target(sid)
        assert back.touching(sid) == report.touching(sid)


def case_a_process_with_a_second_thread_never_forks():
    import threading

    assert can_fork()
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        job = Forked(whose)
        assert job._pid is None and job.result()["pid"] == os.getpid()
    finally:
        release.set()
        other.join()


def case_what_a_child_sends_is_received_as_the_caller_decodes_it():
    parent = os.getpid()
    job = Forked(lambda: {os.getpid(), 3}, send=sorted, receive=lambda data: ("decoded", data))
    kind, (three, child) = job.result()  # sorted: 3 before any process id above it
    assert kind == "decoded" and three == 3 and child not in (parent, None)


def test_in_one_process_the_value_is_neither_encoded_nor_decoded():
    def never(_):
        raise AssertionError("nothing is sent in one process")

    value = {1, 2}
    assert Forked(lambda: value, fork=False, send=never, receive=never).result() is value
