"""Text measurement: how big each statement's box is, with the real fonts.

Boxes are measured and painted with the same :class:`QTextLayout` calls, so
what is measured is what is drawn, on screen and in every export. Text is
always plain (never interpreted as HTML); QTextLayout handles bidirectional
text (Arabic, Hebrew) and breaks overlong words when it must.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from argmap.model import RELIABILITY, ArgumentMap, Statement
from argmap.render.grades import ASSUMED_MARK, GRADE_PAD, shows_grade
from argmap.render.proposed import HEADER_MARK, is_proposed
from argmap.render.theme import BASIS_GLYPHS, KIND_LABELS, Theme

BADGE_SLOTS = 2
"""Badges in a box header: the label badge and the diagnostic badge."""

MEASURE_CACHE_SIZE = 50_000
"""Measured (text, header, theme) combinations kept; enough for several big maps."""

LAYOUT_CACHE_SIZE = 12_000
"""Text layouts kept for drawing (they hold shaped glyphs: fewer than the sizes and line breaks)."""


def display_text(statement: Statement, theme: Theme) -> str:
    """The statement text as drawn: plain, cut at ``theme.max_text_chars`` with an ellipsis."""
    text = statement.text.strip() or "(empty)"
    if len(text) > theme.max_text_chars:
        text = text[: theme.max_text_chars].rstrip() + "…"
    return text.replace("\r\n", "\n").replace("\n", "\u2028")


def header_text(statement: Statement, role: str | None = None) -> str:
    """The small label in a box's header, e.g. ``EVIDENCE · ❝ quote``, ``OBJECTION``, ``PROPOSED · REASON``.

    Parameters
    ----------
    statement : Statement
        The statement drawn.
    role : str, optional
        Its role in the structure (:func:`argmap.analysis.roles.statement_roles`):
        a claim shows its role (``OBJECTION``, ``REBUTTAL``, ``REASON``, ...)
        instead of ``CLAIM``; other kinds keep their kind label.

    A proposal of the draft (tagged ``proposed``) starts with ``PROPOSED · ``,
    an assumed claim with ``ASSUMED · `` (``ASSUMED · REASON``).
    """
    mark = HEADER_MARK if is_proposed(statement) else ""
    if statement.assumed and statement.kind == "claim":
        mark += ASSUMED_MARK
    if role and statement.kind == "claim":
        return mark + role.upper()
    label = KIND_LABELS.get(statement.kind, statement.kind.upper())
    if statement.kind == "evidence" and statement.basis:
        glyph = BASIS_GLYPHS.get(statement.basis, "•")
        label = f"{label} · {glyph} {statement.basis}"
    return mark + label


@lru_cache(maxsize=1)
def _option() -> QTextOption:
    """The wrapping of every statement text (made once: ``setTextOption`` copies it)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return option


def text_layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float]:
    """Lay ``text`` out in lines no wider than ``width``.

    Returns
    -------
    layout : QTextLayout
        Ready to draw at a top-left point.
    height : float
        Total height of the lines.
    used_width : float
        Width of the widest line.
    """
    layout = QTextLayout(text, font)
    layout.setTextOption(_option())
    layout.setCacheEnabled(True)
    height = 0.0
    used = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0.0, height))
        height += line.height()
        used = max(used, line.naturalTextWidth())
    layout.endLayout()
    return layout, height, used


def draw_text(painter: QPainter, rect: QRectF, text: str, font: QFont) -> None:
    """Draw plain ``text`` wrapped to ``rect.width()`` from the top-left of ``rect``."""
    layout, _, _ = text_layout(text, font, rect.width())
    layout.draw(painter, rect.topLeft())


def badge_diameter(theme: Theme) -> float:
    """Diameter of a round badge in a box header."""
    return _header_metrics(theme)[0]


def header_height(theme: Theme) -> float:
    """Height of a box's header row (kind label and badges)."""
    return _header_metrics(theme)[1]


