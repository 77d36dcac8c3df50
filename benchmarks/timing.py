"""The timing helper the benchmark scripts share (import it as ``timing`` from a script in this folder)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(func: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
            ) -> tuple[float, object]:
    """The smallest ``clock`` time of ``repeat`` calls of ``func``, and the last call's result.

    ``time.perf_counter`` (the default) gives wall time; ``time.process_time``
    the CPU time of this process, less sensitive to a busy machine.
    """
    times, result = [], None
    for _ in range(max(1, repeat)):
        start = clock()
        result = func()
        times.append(clock() - start)
    return min(times), result


def best(func: Callable[[], object], repeat: int) -> float:
    """The smallest wall time of ``repeat`` calls of ``func``."""
    return best_of(func, repeat)[0]
