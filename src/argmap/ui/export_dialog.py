"""The "Export image" dialog: PNG, SVG or PDF, with the pages previewed and the picture's report.

The dialog only gathers :class:`~argmap.render.ExportOptions`; the plan
(:func:`argmap.render.plan_export`), the page thumbnails, the report and the
file all come from the same render code, so what is previewed is what is
written. *Print / report* sets a legible, greyscale PDF on the local paper
size in one step. Choices are remembered in QSettings ("argmap", "argmap")
under ``export/``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from argmap.render import ExportError, ExportOptions, build_drawing, plan_export, prepare, theme_named, write_plan
from argmap.render.export_report import export_report
from argmap.render.paper import MIN_BODY_PT
from argmap.render.png import check_pixel_limit, png_pixel_size
from argmap.ui.export_presets import presets
from argmap.ui.export_preview import PagePreview, ReportPanel
from argmap.ui.export_settings import ExportSettingsMixin
from argmap.ui.preferences import app_settings
from argmap.ui.widgets import combo, decimal_box, row, show_plain, whole_box

FORMATS = (("PNG image", "png"), ("SVG drawing", "svg"), ("PDF document", "pdf"))
SCOPES = (("Whole map", "all"), ("Selection", "selection"), ("Visible area", "visible"))
BACKGROUNDS = (("Transparent", "transparent"), ("White", "white"), ("Custom colour…", "custom"))
THEMES = (("Screen colours", "screen"), ("Print (greyscale-safe)", "print"))
LAYOUTS = (("Saved positions", "keep"), ("Automatic layout", "auto"))
PAGES = (("Fit to the map", "fit"), ("A4", "A4"), ("Letter", "Letter"), ("A3", "A3"))
ORIENTATIONS = (("Automatic", "auto"), ("Portrait", "portrait"), ("Landscape", "landscape"))
UNITS = (("cm", "cm"), ("mm", "mm"), ("in", "in"), ("px", "px"))
PREVIEW_DELAY_MS = 150


def ids_in_rect(amap, rect: QRectF) -> tuple[str, ...]:
    """Statements whose box (at its saved place) meets ``rect`` (scene coordinates)."""
    drawing = build_drawing(amap, theme_named("light"))
    return tuple(sid for sid, box in drawing.boxes.items() if box.rect.intersects(rect))


class ExportDialog(ExportSettingsMixin, QDialog):
    """Choose how to export the document's map, preview its pages and report, and write the file(s).

    Parameters
    ----------
    document : Document
        The map (and its latest check report) to export.
    parent : QWidget, optional
    settings : QSettings, optional
        Where choices are remembered (default: organisation and application "argmap").
    selection_ids : sequence of str
        The selected statements, for the "Selection" scope.
    visible_rect : QRectF, optional
        The visible part of the canvas (scene coordinates), for the "Visible area" scope.
    """

    def __init__(self, document, parent=None, settings: QSettings | None = None, selection_ids=(),
                 visible_rect: QRectF | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self.document = document
        self.settings = settings if settings is not None else app_settings()
        self.selection_ids = tuple(selection_ids)
        self.visible_rect = visible_rect
        self.custom_colour = QColor("#ffffff")
        self._cache: tuple | None = None
        self._applying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        self._load_settings()
        self._connect()
        self.options_changed()

    # ------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.preset_box = QComboBox()
        self.preset_box.addItem("Custom", "custom")
        for key, (label, _) in presets().items():
            self.preset_box.addItem(label, key)
        self.format_box = combo(FORMATS)
        self.scope_box = combo(SCOPES)
        self.scope_box.model().item(1).setEnabled(bool(self.selection_ids))
        self.scope_box.model().item(2).setEnabled(self.visible_rect is not None)
        self.dpi_radio, self.scale_radio = QRadioButton("DPI"), QRadioButton("Scale")
        self.dpi_spin = whole_box(72, 600)
        self.scale_spin = decimal_box(0.1, 10.0, step=0.25)
        self.width_check = QCheckBox("Printed width")
        self.width_spin = decimal_box(0.1, 20000, decimals=1)
        self.unit_box = combo(UNITS)
        self.size_label = QLabel()
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label.setWordWrap(True)
        self.background_box = combo(BACKGROUNDS)
        self.colour_button = QPushButton("Choose…")
        self.theme_box, self.layout_box = combo(THEMES), combo(LAYOUTS)
        self.legend_check = QCheckBox("Legend")
        self.badges_check = QCheckBox("Label and diagnostic badges")
        self.comments_check = QCheckBox("Comments as numbered call-outs")
        self.comments_check.setToolTip("Open review comments: a number on each commented box, the comments listed "
                                       "under the map")
        self.margin_spin = whole_box(0, 400, suffix=" px")
        self.page_box, self.orientation_box = combo(PAGES), combo(ORIENTATIONS)
        self.split_check = QCheckBox(f"Split over pages to keep text legible (at least {MIN_BODY_PT:g} pt)")
        self.pages_preview = PagePreview()
        self.report_panel = ReportPanel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Preset", self.preset_box)
        form.addRow("Format", self.format_box)
        form.addRow("Scope", self.scope_box)
        form.addRow("Resolution", row(self.dpi_radio, self.dpi_spin, self.scale_radio, self.scale_spin))
        form.addRow("", row(self.width_check, self.width_spin, self.unit_box))
        form.addRow("Image size", self.size_label)
        form.addRow("Background", row(self.background_box, self.colour_button))
        form.addRow("Colours", self.theme_box)
        form.addRow("Layout", self.layout_box)
        form.addRow("", self.legend_check)
        form.addRow("", self.badges_check)
        form.addRow("", self.comments_check)
        form.addRow("Margin", self.margin_spin)
        form.addRow("PDF paper", self.page_box)
        form.addRow("Orientation", self.orientation_box)
        form.addRow("", self.split_check)
        right = QVBoxLayout()
        right.addWidget(self.pages_preview, 1)
        right.addWidget(self.report_panel)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        for box in (self.format_box, self.scope_box, self.background_box, self.theme_box, self.layout_box,
                    self.page_box, self.orientation_box, self.unit_box):
            box.currentIndexChanged.connect(self.options_changed)
        for spin in (self.dpi_spin, self.scale_spin, self.margin_spin, self.width_spin):
            spin.valueChanged.connect(self.options_changed)
        for check in (self.dpi_radio, self.scale_radio, self.legend_check, self.badges_check, self.width_check,
                      self.split_check, self.comments_check):
            check.toggled.connect(self.options_changed)
        self.preset_box.currentIndexChanged.connect(self.preset_chosen)
        self.report_panel.split_requested.connect(lambda: self.split_check.setChecked(True))
        self.colour_button.clicked.connect(self.choose_colour)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ options
    def scope_ids(self) -> tuple[str, ...] | None:
        """The statements to export, or None for the whole map."""
        scope = self.scope_box.currentData()
        if scope == "selection" and self.selection_ids:
            return self.selection_ids
        if scope == "visible" and self.visible_rect is not None:
            return ids_in_rect(self.document.amap, self.visible_rect)
        return None

    def background(self) -> str:
        choice = self.background_box.currentData()
        return self.custom_colour.name() if choice == "custom" else choice

    def options(self) -> ExportOptions:
        """The options the dialog shows now."""
        fmt = self.format_box.currentData()
        use_scale = self.scale_radio.isChecked()
        width = None
        if fmt != "pdf" and self.width_check.isChecked():
            width = f"{self.width_spin.value():g}{self.unit_box.currentData()}"
        paged = (fmt == "pdf" and self.page_box.currentData() != "fit") or width is not None
        return ExportOptions(
            fmt=fmt, dpi=self.dpi_spin.value(), scale=self.scale_spin.value() if use_scale else None,
            background=self.background(), theme=self.theme_box.currentData(), layout=self.layout_box.currentData(),
            legend=self.legend_check.isChecked(), badges=self.badges_check.isChecked(),
            margin=self.margin_spin.value(), page=self.page_box.currentData() if fmt == "pdf" else None,
            orientation=self.orientation_box.currentData(), width=width,
            split=("split" if self.split_check.isChecked() else "one") if paged else "auto",
            scope_ids=self.scope_ids(), comments=self.comments_check.isChecked())

    def plan(self):
        """The export plan for the current options (made again only when what it depends on changed)."""
        opts = self.options()
        dpi_matters = opts.fmt == "png" and bool(opts.width) and opts.width.endswith("px")  # else only pixel counts
        key = replace(opts, dpi=opts.dpi if dpi_matters else 0, scale=opts.scale if dpi_matters else None)
        if self._cache is None or self._cache[0] != key:
            self.document.flush()
            self._cache = (key, plan_export(self.document.amap, opts, self.document.report))
        return replace(self._cache[1], options=opts)

    def prepared(self):
        """The whole map as one picture (as :func:`argmap.render.prepare` makes it)."""
        self.document.flush()
        return prepare(self.document.amap, self.options(), self.document.report)

    def options_changed(self, *_args) -> None:
        """Refresh the enabled widgets, the preset and the size label now, and the preview shortly."""
        if self._applying:
            return
        fmt = self.format_box.currentData()
        png = fmt == "png"
        for w in (self.dpi_radio, self.scale_radio, self.size_label):
            w.setEnabled(png)
        self.dpi_spin.setEnabled(png and self.dpi_radio.isChecked())
        self.scale_spin.setEnabled(png and self.scale_radio.isChecked())
        self.width_check.setEnabled(fmt != "pdf")
        self.width_spin.setEnabled(fmt != "pdf" and self.width_check.isChecked())
        self.unit_box.setEnabled(fmt != "pdf" and self.width_check.isChecked())
        self.colour_button.setEnabled(self.background_box.currentData() == "custom")
        self.page_box.setEnabled(fmt == "pdf")
        self.orientation_box.setEnabled(fmt == "pdf" and self.page_box.currentData() != "fit")
        self.split_check.setEnabled((fmt == "pdf" and self.page_box.currentData() != "fit")
                                    or (fmt != "pdf" and self.width_check.isChecked()))
        self._show_matching_preset()
        self.update_size_label()
        self._timer.start()

    def update_size_label(self) -> bool:
        """Show the PNG size in pixels, or why it is refused. Returns False when refused."""
        try:
            plan = self.plan()
        except ExportError as exc:
            return self._refuse(str(exc))
        if plan.options.fmt != "png":
            self.size_label.setText(_vector_size(plan))
            return self._allow()
        width, height = png_pixel_size(plan.sheets[0], plan.options)
        try:
            for sheet in plan.sheets:
                check_pixel_limit(*png_pixel_size(sheet, plan.options), plan.options)
        except ExportError as exc:
            return self._refuse(f"Too large: {exc}")
        files = f"{len(plan.sheets)} images, each " if len(plan.sheets) > 1 else ""
        self.size_label.setText(f"{files}{width} × {height} px ({width * height / 1e6:.1f} megapixels)")
        return self._allow()

    def _refuse(self, text: str) -> bool:
        self.size_label.setText(text)
        self.size_label.setStyleSheet("color: #c62828")
        self.export_button.setEnabled(False)
        return False

    def _allow(self) -> bool:
        self.size_label.setStyleSheet("")
        self.export_button.setEnabled(True)
        return True

    def update_preview(self) -> None:
        """Show the pages and the report, made by the export code itself."""
        try:
            plan = self.plan()
        except ExportError as exc:
            self.pages_preview.count_label.setText(str(exc))
            return
        self.pages_preview.show_plan(plan)
        report = export_report(plan)
        parts = 0
        if report.body_pt < MIN_BODY_PT and plan.options.split == "one":
            try:
                split = plan_export(self.document.amap, replace(plan.options, split="split"), self.document.report)
                parts = len(split.sheets) if split.body_pt() >= MIN_BODY_PT else 0  # only a split that helps
            except ExportError:
                parts = 0
        self.report_panel.show_report(report, parts)

    def choose_colour(self) -> None:
        colour = QColorDialog.getColor(self.custom_colour, self, "Background colour",
                                       QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if colour.isValid():
            self.custom_colour = colour
            self.options_changed()

    # ------------------------------------------------------------ export
    def suggested_path(self) -> str:
        ext = self.format_box.currentData()
        folder = self.settings.value("export/folder", "") or (str(self.document.path.parent)
                                                               if self.document.path else str(Path.home()))
        stem = self.document.path.stem if self.document.path else "map"
        return str(Path(folder) / f"{stem}.{ext}")

    def export_to(self, path: str | Path) -> bool:
        """Write the export to ``path`` (numbered files for a split PNG/SVG); warn and return False on failure."""
        try:
            self.written = write_plan(self.plan(), Path(path))
        except (ExportError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            show_plain(self, QMessageBox.Icon.Warning, "Export image",
                       f"The image could not be written to {path}: {reason}.\n\nNothing was written and the "
                       "map is unchanged. Choose another folder, or a lower DPI or scale if the image is over "
                       "the pixel limit.")
            return False
        self.settings.setValue("export/folder", str(Path(path).parent))
        self.save_settings()
        return True

    def accept(self) -> None:
        if not self.update_size_label():
            return
        ext = self.format_box.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Export image", self.suggested_path(),
                                              f"{ext.upper()} files (*.{ext})")
        if not path:
            return
        if not path.lower().endswith(f".{ext}"):
            path += f".{ext}"
        if self.export_to(path):
            super().accept()


def _vector_size(plan) -> str:
    """The size of an SVG or PDF export, in words."""
    first = plan.sheets[0]
    if first.paper_pt is not None:
        n = len(plan.sheets)
        if plan.options.page:
            return f"{n} {plan.options.page} page{'s' if n != 1 else ''} (vector: scales without loss)"
        w, h = first.paper_pt
        return f"{n} part{'s' if n != 1 else ''}, {w / 72 * 2.54:.1f} × {h / 72 * 2.54:.1f} cm (vector)"
    w, h = first.size()
    if plan.printed_width:
        return f"{plan.printed_width} wide (vector: scales without loss)"
    return f"{round(w)} × {round(h)} px at 96 dpi (vector: scales without loss)"
