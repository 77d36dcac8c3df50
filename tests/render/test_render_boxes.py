"""Box headers never run label, note and badges together; badges differ by shape in every theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from argmap.model import Statement
from argmap.render.paint import paint_badge, paint_box
from argmap.render.parts import BADGE_SHAPES, NOTE_GAP, badge_outline, header_layout
from argmap.render.theme import THEMES, theme_named

HEADERS = ["CLAIM", "RECOMMENDATION", "EVIDENCE · ▤ report", "RECOMMENDATION · OBJECTION", "UNDERCUT"]
NOTES = ["", "AM001", "AM001 +1", "AM003 +12"]


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_header_parts_never_overlap(qapp, theme_name):
    theme = theme_named(theme_name)
    small = QFontMetricsF(theme.font(small=True))
    bold = QFontMetricsF(theme.font(small=True, bold=True))
    for width in range(90, 320, 7):
        rect = QRectF(0, 0, width, 70)
        for header in HEADERS:
            for note in NOTES:
                head = header_layout(rect, header, theme, label_badge="out", severity="error", note=note)
                label_right = head.label_rect.left() + small.horizontalAdvance(head.label)
                badge_left = min(r.left() for _, r in head.badges)
                assert label_right <= badge_left - NOTE_GAP + 0.01, (width, header, note)
                assert head.label == header or head.label.endswith("…")
                if head.note:
                    assert head.note in (note, note.split()[0])
                    assert head.note_rect.left() >= label_right + NOTE_GAP - 0.01
                    assert head.note_rect.left() + bold.horizontalAdvance(head.note) <= badge_left + 0.01
                for (_, a), (_, b) in zip(head.badges, head.badges[1:]):
                    assert not a.intersects(b)
                assert all(rect.contains(r) for _, r in head.badges)


def test_a_wide_box_shows_the_whole_note(qapp):
    head = header_layout(QRectF(0, 0, 300, 70), "RECOMMENDATION", theme_named("light"), label_badge="in",
                         severity="warning", note="AM001 +1")
    assert head.label == "RECOMMENDATION" and head.note == "AM001 +1"


def _ink_columns(image: QImage, top: int, bottom: int, background: QColor) -> list[bool]:
    """Per pixel column of a band: is anything but the box fill painted there?"""
    out = []
    for x in range(image.width()):
        out.append(any(abs(image.pixelColor(x, y).lightness() - background.lightness()) > 40
                       for y in range(top, bottom)))
    return out


def test_narrow_recommendation_header_keeps_a_gap_before_the_badges(qapp):
    """The reported bug: "RECOMMENDATIONAM001 +1" in a narrow box."""
    theme = theme_named("light")
    statement = Statement("r", "recommendation", "Talk to Iran.")
    for width in (140, 160, 180, 200, 230):
        image = QImage(width + 20, 90, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_box(painter, QRectF(10, 10, width, 70), statement, theme, label="in", severity="error",
                  badge_text="AM001 +1")
        painter.end()
        head = header_layout(QRectF(10, 10, width, 70), "RECOMMENDATION", theme, label_badge="in",
                             severity="error", note="AM001 +1")
        top, bottom = int(head.label_rect.top()) + 2, int(head.label_rect.bottom()) - 2
        ink = _ink_columns(image, top, bottom, theme.fill("recommendation"))
        # Between the label's start and the first badge, inked columns form groups split by gaps of >= 7 px
        # (wider than a word space): the label alone, or the label and the note. Run together: one group.
        start, stop = int(head.label_rect.left()), int(min(r.left() for _, r in head.badges)) - 1
        groups, gap = 0, 99
        for x in range(start, stop):
            if ink[x]:
                if gap >= 7:
                    groups += 1
                gap = 0
            else:
                gap += 1
        assert groups == (2 if head.note else 1), (width, head.note)
        assert gap >= 3, width  # and blank space before the badges
    assert header_layout(QRectF(0, 0, 230, 70), "RECOMMENDATION", theme, label_badge="in", severity="error",
                         note="AM001 +1").note  # the widest box does show a note


def test_badges_differ_by_shape(qapp):
    rect = QRectF(0, 0, 14, 14)
    outlines = {key: badge_outline(key, rect) for key in ("in", "out", "undecided", "error", "warning")}
    shapes = {BADGE_SHAPES[key] for key in outlines}
    assert len(shapes) == 5
    corners = {key: (None if o is None else len(o)) for key, o in outlines.items()}
    assert corners == {"in": None, "out": 4, "undecided": 4, "error": 8, "warning": 3}


def test_print_badges_in_and_out_differ_without_colour(qapp):
    """In greyscale print the "in" badge is a filled disc, "out" an outlined square: compare dark pixels."""
    theme = theme_named("print")
    inked = {}
    for key in ("in", "out"):
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_badge(painter, QRectF(5, 5, 30, 30), key, theme)
        painter.end()
        inked[key] = sum(1 for x in range(40) for y in range(40) if image.pixelColor(x, y).lightness() < 128)
        if key == "in":
            assert image.pixelColor(6, 6).lightness() > 128  # a disc leaves the corner of its square blank
    assert inked["in"] > 2 * inked["out"]  # filled against outlined


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_cached_box_regions_equal_the_measured_ones(qapp, theme_name):
    """Painter and SVG place header and body with FontSet.regions; it must agree with measure.box_regions."""
    from argmap.render.fontset import fonts_of
    from argmap.render.measure import badge_diameter, box_regions

    theme = theme_named(theme_name)
    fonts = fonts_of(theme)
    assert fonts.badge == badge_diameter(theme)
    for rect in (QRectF(0, 0, 140, 60), QRectF(-37.5, 12.25, 240, 131), QRectF(5, 5, 20, 10)):
        assert fonts.regions(rect) == box_regions(rect, theme)
