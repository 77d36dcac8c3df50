"""Work a one-shot command does on a second core: a function run in a forked child, its result sent back as JSON.

``argmap export`` checks the map while it starts Qt and measures text, and
measures the finished picture (edges through boxes, crossings) while it
writes the file. Each piece is a pure function of data the process already
holds, so a child made with :func:`os.fork` has it all without copying; the
result comes back through a pipe as JSON (never pickle) and is decoded by
the caller.

Where forking is not possible or pointless (not Linux, one CPU, or
``ARGMAP_JOBS=1`` in the environment), the function simply runs in the
process when the result is asked for. If the child fails in any way (an
exception, a crash, a signal), the work is done again in the process, so an
error surfaces exactly as it would without the child.

Only for command-line processes: the app never forks (a GUI process has
threads, and a child of it could inherit a held lock).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

JOBS_ENV = "ARGMAP_JOBS"
"""Set it to ``1`` to keep every piece of work in the process (for comparison and debugging)."""


def can_fork() -> bool:
    """Whether work may go to a forked child here.

    Linux, more than one usable CPU, not turned off, and a process with one
    thread only: a child gets a copy of just the forking thread, so a lock
    another thread held (Qt starts worker threads once it has encoded a PNG)
    would stay locked in the child for ever.
    """
    if os.environ.get(JOBS_ENV, "").strip() == "1" or not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1 and len(os.listdir("/proc/self/task")) == 1
    except (AttributeError, OSError):
        return False


def _same(value: Any) -> Any:
    return value


class Forked:
    """``fn(*args)`` computed by a forked child while the caller goes on; :meth:`result` waits for it.

    A child sends ``send(fn(*args))``, which must be JSON-able (dicts,
    lists, strings, numbers), and the result is ``receive`` of that data as
    JSON decodes it (tuples come back as lists); both default to leaving
    the value as it is. With ``fork=False``, or where :func:`can_fork` says
    no, nothing is forked: ``fn`` runs when the result is first asked for,
    and its value is the result as it is (nothing is encoded or decoded).

    Examples
    --------
    >>> Forked(sum, [1, 2, 3]).result()
    6
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, fork: bool = True,
                 send: Callable[[Any], Any] = _same, receive: Callable[[Any], Any] = _same):
        self._fn, self._args, self._send, self._receive = fn, args, send, receive
        self._pid: int | None = None
        self._fd: int | None = None
        self._done = False
        self._value: Any = None
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or too many processes: do the work here instead
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, and end without running any clean-up of the parent's
            os.close(read)
            _child(write, lambda: self._send(self._fn(*self._args)))
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> Any:
        """The value of ``fn(*args)``: from the child when it sent one, else computed now."""
        if not self._done:
            data = self._collect()
            self._value = self._fn(*self._args) if data is None else self._receive(data["value"])
            self._done = True
        return self._value

    def _collect(self) -> dict | None:
        if self._fd is None:
            return None
        chunks = []
        with os.fdopen(self._fd, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        self._fd = None
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or not chunks:
            return None
        try:
            data = json.loads(b"".join(chunks))
        except ValueError:
            return None
        return data if isinstance(data, dict) and "value" in data else None


def _child(fd: int, work: Callable[[], Any]) -> None:
    status = 1
    try:
        payload = json.dumps({"value": work()}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
        status = 0
    except BaseException:  # noqa: BLE001 - any failure: the parent does the work itself
        pass
    finally:
        os._exit(status)
