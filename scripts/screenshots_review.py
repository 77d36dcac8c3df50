"""Screenshots of review in the real app (Compare With…, merge conflicts, comments), for the docs.

Run under a display server; without one it re-runs itself under
``xvfb-run``::

    python scripts/screenshots_review.py [OUT_DIR]

Writes into ``OUT_DIR`` (default ``docs/screenshots``):

- ``compare-overlay.png``: the bundled map compared with a reviewed copy
  (every kind of change); the first change taken, the second left, the
  third in hand;
- ``conflicts.png``: a map merged from two edited copies, its conflicts
  listed with base, ours and theirs;
- ``review-panel.png``: comments on the bundled map, the Review panel
  listing the open ones and the Inspector showing a statement's;
- ``export-callouts.png``: the top of the bundled map exported as PNG with
  those comments as numbered call-outs and their list under the map.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from screenshots import open_window, run_script, settle  # noqa: E402


def compare_shot(app, window, out: Path, work: Path) -> str:
    from argmap.formats import write_file
    from review_maps import bundled, reviewed

    other = work / "reviewed.argmap"
    write_file(reviewed(bundled()), other)
    compare = window.review.compare
    compare.compare_with(other)
    compare.take()  # the added objection s90
    compare.leave()  # the added support i90
    settle(app)
    window.view.resetTransform()
    window.view.zoom_by(0.8)
    window.view.centerOn(-300, 60)
    settle(app)
    window.grab().save(str(out / "compare-overlay.png"))
    compare.end()
    window.document.undo_stack.setClean()
    return "compare-overlay"


def conflicts_shot(app, window, out: Path, work: Path) -> str:
    from argmap.formats import write_file
    from argmap.formats.merge import merge_maps
    from review_maps import bundled

    base = bundled()
    ours, theirs = base.copy(), base.copy()
    ours.update("s4", text="The US and Iran share little in Iraq beyond wanting the fighting in Basra to stop.")
    theirs.update("s4", text="The US and Iran share interests in Iraq: both want Maliki in power and Sadr weak.")
    ours.update("s5", kind="evidence")
    theirs.remove(["s5"])
    ours.set_meta(title="Shot by Both Sides (Ann)")
    theirs.set_meta(title="Shot by Both Sides (Bob)")
    merged = work / "merged.argmap"
    write_file(merge_maps(base, ours, theirs).map, merged)
    window.files.open_path(merged, ask=False)
    settle(app)
    window.review.conflicts.go_to(1)
    settle(app)
    window.grab().save(str(out / "conflicts.png"))
    return "conflicts"


def review_shot(app, window, out: Path) -> str:
    from argmap.commands.comments import add_comment, set_resolved
    from argmap.commands.edits import execute
    from argmap.resources_path import example_map

    window.files.open_path(example_map(), ask=False, as_copy=True)
    doc = window.document
    for eid, text, who, when in (
            ("s1", "Too strong for the summary: 'should start talking' or 'should talk'?", "Bob Reviewer",
             "2024-05-03"),
            ("s4", "Which interests, exactly? Name two that both governments would admit to.", "Ann Analyst",
             "2024-05-02"),
            ("i3", "One reason or two? Iran's pieces and Iran's interest are different things.", "Bob Reviewer",
             "2024-05-03"),
            ("s4", "The Basra example is in the column; cite the NYT report here.", "Carl Editor", "2024-05-04"),
            ("s12", "Bare assertion: find where Kaplan says this.", "Ann Analyst", "2024-05-04")):
        execute(doc.undo_stack, add_comment(doc.amap, eid, text, who, when))
    execute(doc.undo_stack, set_resolved(doc.amap, "s4", 1))
    settle(app)
    window.select_and_center("s4")
    window.review.show_comments()
    window.view.resetTransform()
    window.view.zoom_by(0.8)
    window.view.center_on_ids(["s4"])
    settle(app)
    window.grab().save(str(out / "review-panel.png"))
    return "review-panel"


def callouts_shot(window, out: Path) -> str:
    from argmap.render import ExportOptions, export_map

    top = ("s1", "s2", "s3", "s4", "s5", "s12", "s13")  # the top of the map: the commented part
    options = ExportOptions(fmt="png", comments=True, scope_ids=top)
    export_map(window.document.amap, out / "export-callouts.png", options, window.document.report)
    return "export-callouts"


def main(out: Path) -> int:
    app, window, work = open_window(out, "argmap-review-shots-")
    names = [compare_shot(app, window, out, work), conflicts_shot(app, window, out, work)]
    window.document.undo_stack.setClean()
    names.append(review_shot(app, window, out))
    names.append(callouts_shot(window, out))
    window.document.undo_stack.setClean()
    window.close()
    for name in names:
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    run_script(main)