@lru_cache(maxsize=64)
def _header_metrics(theme: Theme) -> tuple[float, float, QFontMetricsF]:
    """Badge diameter, header height and small-font metrics of ``theme`` (measured once per theme)."""
    metrics = QFontMetricsF(theme.font(small=True))
    badge = float(metrics.height()) + 2.0
    return badge, max(float(metrics.height()), badge), metrics


def text_width(statement: Statement, theme: Theme, role: str | None = None) -> float:
    """Width of the text column of a statement's box."""
    return _measure(display_text(statement, theme), header_text(statement, role), theme, shows_grade(statement))[0]


def statement_size(statement: Statement, theme: Theme, role: str | None = None) -> tuple[float, float]:
    """Width and height in pixels of the box of ``statement``, text wrapped.

    Text is laid out once per (displayed text, header, theme): the result is
    kept in a bounded cache, so re-opening, re-checking or re-building a big
    map measures only what changed. Everything the size depends on is in
    the key, so an edited text or another theme is measured afresh.

    Parameters
    ----------
    statement : Statement
        The statement to measure.
    theme : Theme
        Fonts, paddings and maximum text width.
    role : str, optional
        Its role, shown in the header (see :func:`header_text`).

    Returns
    -------
    (float, float)
        Box width and height, paddings and header included.
    """
    return _measure(display_text(statement, theme), header_text(statement, role), theme, shows_grade(statement))[1]


@lru_cache(maxsize=LAYOUT_CACHE_SIZE)
def _wide_layout(text: str, theme: Theme) -> tuple[QTextLayout, float, float]:
    """:func:`text_layout` of ``text`` at ``theme.max_text_width`` in the body font, kept for reuse."""
    return text_layout(text, theme.font(), theme.max_text_width)


@lru_cache(maxsize=MEASURE_CACHE_SIZE)
def wrapped(text: str, theme: Theme) -> tuple[tuple[tuple[int, int, float, float, float], ...], float, float]:
    """``text`` broken into lines at ``theme.max_text_width``, as :func:`text_layout` breaks it (kept per text).

    Returns
    -------
    lines : tuple
        ``(start, length, y, natural_width, ascent)`` per line (x is 0: left-aligned).
    height : float
        Total height of the lines.
    used_width : float
        Width of the widest line.

    The measure of a box, the SVG writer's lines of its text and the painter
    share this one layout. Greedy wrapping at any width from ``used_width``
    up to ``max_text_width`` breaks at the same places (see :func:`_measure`),
    and left-to-right lines start at the left edge whatever the width, so
    these lines hold for the box's text column too. Right-to-left lines do
    not (they are right-aligned): callers lay those out at the column's width.
    """
    layout, height, used = _wide_layout(text, theme)
    lines = tuple((line.textStart(), line.textLength(), line.y(), line.naturalTextWidth(), line.ascent())
                  for line in (layout.lineAt(n) for n in range(layout.lineCount())))
    return lines, height, used


def fits_wide_layout(text: str, width: float, theme: Theme) -> bool:
    """Whether ``text`` in a column ``width`` px wide is drawn exactly as its layout at the widest column."""
    return not is_rtl(text) and column_fits(wrapped(text, theme)[2], width, theme)


def column_fits(used: float, width: float, theme: Theme) -> bool:
    """Whether left-to-right lines laid out at the widest column (their widest ``used``) hold in ``width``."""
    return used <= width + 0.01 and width <= theme.max_text_width + 0.01


def draw_body(painter: QPainter, rect: QRectF, text: str, theme: Theme) -> None:
    """Draw a box's body ``text`` wrapped to ``rect.width()`` from the top-left of ``rect`` (body font).

    Reuses the layout the box was measured with when it draws the same
    (:func:`fits_wide_layout`); otherwise lays the text out afresh.
    """
    if not is_rtl(text):
        layout, _, used = _wide_layout(text, theme)
        if column_fits(used, rect.width(), theme):
            layout.draw(painter, rect.topLeft())
            return
    draw_text(painter, rect, text, theme.font())


