"""Exports written to real files: PNG pixels, SVG text, PDF text, limits, pages, Unicode."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QColor, QImage

from argmap.formats import read_file
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.model.synth import argument_like
from argmap.render import ExportError, ExportOptions, export_map, prepare, render_svg

SVG_NS = "{http://www.w3.org/2000/svg}"

UNICODE_TEXTS = {
    "ar": "الحكومة تدعم وقف إطلاق النار",
    "fa": "گزارش وزارت نفت منتشر شد",
    "he": "הממשלה תומכת בהפסקת האש",
    "fr": "Déjà vu: l'élève a été reçu à l'école",
    "emoji": "Peace talks 🕊 resume ✅",
}


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _norm(text: str) -> str:
    """NFKC (folds Arabic presentation forms), no bidi controls, single spaces."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text).strip()


def _svg_text(path) -> str:
    root = ElementTree.parse(str(path)).getroot()
    parts = ["".join(el.itertext()) for el in root.iter(f"{SVG_NS}text")]
    return _norm(" ".join(parts))


def _pdf_text(path, raw: bool = True) -> str:
    """Text of a PDF: ``-raw`` keeps drawing order (box by box); the default mode joins RTL glyphs."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, check=True, text=True).stdout
    return _norm(out)


def _unicode_map() -> ArgumentMap:
    amap = ArgumentMap(title="Unicode ✓")
    ids = list(UNICODE_TEXTS)
    amap.add_all([Statement(sid, "claim" if sid != "fr" else "evidence", text, source="s")
                  for sid, text in UNICODE_TEXTS.items()])
    amap.add_all([Inference("i1", ("fr",), "ar"), Inference("i2", ("fa", "he"), "ar"),
                  Conflict("k1", ("emoji",), "i1")])
    assert ids
    return amap


@pytest.fixture
def small_map() -> ArgumentMap:
    return argument_like(25, seed=7)


def test_png_pixel_size_follows_dpi(qapp, small_map, tmp_path):
    base = prepare(small_map, ExportOptions())
    w, h = base.size()
    for dpi in (96, 192, 300):
        path = tmp_path / f"map{dpi}.png"
        export_map(small_map, path, ExportOptions(fmt="png", dpi=dpi))
        image = QImage(str(path))
        assert not image.isNull()
        assert abs(image.width() - w * dpi / 96) <= 1
        assert abs(image.height() - h * dpi / 96) <= 1
        assert round(image.dotsPerMeterX() * 0.0254) == dpi
    scaled = tmp_path / "scaled.png"
    export_map(small_map, scaled, ExportOptions(fmt="png", scale=0.5, dpi=600))
    assert abs(QImage(str(scaled)).width() - w / 2) <= 1


def test_png_backgrounds(qapp, small_map, tmp_path):
    for background, expected in (("transparent", None), ("white", QColor("white")), ("#336699", QColor("#336699"))):
        path = tmp_path / f"bg-{background.strip('#')}.png"
        export_map(small_map, path, ExportOptions(background=background))
        image = QImage(str(path))
        corner = image.pixelColor(0, 0)
        if expected is None:
            assert image.hasAlphaChannel() and corner.alpha() == 0
        else:
            assert corner.alpha() == 255 and corner.rgb() == expected.rgb()


def test_png_is_not_blank(qapp, small_map, tmp_path):
    path = tmp_path / "map.png"
    export_map(small_map, path, ExportOptions(background="white"))
    image = QImage(str(path))
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 100


def test_svg_parses_and_holds_every_statement_as_text(qapp, small_map, tmp_path):
    path = tmp_path / "map.svg"
    export_map(small_map, path, ExportOptions(fmt="svg", legend=True))
    text = _svg_text(path)
    for st in small_map.statements.values():
        assert _norm(st.text) in text, st.id
    root = ElementTree.parse(str(path)).getroot()
    assert root.find(f"{SVG_NS}title").text == small_map.title
    assert "statements" in root.find(f"{SVG_NS}desc").text


def test_pdf_text_extracts_every_statement(qapp, small_map, tmp_path):
    path = tmp_path / "map.pdf"
    export_map(small_map, path, ExportOptions(fmt="pdf"))
    assert path.read_bytes().startswith(b"%PDF")
    text = _pdf_text(path)
    for st in small_map.statements.values():
        assert _norm(st.text) in text, st.id


def test_unicode_text_survives_svg_and_pdf(qapp, tmp_path):
    amap = _unicode_map()
    svg, pdf, png = tmp_path / "u.svg", tmp_path / "u.pdf", tmp_path / "u.png"
    export_map(amap, svg, ExportOptions(fmt="svg"))
    export_map(amap, pdf, ExportOptions(fmt="pdf"))
    export_map(amap, png, ExportOptions(fmt="png"))
    svg_text = _svg_text(svg)
    for text in UNICODE_TEXTS.values():
        assert _norm(text) in svg_text
    pdf_text = _pdf_text(pdf, raw=False)
    for key in ("fr", "ar", "fa", "he"):  # DejaVu has no emoji: the PDF shows those as blanks
        assert _norm(UNICODE_TEXTS[key]) in pdf_text, key
    assert not QImage(str(png)).isNull()


def test_pixel_limit_is_refused_before_writing(qapp, small_map, tmp_path):
    path = tmp_path / "huge.png"
    with pytest.raises(ExportError) as info:
        export_map(small_map, path, ExportOptions(dpi=600, max_megapixels=1))
    message = str(info.value)
    assert "megapixels" in message and "dpi" in message and "\n" not in message
    assert not path.exists()
    big = argument_like(2000, seed=1)
    with pytest.raises(ExportError, match="px"):
        export_map(big, path, ExportOptions(dpi=600))
    assert not path.exists()


def test_export_without_positions_uses_a_layout(qapp, tmp_path):
    amap = argument_like(40, seed=11)
    assert all(st.position is None for st in amap.statements.values())
    for fmt in ("png", "svg", "pdf"):
        path = tmp_path / f"auto.{fmt}"
        export_map(amap, path, ExportOptions(fmt=fmt, layout="auto"))
        assert path.stat().st_size > 1000
    assert all(st.position is None for st in amap.statements.values())  # the model is left alone


def test_scope_exports_only_the_chosen_statements(qapp, small_map):
    chosen = tuple(list(small_map.statements)[:3])
    text = _norm(" ".join(ElementTree.fromstring(render_svg(small_map, ExportOptions(scope_ids=chosen))).itertext()))
    for sid, st in small_map.statements.items():
        if sid in chosen:
            assert _norm(st.text) in text
    others = [st for sid, st in small_map.statements.items() if sid not in chosen and _norm(st.text) not in
              " ".join(_norm(small_map.statements[c].text) for c in chosen)]
    assert others and all(_norm(st.text) not in text for st in others)


def test_pdf_named_page_sizes(qapp, small_map, tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    for page, orientation, expect in (("A4", "portrait", (595, 842)), ("A4", "landscape", (842, 595)),
                                      ("Letter", "portrait", (612, 792))):
        path = tmp_path / f"{page}-{orientation}.pdf"
        export_map(small_map, path, ExportOptions(fmt="pdf", page=page, orientation=orientation))
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
        assert (round(float(w)), round(float(h))) == expect
    fit = tmp_path / "fit.pdf"
    export_map(small_map, fit, ExportOptions(fmt="pdf"))
    info = subprocess.run(["pdfinfo", str(fit)], capture_output=True, text=True, check=True).stdout
    w, _ = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    assert abs(float(w) - prepare(small_map, ExportOptions()).size()[0] * 0.75) < 2


def test_bad_options_give_one_line_errors(qapp, small_map, tmp_path):
    for options, path in ((ExportOptions(background="not-a-colour"), "a.png"),
                          (ExportOptions(theme="neon"), "b.png"),
                          (ExportOptions(fmt=""), "c.gif"),
                          (ExportOptions(fmt="pdf", page="B7"), "d.pdf")):
        with pytest.raises(ExportError) as info:
            export_map(small_map, tmp_path / path, options)
        assert "\n" not in str(info.value)
        assert not (tmp_path / path).exists()


def test_real_case_maps_export(qapp, cases_dir, tmp_path):
    for case in sorted(cases_dir.glob("*.argmap")):
        amap = read_file(case)
        out = tmp_path / (case.stem + ".svg")
        export_map(amap, out, ExportOptions(fmt="svg", theme="print", legend=True))
        text = _svg_text(out)
        for st in amap.statements.values():
            assert _norm(st.text) in text, (case.name, st.id)


@pytest.mark.corpus
def test_real_corpus_map_exports_to_pdf(qapp, corpora_dir, tmp_path):
    source = corpora_dir / "aif" / "microtexts" / "nodeset6393.json"
    if not source.exists():
        pytest.skip(f"{source} is absent")
    try:
        amap = read_file(source)
    except Exception as exc:  # noqa: BLE001 - the AIF reader is another module; report why we skip
        pytest.skip(f"the AIF reader cannot read {source.name} yet: {exc}")
    out = tmp_path / "microtext.pdf"
    export_map(amap, out, ExportOptions(fmt="pdf", layout="auto"))
    text = _pdf_text(out)
    assert len(amap.statements) > 0
    for st in amap.statements.values():
        assert _norm(st.text)[:60] in text


def test_markup_in_statement_text_stays_plain_text(qapp, tmp_path):
    amap = ArgumentMap(title="<b>not bold</b>")
    amap.add_all([Statement("a", "claim", "<b>bold?</b> & <i>x</i> <img src=y>")])
    path = tmp_path / "plain.svg"
    export_map(amap, path, ExportOptions(fmt="svg"))
    assert "<b>bold?</b> & <i>x</i> <img src=y>" in _svg_text(path)
    assert ElementTree.parse(str(path)).getroot().find(f"{SVG_NS}title").text == "<b>not bold</b>"


def _coloured_pixels(image: QImage) -> int:
    """Pixels that are clearly yellow or orange: only an emoji glyph paints those on a claim box."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() > 120 and c.blue() < 90:
                count += 1
    return count


@pytest.mark.skipif(not shutil.which("fc-list") or "emoji" not in subprocess.run(
    ["fc-list"], capture_output=True, text=True).stdout.lower(), reason="no colour emoji font installed")
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_emoji_are_drawn_in_png_and_pdf(qapp, tmp_path, fmt):
    def one(text: str) -> ArgumentMap:
        amap = ArgumentMap(title="emoji")
        amap.add(Statement("a", "claim", text))
        return amap

    images = []
    for name, text in (("with", "Fire 🔥🔥🔥 and smiles 🙂🙂"), ("without", "Fire and smiles")):
        out = tmp_path / f"{name}.{fmt}"
        export_map(one(text), out, ExportOptions(fmt=fmt, dpi=144, badges=False))
        if fmt == "pdf":
            if not shutil.which("pdftoppm"):
                pytest.skip("pdftoppm is not installed")
            subprocess.run(["pdftoppm", "-png", "-r", "144", "-singlefile", str(out), str(tmp_path / name)],
                           check=True)
            out = tmp_path / f"{name}.png"
        images.append(QImage(str(out)))
    with_emoji, without = (_coloured_pixels(image) for image in images)
    assert without == 0
    assert with_emoji > 20
