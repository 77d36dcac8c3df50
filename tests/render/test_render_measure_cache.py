"""Text measurement caches: cached sizes follow text, kind and theme, and match a fresh layout."""

from __future__ import annotations

from dataclasses import replace

from argmap.formats import read_file
from argmap.model import Statement
from argmap.model.synth import argument_like
from argmap.render import measure_all, statement_size, theme_named
from argmap.render.measure import (
    box_regions,
    clear_measure_cache,
    display_text,
    header_height,
    measure_cache_info,
    text_layout,
)
from argmap.resources_path import example_map

SHORT = "Iran backs Maliki."
LONG = " ".join(["Iran and the United States both back the government against the Sadrist militia."] * 6)


def test_a_text_edit_changes_the_measured_size(qapp):
    theme = theme_named("light")
    before = statement_size(Statement("s", "claim", SHORT), theme)
    after = statement_size(Statement("s", "claim", LONG), theme)
    assert after[1] > before[1] + 3 * theme.font_px  # several more lines
    assert after[0] == theme.max_text_width + 2 * theme.padding_x  # wrapped at the widest column
    assert statement_size(Statement("s", "claim", SHORT), theme) == before  # back again: the old size


def test_kind_and_basis_are_part_of_the_key(qapp):
    theme = theme_named("light")
    text = "Short."
    claim = statement_size(Statement("s", "claim", text), theme)
    recommendation = statement_size(Statement("s", "recommendation", text), theme)
    quoted = statement_size(Statement("s", "evidence", text, basis="observation"), theme)
    # The header ("RECOMMENDATION", "EVIDENCE · ◉ observation") is wider than the text: it sets the width.
    assert recommendation[0] > claim[0]
    assert quoted[0] > claim[0]


def test_a_theme_change_measures_again(qapp):
    light = theme_named("light")
    st = Statement("s", "claim", LONG)
    small = statement_size(st, light)
    big_theme = replace(light, font_px=light.font_px + 7)
    big = statement_size(st, big_theme)
    assert big[1] > small[1]
    narrow = statement_size(st, replace(light, max_text_width=150))
    assert narrow[0] <= 150 + 2 * light.padding_x < small[0] and narrow[1] > small[1]
    assert statement_size(st, light) == small  # the first theme's entry is untouched


def test_cached_sizes_equal_fresh_measurements(qapp):
    amap = argument_like(300, seed=21)
    themes = [theme_named("light"), theme_named("dark"), replace(theme_named("light"), font_px=16)]
    warm = [measure_all(amap, t) for t in themes]
    clear_measure_cache()
    cold = [measure_all(amap, t) for t in themes]
    assert warm == cold
    hits = measure_cache_info().hits
    assert [measure_all(amap, t) for t in themes] == cold
    assert measure_cache_info().hits >= hits + len(amap.statements)  # measured once, then looked up


def test_measured_box_holds_the_text_laid_out_at_its_own_width(qapp, seed_text):
    """The size is measured with one layout at the widest column: painting at the box's width must fit."""
    theme = theme_named("light")
    words = seed_text.split()
    texts = [s.text for s in read_file(example_map()).statements.values()]
    texts += [" ".join(words[k:k + n]) for k in range(0, 3000, 97) for n in (3, 11, 29, 64)]
    texts += ["x" * 300, "مرحبا بالعالم " * 12, "line one\nline two\n\nline four"]
    for text in texts:
        for st in (Statement("s", "claim", text), Statement("s", "evidence", text, basis="statistic")):
            w, h = statement_size(st, theme)
            _, body = box_regions(_rect(w, h), theme)
            _, height, used = text_layout(display_text(st, theme), theme.font(), body.width())
            assert used <= body.width() + 0.01, text
            assert abs(height - body.height()) < 1.0, text
            assert body.top() - theme.padding_y == header_height(theme) + theme.header_gap


def test_theme_fonts_are_copies(qapp):
    theme = theme_named("light")
    font = theme.font()
    font.setPixelSize(40)
    font.setBold(True)
    again = theme.font()
    assert again.pixelSize() == theme.font_px and not again.bold()
    assert theme.font(small=True).pixelSize() == theme.small_font_px
    assert replace(theme, font_px=21).font().pixelSize() == 21


