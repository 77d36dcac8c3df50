"""The native format: exact round trips, stable bytes, and whole refusal of bad files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import native, read_file, write_file
from argmap.model import FormatError
from argmap.model.synth import argument_like
from argmap.resources_path import resource

GOOD = {
    "format": "argmap", "version": 1, "title": "t",
    "statements": [
        {"id": "r", "kind": "recommendation", "text": "Act"},
        {"id": "c", "kind": "claim", "text": "Because"},
        {"id": "e", "kind": "evidence", "text": "Data", "source": "src",
         "anchors": [{"start": 1, "end": 4, "quote": "abc"}], "position": {"x": 1.5, "y": -2}, "pinned": True},
    ],
    "inferences": [{"id": "i1", "premises": ["c"], "conclusion": "r"},
                   {"id": "i2", "premises": ["e"], "conclusion": "c"}],
    "conflicts": [],
}


def doc(**changes) -> str:
    d = json.loads(json.dumps(GOOD))
    d.update(changes)
    return json.dumps(d)


def test_round_trip_is_identical_and_stable():
    amap = native.loads(doc(), "m.argmap")
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap
    assert native.dumps(again) == text
    assert text.endswith("\n") and "\r" not in text


def test_unknown_top_level_keys_are_kept():
    amap = native.loads(doc(zeta={"a": [1, 2]}, alpha="x"))
    out = json.loads(native.dumps(amap))
    assert out["zeta"] == {"a": [1, 2]} and out["alpha"] == "x"


def test_optional_lists_default_to_empty():
    d = json.loads(doc())
    del d["inferences"], d["conflicts"]
    amap = native.loads(json.dumps(d))
    assert not amap.inferences and not amap.conflicts


def test_output_validates_against_the_shipped_schema():
    schema = json.loads(resource("schema", "argmap.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for amap in (native.loads(doc()), argument_like(300, seed=1)):
        jsonschema.validate(json.loads(native.dumps(amap)), schema)


BAD = [
    ("[]", "$", "top level must be a JSON object"),
    (doc(format="argdown"), "$.format", "not an argmap file"),
    (doc(version=3), "$.version", "unknown version 3: this argmap reads versions 1 and 2"),
    (doc(version="1"), "$.version", "must be an integer"),
    (json.dumps({"format": "argmap", "version": 1}), "$.statements", "missing"),
    (doc(statements=[{"id": "a", "kind": "claim", "text": "x"}, {"id": "a", "kind": "claim", "text": "y"}]),
     "a", "duplicate id"),
    (doc(inferences=[{"id": "i1", "premises": ["nope"], "conclusion": "r"}]), "i1", "'nope' is not a statement"),
    (doc(inferences=[{"id": "i1", "premises": [], "conclusion": "r"}]), "i1", "at least one premise"),
    (doc(inferences=[{"id": "i1", "premises": ["r"], "conclusion": "r"}]), "i1", "own premises"),
    (doc(inferences=[{"id": "i1", "premises": ["c", "c"], "conclusion": "r"}]), "i1", "listed twice"),
    (doc(conflicts=[{"id": "k", "attackers": [], "target": "r"}]), "k", "at least one attacker"),
    (doc(conflicts=[{"id": "k", "attackers": ["c"], "target": "c"}]), "k", "its own target"),
    (doc(conflicts=[{"id": "k", "attackers": ["c"], "target": "zz"}]), "k", "neither a statement nor an inference"),
    (doc(statements=[{"id": "a", "kind": "opinion", "text": "x"}]), "statement 'a'", "unknown kind"),
    (doc(statements=[{"id": "a", "kind": "claim"}]), "statement 'a'", "missing required field \"text\""),
    (doc(statements=[{"id": 5, "kind": "claim", "text": "x"}]), "$.statements[0].id", "non-empty string"),
    (doc(statements=[{"id": "a", "kind": "claim", "text": 7}]), "statement 'a'", "must be a string"),
    (doc(statements=[{"id": "a", "kind": "claim", "text": "x", "position": {"x": "1", "y": 0}}]),
     "position.x", "finite number"),
    (doc(statements=[{"id": "a", "kind": "claim", "text": "x", "anchors": [{"start": 5, "end": 2}]}]),
     "anchors[0]", "start"),
    (doc(statements={"a": 1}), "$.statements", "must be an array"),
    (doc(title=["x"]), "$.title", "must be a string"),
]


@pytest.mark.parametrize("text, element, rule", BAD)
def test_bad_documents_are_refused_with_file_element_and_rule(text, element, rule):
    with pytest.raises(FormatError) as info:
        native.loads(text, "bad.argmap")
    message = str(info.value)
    assert message.startswith("bad.argmap")
    assert element in message and rule in message
    assert "\n" not in message


def test_json_syntax_errors_give_line_and_column():
    with pytest.raises(FormatError, match=r"^bad.argmap:3:\d+: not valid JSON"):
        native.loads('{\n"format": "argmap",\n"version": 1,,\n}', "bad.argmap")


def test_nan_is_refused():
    with pytest.raises(FormatError, match="NaN"):
        native.loads('{"format": "argmap", "version": 1, "statements": [], "x": NaN}', "f")


@pytest.mark.parametrize("content, rule", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_bad_files_on_disk(tmp_path: Path, content: bytes, rule: str):
    path = tmp_path / "m.argmap"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=rule):
        read_file(path)


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(FormatError, match="no such file"):
        read_file(tmp_path / "absent.argmap")
    with pytest.raises(FormatError, match="is a folder"):
        read_file(tmp_path)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path, monkeypatch):
    from argmap import limits

    monkeypatch.setattr(limits.LIMITS, "max_file_bytes", 1000)
    path = tmp_path / "big.argmap"
    path.write_text(doc() + " " * 2000, encoding="utf-8")
    with pytest.raises(FormatError, match="too large"):
        read_file(path)


def test_write_file_is_atomic_and_keeps_a_backup(tmp_path: Path):
    path = tmp_path / "m.argmap"
    first = native.loads(doc())
    write_file(first, path)
    second = first.copy()
    second.update("c", text="Changed")
    write_file(second, path)
    assert read_file(path) == second
    assert read_file(tmp_path / "m.argmap.bak") == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "m.argmap"
    first = native.loads(doc())
    write_file(first, path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("argmap.formats.os.replace", broken_replace)
    second = first.copy()
    second.update("c", text="Changed")
    with pytest.raises(OSError):
        write_file(second, path, backup=False)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 60), title=texts, note=texts)
def test_random_maps_round_trip(seed, n, title, note):
    amap = argument_like(n, seed=seed)
    amap.set_meta(title=title)
    first = next(iter(amap.statements))
    amap.update(first, note=note, tags=(note,))
    again = native.loads(native.dumps(amap))
    assert again == amap


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 80))
def test_fast_and_precise_readers_agree(seed, n):
    amap = argument_like(n, seed=seed)
    text = native.dumps(amap)
    assert native._fast_build(json.loads(text)) == native.from_document(json.loads(text)) == amap


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_the_fast_reader_never_accepts_what_the_precise_reader_refuses(seed, data):
    """Bend one reference of a valid document; both readers must then agree (or the fast one step aside)."""
    from argmap.model import FormatError

    amap = argument_like(12, seed=seed)
    doc = json.loads(native.dumps(amap))
    links = [(row, key) for part, keys in (("inferences", ("premises", "conclusion")),
                                           ("conflicts", ("attackers", "target")))
             for row in doc.get(part, []) for key in keys]
    if not links:
        return
    row, key = data.draw(st.sampled_from(links))
    ids = [*amap.statements, *amap.inferences, *amap.conflicts]
    value = data.draw(st.sampled_from(ids) | st.sampled_from(["nowhere", "", 7, None, ["s1"], {"x": 1}]))
    if isinstance(row[key], list):
        row[key] = data.draw(st.sampled_from([[value], [*row[key], value], [], value]))
    else:
        row[key] = value
    fast = native._fast_build(json.loads(json.dumps(doc)))
    try:
        precise = native.from_document(json.loads(json.dumps(doc)))
    except FormatError:
        assert fast is None
    else:
        assert fast is None or fast == precise


def test_lone_surrogates_that_orjson_refuses_still_load():
    amap = native.loads(doc(title="\ud800 odd"))  # json.dumps writes it as an escape
    assert amap.title == "\ud800 odd"


def test_saving_keeps_the_file_permissions(tmp_path: Path):
    import os
    import stat

    path = tmp_path / "m.argmap"
    amap = native.loads(doc())
    write_file(amap, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    os.chmod(path, 0o640)
    write_file(amap, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
