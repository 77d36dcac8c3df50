"""Screenshots of the real app, for the docs.

Run under a display server; without one it re-runs itself under
``xvfb-run``::

    python scripts/screenshots.py [OUT_DIR]

Writes into ``OUT_DIR`` (default ``docs/screenshots``):

- ``first-start.png`` (the whole map fitted, as the app opens), ``main-window.png``
  (at reading size), ``diagnostics-selected.png``, ``export-pages.png`` (the
  export dialog with the Print / report preset on A4: its page preview and report),
  ``dark-theme.png``: the bundled map;
- ``roles.png``: part of the bundled map at reading size, the roles in the
  box headers (objection, rebuttal, undercut, co-premise, reason);
- ``print-overview.png``, ``print-page.png``: pages 1 and 3 of the bundled map
  exported with ``--page A4`` (drawn by pdftoppm, when installed);
- ``empty-map.png``: a new, empty map and the ways to start;
- ``flow-source.png``, ``flow-mapped.png``: a five-sentence text of our own
  mapped with the Source panel (a sentence picked by double-click, *Add as
  reason for …*), halfway and at the end;
- ``properties-dialog.png``: *Map → Properties*;
- ``draft-article.png``, ``draft-review.png``, ``draft-reviewed.png``: the
  article drafted on an empty map (*Map → Draft from Source Text*: every
  statement proposed, the proposals bar, the Inspector's proposal box),
  halfway through its review (three accepted, two rejected: the Source
  panel's mapped, proposed and not mapped text), and after *Accept All*. Taken
  only when ``../shared/seed`` holds the article;
- ``sources-panel.png``, ``grades-on-boxes.png``, ``assumption.png``, ``single-source.png``: the bundled
  map's sources, grades and assumptions (SPEC §5): the Sources panel with a report chosen and its evidence
  marked, graded evidence boxes at reading size, an assumed claim in the Inspector, a single-source
  finding (AM009) chosen in the Diagnostics panel. A bundled map without sources is graded first, as an
  analyst would (New Source, Cite, grade, Assume), in the window only.

The article itself is never shipped, so the screenshots of the bundled map
do not show it: the Source panel stays behind the Inspector there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "seed" / "000_f613796aa9913b23.txt"

TEXT = ("Iran has gained more from the war in Iraq than any other country. Its allies now run most of the south. "
        "The United States cannot leave Iraq without a deal that Iran accepts. Talking to Tehran would cost "
        "Washington little. So the United States should open talks with Iran now.\n")
"""Our own five sentences (the flow shots map them)."""


def _under_xvfb() -> int | None:
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if shutil.which("xvfb-run") is None:
        sys.exit("no display and no xvfb-run: install xvfb or set DISPLAY")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    return subprocess.call(cmd)


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def bundled_map_shots(app, window, out: Path) -> list[str]:
    """The bundled map: main window, a diagnostic selected, the export dialog, the dark theme, roles."""

    window.fit_map()  # what a first start shows: the whole map
    settle(app)
    window.grab().save(str(out / "first-start.png"))
    window.view.resetTransform()  # then at a size one can read, on the recommendation at the top
    window.view.zoom_by(0.6)
    rec = next(s.id for s in window.document.amap.statements.values() if s.kind == "recommendation")
    window.view.center_on_ids([rec])
    settle(app)
    window.grab().save(str(out / "main-window.png"))

    diags = window.diagnostics.visible_diagnostics()
    row = next((n for n, d in enumerate(diags) if d.code == "AM001"), 0)
    index = window.diagnostics.row_of(row)
    window.diagnostics.tree.setCurrentIndex(index)
    window.diagnostics.tree.clicked.emit(index)
    window.docks["inspector"].raise_()
    settle(app)
    window.grab().save(str(out / "diagnostics-selected.png"))

    dialog = window.export_dialog()
    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("print"))
    dialog.page_box.setCurrentIndex(dialog.page_box.findData("A4"))
    dialog.resize(1400, 860)
    dialog.show()
    settle(app)
    dialog.update_preview()  # at once, not after the preview's delay
    settle(app, 60)
    dialog.grab().save(str(out / "export-pages.png"))
    dialog.close()

    window.set_dark(True)
    window.docks["inspector"].raise_()
    settle(app)
    window.grab().save(str(out / "dark-theme.png"))
    window.set_dark(False)
    settle(app)

    amap = window.document.amap
    undercut = next(c.attackers[0] for c in amap.conflicts.values() if c.target in amap.inferences)
    window.select_and_center(undercut)
    window.view.resetTransform()
    window.view.zoom_by(0.85)
    window.view.center_on_ids([undercut])
    settle(app)
    window.view.grab().save(str(out / "roles.png"))
    return ["first-start", "main-window", "diagnostics-selected", "export-pages", "dark-theme", "roles"]


def printed_pages(out: Path) -> list[str]:
    """Pages 1 (the overview) and 3 of the bundled map exported for A4, as pdftoppm draws them (150 dpi)."""
    from argmap.resources_path import example_map

    if shutil.which("pdftoppm") is None:
        print("no pdftoppm (Debian poppler-utils): print-overview.png and print-page.png not taken", file=sys.stderr)
        return []
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "a4.pdf"
        subprocess.run([sys.executable, "-m", "argmap", "export", str(example_map()), "-o", str(pdf), "--page", "A4",
                        "--theme", "print", "--legend", "--quiet"], check=True)
        for page, name in ((1, "print-overview"), (3, "print-page")):
            subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(out / name)], check=True)
    return ["print-overview", "print-page"]


SHOT_SOURCES = (("kaplan", "F. Kaplan, Shot by Both Sides, Slate, 22 April 2008", "B", "", "Fred Kaplan"),
                ("nyt", "J. Glanz and A. J. Rubin, The New York Times, 21 April 2008", "B", "kaplan", "James Glanz"),
                ("bush", "President G. W. Bush, public statements, spring 2008", "C", "kaplan", "President"))
"""(id, title, reliability, via, start of the free-text citation it grades) for a bundled map without sources."""


def _grade_bundled(window) -> None:
    """Give a version-1 bundled map sources, grades and assumptions through the app's own commands."""
    from argmap.commands import sources as cmd
    from argmap.commands.edits import AddElements, execute
    from argmap.model import Source

    doc = window.document
    amap = doc.amap
    execute(doc.undo_stack, AddElements(amap, [Source(x, title, grade, via) for x, title, grade, via, _ in
                                               SHOT_SOURCES], "Add sources"))
    for x, _title, _grade, _via, cited in SHOT_SOURCES:
        ids = [s.id for s in amap.statements.values() if s.kind == "evidence" and s.source.startswith(cited)]
        if ids:
            execute(doc.undo_stack, cmd.cite(amap, ids, x))
            execute(doc.undo_stack, cmd.set_credibility(amap, ids, 3 if x == "bush" else 2))
    assumed = [sid for sid in ("s9", "s34") if sid in amap.statements and amap.statements[sid].kind == "claim"]
    if assumed:
        execute(doc.undo_stack, cmd.set_assumed(amap, assumed))
    doc.recheck()


