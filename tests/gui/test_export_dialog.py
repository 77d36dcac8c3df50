"""The export dialog: live pixel size, refusal above the limit, settings, writing the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage

from argmap.commands.document import Document
from argmap.model.synth import argument_like
from argmap.render import ExportOptions, prepare
from argmap.ui.export_dialog import ExportDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, settings):
    doc = Document(argument_like(20, seed=5))
    dlg = ExportDialog(doc, None, settings=settings, selection_ids=("s1", "s2"))
    qtbot.addWidget(dlg)
    return dlg


def _pixels(label: str) -> tuple[int, int]:
    w, h = re.match(r"(\d+) × (\d+) px", label).groups()
    return int(w), int(h)


def test_pixel_size_label_follows_the_dpi(dialog):
    dialog.dpi_radio.setChecked(True)
    dialog.dpi_spin.setValue(96)
    w96, h96 = _pixels(dialog.size_label.text())
    base_w, base_h = prepare(dialog.document.amap, ExportOptions()).size()
    assert abs(w96 - base_w) <= 1 and abs(h96 - base_h) <= 1
    dialog.dpi_spin.setValue(288)
    w288, h288 = _pixels(dialog.size_label.text())
    assert abs(w288 - 3 * w96) <= 3 and abs(h288 - 3 * h96) <= 3
    dialog.scale_radio.setChecked(True)
    dialog.scale_spin.setValue(0.5)
    assert abs(_pixels(dialog.size_label.text())[0] - w96 / 2) <= 1


def test_refuses_above_the_pixel_limit(qtbot, settings):
    doc = Document(argument_like(600, seed=2))
    dlg = ExportDialog(doc, None, settings=settings)
    qtbot.addWidget(dlg)
    dlg.dpi_radio.setChecked(True)
    dlg.dpi_spin.setValue(600)
    assert dlg.size_label.text().startswith("Too large")
    assert "megapixels" in dlg.size_label.text()
    assert not dlg.export_button.isEnabled()
    dlg.scale_radio.setChecked(True)
    dlg.scale_spin.setValue(0.1)
    assert dlg.export_button.isEnabled()
    assert not dlg.size_label.text().startswith("Too large")


def test_preview_is_rendered(dialog, qtbot):
    dialog.update_preview()
    images = dialog.pages_preview.images()
    assert len(images) == 1 and not images[0].isNull()
    assert images[0].width() <= 420 and images[0].height() <= 300
    assert dialog.pages_preview.count_label.text() == "1 file"


def test_export_writes_the_file_and_remembers_choices(dialog, tmp_path, settings):
    dialog.dpi_spin.setValue(192)
    _select_data(dialog.background_box, "transparent")
    assert dialog.export_to(tmp_path / "out.png")
    image = QImage(str(tmp_path / "out.png"))
    assert image.pixelColor(0, 0).alpha() == 0
    assert abs(image.width() - 2 * _pixels_at_96(dialog)) <= 2
    settings.sync()
    again = ExportDialog(dialog.document, None, settings=settings)
    assert again.dpi_spin.value() == 192
    assert again.background_box.currentData() == "transparent"
    again.deleteLater()


def test_selection_scope_exports_only_the_selection(dialog, tmp_path):
    _select_data(dialog.scope_box, "selection")
    assert dialog.options().scope_ids == ("s1", "s2")
    _select_data(dialog.format_box, "svg")
    assert dialog.export_to(tmp_path / "sel.svg")
    text = (tmp_path / "sel.svg").read_text(encoding="utf-8")
    amap = dialog.document.amap
    assert amap.statements["s1"].text.split()[0] in text


def test_visible_area_scope(qtbot, settings):
    from argmap.model import Position

    amap = argument_like(6, seed=1)
    for n, sid in enumerate(amap.statements):
        amap.move({sid: Position(n * 400.0, 0.0)})
    dlg = ExportDialog(Document(amap), None, settings=settings, visible_rect=QRectF(-200, -100, 600, 200))
    qtbot.addWidget(dlg)
    _select_data(dlg.scope_box, "visible")
    assert dlg.options().scope_ids == ("s1", "s2")


def _select_data(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


def _pixels_at_96(dialog) -> int:
    return round(prepare(dialog.document.amap, ExportOptions()).size()[0])


def _select(box, data) -> None:
    box.setCurrentIndex(box.findData(data))
    assert box.currentData() == data


@pytest.mark.parametrize("theme, background, dpi", [("screen", "white", 96), ("print", "transparent", 150)])
def test_cli_export_equals_the_dialog_export(qtbot, settings, tmp_path, theme, background, dpi):
    """`argmap export` and File > Export Image give the same pixels for the same settings."""
    import subprocess
    import sys

    from argmap.formats import native

    amap = argument_like(25, seed=9)
    src = tmp_path / "map.argmap"
    src.write_text(native.dumps(amap), encoding="utf-8")
    doc = Document(native.loads(src.read_text(encoding="utf-8")), path=src)
    dlg = ExportDialog(doc, None, settings=settings)
    qtbot.addWidget(dlg)
    _select(dlg.format_box, "png")
    _select(dlg.theme_box, theme)
    _select(dlg.background_box, background)
    _select(dlg.layout_box, "auto")
    dlg.dpi_radio.setChecked(True)
    dlg.dpi_spin.setValue(dpi)
    dlg.legend_check.setChecked(False)
    dlg.badges_check.setChecked(True)
    dlg.margin_spin.setValue(24)
    gui_out, cli_out = tmp_path / "gui.png", tmp_path / "cli.png"
    assert dlg.export_to(gui_out)
    result = subprocess.run([sys.executable, "-m", "argmap", "export", str(src), "-o", str(cli_out),
                             "--dpi", str(dpi), "--theme", theme, "--background", background,
                             "--layout", "auto", "--margin", "24"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    gui, cli = QImage(str(gui_out)), QImage(str(cli_out))
    assert gui.size() == cli.size()
    # Same geometry, same pixels but for glyph antialiasing: Qt's raster glyph cache depends on what the
    # process drew before (the test process has drawn other maps, the CLI process nothing), which moves
    # a few edge pixels of some glyphs. Measured: 0.04 % of pixels off by more than 48 of 255.
    assert _share_of_pixels_apart(gui, cli, 48) < 0.005


def _share_of_pixels_apart(a: QImage, b: QImage, by: int) -> float:
    """Share of pixels whose colour differs by more than ``by`` in some channel (A, R, G or B)."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    pa, pb = memoryview(a.constBits()).cast("B"), memoryview(b.constBits()).cast("B")
    apart = sum(1 for k in range(0, len(pa), 4) if max(abs(pa[k + c] - pb[k + c]) for c in range(4)) > by)
    return apart / (a.width() * a.height())


