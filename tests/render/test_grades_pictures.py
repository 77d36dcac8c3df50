"""Grades and assumptions in every picture: canvas box, PNG, SVG (as text and a class), PDF pages, legend."""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QPointF

from argmap.analysis import check_map
from argmap.model import ArgumentMap, Inference, Source, Statement
from argmap.render import ExportOptions, plan_export
from argmap.render.export import render_files
from argmap.render.png import sheet_image

SVG = "{http://www.w3.org/2000/svg}"


def graded_map(extra: int = 0) -> ArgumentMap:
    """Two graded pieces of evidence (B2 through a column, E5 from a rumour), an assumed claim, a recommendation."""
    amap = ArgumentMap("graded")
    amap.add_all([
        Source("col", "A column", "B"), Source("nyt", "A newspaper report", "C", via="col"),
        Source("rumour", "A rumour", "E"),
        Statement("r", "recommendation", "Open talks with Tehran now"),
        Statement("c", "claim", "Both sides want calm in the south"),
        Statement("k", "claim", "Talks cost Washington little", assumed=True),
        Statement("e1", "evidence", "Reported fact one", cites=("nyt", "col"), credibility=2),
        Statement("e2", "evidence", "Reported fact two", cites=("rumour",), credibility=5),
        Inference("i1", ("c", "k"), "r"), Inference("i2", ("e1",), "c"), Inference("i3", ("e2",), "c"),
    ])
    for n in range(extra):
        amap.add_all([Statement(f"x{n}", "evidence", f"More reported evidence, number {n}, from the same report",
                                cites=("nyt",), credibility=3), Inference(f"ix{n}", (f"x{n}",), "c")])
    return amap


def export(amap, **options):
    plan = plan_export(amap, ExportOptions(**options), check_map(amap))
    return plan, render_files(plan)


def test_split_pages_and_a_selection_of_a_graded_map_export(qapp):
    """The pages of a split map and an exported selection are drawn from part-maps: they keep the sources."""
    amap = graded_map(extra=30)
    plan, files = export(amap, fmt="pdf", page="A4")
    assert plan.split and files[0].startswith(b"%PDF")
    plan, files = export(amap, fmt="svg", scope_ids=["e1", "e2", "c"])
    assert len(files) == 1 and b'data-id="e1"' in files[0]


def svg_nodes(data: bytes) -> dict:
    root = ElementTree.fromstring(data)
    return {g.get("data-id"): g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()}


def test_the_svg_carries_each_grade_as_text_and_a_class_and_marks_the_assumption(qapp):
    _plan, files = export(graded_map(), fmt="svg")
    nodes = svg_nodes(files[0])
    for sid, grade in (("e1", "B2"), ("e2", "E5")):
        node = nodes[sid]
        assert "graded" in node.get("class").split() and node.get("data-grade") == grade
        texts = [t for t in node.iter(f"{SVG}text") if t.get("class") == "grade"]
        assert [t.text for t in texts] == [grade]
    assumed = nodes["k"]
    assert "assumed" in assumed.get("class").split()
    kind = next(t for t in assumed.iter(f"{SVG}text") if t.get("class") == "kind")
    assert kind.text.startswith("ASSUMED")
    assert len([r for r in assumed.iter(f"{SVG}rect")]) == 2  # the double border
    for sid in ("r", "c"):
        classes = nodes[sid].get("class").split()
        assert "graded" not in classes and "assumed" not in classes
        assert not [t for t in nodes[sid].iter(f"{SVG}text") if t.get("class") == "grade"]


def test_a_version_1_map_draws_no_grade_and_no_assumption(qapp):
    amap = ArgumentMap("plain")
    amap.add_all([Statement("e", "evidence", "Seen"), Statement("c", "claim", "So"), Inference("i", ("e",), "c")])
    _plan, files = export(amap, fmt="svg", legend=True)
    text = files[0].decode("utf-8")
    assert "graded" not in text and "assumed" not in text and "ASSUMED" not in text
    assert not re.search(r'class="grade"', text)


def box_of(plan, sid):
    sheet = plan.sheets[0]
    return sheet, sheet.drawing.boxes[sid]


def grade_region(plan, sid):
    """The pixel rectangle of the grade in the first PNG of ``plan`` (96 dpi: one pixel per scene pixel)."""
    from argmap.render.parts import header_layout
    from argmap.render.sheet import box_header

    sheet, box = box_of(plan, sid)
    head = header_layout(box.rect, box_header(box), sheet.theme, label_badge=box.label,
                         severity=box.worst_severity, note=box.badge_text, grade=box.grade)
    return head, head.grade_rect.translated(-sheet.frame.left(), -sheet.frame.top())