def tradecraft_shots(app, window, out: Path) -> list[str]:
    """The bundled map's sources and grades: Sources panel, graded boxes, an assumption, an AM009 finding."""
    doc = window.document
    if not doc.amap.sources:
        _grade_bundled(window)
    amap = doc.amap
    settle(app)
    cited = {x: len(amap.cited_by(x)) for x in amap.sources}
    report = max(cited, key=lambda x: (amap.sources[x].via != "", cited[x]))  # a report reached via another
    evidence = amap.cited_by(report)
    window.scene.select_ids([])
    window.tradecraft.show_sources()
    window.tradecraft.panel.select_source(report)
    window.view.resetTransform()
    window.view.zoom_by(0.85)
    window.view.center_on_ids(evidence[:1])
    settle(app)
    window.grab().save(str(out / "sources-panel.png"))

    window.view.resetTransform()
    window.view.center_on_ids(evidence[:2])
    settle(app)
    window.view.grab().save(str(out / "grades-on-boxes.png"))

    assumed = next(s.id for s in amap.statements.values() if s.assumed)
    window.docks["inspector"].raise_()
    window.select_and_center(assumed)
    window.view.resetTransform()
    window.view.center_on_ids([assumed])
    settle(app)
    window.grab().save(str(out / "assumption.png"))

    rows = window.diagnostics.visible_diagnostics()
    found = next((n for n, d in enumerate(rows) if d.code == "AM009"), None)
    names = ["sources-panel", "grades-on-boxes", "assumption"]
    if found is not None:
        index = window.diagnostics.row_of(found)
        window.diagnostics.tree.setCurrentIndex(index)
        window.diagnostics.tree.clicked.emit(index)
        window.tradecraft.show_sources()
        window.view.resetTransform()
        window.view.zoom_by(0.6)
        window.view.center_on_ids([rows[found].target, *rows[found].related])
        settle(app)
        window.grab().save(str(out / "single-source.png"))
        names.append("single-source")
    doc.undo_stack.setClean()
    return names


