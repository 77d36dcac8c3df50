"""The "Export image" dialog: PNG, SVG or PDF, with a live preview.

The dialog only gathers :class:`~argmap.render.ExportOptions`; the preview
and the file are drawn by the same render code (:mod:`argmap.render`), so
what the preview shows is what gets written. Choices are remembered in
QSettings ("argmap", "argmap") under ``export/``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from argmap.render import ExportError, ExportOptions, build_drawing, export_map, prepare, prepared_image, theme_named
from argmap.render.export import check_pixel_limit, png_pixel_size

FORMATS = (("PNG image", "png"), ("SVG drawing", "svg"), ("PDF document", "pdf"))
SCOPES = (("Whole map", "all"), ("Selection", "selection"), ("Visible area", "visible"))
BACKGROUNDS = (("Transparent", "transparent"), ("White", "white"), ("Custom colour…", "custom"))
THEMES = (("Screen colours", "screen"), ("Print (greyscale-safe)", "print"))
LAYOUTS = (("Saved positions", "keep"), ("Automatic layout", "auto"))
PAGES = (("Fit to the map", "fit"), ("A4", "A4"), ("Letter", "Letter"), ("A3", "A3"))
ORIENTATIONS = (("Automatic", "auto"), ("Portrait", "portrait"), ("Landscape", "landscape"))
PREVIEW_W, PREVIEW_H = 420, 300
PREVIEW_DELAY_MS = 150


def _combo(items) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


def _select(box: QComboBox, value) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def ids_in_rect(amap, rect: QRectF) -> tuple[str, ...]:
    """Statements whose box (at its saved place) meets ``rect`` (scene coordinates)."""
    drawing = build_drawing(amap, theme_named("light"))
    return tuple(sid for sid, box in drawing.boxes.items() if box.rect.intersects(rect))


class ExportDialog(QDialog):
    """Choose how to export the document's map, preview it, and write the file.

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
        self.settings = settings if settings is not None else QSettings("argmap", "argmap")
        self.selection_ids = tuple(selection_ids)
        self.visible_rect = visible_rect
        self.custom_colour = QColor("#ffffff")
        self._cache: tuple | None = None
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
        self.format_box = _combo(FORMATS)
        self.scope_box = _combo(SCOPES)
        self.scope_box.model().item(1).setEnabled(bool(self.selection_ids))
        self.scope_box.model().item(2).setEnabled(self.visible_rect is not None)
        self.dpi_radio = QRadioButton("DPI")
        self.scale_radio = QRadioButton("Scale")
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setValue(96)
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setRange(0.1, 10.0)
        self.scale_spin.setSingleStep(0.25)
        self.scale_spin.setValue(1.0)
        self.size_label = QLabel()
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label.setWordWrap(True)
        self.background_box = _combo(BACKGROUNDS)
        self.colour_button = QPushButton("Choose…")
        self.theme_box = _combo(THEMES)
        self.layout_box = _combo(LAYOUTS)
        self.legend_check = QCheckBox("Legend")
        self.badges_check = QCheckBox("Label and diagnostic badges")
        self.comments_check = QCheckBox("Comments as numbered call-outs")
        self.comments_check.setToolTip("Open review comments: a number on each commented box, the comments listed "
                                       "under the map")
        self.margin_spin = QSpinBox()
        self.margin_spin.setRange(0, 400)
        self.margin_spin.setSuffix(" px")
        self.page_box = _combo(PAGES)
        self.orientation_box = _combo(ORIENTATIONS)
        self.preview = QLabel()
        self.preview.setMinimumSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Format", self.format_box)
        form.addRow("Scope", self.scope_box)
        res = QHBoxLayout()
        for w in (self.dpi_radio, self.dpi_spin, self.scale_radio, self.scale_spin):
            res.addWidget(w)
        form.addRow("Resolution", _wrap(res))
        form.addRow("Image size", self.size_label)
        bg = QHBoxLayout()
        bg.addWidget(self.background_box)
        bg.addWidget(self.colour_button)
        form.addRow("Background", _wrap(bg))
        form.addRow("Colours", self.theme_box)
        form.addRow("Layout", self.layout_box)
        form.addRow("", self.legend_check)
        form.addRow("", self.badges_check)
        form.addRow("", self.comments_check)
        form.addRow("Margin", self.margin_spin)
        form.addRow("PDF page", self.page_box)
        form.addRow("Orientation", self.orientation_box)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.preview, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        for box in (self.format_box, self.scope_box, self.background_box, self.theme_box, self.layout_box,
                    self.page_box, self.orientation_box):
            box.currentIndexChanged.connect(self.options_changed)
        for spin in (self.dpi_spin, self.scale_spin, self.margin_spin):
            spin.valueChanged.connect(self.options_changed)
        for check in (self.dpi_radio, self.scale_radio, self.legend_check, self.badges_check, self.comments_check):
            check.toggled.connect(self.options_changed)
        self.colour_button.clicked.connect(self.choose_colour)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ settings
    def _load_settings(self) -> None:
        s = self.settings
        _select(self.format_box, s.value("export/format", "png"))
        _select(self.background_box, s.value("export/background", "white"))
        self.custom_colour = QColor(str(s.value("export/custom_colour", "#ffffff")))
        _select(self.theme_box, s.value("export/theme", "screen"))
        _select(self.layout_box, s.value("export/layout", "keep"))
        _select(self.page_box, s.value("export/page", "fit"))
        _select(self.orientation_box, s.value("export/orientation", "auto"))
        self.dpi_spin.setValue(int(s.value("export/dpi", 96)))
        self.scale_spin.setValue(float(s.value("export/scale", 1.0)))
        use_scale = str(s.value("export/use_scale", "false")).lower() == "true"
        (self.scale_radio if use_scale else self.dpi_radio).setChecked(True)
        self.legend_check.setChecked(str(s.value("export/legend", "false")).lower() == "true")
        self.badges_check.setChecked(str(s.value("export/badges", "true")).lower() == "true")
        self.margin_spin.setValue(int(s.value("export/margin", 24)))
        self.comments_check.setChecked(str(s.value("export/comments", "false")).lower() == "true")

    def save_settings(self) -> None:
        """Remember the current choices."""
        s = self.settings
        for key, box in (("format", self.format_box), ("background", self.background_box),
                         ("theme", self.theme_box), ("layout", self.layout_box), ("page", self.page_box),
                         ("orientation", self.orientation_box)):
            s.setValue(f"export/{key}", box.currentData())
        s.setValue("export/custom_colour", self.custom_colour.name())
        s.setValue("export/dpi", self.dpi_spin.value())
        s.setValue("export/scale", self.scale_spin.value())
        s.setValue("export/use_scale", "true" if self.scale_radio.isChecked() else "false")
        s.setValue("export/legend", "true" if self.legend_check.isChecked() else "false")
        s.setValue("export/badges", "true" if self.badges_check.isChecked() else "false")
        s.setValue("export/margin", self.margin_spin.value())
        s.setValue("export/comments", "true" if self.comments_check.isChecked() else "false")
        s.sync()

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
        use_scale = self.scale_radio.isChecked()
        return ExportOptions(
            fmt=self.format_box.currentData(), dpi=self.dpi_spin.value(),
            scale=self.scale_spin.value() if use_scale else None, background=self.background(),
            theme=self.theme_box.currentData(), layout=self.layout_box.currentData(),
            legend=self.legend_check.isChecked(), badges=self.badges_check.isChecked(),
            margin=self.margin_spin.value(), page=self.page_box.currentData(),
            orientation=self.orientation_box.currentData(), scope_ids=self.scope_ids(),
            comments=self.comments_check.isChecked())

    def prepared(self):
        """The drawing for the current options (rebuilt only when what it depends on changed)."""
        opts = self.options()
        key = (opts.theme, opts.layout, opts.legend, opts.badges, opts.margin, opts.scope_ids, opts.comments)
        if self._cache is None or self._cache[0] != key:
            self.document.flush()
            self._cache = (key, prepare(self.document.amap, opts, self.document.report))
        return replace(self._cache[1], options=opts)

    def options_changed(self, *_args) -> None:
        """Refresh the enabled widgets and the size label now, and the preview shortly."""
        fmt = self.format_box.currentData()
        png = fmt == "png"
        for w in (self.dpi_radio, self.scale_radio, self.size_label):
            w.setEnabled(png)
        self.dpi_spin.setEnabled(png and self.dpi_radio.isChecked())
        self.scale_spin.setEnabled(png and self.scale_radio.isChecked())
        self.colour_button.setEnabled(self.background_box.currentData() == "custom")
        self.page_box.setEnabled(fmt == "pdf")
        self.orientation_box.setEnabled(fmt == "pdf" and self.page_box.currentData() != "fit")
        self.update_size_label()
        self._timer.start()

    def update_size_label(self) -> bool:
        """Show the PNG size in pixels, or why it is refused. Returns False when refused."""
        prep = self.prepared()
        if prep.options.fmt != "png":
            w, h = prep.size()
            self.size_label.setText(f"{round(w)} × {round(h)} px at 96 dpi (vector: scales without loss)")
            self.export_button.setEnabled(True)
            return True
        width, height = png_pixel_size(prep)
        try:
            check_pixel_limit(width, height, prep.options)
        except ExportError as exc:
            self.size_label.setText(f"Too large: {exc}")
            self.size_label.setStyleSheet("color: #c62828")
            self.export_button.setEnabled(False)
            return False
        self.size_label.setStyleSheet("")
        self.size_label.setText(f"{width} × {height} px ({width * height / 1e6:.1f} megapixels)")
        self.export_button.setEnabled(True)
        return True

    def update_preview(self) -> None:
        """Render a small picture with the export code itself."""
        prep = self.prepared()
        w, h = prep.size()
        factor = min(1.0, PREVIEW_W / max(w, 1), PREVIEW_H / max(h, 1))
        try:
            image = prepared_image(prep, factor)
        except ExportError as exc:
            self.preview.setText(str(exc))
            return
        self.preview.setPixmap(QPixmap.fromImage(image))

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
        """Write the export to ``path``; show a warning and return False on failure."""
        try:
            export_map(self.document.amap, path, self.options(), report=self.document.report)
        except (ExportError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            _plain_warning(self, "Export image",
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


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def _plain_warning(parent, title: str, text: str) -> None:
    """A warning whose text is always shown as plain text (never as HTML)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
