"""Themes: the colours, pens and fonts a map is drawn with.

A :class:`Theme` is a frozen dataclass of plain values (colour names, sizes
in pixels), so it can be compared, copied and used from any thread; the
``*_color``/``*_pen``/``font`` helpers turn them into Qt objects. Fonts are
sized in pixels so that PNG, SVG and PDF wrap text at the same places.
Meaning never rests on colour alone: kinds also differ by border and by a
small kind label, attacks are dashed and marked "−", supports solid and "+".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

KIND_LABELS = {"claim": "CLAIM", "evidence": "EVIDENCE", "recommendation": "RECOMMENDATION"}
"""The small label written in each box, so kinds read without colour."""

BASIS_GLYPHS = {
    "report": "▤", "quote": "❝", "statistic": "∑", "document": "▭",
    "observation": "◉", "testimony": "☞",
}
"""A glyph per evidence basis (all present in DejaVu Sans)."""

MINUS = "\u2212"
"""The attack marker (a real minus sign)."""


@dataclass(frozen=True)
class Theme:
    """Everything that decides how a map looks. Colours are names QColor accepts."""

    name: str
    background: str = "#ffffff"
    text: str = "#1b1b1b"
    muted_text: str = "#555555"
    fill_claim: str = "#e8f0fb"
    fill_evidence: str = "#e9f6e6"
    fill_recommendation: str = "#fdf1dc"
    border_claim: str = "#4a6fa5"
    border_evidence: str = "#4b8a3e"
    border_recommendation: str = "#b07a1c"
    border_width: float = 1.5
    recommendation_border_width: float = 3.0
    evidence_stripe: float = 5.0
    selected: str = "#1e88e5"
    hovered: str = "#90caf9"
    support: str = "#2e7d32"
    attack: str = "#c62828"
    support_style: Qt.PenStyle = Qt.PenStyle.SolidLine
    attack_style: Qt.PenStyle = Qt.PenStyle.DashLine
    edge_width: float = 1.6
    arrow_size: float = 9.0
    marker_radius: float = 7.0
    junction_radius: float = 4.0
    badge_in: str = "#2e7d32"
    badge_out: str = "#c62828"
    badge_undecided: str = "#757575"
    badge_error: str = "#c62828"
    badge_warning: str = "#ef8f00"
    badge_info: str = "#1565c0"
    badge_text: str = "#ffffff"
    hollow_badges: tuple[str, ...] = ("undecided",)
    """Badges drawn as an outline with the glyph in the badge colour (print adds "out")."""
    font_family: str = "DejaVu Sans"
    font_px: int = 13
    small_font_px: int = 10
    max_text_width: int = 220
    min_text_width: int = 120
    max_text_chars: int = 1500
    padding_x: int = 10
    padding_y: int = 8
    header_gap: int = 4
    corner_radius: float = 6.0

    def __hash__(self) -> int:
        """The hash of the fields, as the dataclass would make it, computed once per theme.

        Themes key the measuring and painting caches, which are asked
        several times per statement; hashing forty fields each time took a
        tenth of the measuring time of a big map.
        """
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", found)
        return found

    # -------------------------------------------------------------- helpers
    def fill(self, kind: str) -> QColor:
        """Fill colour of a statement of ``kind``."""
        return QColor(getattr(self, f"fill_{kind}", self.fill_claim))

    def border(self, kind: str) -> QColor:
        """Border colour of a statement of ``kind``."""
        return QColor(getattr(self, f"border_{kind}", self.border_claim))

    def border_pen(self, kind: str) -> QPen:
        """The pen of a box's border: recommendations get a thick border."""
        width = self.recommendation_border_width if kind == "recommendation" else self.border_width
        pen = QPen(self.border(kind), width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def edge_pen(self, kind: str) -> QPen:
        """The pen of a support or attack edge (attacks dashed in every theme)."""
        colour = self.attack if kind == "attack" else self.support
        pen = QPen(QColor(colour), self.edge_width)
        pen.setStyle(self.attack_style if kind == "attack" else self.support_style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def badge_color(self, key: str) -> QColor:
        """Colour of a badge: a label (in/out/undecided) or a severity (error/warning/info)."""
        return QColor(getattr(self, f"badge_{key}", self.badge_undecided))

    def font(self, small: bool = False, bold: bool = False) -> QFont:
        """The text font, sized in pixels (a copy: callers may change it freely)."""
        key = (self.font_family, self.small_font_px if small else self.font_px, bold)
        font = _FONTS.get(key)
        if font is None:
            font = _FONTS[key] = _make_font(*key)
        return QFont(font)


_FONTS: dict[tuple[str, int, bool], QFont] = {}
"""Fonts built so far, by (family, pixel size, bold): building one costs far more than copying it."""


def _make_font(family: str, pixel_size: int, bold: bool) -> QFont:
    font = QFont(family)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setKerning(True)
    # No ligatures: "fi" stays two letters, so text extracted from SVG and PDF matches the model.
    font.setFeature(QFont.Tag("liga"), 0)
    font.setFeature(QFont.Tag("clig"), 0)
    return font


LIGHT = Theme("light")

DARK = replace(
    LIGHT, name="dark", background="#1e1f22", text="#eceff1", muted_text="#b0bec5",
    fill_claim="#26374f", fill_evidence="#243d27", fill_recommendation="#4a3a1c",
    border_claim="#8fb4e8", border_evidence="#8fd07f", border_recommendation="#f0b94f",
    selected="#64b5f6", hovered="#42a5f5", support="#81c784", attack="#ef9a9a",
    badge_in="#388e3c", badge_out="#d32f2f", badge_undecided="#757575",
    badge_error="#e53935", badge_warning="#fb8c00", badge_info="#1e88e5", badge_text="#ffffff",
)

PRINT = replace(
    LIGHT, name="print", background="#ffffff", text="#000000", muted_text="#333333",
    fill_claim="#ffffff", fill_evidence="#eeeeee", fill_recommendation="#d9d9d9",
    border_claim="#000000", border_evidence="#000000", border_recommendation="#000000",
    selected="#000000", hovered="#666666", support="#000000", attack="#000000",
    badge_in="#000000", badge_out="#555555", badge_undecided="#999999",
    badge_error="#000000", badge_warning="#555555", badge_info="#999999", badge_text="#ffffff",
    hollow_badges=("out", "undecided"),
)

THEMES = {t.name: t for t in (LIGHT, DARK, PRINT)}


def theme_named(name: str) -> Theme:
    """The theme called ``name``: "light", "dark" or "print" ("screen" means light).

    Raises
    ------
    ValueError
        For an unknown name.
    """
    key = (name or "light").lower()
    if key == "screen":
        key = "light"
    if key not in THEMES:
        raise ValueError(f"unknown theme {name!r}: use one of light, dark, print, screen")
    return THEMES[key]
