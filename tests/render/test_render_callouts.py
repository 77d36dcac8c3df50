"""Comments as numbered call-outs in exported pictures: the discs on the map, the list under it (PNG, SVG, PDF)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from argmap.model import ArgumentMap, Comment, Conflict, Inference, Position, Statement
from argmap.render import ExportOptions, build_drawing, export_map, prepare, theme_named
from argmap.render.callouts import RADIUS, build_callouts, list_layout

SVG_NS = "{http://www.w3.org/2000/svg}"
LONG = ("Which interests exactly? Name two that both governments would admit to in public, and say where the "
        "column shows them; otherwise cut the claim.")


def commented() -> ArgumentMap:
    amap = ArgumentMap(title="Talks")
    amap.add_all([
        Statement("r", "recommendation", "Open talks with Tehran", position=Position(0, 0)),
        Statement("a", "claim", "Iran holds the cards in the south", position=Position(-200, 180)),
        Statement("b", "claim", "Talks cost little", position=Position(200, 180)),
        Statement("o", "claim", "Iran arms the militias", position=Position(420, 0)),
        Inference("i1", ("a",), "r"), Inference("i2", ("b",), "r"), Conflict("c1", ("o",), "r"),
    ])
    amap.update("b", comments=(Comment(LONG, "Ann Analyst", "2024-05-02"),))
    amap.update("r", comments=(Comment("Too strong for the summary.", "bob", "2024-05-03"),
                               Comment("Settled long ago.", "ann", "2024-04-01", resolved=True)))
    amap.update("i1", comments=(Comment("One reason or two?", "ann"),))
    return amap


def test_numbers_follow_reading_order_only_open_comments_only_what_is_drawn(qapp):
    amap = commented()
    prep = prepare(amap, ExportOptions(comments=True))
    items = prep.callouts.items
    assert [(c.number, c.eid) for c in items] == [(1, "r"), (2, "i1"), (3, "b")]
    assert items[0].texts == ("bob, 2024-05-03: Too strong for the summary.",)  # the resolved one is left out
    assert items[0].head == "r “Open talks with Tehran”" and items[1].head == "support i1 (a → r)"
    box = prep.drawing.boxes["r"].rect
    assert (items[0].anchor.x(), items[0].anchor.y()) == (box.left(), box.top())
    scoped = prepare(amap, ExportOptions(comments=True, scope_ids=("a", "o")))
    assert scoped.callouts is None  # nothing drawn carries an open comment
    assert build_callouts(ArgumentMap(), prep.drawing, prep.extent) is None


def test_the_list_goes_under_the_map_wraps_and_the_picture_grows(qapp):
    amap = commented()
    plain, with_list = prepare(amap, ExportOptions()), prepare(amap, ExportOptions(comments=True))
    laid = list_layout(with_list.callouts, with_list.theme)
    assert with_list.extent.bottom() > plain.extent.bottom() + laid.height - 1
    assert with_list.callouts.origin.y() > plain.drawing.bounds.bottom()
    lines = [line.text for line in laid.lines]
    assert lines[0] == "Comments" and lines[1] == "r “Open talks with Tehran”"
    last = laid.lines[lines.index("b “Talks cost little”") + 1:]
    assert len(last) >= 2  # the long comment wraps, at the list's width
    assert " ".join(line.text for line in last) == f"Ann Analyst, 2024-05-02: {LONG}"
    assert all(line.x > with_list.callouts.origin.x() for line in last)
    assert [n for n, _ in laid.discs] == [1, 2, 3]


def test_png_draws_each_disc_on_its_box(qapp, tmp_path):
    amap = commented()
    path = tmp_path / "map.png"
    export_map(amap, path, ExportOptions(comments=True))
    prep = prepare(amap, ExportOptions(comments=True))
    image = QImage(str(path))
    m = prep.options.margin
    for item in prep.callouts.items:
        x = round(item.anchor.x() - prep.extent.left() + m)
        y = round(item.anchor.y() - prep.extent.top() + m)
        colour = QColor(image.pixel(x + 3, y + 3))  # the disc is filled with the text colour (the number is light)
        dark = QColor(image.pixel(x + int(RADIUS) - 2, y))
        assert min(colour.lightness(), dark.lightness()) < 80, item.eid
    plain = tmp_path / "plain.png"
    export_map(amap, plain, ExportOptions())
    assert QImage(str(plain)).height() < image.height()


def test_off_by_default_and_without_open_comments_nothing_changes(qapp, tmp_path):
    amap = commented()
    export_map(amap, tmp_path / "a.png", ExportOptions())
    export_map(amap, tmp_path / "b.png", ExportOptions(comments=False))
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    for eid in ("b", "r", "i1"):
        amap.update(eid, comments=tuple(c for c in amap.get(eid).comments if c.resolved))
    export_map(amap, tmp_path / "c.png", ExportOptions(comments=True))
    export_map(amap, tmp_path / "d.png", ExportOptions())
    assert QImage(str(tmp_path / "c.png")) == QImage(str(tmp_path / "d.png"))


def test_svg_and_pdf_keep_the_list_as_text(qapp, tmp_path):
    amap = commented()
    svg = tmp_path / "map.svg"
    export_map(amap, svg, ExportOptions(fmt="svg", comments=True))
    root = ElementTree.parse(str(svg)).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG_NS}text"))
    assert "Too strong for the summary." in text and "Settled long ago." not in text
    assert re.search(r"\b1\b", text) and "support i1 (a → r)" in text
    on_map = {g.get("data-id") for g in root.iter(f"{SVG_NS}g") if g.get("class") == "callout" and g.get("data-id")}
    assert on_map == {c.eid for c in build_callouts(amap, build_drawing(amap, theme_named("light")),
                                                      QRectF(0, 0, 400, 300)).items}
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "map.pdf"
    export_map(amap, pdf, ExportOptions(fmt="pdf", comments=True))
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                         text=True).stdout
    flat = " ".join(out.split())
    assert "Comments" in flat and "bob, 2024-05-03: Too strong for the summary." in flat


def test_the_cli_has_a_comments_option(tmp_path):
    import sys

    from argmap.formats import write_file

    path = tmp_path / "map.argmap"
    write_file(commented(), path)
    out = tmp_path / "map.svg"
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(path), "-o", str(out), "--comments"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "One reason or two?" in out.read_text(encoding="utf-8")


def _commented_bundled():
    from argmap.formats import read_file
    from argmap.resources_path import example_map

    amap = read_file(example_map())
    for sid, text in (("s1", "Which talks, at what level?"), ("s17", "Source for Iran backing Sadr here?"),
                      ("s30", "Check the super-region date."), ("s9", "The column's claim, or ours?")):
        amap.update(sid, comments=(Comment(text, "ann", "2024-05-02"),))
    amap.update(next(iter(amap.inferences)), comments=(Comment("One reason or two?", "bob"),))
    return amap


def test_pages_split_by_branch_carry_the_discs_and_list_the_comments_after_the_map(qapp):
    from argmap.analysis import check_map
    from argmap.render.export import plan_export
    from argmap.render.export_report import export_report
    from argmap.render.page_comments import _home

    amap = _commented_bundled()
    plan = plan_export(amap, ExportOptions(fmt="pdf", page="A4", comments=True), check_map(amap))
    plain = plan_export(amap, ExportOptions(fmt="pdf", page="A4"), check_map(amap))
    assert plan.split and len(plan.sheets) == len(plain.sheets) + 1  # one page of comments after the map
    *pages, listing = plan.sheets[1:]
    assert listing.callouts.listed and not listing.callouts.on_map and not listing.drawing.boxes
    listed = {item.number: item for item in listing.callouts.items}
    assert sorted(listed) == [1, 2, 3, 4, 5]
    discs = {}
    for sheet in pages:
        assert sheet.callouts is None or (sheet.callouts.on_map and not sheet.callouts.listed)
        for item in sheet.callouts.items if sheet.callouts else ():
            assert sheet.drawing.bounds.adjusted(-1, -1, 1, 1).contains(item.anchor)
            home = _home(amap, item.eid)
            assert home in sheet.drawing.boxes and home not in sheet.refs
            assert plan.page_of[home] == sheet.number  # on the page where its statement lives
            discs.setdefault(item.number, sheet.number)
    assert sorted(discs) == sorted(listed)  # every comment has its disc on a page of the map
    for number, item in listed.items():
        assert item.head.endswith(f" · p. {discs[number]}")
    assert all("call-outs" not in w for w in export_report(plan).warnings)
    assert export_report(plan).body_pt >= 7.0
    titles = [c.text for c in plan.sheets[0].captions if c.role == "page-title"]
    contents = [c.text for c in plan.sheets[0].captions if c.role == "contents"]
    assert f"the map on {len(pages)} pages" in titles[0]
    assert contents[-1] == f"p. {len(plan.sheets)}  Review comments"
    numbers = [c.text for c in listing.captions if c.role == "page-number"]
    assert numbers == [f"p. {len(plan.sheets)} of {len(plan.sheets)}"]


def test_the_printed_pdf_has_the_comments_as_text(qapp, tmp_path):
    import sys

    from argmap.formats import write_file

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "map.argmap"
    write_file(_commented_bundled(), path)
    out = tmp_path / "map.pdf"
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(path), "-o", str(out), "--page", "A4",
                           "--comments"], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    last = subprocess.run(["pdftotext", "-f", "10", "-l", "10", str(out), "-"], capture_output=True, text=True).stdout
    assert "Comments" in last and "Which talks, at what level?" in last and "One reason or two?" in last
    assert "p. 10 of 10" in last


def test_a_map_that_fits_one_page_keeps_its_list_under_the_map(qapp):
    from argmap.render.export import plan_export

    plan = plan_export(commented(), ExportOptions(fmt="pdf", page="A4", comments=True))
    assert not plan.split and len(plan.sheets) == 1
    callouts = plan.sheets[0].callouts
    assert callouts.on_map and callouts.listed and [i.number for i in callouts.items] == [1, 2, 3]
    assert plan.sheets[0].frame.contains(QRectF(callouts.origin.x(), callouts.origin.y(), callouts.width, 1))


def test_a_long_list_of_comments_runs_over_pages_that_each_hold_theirs(qapp):
    from argmap.render.export import plan_export
    from argmap.render.page_comments import list_shape
    from argmap.render.paper import SPLIT_BODY_PT, named_paper

    amap = _commented_bundled()
    for sid in list(amap.statements)[:40]:
        amap.update(sid, comments=(Comment(LONG, "ann", "2024-05-02"), Comment(LONG[:80], "bob")))
    plan = plan_export(amap, ExportOptions(fmt="pdf", page="A4", comments=True))
    lists = [s for s in plan.sheets if s.callouts is not None and s.callouts.listed]
    assert len(lists) > 1
    numbers = [item.number for s in lists for item in s.callouts.items]
    assert numbers == list(range(1, len(numbers) + 1))  # each comment once, in order, over the pages
    theme = lists[0].theme
    room = named_paper("A4").content(list_shape(named_paper("A4")))[1] / (SPLIT_BODY_PT / theme.font_px)
    for sheet in lists:
        assert list_layout(sheet.callouts, theme).height <= room + 0.5  # nothing runs off the page
    assert [s.number for s in plan.sheets] == list(range(1, len(plan.sheets) + 1))