@pytest.mark.parametrize("background, expected_box", [("transparent", "transparent"), ("#336699", "custom")])
def test_export_defaults_from_preferences_reach_the_dialog(qtbot, settings, background, expected_box):
    from argmap.ui.preferences import Preferences

    Preferences(export_dpi=300, export_background=background, export_theme="print").clean().save(settings)
    dlg = ExportDialog(Document(argument_like(5, seed=1)), None, settings=settings)
    qtbot.addWidget(dlg)
    options = dlg.options()
    assert options.dpi == 300 and options.scale is None
    assert options.theme == "print"
    assert dlg.background_box.currentData() == expected_box
    if expected_box == "custom":
        assert QColor(options.background) == QColor(background)


# ------------------------------------------------------------------ print-ready defaults, pages, report
BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "examples" / "shot-by-both-sides.argmap"


@pytest.fixture
def bundled_dialog(qtbot, settings):
    from argmap.formats import read_file

    dlg = ExportDialog(Document(read_file(BUNDLED)), None, settings=settings)
    qtbot.addWidget(dlg)
    return dlg


def test_a_new_user_gets_300_dpi_png(dialog):
    options = dialog.options()
    assert options.fmt == "png" and options.dpi == 300 and options.scale is None


def test_print_preset_sets_a_legible_pdf_in_one_step(bundled_dialog, tmp_path):
    import shutil
    import subprocess

    from argmap.ui.export_presets import local_paper

    dlg = bundled_dialog
    _select(dlg.preset_box, "print")
    o = dlg.options()
    assert (o.fmt, o.theme, o.background, o.legend, o.badges, o.page, o.split) == (
        "pdf", "print", "white", True, True, local_paper(), "split")
    dlg.update_preview()
    plan = dlg.plan()
    assert len(plan.sheets) > 2 and plan.body_pt() >= 7.0
    assert len(dlg.pages_preview.images()) == len(plan.sheets)
    assert dlg.pages_preview.count_label.text().startswith(f"{len(plan.sheets)} pages")
    assert "Body text prints at 7.5 pt" in dlg.report_panel.numbers.text()
    assert dlg.report_panel.split_button.isHidden()
    dlg.theme_box.setCurrentIndex(dlg.theme_box.findData("screen"))
    assert dlg.preset_box.currentData() == "custom"  # no longer the preset
    _select(dlg.preset_box, "print")
    out = tmp_path / "report.pdf"
    assert dlg.export_to(out)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert f"Pages:           {len(plan.sheets)}" in info


def test_a_narrow_width_warns_and_offers_the_split(bundled_dialog, qtbot, tmp_path):
    dlg = bundled_dialog
    dlg.width_check.setChecked(True)
    dlg.width_spin.setValue(16)
    _select(dlg.unit_box, "cm")
    dlg.split_check.setChecked(False)
    dlg.update_preview()
    panel = dlg.report_panel
    assert not panel.warning.isHidden() and "under 7 pt" in panel.warning.text()
    assert not panel.split_button.isHidden()
    parts = int(re.search(r"Split into (\d+)", panel.split_button.text()).group(1))
    qtbot.mouseClick(panel.split_button, Qt.MouseButton.LeftButton)
    assert dlg.split_check.isChecked()
    dlg.update_preview()
    assert len(dlg.pages_preview.images()) == parts
    assert "under 7 pt" not in panel.warning.text()
    assert dlg.export_to(tmp_path / "col.png")
    assert len(list(tmp_path.glob("col-*.png"))) == parts


def test_the_export_dialog_names_each_kind_of_page(qapp):
    """The dialog's page count tells the overview, the list pages, the map's pages and the comments apart."""
    from argmap.analysis import check_map
    from argmap.model import Comment
    from argmap.model.synth import argument_like
    from argmap.render import ExportOptions
    from argmap.render.export import plan_for_paper
    from argmap.render.paper import Paper
    from argmap.ui.export_preview import _count_text

    amap = argument_like(300, seed=3)
    amap.update(next(iter(amap.statements)), comments=(Comment("Check this against the second source.", "ann"),))
    plan = plan_for_paper(amap, ExportOptions(fmt="pdf", comments=True), check_map(amap),
                          Paper("small", 300, 330, 12, "fixed"))
    n, first = len(plan.sheets), min(plan.page_of.values())
    lists, maps = first - 2, len(set(plan.page_of.values()))
    notes = n - 1 - lists - maps
    assert lists > 1 and notes >= 1
    assert _count_text(plan) == (f"{n} pages: an overview, {lists} pages listing the pages, {maps} pages of the map, "
                                 f"split by branch to stay legible, {notes} page{'s' if notes > 1 else ''} of review "
                                 "comments")
