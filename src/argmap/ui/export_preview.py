"""The right-hand side of the Export dialog: page thumbnails, the page count, and the picture's report.

Thumbnails are painted by the export code itself (:func:`argmap.render.png.sheet_image`)
from the same plan the file is written from, so what is previewed is what is written.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.render import ExportError
from argmap.render.page_comments import LIST_TITLE as COMMENTS_TITLE
from argmap.render.page_list import LIST_TITLE as PAGES_LIST_TITLE
from argmap.render.paper import MIN_BODY_PT
from argmap.render.png import sheet_image

SINGLE = QSize(420, 300)
"""Thumbnail size of a one-page export."""
MANY = QSize(170, 170)
"""Thumbnail size of each page of a split export."""


def _plain_label(word_wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    return label


class PagePreview(QWidget):
    """Thumbnails of the pages (or files) an export writes, with their count."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.count_label = _plain_label()
        self.pages = QListWidget()
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(6)
        self.pages.setMinimumSize(SINGLE.width() + 24, SINGLE.height() + 48)
        self.pages.setAccessibleName("Page preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.pages, 1)

    def show_plan(self, plan) -> None:
        """Show a thumbnail per sheet of ``plan``, and how many there are."""
        self.pages.clear()
        sheets = plan.sheets
        size = SINGLE if len(sheets) == 1 else MANY
        self.pages.setIconSize(size)
        self.count_label.setText(_count_text(plan))
        for n, sheet in enumerate(sheets, start=1):
            w, h = sheet.paper_pt or sheet.size()
            k = min(size.width() / w, size.height() / h)
            try:
                image = sheet_image(sheet, plan.options, (max(1, round(w * k)), max(1, round(h * k))))
            except ExportError as exc:
                self.pages.addItem(QListWidgetItem(str(exc)))
                continue
            item = QListWidgetItem(QIcon(_framed(image)), f"p. {n}" if len(sheets) > 1 else "")
            item.setToolTip(sheet.title or f"page {n}")
            item.setData(Qt.ItemDataRole.UserRole, image)
            self.pages.addItem(item)

    def images(self) -> list:
        """The thumbnails shown, as QImages (first page first)."""
        return [self.pages.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.pages.count())]


def _framed(image) -> QPixmap:
    """The thumbnail with a thin grey edge, so a white page shows on a white list."""
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#9e9e9e"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


def _count_text(plan) -> str:
    """What the pages are, e.g. "9 pages: an overview, 2 pages listing the pages, 5 pages of the map, …"."""
    n = len(plan.sheets)
    unit = "page" if plan.options.fmt == "pdf" else "file"
    if n == 1:
        return f"1 {unit}"
    titles = [sheet.title for sheet in plan.sheets]
    if titles[0] != "overview":
        return f"{n} {unit}s"
    lists, notes = titles.count(PAGES_LIST_TITLE), titles.count(COMMENTS_TITLE)
    parts = ["an overview", _some(lists, unit, "listing the pages"),
             _some(n - 1 - lists - notes, unit, "of the map, split by branch to stay legible"),
             _some(notes, unit, "of review comments")]
    return f"{n} {unit}s: " + ", ".join(p for p in parts if p)


def _some(count: int, unit: str, what: str) -> str:
    return f"{count} {unit}{'s' if count != 1 else ''} {what}" if count else ""


class ReportPanel(QWidget):
    """The export's numbers, a plain warning when something is bad, and the offer to split.

    Signals
    -------
    split_requested()
        The user pressed *Split into N …*.
    """

    split_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.numbers = _plain_label()
        self.warning = _plain_label()
        self.warning.setStyleSheet("color: #b71c1c")
        self.split_button = QPushButton()
        self.split_button.clicked.connect(self.split_requested)
        row = QHBoxLayout()
        row.addWidget(self.warning, 1)
        row.addWidget(self.split_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.numbers)
        layout.addLayout(row)

    def show_report(self, report, parts: int = 0) -> None:
        """Show ``report`` (an :class:`~argmap.render.export_report.ExportReport`); offer a split into ``parts``."""
        self.numbers.setText(f"Edges through boxes: {report.through}   Crossings: {report.crossings}   "
                             f"Overlapping boxes: {report.overlaps}\nBody text prints at {report.body_pt:.1f} pt; "
                             f"smallest text {report.smallest_pt:.1f} pt")
        self.warning.setText("\n".join(f"Warning: {w[0].upper()}{w[1:]}." for w in report.warnings))
        self.warning.setVisible(bool(report.warnings))
        small = bool(report.body_pt) and report.body_pt < MIN_BODY_PT
        self.split_button.setVisible(small and parts > 1)
        if parts > 1:
            self.split_button.setText(f"Split into {parts} legible parts")
