"""The report outline's "Review comments" section (Markdown and HTML): every comment, escaped, open first."""

from __future__ import annotations

from html.parser import HTMLParser

from argmap.formats import outline
from argmap.model import ArgumentMap, Comment, Conflict, Inference, Statement


def commented() -> ArgumentMap:
    amap = ArgumentMap(title="Talks")
    amap.add_all([
        Statement("r", "recommendation", "Open talks with Tehran"),
        Statement("a", "claim", "Iran holds the *cards* <b>in</b> the south"),
        Inference("i1", ("a",), "r"),
        Conflict("c1", ("a",), "i1"),
    ])
    amap.update("a", comments=(Comment("Done.", "bob", "2024-05-01", True),
                               Comment("Which <cards>? *All*?", "ann", "2024-05-02")))
    amap.update("i1", comments=(Comment("One reason or two?"),))
    return amap


def test_markdown_lists_each_commented_element_open_comments_first_escaped():
    text = outline.dumps_markdown(commented())
    section = text[text.index("## Review comments"):]
    lines = [line for line in section.splitlines() if line.startswith(("- ", "  - "))]
    assert lines == [
        r"- **a: Iran holds the \*cards\* \<b\>in\</b\> the south**",
        r"  - *open* — ann, 2024-05-02: Which \<cards\>? \*All\*?",
        "  - *resolved* — bob, 2024-05-01: Done.",
        "- **support i1: a → r**",
        "  - *open*: One reason or two?",
    ]


def test_html_section_is_escaped_and_links_statements():
    page = outline.dumps_html(commented())
    section = page[page.index('<section id="review-comments">'):page.index("</body>")]
    assert '<a href="#a">a: Iran holds the *cards* &lt;b&gt;in&lt;/b&gt; the south</a>' in section
    assert "Which &lt;cards&gt;? *All*?" in section and "<cards>" not in section
    assert '<li class="comment resolved"><span class="role">resolved</span> — bob, 2024-05-01: Done.</li>' in section
    assert "<li>support i1: a → r<ul>" in section  # no anchor to link to for a support

    class Balanced(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            assert self.open.pop() == tag

    parser = Balanced()
    parser.feed(page)
    assert parser.open == []


def test_a_map_without_comments_gets_no_section():
    amap = commented()
    for eid in ("a", "i1"):
        amap.update(eid, comments=())
    assert "Review comments" not in outline.dumps_markdown(amap)
    assert "review-comments" not in outline.dumps_html(amap)
