"""Presets of the Export dialog: *Print / report* and *Screen / slides*, and the print-ready defaults.

A preset is a set of widget values; the dialog shows the preset whose
values all match what is chosen, or *Custom*.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from argmap.render import PRINT_DPI


def local_paper() -> str:
    """"Letter" where the locale measures in US units, "A4" elsewhere."""
    return "Letter" if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def presets() -> dict[str, tuple[str, dict]]:
    """Preset key -> (label, values). Values name the dialog's settings (``export/<name>``)."""
    return {
        "print": ("Print / report", {
            "format": "pdf", "theme": "print", "background": "white", "legend": True, "badges": True,
            "page": local_paper(), "orientation": "auto", "split": True, "dpi": PRINT_DPI, "use_scale": False,
        }),
        "screen": ("Screen / slides", {
            "format": "png", "theme": "screen", "background": "white", "legend": False, "badges": True,
            "page": "fit", "split": False, "dpi": 150, "use_scale": False, "use_width": False,
        }),
    }


DEFAULTS = {
    "format": "png", "background": "white", "theme": "screen", "layout": "keep", "page": "fit",
    "orientation": "auto", "dpi": PRINT_DPI, "scale": 1.0, "use_scale": False, "legend": False, "badges": True,
    "margin": 24, "use_width": False, "width": 16.0, "width_unit": "cm", "split": True,
    "comments": False,
}
"""What a new user gets: print-ready PNG at 300 dpi; pages split to stay legible."""
