"""Hostile files: XML entity tricks, markup-like and control-character text.

XML: entity expansion ("billion laughs"), external entities over file:// and
http://, external DTDs and parameter entities must be refused with a
FormatError naming the file, without reading the local file or opening a
connection. Text that looks like HTML or carries control characters must
come back literally from every reader/writer pair, and be escaped in the
HTML outline and the DOT export.
"""

from __future__ import annotations

import re
import socket
from html.parser import HTMLParser

import pytest
from reliability_helpers import HOSTILE_TEXTS, dumps_of, loads_of

from argmap.formats import read_file, write_file
from argmap.model import ArgumentMap, Conflict, FormatError, Inference, Statement

SECRET = "TOP-SECRET-0xC0FFEE"
XML_READERS = ("graphml",)
ROUND_TRIP = ("argmap", "argdown", "aif", "graphml")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
""" + "".join(f' <!ENTITY lol{k} "{("&lol%s;" % (k - 1 if k > 1 else "")) * 10}">\n' for k in range(1, 10)) + """]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="n0"><data key="label">&lol9;</data></node></graph></graphml>
"""


@pytest.fixture
def listener():
    """A local TCP socket nobody should connect to: its URL, and a check that nobody did."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    sock.setblocking(False)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/x"

    def connected() -> bool:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True

    yield url, connected
    sock.close()


def _documents(secret_path, url) -> dict[str, str]:
    body = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="node" attr.name="label" '
            'attr.type="string"/><graph edgedefault="directed"><node id="n0"><data key="label">%s</data></node>'
            '</graph></graphml>')
    return {
        "billion-laughs": BILLION_LAUGHS,
        "file-entity": f'<!DOCTYPE graphml [<!ENTITY s SYSTEM "file://{secret_path}">]>' + body % "&s;",
        "http-entity": f'<!DOCTYPE graphml [<!ENTITY s SYSTEM "{url}">]>' + body % "&s;",
        "external-dtd": f'<!DOCTYPE graphml SYSTEM "{url}">' + body % "x",
        "parameter-entity": f'<!DOCTYPE graphml [<!ENTITY % p SYSTEM "{url}"> %p;]>' + body % "x",
        "quadratic-blowup": '<!DOCTYPE graphml [<!ENTITY a "' + "x" * 50_000 + '">]>' + body % ("&a;" * 50_000),
    }


@pytest.mark.parametrize("fmt", XML_READERS)
@pytest.mark.parametrize("case", ["billion-laughs", "file-entity", "http-entity", "external-dtd",
                                  "parameter-entity", "quadratic-blowup"])
def test_xml_entity_tricks_are_refused(fmt, case, tmp_path, listener):
    loads_of(fmt)
    url, connected = listener
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / f"{case}.{fmt}"
    path.write_text(_documents(secret, url)[case], encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_file(path, fmt)
    message = str(err.value)
    assert message.startswith(str(path)) and len(message.splitlines()) == 1
    assert SECRET not in message
    assert not connected(), "the reader opened a connection to fetch an external entity"


def test_bundled_hostile_graphml_files_are_refused(data_dir):
    for name in ("billion_laughs.graphml", "external_entity.graphml"):
        with pytest.raises(FormatError, match="refused for safety"):
            read_file(data_dir / "graphml" / name)


def test_xinclude_is_not_followed(tmp_path):
    loads_of("graphml")
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doc = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xi="http://www.w3.org/2001/XInclude">'
           '<key id="label" for="node" attr.name="label" attr.type="string"/><graph edgedefault="directed">'
           f'<node id="n0"><data key="label"><xi:include href="file://{secret}" parse="text"/></data></node>'
           '<node id="n1"><data key="label">b</data></node><edge source="n1" target="n0"/></graph></graphml>')
    path = tmp_path / "xinclude.graphml"
    path.write_text(doc, encoding="utf-8")
    try:
        amap = read_file(path)
    except FormatError:
        return
    assert all(SECRET not in s.text for s in amap.statements.values())


def hostile_map() -> ArgumentMap:
    """A small map whose every statement text (and note) is hostile."""
    amap = ArgumentMap(title="<title>hostile & \"quoted\"</title>")
    kinds = ("claim", "evidence", "recommendation")
    statements = [Statement(f"s{k}", kinds[k % 3], text, source="report" if k % 3 == 1 else "",
                            note=f"note <i>{k}</i>")
                  for k, text in enumerate(HOSTILE_TEXTS)]
    inferences = [Inference(f"i{k}", (f"s{k + 1}",), f"s{k}") for k in range(len(HOSTILE_TEXTS) - 1)]
    amap.add_all([*statements, *inferences, Conflict("c1", ("s1",), "i0")])
    return amap


@pytest.mark.parametrize("fmt", ROUND_TRIP)
def test_hostile_text_round_trips_literally(fmt, tmp_path):
    loads_of(fmt)
    dumps_of(fmt)
    amap = hostile_map()
    path = tmp_path / f"hostile.{'json' if fmt == 'aif' else fmt}"
    warnings: list[str] = []
    write_file(amap, path, fmt, warnings=warnings)
    back = read_file(path, fmt)
    for s in amap.statements.values():
        expected = _XML_ILLEGAL.sub("\ufffd", s.text) if fmt == "graphml" else s.text
        assert back.statements[s.id].text == expected, f"{fmt}: {s.id}"
    if fmt == "graphml":
        assert any("U+FFFD" in w for w in warnings), warnings


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_outline_html_escapes_statement_text():
    outline = pytest.importorskip("argmap.formats.outline")
    page = outline.dumps_html(hostile_map())
    parsed = _Collect()
    parsed.feed(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"b", "i", "img", "script"}, tags
    assert not [a for _, attrs in parsed.tags for a, _ in attrs if a.startswith("on")]
    assert sum(1 for tag, _ in parsed.tags if tag == "title") == 1
    shown = "".join(parsed.text)
    for text in HOSTILE_TEXTS[:4]:
        assert " ".join(text.split()) in shown


def _dot_unescape(label: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), label)


def test_dot_export_keeps_text_literal():
    """Graphviz reads the export back with every label as written (NUL aside: see the known bugs)."""
    pygraphviz = pytest.importorskip("pygraphviz")
    from argmap.formats import dot

    amap = hostile_map()
    for s in list(amap.statements.values()):
        amap.update(s.id, text=s.text.replace("\x00", ""))
    graph = pygraphviz.AGraph(string=dot.dumps(amap))
    for s in amap.statements.values():
        label = graph.get_node(s.id).attr["label"]
        assert " ".join(_dot_unescape(label).split()) == " ".join(s.text.split()), s.id
