"""The Kialo discussion export reader: the real export, See links, multi-line claims, markdown, malformed files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis import check_map
from argmap.formats import FORMATS, read_file, sniff
from argmap.formats.kialo import loads
from argmap.model import FormatError

EXPORT = ("Discussion Title: Should cars be banned from the city centre?\n\n"
          "1. Cars should be banned from the city centre.\n"
          "1.1. Pro: Cars pollute the air \\(see [the report](https://example.org/air)\\).\n"
          "1.1.1. Con: Modern engines are\n"
          "much cleaner than old ones.\n"
          "\n"
          "2\\. A second paragraph of the same claim.\n"
          "1.2. Con: Shops need customers who come by car.\n"
          "1.2.1. Pro: -> See 1.1.1.\n"
          "1.2.2. Con: -> See discussion #4321: Most shoppers in the centre come on foot.\n"
          "1.3. Pro: -> See 1.1.\n")


def by_note(amap, start: str):
    return next(s for s in amap.statements.values() if s.note.startswith(start))


def test_claims_become_statements_pros_supports_cons_attacks():
    amap = loads(EXPORT)
    assert amap.title == "Should cars be banned from the city centre?"
    assert [s.kind for s in amap.statements.values()] == ["claim"] * 5
    thesis, pro, con = by_note(amap, "Kialo 1 "), by_note(amap, "Kialo 1.1 "), by_note(amap, "Kialo 1.2 ")
    assert thesis.text == "Cars should be banned from the city centre."
    assert [(i.premises, i.conclusion) for i in amap.inferences.values()] == [
        ((pro.id,), thesis.id), ((by_note(amap, "Kialo 1.1.1").id,), con.id), ((pro.id,), thesis.id)]
    assert [(c.attackers, c.target) for c in amap.conflicts.values()] == [
        ((by_note(amap, "Kialo 1.1.1").id,), pro.id), ((con.id,), thesis.id),
        ((by_note(amap, "Kialo 1.2.2").id,), con.id)]
    assert all(link.note.startswith("Kialo 1.") for link in (*amap.inferences.values(), *amap.conflicts.values()))


def test_markdown_is_plain_text_and_links_keep_their_address():
    amap = loads(EXPORT)
    pro = by_note(amap, "Kialo 1.1 ")
    assert pro.text == "Cars pollute the air (see the report)."
    assert pro.source == "https://example.org/air"
    multi = by_note(amap, "Kialo 1.1.1")
    assert multi.text == "Modern engines are\nmuch cleaner than old ones.\n\n2. A second paragraph of the same claim."


def test_a_claim_of_another_discussion_is_a_statement_of_its_own_noted_as_such():
    other = by_note(loads(EXPORT), "Kialo 1.2.2")
    assert other.text == "Most shoppers in the centre come on foot."
    assert "Kialo discussion #4321, quoted here" in other.note


def test_see_links_to_a_later_claim_and_chains_of_see_links_resolve():
    text = ("Discussion Title: T\n1. Thesis.\n1.1. Pro: -> See 1.3.\n1.2. Con: -> See 1.1.\n"
            "1.3. Con: The claim itself.\n1.3.1. Pro: Under it.\n")
    amap = loads(text)
    assert [s.text for s in amap.statements.values()] == ["Thesis.", "The claim itself.", "Under it."]
    assert [(i.premises, i.conclusion) for i in amap.inferences.values()] == [(("s2",), "s1"), (("s3",), "s2")]
    assert [(c.attackers, c.target) for c in amap.conflicts.values()] == [(("s2",), "s1"), (("s2",), "s1")]


@pytest.mark.parametrize("text, line, message", [
    ("Title: no header\n1. Thesis.\n", 1, "not a Kialo discussion export"),
    ("", None, "the file is empty"),
    ("Discussion Title: T\n\n", 1, "no claims after the title"),
    ("Discussion Title: T\nSome words first.\n1. Thesis.\n", 2, "expected the thesis"),
    ("Discussion Title: T\n1. Thesis.\n1.1. It has no side.\n", 3, "claim 1.1 has no 'Pro:' or 'Con:'"),
    ("Discussion Title: T\n1. Thesis.\n1.2.1. Pro: Orphan.\n", 3, "claim 1.2.1 has no parent claim 1.2 before it"),
    ("Discussion Title: T\n1. Thesis.\n1.1. Pro: A.\n1.1. Con: B.\n", 4, "claim 1.1 appears twice (first on line 3)"),
    ("Discussion Title: T\n1. Thesis.\n1.1. Pro:\n", 3, "claim 1.1 has no text"),
    ("Discussion Title: T\n1. Thesis.\n1.1. Pro: -> See 1.9.\n", 3, "points to 1.9, which this discussion does not"),
    ("Discussion Title: T\n1. Thesis.\n1.1. Pro: -> See 1.\n", 3, "points to 1, the claim it answers"),
    ("Discussion Title: T\n1. Thesis.\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n", 3, "go round in a circle"),
    ("Discussion Title: T\n1. Thesis.\n1..2. Pro: Bad number.\n", 3, "malformed claim number '1..2.'"),
    ("Discussion Title: T\n1. Pro: Thesis.\n", 2, "the thesis 1 cannot be a 'Pro:' or 'Con:'"),
])
def test_malformed_exports_are_refused_with_the_line(text: str, line: int | None, message: str):
    with pytest.raises(FormatError) as caught:
        loads(text, name="debate.txt")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"debate.txt:{line}:" if line else "debate.txt:")


def test_malformed_export_on_the_command_line_is_one_line_without_traceback(tmp_path: Path):
    (tmp_path / "debate.txt").write_text("Discussion Title: T\n1. Thesis.\n1.1. No side.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "argmap", "convert", "debate.txt", "-o", "d.argmap"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert done.stderr == "argmap convert: debate.txt:3: claim 1.1 has no 'Pro:' or 'Con:'\n"


def test_the_registry_reads_txt_as_kialo_and_sniffs_the_header_elsewhere(tmp_path: Path):
    assert FORMATS["kialo"].reader and FORMATS["kialo"].writer is None and ".txt" in FORMATS["kialo"].extensions
    assert sniff(EXPORT) == "kialo" and sniff("\ufeff " + EXPORT) == "kialo" and sniff("1. Thesis.") is None
    (tmp_path / "debate.export").write_text(EXPORT, encoding="utf-8")
    assert len(read_file(tmp_path / "debate.export")) == 5


def test_the_import_dialog_offers_kialo():
    from argmap.ui.files import read_filters

    assert "Kialo discussion export (*.txt)" in read_filters(native=False).split(";;")


@pytest.mark.corpus
def test_the_real_export_reads_and_checks(corpora_dir: Path, tmp_path: Path):
    path = corpora_dir / "kialo" / "should-hate-speech-be-illegal-6148.txt"
    amap = read_file(path)
    assert amap.title == "Should hate speech be illegal?"
    assert (len(amap), len(amap.inferences), len(amap.conflicts)) == (105, 42, 63)  # 106 claims, one '-> See'
    texts = [s.text for s in amap.statements.values()]
    assert texts[0] == "Hate speech should be banned."
    assert not any("\\(" in t or "\\)" in t or "](" in t for t in texts)
    kialo = next(s for s in amap.statements.values() if "revolutionary platforms like Kialo," in s.text)
    assert kialo.source == "http://www.kialo.com"
    reused = [i for i in amap.inferences.values() if i.note == "Kialo 1.6.4: Pro of 1.6"]
    assert [amap.statements[p].note for p in reused[0].premises] == ["Kialo 1.2.2 (Pro)"]
    report = check_map(amap)
    assert len(report.labels) == 105
    done = subprocess.run([sys.executable, "-m", "argmap", "convert", str(path), "-o", str(tmp_path / "d.argmap"),
                           "--from", "kialo"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert read_file(tmp_path / "d.argmap") == amap


def test_the_apps_import_opens_a_kialo_export_as_an_untitled_map(qtbot, monkeypatch, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from argmap.app import create_window
    from argmap.ui import files

    path = tmp_path / "debate.txt"
    path.write_text(EXPORT, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(files, "ask_open_path", lambda *a, **k: str(path))
    errors = []
    monkeypatch.setattr(files, "show_error", lambda parent, title, text: errors.append(text))
    window = create_window(None, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                           offer_recovery=False)
    qtbot.addWidget(window)
    assert window.files.import_file()
    assert errors == []
    assert window.document.amap == loads(EXPORT) and window.document.path is None
    assert window.files.suggested_name.endswith("debate.argmap")