def is_rtl(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Unicode bidi classes R and AL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@lru_cache(maxsize=MEASURE_CACHE_SIZE)
def _measure(text: str, header: str, theme: Theme, graded: bool = False) -> tuple[float, tuple[float, float]]:
    """Text column width and box size for a displayed ``text`` and ``header`` (``graded``: room for a grade)."""
    head_h = _header_metrics(theme)[1]
    _, height, used = wrapped(text, theme)
    head = header_room(header, theme, graded)
    width = math.ceil(max(theme.min_text_width, min(theme.max_text_width, max(used, head))))
    # No second layout at ``width``: every line fits in it (width >= the widest line) and no
    # line could take one more word (that word did not fit the wider max_text_width), so
    # greedy wrapping at ``width`` breaks at the same places and gives the same height.
    if head > width:  # a header wider than any text may be (a proposal's): the box widens to hold it
        width = math.ceil(head)
        _, height, _ = text_layout(text, theme.font(), width)
    box_h = theme.padding_y * 2 + head_h + theme.header_gap + height
    return float(width), (float(width + 2 * theme.padding_x), float(math.ceil(box_h)))


def header_room(header: str, theme: Theme, graded: bool = False) -> float:
    """Width a box's header needs: its label, the badges and (``graded``) the grade."""
    badge = _header_metrics(theme)[0]
    return small_width(header, theme) + BADGE_SLOTS * (badge + 3) + (grade_slot(theme) if graded else 0.0)


@lru_cache(maxsize=4096)
def small_width(text: str, theme: Theme, bold: bool = False) -> float:
    """Width of ``text`` in the small (or small bold) font of ``theme``, kept per text.

    Header labels, notes and grades repeat from box to box ("CLAIM",
    "AM001 +1", "B2"): the measure and every painter and writer ask for
    each of them once, not once or twice per box.
    """
    return (_small_bold_metrics(theme) if bold else _header_metrics(theme)[2]).horizontalAdvance(text)


@lru_cache(maxsize=64)
def _small_bold_metrics(theme: Theme) -> QFontMetricsF:
    return QFontMetricsF(theme.font(small=True, bold=True))


@lru_cache(maxsize=64)
def grade_slot(theme: Theme) -> float:
    """The header room a grade takes: the widest of "A1" … "F6" in its frame, and the gap beside it."""
    bold = _small_bold_metrics(theme)
    widest = max(bold.horizontalAdvance(f"{letter}{n}") for letter in RELIABILITY for n in range(1, 7))
    return widest + 2 * GRADE_PAD + 3.0


def clear_measure_cache() -> None:
    """Forget every cached measurement (e.g. after the installed fonts changed)."""
    _measure.cache_clear()
    small_width.cache_clear()
    _small_bold_metrics.cache_clear()
    wrapped.cache_clear()
    _wide_layout.cache_clear()
    _header_metrics.cache_clear()
    grade_slot.cache_clear()


def measure_cache_info():
    """Hits, misses and size of the measurement cache (``functools`` cache info)."""
    return _measure.cache_info()


def measure_all(amap: ArgumentMap, theme: Theme, roles: dict[str, str | None] | None = None
                ) -> dict[str, tuple[float, float]]:
    """Box sizes of every statement of ``amap``: id → (width, height) (``roles`` shown in the headers)."""
    roles = roles or {}
    return {sid: statement_size(st, theme, roles.get(sid)) for sid, st in amap.statements.items()}


def box_regions(rect: QRectF, theme: Theme) -> tuple[QRectF, QRectF]:
    """The header row and the text area inside a box ``rect``."""
    inner = rect.adjusted(theme.padding_x, theme.padding_y, -theme.padding_x, -theme.padding_y)
    head_h = header_height(theme)
    header = QRectF(inner.left(), inner.top(), inner.width(), head_h)
    body = QRectF(inner.left(), inner.top() + head_h + theme.header_gap, inner.width(),
                  max(0.0, inner.height() - head_h - theme.header_gap))
    return header, body
