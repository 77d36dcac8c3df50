"""Long-session soak: thousands of random edits in the real window, offscreen, with live checks.

Run ``python benchmarks/soak.py [--edits 10000] [--statements 2000] [--seed 1]``;
it prints a table of edits, elapsed time, RSS and Python heap at each
checkpoint, the Qt warnings seen, and whether undoing every edit gave the
first map back. ``tests/reliability/test_soak.py`` runs the same driver
(:func:`run_soak`) with fewer edits and asserts on what it returns.

Edits are the user's: add premise / objection / co-premise (canvas slots,
so new boxes are placed by ``place_new``), edit text, change kind, delete,
move, link support or attack, undo, redo. Every ``check_every`` edits the
document's debounced check is flushed and Qt events are processed, so the
panels and the canvas follow the model as in a real session.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
import tracemalloc
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
"""Printed by Qt's offscreen platform plugin itself (not by argmap) when a window is shown."""

WEIGHTS = {"add_premise": 12, "add_objection": 6, "add_co_premise": 6, "edit_text": 14, "set_kind": 6,
           "delete": 8, "move": 14, "link_support": 6, "link_attack": 4, "undo": 16, "redo": 8}


def rss_bytes() -> int:
    """Resident memory of this process (``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Checkpoint:
    """The state of the session after ``edits`` edits."""

    edits: int
    seconds: float
    rss: int
    heap: int
    statements: int
    undo_count: int


@dataclass
class SoakResult:
    """What :func:`run_soak` saw."""

    checkpoints: list[Checkpoint] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    undone_to_start: bool | None = None
    canvas_in_sync: bool = True


class Session:
    """Random edits on one window (see the module docstring)."""

    def __init__(self, window, seed: int):
        self.window = window
        self.scene = window.scene
        self.doc = window.document
        self.rng = random.Random(seed)
        self.ops = list(WEIGHTS)
        self.weights = [WEIGHTS[o] for o in self.ops]

    def pick(self) -> str | None:
        ids = list(self.doc.amap.statements)
        return self.rng.choice(ids) if ids else None

    def step(self) -> tuple[str, bool]:
        """One random edit; returns its name and whether the model accepted it."""
        from argmap.model import ModelError

        op = self.rng.choices(self.ops, self.weights)[0]
        before = self.doc.undo_stack.index(), self.doc.undo_stack.count()
        try:
            getattr(self, "_" + op)()
        except ModelError:
            return op, False
        return op, (self.doc.undo_stack.index(), self.doc.undo_stack.count()) != before

    def _select_one(self) -> str | None:
        sid = self.pick()
        self.scene.select_ids([sid] if sid else [])
        return sid

    def _add_premise(self):
        self._select_one() and self.scene.add_premise()

    def _add_objection(self):
        self._select_one() and self.scene.add_objection()

    def _add_co_premise(self):
        infs = list(self.doc.amap.inferences.values())
        if infs:
            self.scene.select_ids([self.rng.choice(infs).premises[0]])
            self.scene.add_co_premise()

    def _edit_text(self):
        from argmap.commands import actions

        sid = self.pick()
        if sid:
            words = self.rng.choice(["Prices rose", "The report says so", "Ministers disagreed", "It rained"])
            self.scene.run(actions.edit_text(self.doc.amap, sid, f"{words} ({self.rng.randrange(10**6)})"))

    def _set_kind(self):
        self._select_one() and self.scene.set_kind(self.rng.choice(["claim", "evidence", "recommendation"]))

    def _delete(self):
        self._select_one() and self.scene.delete_selection()

    def _move(self):
        self._select_one() and self.scene.move_selection(self.rng.uniform(-40, 40), self.rng.uniform(-40, 40))

    def _link_support(self):
        from argmap.commands import actions

        a, b = self.pick(), self.pick()
        if a and b and a != b:
            self.scene.run(actions.link_support(self.doc.amap, [a], b))

    def _link_attack(self):
        from argmap.commands import actions

        a, b = self.pick(), self.pick()
        if a and b and a != b:
            self.scene.run(actions.link_attack(self.doc.amap, [a], b))

    def _undo(self):
        self.doc.undo_stack.undo()

    def _redo(self):
        self.doc.undo_stack.redo()


def canvas_in_sync(window) -> bool:
    """Every statement has exactly one box on the canvas, and every box a statement."""
    from argmap.ui.canvas.items import StatementItem

    boxes = [item.sid for item in window.scene.items() if isinstance(item, StatementItem)]
    return len(boxes) == len(set(boxes)) and set(boxes) == set(window.document.amap.statements)


def run_soak(window, edits: int, *, seed: int = 1, check_every: int = 20, checkpoint_every: int = 500,
             trace_heap: bool = False, undo_all: bool = True, progress=None) -> SoakResult:
    """Run ``edits`` random edits on ``window`` and report memory, Qt warnings and consistency.

    Parameters
    ----------
    window : MainWindow
        A shown window holding the map to edit (its undo stack should be clean).
    edits : int
        How many edits to attempt.
    seed : int
        Seed of the random choices.
    check_every : int
        Flush the document's check and process events every this many edits.
    checkpoint_every : int
        Record a :class:`Checkpoint` (after ``gc.collect()``) every this many edits.
    trace_heap : bool
        Also measure the Python heap with ``tracemalloc`` (slower).
    undo_all : bool
        At the end, undo every edit and compare with the first map.
    progress : callable, optional
        Called with each checkpoint.
    """
    from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler

    result = SoakResult()
    app = QCoreApplication.instance()

    def on_message(kind, context, text):
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg and text not in IGNORED_QT_MESSAGES:
            result.warnings.append(f"{kind.name}: {text}")

    previous = qInstallMessageHandler(on_message)
    first = window.document.amap.copy()
    session = Session(window, seed)
    window.scene.edit_new = False  # no in-place editor on every new box
    if trace_heap:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        for n in range(1, edits + 1):
            op, accepted = session.step()
            result.counts[op] = result.counts.get(op, 0) + 1
            result.refused += not accepted
            if n % check_every == 0:
                window.document.flush()
                app.processEvents()
            if n % checkpoint_every == 0 or n == edits:
                result.canvas_in_sync &= canvas_in_sync(window)
                result.checkpoints.append(_checkpoint(window, n, time.perf_counter() - start, trace_heap))
                if progress:
                    progress(result.checkpoints[-1])
        if undo_all:
            stack = window.document.undo_stack
            while stack.canUndo():
                stack.undo()
            window.document.flush()
            app.processEvents()
            result.undone_to_start = window.document.amap == first
            result.canvas_in_sync &= canvas_in_sync(window)
    finally:
        qInstallMessageHandler(previous)
        if trace_heap:
            tracemalloc.stop()
    return result


def _checkpoint(window, n: int, seconds: float, trace_heap: bool) -> Checkpoint:
    gc.collect()
    heap = tracemalloc.get_traced_memory()[0] if trace_heap else 0
    doc = window.document
    return Checkpoint(n, seconds, rss_bytes(), heap, len(doc.amap), doc.undo_stack.count())


def open_window(statements: int, seed: int, folder: str):
    """A shown main window on ``argument_like(statements, seed)`` with settings and recovery under ``folder``."""
    os.environ["ARGMAP_RECOVERY_DIR"] = os.path.join(folder, "recovery")
    from PySide6.QtCore import QCoreApplication, QSettings

    from argmap.app import create_window, ensure_widgets_app
    from argmap.model.synth import argument_like

    ensure_widgets_app()
    settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(None, settings=settings, offer_recovery=False)
    window.load(argument_like(statements, seed=seed), None)
    window.show()
    QCoreApplication.processEvents()
    return window


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--statements", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trace-heap", action="store_true", help="also measure the Python heap (slower)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        window = open_window(args.statements, args.seed, folder)
        print(f"window on {args.statements} statements in {time.perf_counter() - t0:.1f} s, "
              f"RSS {rss_bytes() / 2**20:.0f} MiB", flush=True)
        print(f"{'edits':>6} {'seconds':>8} {'RSS MiB':>8} {'heap MiB':>8} {'statements':>10} {'undo':>6}")

        def show(c: Checkpoint) -> None:
            print(f"{c.edits:>6} {c.seconds:>8.1f} {c.rss / 2**20:>8.1f} {c.heap / 2**20:>8.1f} "
                  f"{c.statements:>10} {c.undo_count:>6}", flush=True)

        t1 = time.perf_counter()
        result = run_soak(window, args.edits, seed=args.seed, trace_heap=args.trace_heap, progress=show)
        print(f"undo of every edit: {time.perf_counter() - t1 - result.checkpoints[-1].seconds:.1f} s, "
              f"back to the first map: {result.undone_to_start}")
        print(f"refused edits: {result.refused}; canvas in sync: {result.canvas_in_sync}; ops: {result.counts}")
        print(f"Qt warnings: {len(result.warnings)}")
        for line in result.warnings[:20]:
            print("  " + line)
    ok = result.undone_to_start and result.canvas_in_sync and not result.warnings
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
