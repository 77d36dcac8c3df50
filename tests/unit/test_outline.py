"""Report outline: structure, inline diagnostics, cycles, and literal text in HTML."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from argmap.formats import outline, read_file, write_file
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.model.synth import argument_like


def _map() -> ArgumentMap:
    amap = ArgumentMap("Ferry <or> bridge")
    amap.add_all([
        Statement("r", "recommendation", "Build the bridge."),
        Statement("a", "claim", "Demand is <b>growing</b>."),
        Statement("b", "claim", "Ferries are full."),
        Statement("e", "evidence", "Counts of 2023.", source="Harbour office"),
        Statement("o", "claim", "It costs too much."),
        Statement("x", "claim", "Costs are spread over 50 years."),
        Inference("i1", ("a", "b"), "r"),
        Inference("i2", ("e",), "a"),
        Conflict("c1", ("o",), "r"),
        Conflict("c2", ("x",), "o"),
    ])
    return amap


def test_markdown_outline_structure_and_diagnostics(tmp_path):
    from argmap.analysis import check_map

    amap = _map()
    path = tmp_path / "report.md"
    write_file(amap, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Ferry \\<or\\> bridge")
    lines = text.splitlines()
    head = lines.index("## Recommendation: Build the bridge.")
    together = next(k for k, line in enumerate(lines) if line == "- together:")
    assert together > head
    assert lines[together + 1].startswith("  - Demand is \\<b\\>growing\\</b\\>.")
    assert any(line.startswith("    - because: Counts of 2023.") for line in lines)
    assert any(line.startswith("- objection: It costs too much.") for line in lines)
    assert any(line.startswith("  - rebuttal: Costs are spread over 50 years.") for line in lines)
    for d in check_map(amap).diagnostics:
        assert f"{d.code} {outline.md_escape(d.message)}" in text
    assert "⚠ AM003" in text  # "Ferries are full" is a bare assertion


def test_html_is_self_contained_and_shows_markup_literally(tmp_path):
    amap = _map()
    path = tmp_path / "report.html"
    write_file(amap, path)
    page = path.read_text(encoding="utf-8")
    assert "<b>growing</b>" not in page
    assert html.escape("Demand is <b>growing</b>.") in page
    assert "<title>Ferry &lt;or&gt; bridge</title>" in page
    assert not re.search(r"<(script|link|img)\b", page)
    parser = _Collect()
    parser.feed(page)
    assert "Demand is <b>growing</b>." in parser.text  # what a browser shows
    assert parser.tags.count("b") == 0


def test_cycles_print_a_back_reference_and_end():
    amap = ArgumentMap("cycle")
    amap.add_all([Statement("a", "claim", "A"), Statement("b", "claim", "B"), Statement("c", "claim", "C"),
                  Inference("i1", ("a",), "b"), Inference("i2", ("b",), "c"), Inference("i3", ("c",), "a")])
    text = outline.dumps_markdown(amap)
    assert text.count("↺ see above") == 1
    assert "AM002" in text
    page = outline.dumps_html(amap)
    assert page.count("↺ see above") == 1


def test_every_statement_appears_in_a_large_map():
    amap = argument_like(800, 5)
    text = outline.dumps_markdown(amap)
    for sid in amap.statements:
        assert f" · {sid})" in text or f"*{sid}*" in text or f"({sid})" in text


def test_bundled_cases_render(cases_dir):
    for path in sorted(cases_dir.glob("*.argmap")):
        amap = read_file(path)
        assert amap.title in outline.dumps_markdown(amap)
        assert html.escape(amap.title) in outline.dumps_html(amap)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = ""
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def test_a_very_deep_chain_is_cut_into_sections_without_recursion_errors():
    n = outline.MAX_DEPTH * 3 + 7
    amap = ArgumentMap("chain")
    amap.add_all([Statement(f"s{k}", "claim", f"step {k}") for k in range(n)]
                 + [Inference(f"i{k}", (f"s{k + 1}",), f"s{k}") for k in range(n - 1)])
    text = outline.dumps_markdown(amap)
    assert text.count("… continued in its own section") == 3
    shown = {int(k) for k in re.findall(r"step (\d+)", text)}
    assert shown == set(range(n))
    assert outline.dumps_html(amap).count("… continued in its own section") == 3