def flow_shots(app, window, out: Path, work: Path) -> list[str]:
    """An empty map, then the five sentences mapped through the Source panel, then Properties."""
    from PySide6.QtCore import QTimer

    from argmap.ui.properties import PropertiesDialog

    window.files.new_file()
    settle(app)
    window.grab().save(str(out / "empty-map.png"))

    article = work / "column.txt"
    article.write_text(TEXT, encoding="utf-8")
    panel, doc = window.source, window.document
    panel.attach(article)
    window.docks["source"].raise_()
    sentences = [s if s.endswith(".") else s + "." for s in TEXT.strip().split(". ")]

    def add(n: int, kind: str, link: str | None) -> str:
        start = panel.text.index(sentences[n])
        panel.select_span(start, start + len(sentences[n]))
        return panel.add_from_selection(kind, link)

    rec = add(4, "claim", None)
    window.set_kind_recommendation()
    reason = add(2, "claim", "support")
    add(3, "claim", "support")
    window.select_and_center(reason)
    start = panel.text.index(sentences[0])
    panel.select_span(start, start + len(sentences[0]))
    window.fit_map()
    settle(app)
    window.grab().save(str(out / "flow-source.png"))
    deeper = panel.add_from_selection("claim", "support")
    window.select_and_center(deeper)
    add(1, "evidence", "support")
    window.select_and_center(rec)
    window.scene.layout_all()
    window.fit_map()
    settle(app)
    window.grab().save(str(out / "flow-mapped.png"))

    dialog = PropertiesDialog(doc.amap, window, str(article))
    for name, value in (("title", "Talk to Tehran"), ("author", "A. Analyst"), ("date", "2024-05-31"),
                        ("source_title", "A five-sentence column"), ("source_author", "The columnist"),
                        ("published", "2008-04-22")):
        dialog.edits[name].setText(value)
    dialog.show()
    QTimer.singleShot(0, lambda: None)
    settle(app, 40)
    dialog.grab().save(str(out / "properties-dialog.png"))
    dialog.close()
    doc.undo_stack.setClean()
    return ["empty-map", "flow-source", "flow-mapped", "properties-dialog"]


def draft_shots(app, window, out: Path, work: Path) -> list[str]:
    """The article drafted on an empty map, half reviewed, then all accepted (when the article is at hand)."""
    if not ARTICLE.is_file():
        print(f"{ARTICLE} is absent: no draft screenshots", file=sys.stderr)
        return []
    window.files.new_file()
    article = work / "article.txt"
    shutil.copyfile(ARTICLE, article)
    window.source.attach(article)
    window.drafting.draft_source()
    drafting, doc = window.drafting, window.document
    drafting.show(doc.amap.extra["draft"]["root"])  # the proposed main claim, why, and its four reasons
    window.docks["inspector"].raise_()
    settle(app, 40)
    window.grab().save(str(out / "draft-article.png"))

    window.scene.select_ids([])
    drafting.next_proposal()
    for _ in range(3):
        drafting.accept()
    drafting.reject()
    drafting.reject()
    drafting.next_proposal()
    window.docks["source"].raise_()
    window.source.show_statement(window.scene.selected_ids()[0])
    settle(app, 40)
    window.grab().save(str(out / "draft-review.png"))

    drafting.accept_all()
    window.fit_map()
    window.docks["inspector"].raise_()
    settle(app, 40)
    window.grab().save(str(out / "draft-reviewed.png"))
    doc.undo_stack.setClean()
    return ["draft-article", "draft-review", "draft-reviewed"]


def open_window(out: Path, prefix: str):
    """The app's window on the bundled map, 1500 × 920, with its own settings and recovery folder.

    Returns ``(app, window, work)``; ``work`` is a fresh scratch folder.
    """
    from PySide6.QtCore import QSettings

    from argmap.app import create_window, ensure_widgets_app

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["ARGMAP_RECOVERY_DIR"] = str(work / "recovery")
    app = ensure_widgets_app()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings, offer_recovery=False)
    window.resize(1500, 920)
    window.show()
    settle(app)
    return app, window, work


def main(out: Path) -> int:
    app, window, work = open_window(out, "argmap-shots-")
    names = bundled_map_shots(app, window, out)
    window.document.undo_stack.setClean()
    names += tradecraft_shots(app, window, out)
    names += flow_shots(app, window, out, work)
    window.document.undo_stack.setClean()
    names += draft_shots(app, window, out, work)
    window.close()
    names += printed_pages(out)
    for name in names:
        print(out / f"{name}.png")
    return 0


def run_script(main) -> None:
    """Run ``main(folder)`` as the script: under Xvfb when there is no display, into ``argv[1]`` or docs/screenshots."""
    code = _under_xvfb()
    if code is not None:
        raise SystemExit(code)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    raise SystemExit(main(target))


if __name__ == "__main__":
    run_script(main)