def _rect(w: float, h: float):
    from PySide6.QtCore import QRectF

    return QRectF(0, 0, w, h)


def test_the_svg_lines_of_a_box_reuse_its_measure_and_equal_a_fresh_layout(qapp):
    """``body_lines`` takes the measure's breaks when the text column allows them, and they are the breaks
    a fresh QTextLayout at the column's own width makes (texts of the bundled map and long, odd ones)."""
    from PySide6.QtCore import QRectF

    from argmap.render.fontset import fonts_of
    from argmap.render.measure import _wide_layout, wrapped
    from argmap.render.parts import body_lines

    theme = theme_named("light")
    texts = [st.text for st in read_file(example_map()).statements.values()]
    texts += [SHORT, LONG, "x" * 400, "word " * 3 + "\u2028" + "after a line separator", "a  b   c", "tab\there"]
    for text in texts:
        width = statement_size(Statement("s", "claim", text), theme)[0] - 2 * theme.padding_x
        rect = QRectF(10, 20, width, 400)
        made = _wide_layout.cache_info().misses
        fast = body_lines(text, rect, theme)
        assert _wide_layout.cache_info().misses == made and wrapped.cache_info().hits  # the measure's layout
        layout, _, _ = text_layout(text, fonts_of(theme).body, width)
        fresh = [layout.lineAt(n) for n in range(layout.lineCount())]
        assert [(ln.text, ln.y) for ln in fast] == [
            (text[f.textStart():f.textStart() + f.textLength()].replace("\u2028", " "), 20 + f.y()) for f in fresh]
        assert [round(ln.width, 3) for ln in fast] == [round(f.naturalTextWidth(), 3) for f in fresh]


def test_a_box_paints_its_text_with_the_measured_layout_and_the_same_pixels(qapp, monkeypatch):
    """``draw_body`` reuses the measure's layout where it draws the same, and the pixels equal a fresh layout's;
    right-to-left text (right-aligned: it depends on the width) and wider columns are laid out afresh."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    from argmap.render import measure
    from argmap.render.measure import draw_body, draw_text, fits_wide_layout

    theme = theme_named("light")
    laid_out = []
    fresh_layout = measure.text_layout
    monkeypatch.setattr(measure, "text_layout", lambda *a: laid_out.append(a[0]) or fresh_layout(*a))

    def picture(draw) -> QImage:
        image = QImage(420, 300, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        draw(painter)
        painter.end()
        return image

    arabic = "إيران تدعم الحكومة والميليشيا في آن واحد، وهذا ما لا يقوله المقال صراحة."
    for text in (SHORT, LONG, arabic, "x" * 120):
        width = statement_size(Statement("s", "claim", text), theme)[0] - 2 * theme.padding_x
        for w in (width, theme.max_text_width + 40):
            rect = QRectF(5, 5, w, 290)
            statement_size(Statement("s", "claim", text), theme)  # measured, as every box is before it is drawn
            laid_out.clear()
            fast = picture(lambda p, r=rect, t=text: draw_body(p, r, t, theme))
            reused = not laid_out
            assert reused is fits_wide_layout(text, w, theme)
            assert reused is (text != arabic and w == width)
            assert fast == picture(lambda p, r=rect, t=text: draw_text(p, r, t, theme.font()))


def test_a_theme_hashes_as_its_fields_once_and_equal_themes_share_cache_entries(qapp):
    base = theme_named("light")
    same = replace(base)
    other = replace(base, font_px=base.font_px + 4)
    assert same is not base and same == base and hash(same) == hash(base)
    assert hash(base) == hash(tuple(getattr(base, f) for f in base.__dataclass_fields__))
    assert other != base and len({base, same, other}) == 2
    st = Statement("s", "claim", "A statement long enough to wrap over more than one line of its box, surely.")
    assert statement_size(st, same) == statement_size(st, base)
    assert statement_size(st, other) != statement_size(st, base)  # the bigger font is measured afresh