def dark_pixels(image, rect) -> int:
    return sum(1 for x in range(int(rect.left()) + 1, int(rect.right()))
               for y in range(int(rect.top()) + 1, int(rect.bottom()))
               if image.pixelColor(x, y).lightness() < 110)


@pytest.mark.parametrize("theme", ["light", "print"])
def test_the_png_draws_the_grade_where_the_header_places_it(qapp, theme):
    from PySide6.QtGui import QImage

    amap = graded_map()
    plan, files = export(amap, fmt="png", theme=theme, dpi=96)
    image = QImage.fromData(files[0])
    head, rect = grade_region(plan, "e1")
    assert head.grade == "B2" and rect.width() > 10
    inked = dark_pixels(image, rect)
    assert inked > 15  # the letters and the frame of "B2"
    label_right = head.label_rect.left() + 1
    assert label_right < head.grade_rect.left()
    plan.sheets[0].drawing.boxes["e1"].grade = ""  # the same picture without the grade: the box's fill there
    bare = sheet_image(plan.sheets[0], plan.options)
    assert (bare.width(), bare.height()) == (image.width(), image.height())
    assert dark_pixels(bare, rect) == 0


def test_the_pdf_holds_the_grades_and_the_assumption_as_text(qapp, tmp_path):
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    _plan, files = export(graded_map(), fmt="pdf")
    path = tmp_path / "m.pdf"
    path.write_bytes(files[0])
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "B2" in text and "E5" in text and "ASSUMED · CO-PREMISE" in text


def test_the_legend_explains_grades_and_assumptions_only_where_the_map_has_them(qapp):
    from argmap.render.legend import TEXTS, legend_rows, legend_size, shows_tradecraft
    from argmap.render.theme import theme_named

    plan, files = export(graded_map(), fmt="svg", legend=True)
    assert shows_tradecraft(plan.sheets[0].drawing)
    text = files[0].decode("utf-8")
    assert TEXTS["grade"] in text and TEXTS["assumed"] in text
    theme = theme_named("light")
    _frame, _title, rows = legend_rows(QPointF(0, 0), theme, grades=True)
    assert [r.group for r in rows][:5] == ["kind", "kind", "kind", "grade", "assumed"]
    assert legend_size(theme, grades=True)[1] > legend_size(theme)[1]
    plain = ArgumentMap("plain")
    plain.add(Statement("e", "evidence", "Seen"))
    plan, files = export(plain, fmt="svg", legend=True)
    assert not shows_tradecraft(plan.sheets[0].drawing) and TEXTS["grade"] not in files[0].decode("utf-8")


def test_header_parts_never_overlap_with_a_grade(qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from argmap.render.parts import NOTE_GAP, header_layout
    from argmap.render.theme import THEMES

    for theme in THEMES.values():
        small = QFontMetricsF(theme.font(small=True))
        for width in range(60, 320, 9):
            rect = QRectF(0, 0, width, 70)
            for label in ("EVIDENCE", "EVIDENCE · ▤ report", "ASSUMED · CO-PREMISE"):
                for badges, note in ((True, "AM009 +1"), (True, ""), (False, "")):
                    head = header_layout(rect, label, theme, badges=badges, label_badge="in", severity="warning",
                                         note=note, grade="B2")
                    parts = [r for _, r in head.badges] + ([head.grade_rect] if head.grade else [])
                    if head.note:
                        parts.append(head.note_rect)
                    for n, a in enumerate(parts):
                        assert rect.contains(a), (width, label)
                        assert not any(a.intersects(b) for b in parts[n + 1:]), (width, label, note)
                    label_right = head.label_rect.left() + small.horizontalAdvance(head.label)
                    if parts:
                        assert label_right <= min(r.left() for r in parts) - NOTE_GAP + 0.01, (width, label)
                    if width >= 120:  # every box is at least this wide: the grade is always shown
                        assert head.grade == "B2", (width, label)


def test_graded_evidence_is_measured_with_room_for_its_grade(qapp):
    from argmap.render.measure import statement_size
    from argmap.render.theme import theme_named

    theme = theme_named("light")
    plain = Statement("e", "evidence", "Seen", basis="statistic")
    graded = plain.copy(cites=("x",), credibility=2)
    assert statement_size(graded, theme)[0] > statement_size(plain, theme)[0]
