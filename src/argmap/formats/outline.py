"""The argument as a report outline, in Markdown or as one self-contained HTML file.

Each recommendation, then each top-level claim, is followed by its reasons
(inferences; linked premises grouped under "together:"), their evidence,
and beneath anything attacked, its objections and their rebuttals. The
diagnostics of :func:`argmap.analysis.check_map` are listed under the
statement they target. A map with sources or stated assumptions ends with a
"Sources" and a "Key assumptions" section (see
:mod:`argmap.formats._outline_sections`), a map with comments with a "Review
comments" section (see :mod:`argmap.formats._outline_comments`). A statement
met a second time (a shared premise or a support cycle) is printed as a
back-reference, so cycles cannot loop.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from argmap.formats import _outline_comments, _outline_sections
from argmap.model import ArgumentMap

MAX_DEPTH = 100
"""Deeper chains continue in a section of their own (keeps recursion bounded)."""
ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
KIND_WORDS = {"claim": "Claim", "evidence": "Evidence", "recommendation": "Recommendation"}


@dataclass
class Line:
    """One line of the outline: ``role`` says what it is (``statement``, ``together``, ``ref``, ``diag``, ...)."""

    role: str
    text: str
    sid: str = ""
    kind: str = ""
    label: str = ""
    severity: str = ""
    children: list[Line] = field(default_factory=list)
    part: str = ""
    """A claim's role in the structure (objection, rebuttal, reason, ...; see :mod:`argmap.analysis.roles`)."""


