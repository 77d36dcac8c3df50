"""A long session: random edits on a 2,000-statement map in the real window, with live checks.

The driver is ``benchmarks/soak.py`` (:func:`run_soak`); this test runs
``ARGMAP_SOAK_EDITS`` edits (1,500 by default; the benchmark runs 10,000
and its figures are in ``docs/reliability-session.md``) once per module and
asserts on what it saw:

- undoing every edit gives back the first map (``==``), and the canvas has
  exactly one box per statement throughout;
- Qt printed no warning (a ``qInstallMessageHandler`` collects them; the
  offscreen plugin's own "propagateSizeHints" notice is ignored);
- memory stays bounded: after the first 1,000 edits (warm-up: caches,
  fonts, the first undo commands) RSS may grow by at most
  ``RSS_SLACK_MIB`` plus ``RSS_MIB_PER_1000`` per further 1,000 edits.
  Measured on this map: about 6–7 MiB per 1,000 edits, which is the undo
  history (about 600 commands per 1,000 edits, nothing is ever dropped from
  it) and the ~130 statements the map grows by (boxes, outline rows,
  diagnostics). The bound is 2.5 times that; a leak of the outline's rows
  (what ``QStandardItemModel.clear()`` does under PySide6) costs about
  150 MiB per 1,000 edits and fails it at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.soak import open_window, run_soak  # noqa: E402

pytestmark = pytest.mark.slow

EDITS = int(os.environ.get("ARGMAP_SOAK_EDITS", "1500"))
WARM_UP = 1_000
RSS_SLACK_MIB = 8.0
RSS_MIB_PER_1000 = 16.0


@pytest.fixture(scope="module")
def soak(qapp, tmp_path_factory):
    window = open_window(2_000, seed=1, folder=str(tmp_path_factory.mktemp("soak")))
    try:
        result = run_soak(window, EDITS, seed=1, checkpoint_every=250)
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
    return result


def test_every_edit_undoes_back_to_the_first_map(soak):
    assert sum(soak.counts.values()) == EDITS
    assert soak.refused < EDITS / 2          # most edits really changed the map
    assert soak.undone_to_start is True
    assert soak.canvas_in_sync


def test_no_qt_warnings(soak):
    assert soak.warnings == []


def test_memory_stays_bounded_after_warm_up(soak):
    if EDITS <= WARM_UP:
        pytest.skip(f"ARGMAP_SOAK_EDITS={EDITS}: no edits after the {WARM_UP}-edit warm-up to measure")
    base = next(c for c in soak.checkpoints if c.edits >= WARM_UP)
    last = soak.checkpoints[-1]
    grown = (last.rss - base.rss) / 2**20
    allowed = RSS_SLACK_MIB + RSS_MIB_PER_1000 * (last.edits - base.edits) / 1000
    table = ", ".join(f"{c.edits}: {c.rss / 2**20:.0f} MiB" for c in soak.checkpoints)
    assert grown <= allowed, f"RSS grew {grown:.1f} MiB after {base.edits} edits (allowed {allowed:.1f}); {table}"