class _Outline:
    def __init__(self, amap: ArgumentMap, report, parts: dict | None = None):
        self.amap = amap
        self.report = report
        self.parts = parts or {}
        self.shown: set[str] = set()
        self.attackers = {a for c in amap.conflicts.values() for a in c.attackers}

    def roots(self) -> list[Line]:
        used = {p for i in self.amap.inferences.values() for p in i.premises}
        used |= self.attackers
        statements = list(self.amap.statements.values())
        order = [s.id for s in statements if s.kind == "recommendation"]
        order += [s.id for s in statements if s.kind != "recommendation" and s.id not in used]
        out = [self.statement(sid, "statement", 0) for sid in order if sid not in self.shown]
        rest = [s.id for s in statements if s.id not in self.shown]
        while rest:  # reached from no root (support cycles, their attackers) or cut off by MAX_DEPTH
            out.append(self.statement(rest[0], "statement", 0))
            rest = [sid for sid in rest if sid not in self.shown]
        return out

    def statement(self, sid: str, role: str, depth: int) -> Line:
        s = self.amap.statements[sid]
        if sid in self.shown:
            return Line("ref", _one_line(s.text), sid, s.kind)
        if depth > MAX_DEPTH:
            return Line("more", _one_line(s.text), sid, s.kind)
        self.shown.add(sid)
        label = self.report.labels.get(sid, "") if self.report is not None else ""
        line = Line(role, _one_line(s.text), sid, s.kind, label, part=self.parts.get(sid) or "")
        line.children += self.diagnostics(sid)
        for inf in self.amap.inferences_into(sid):
            line.children.append(self.reason(inf, depth + 1))
        line.children += self.attacks(sid, depth + 1)
        return line

    def reason(self, inf, depth: int) -> Line:
        if len(inf.premises) == 1:
            node = self.statement(inf.premises[0], "because", depth)
        else:
            node = Line("together", "together:", inf.id)
            node.children = [self.statement(p, "premise", depth) for p in inf.premises]
        if inf.note:
            node.children.insert(0, Line("note", _one_line(inf.note)))
        node.children += self.attacks(inf.id, depth, undercut=True)
        return node

    def attacks(self, target: str, depth: int, undercut: bool = False) -> list[Line]:
        out = []
        for con in self.amap.conflicts_on(target):
            role = "undercut" if undercut else ("rebuttal" if self.is_attacker(target) else "objection")
            if len(con.attackers) == 1:
                out.append(self.statement(con.attackers[0], role, depth))
            else:
                group = Line(role + "-together", "together:", con.id)
                group.children = [self.statement(a, "premise", depth) for a in con.attackers]
                out.append(group)
        return out

    def is_attacker(self, sid: str) -> bool:
        return sid in self.attackers

    def diagnostics(self, sid: str) -> list[Line]:
        if self.report is None:
            return []
        return [Line("diag", f"{d.code} {d.message}", severity=d.severity) for d in self.report.for_target(sid)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def build(amap: ArgumentMap, warnings: list[str] | None = None) -> list[Line]:
    """The outline of ``amap`` as a list of root :class:`Line` trees (diagnostics included when available)."""
    try:
        from argmap.analysis import check_map
        from argmap.analysis.roles import statement_roles
    except ImportError:
        check_map = statement_roles = None
    report = check_map(amap) if check_map is not None else None
    if report is None and warnings is not None:
        warnings.append("the checks are not available: the outline has no diagnostics")
    parts = statement_roles(amap) if statement_roles is not None else {}
    return _Outline(amap, report, parts).roots()


PREFIX = {"because": "because: ", "premise": "", "objection": "objection: ", "rebuttal": "rebuttal: ",
          "undercut": "undercut (attacks the inference): "}


def _head(line: Line) -> str:
    """The words before a line's text, for both renderings."""
    if line.role in ("objection-together", "rebuttal-together", "undercut-together"):
        return line.role.split("-")[0] + ", together:"
    return PREFIX.get(line.role, "")


# ---------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Text with Markdown and inline-HTML characters backslash-escaped, control characters made visible."""
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """``text`` with control characters, lone surrogates and non-characters replaced by U+FFFD.

    Tabs and line ends are kept. A report should show that something odd
    was there rather than hide it (or, for a lone surrogate, fail to encode).
    """
    return _INVISIBLE.sub("\ufffd", text)


def _esc(text: str) -> str:
    return html.escape(visible(text))


def dumps_markdown(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """The outline as Markdown: nested bullets, diagnostics inline with their code."""
    out = [f"# {md_escape(amap.title or 'Argument map')}", ""]
    for root in build(amap, warnings):
        _md_root(root, out)
    out += _outline_sections.markdown(amap)  # Sources, Key assumptions (SPEC §5)
    out += _outline_comments.markdown(amap, md_escape)  # Review comments (SPEC §6)
    return "\n".join(out).rstrip("\n") + "\n"


def _word(line: Line) -> str:
    """What a statement is: a claim's role when it has one, else its kind ("Objection", "Evidence")."""
    return line.part.capitalize() if line.part else KIND_WORDS.get(line.kind, "Statement")


def _md_root(line: Line, out: list[str]) -> None:
    out.append(f"## {_word(line)}: {md_escape(line.text)}")
    out.append("")
    out.append(f"*{md_escape(line.sid)}*" + (f" · {line.label}" if line.label else ""))
    out.append("")
    for child in line.children:
        _md_line(child, 0, out)
    out.append("")


def _md_line(line: Line, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if line.role == "diag":
        out.append(f"{pad}- {ICONS.get(line.severity, '•')} {md_escape(line.text)}")
    elif line.role == "note":
        out.append(f"{pad}- *note:* {md_escape(line.text)}")
    elif line.role == "ref":
        out.append(f"{pad}- ↺ see above: {md_escape(line.text)} ({md_escape(line.sid)})")
    elif line.role == "more":
        out.append(f"{pad}- … continued in its own section: {md_escape(line.text)} ({md_escape(line.sid)})")
    elif line.role.endswith("together"):
        out.append(f"{pad}- {_head(line) or 'together:'}")
    else:
        tag = _word(line).lower() + (f", {line.label}" if line.label else "")
        out.append(f"{pad}- {_head(line)}{md_escape(line.text)} ({tag} · {md_escape(line.sid)})")
    for child in line.children:
        _md_line(child, depth + 1, out)


# ---------------------------------------------------------------- HTML
STYLE = """
body { font-family: "DejaVu Sans", sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }
ul { list-style: none; padding-left: 1.4em; border-left: 1px solid #ddd; }
.kind { font-size: 80%; color: #555; } .id { color: #888; font-size: 80%; }
.role { font-style: italic; color: #333; } .ref { color: #777; }
.objection > .role, .rebuttal > .role, .undercut > .role { color: #b22222; }
.diag { font-size: 90%; } .error { color: #b00020; } .warning { color: #9a6700; } .info { color: #0b5394; }
.comment.resolved { color: #777; }
.label-in { color: #2f6f2f; } .label-out { color: #b22222; } .label-undecided { color: #9a6700; }
"""


def dumps_html(amap: ArgumentMap, warnings: list[str] | None = None) -> str:
    """The outline as one self-contained HTML file; every text is escaped, so it shows literally."""
    title = _esc(amap.title or "Argument map")
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', f"<title>{title}</title>",
           f"<style>{STYLE}</style>", "</head>", "<body>", f"<h1>{title}</h1>"]
    for root in build(amap, warnings):
        out.append(f'<section id="{_esc(root.sid)}">')
        out.append(f"<h2>{_esc(_word(root))}: {_esc(root.text)}</h2>")
        out.append(_meta(root))
        out += _html_list(root.children)
        out.append("</section>")
    out += _outline_sections.html(amap)  # Sources, Key assumptions (SPEC §5)
    out += _outline_comments.html(amap, _esc)  # Review comments (SPEC §6)
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _meta(line: Line) -> str:
    label = f' <span class="label-{_esc(line.label)}">{_esc(line.label)}</span>' if line.label else ""
    kind = _esc(_word(line).lower())
    return f'<span class="kind">[{kind}]</span>{label} <span class="id">{_esc(line.sid)}</span>'


def _html_list(lines: list[Line]) -> list[str]:
    if not lines:
        return []
    out = ["<ul>"]
    for line in lines:
        anchor = f' id="{_esc(line.sid)}"' if line.role in PREFIX else ""
        out.append(f'<li class="{_esc(line.role)}"{anchor}>{_html_item(line)}')
        out += _html_list(line.children)
        out.append("</li>")
    out.append("</ul>")
    return out


def _html_item(line: Line) -> str:
    text = _esc(line.text)
    if line.role == "diag":
        sev = _esc(line.severity)
        return f'<span class="diag {sev}">{ICONS.get(line.severity, "•")} {text}</span>'
    if line.role == "note":
        return f'<span class="role">note:</span> {text}'
    if line.role in ("ref", "more"):
        words = "↺ see above:" if line.role == "ref" else "… continued in its own section:"
        return f'<span class="ref">{words} <a href="#{_esc(line.sid)}">{text}</a></span>'
    if line.role.endswith("together"):
        return f'<span class="role">{_esc(_head(line) or "together:")}</span>'
    head = _esc(_head(line))
    return f'<span class="role">{head}</span>{text} {_meta(line)}'
