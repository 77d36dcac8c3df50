"""Preferences: theme, font size, default export settings, autosave interval, comment author (QSettings)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from argmap.commands.comments import default_author
from argmap.ui.widgets import decimal_box, whole_box

ORGANISATION = "argmap"
APPLICATION = "argmap"


def app_settings() -> QSettings:
    """The settings of argmap: ``QSettings("argmap", "argmap")``."""
    return QSettings(ORGANISATION, APPLICATION)


@dataclass
class Preferences:
    """What the user can set. Defaults are what a new user gets."""

    theme: str = "light"
    font_px: int = 13
    export_dpi: int = 300
    export_background: str = "white"
    export_theme: str = "screen"
    autosave_minutes: float = 1.0
    author: str = field(default_factory=default_author)
    """The name new comments carry (by default the user's name)."""

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        """Read the preferences, falling back to the default of any value that is missing or broken."""
        prefs = cls()
        for f in fields(cls):
            raw = settings.value(f"prefs/{f.name}")
            if raw is None:
                continue
            try:
                setattr(prefs, f.name, type(getattr(prefs, f.name))(raw))
            except (TypeError, ValueError):
                continue
        return prefs.clean()

    def save(self, settings: QSettings) -> None:
        """Store the preferences; the export defaults become the Export Image dialog's next settings."""
        for name, value in asdict(self).items():
            settings.setValue(f"prefs/{name}", value)
        settings.setValue("export/dpi", self.export_dpi)
        settings.setValue("export/use_scale", "false")
        settings.setValue("export/theme", self.export_theme)
        if self.export_background in ("white", "transparent"):
            settings.setValue("export/background", self.export_background)
        else:
            settings.setValue("export/background", "custom")
            settings.setValue("export/custom_colour", self.export_background)

    def clean(self) -> Preferences:
        """Clamp every value into its allowed range."""
        self.theme = self.theme if self.theme in ("light", "dark") else "light"
        self.font_px = min(max(int(self.font_px), 8), 32)
        self.export_dpi = min(max(int(self.export_dpi), 36), 1200)
        self.export_theme = self.export_theme if self.export_theme in ("screen", "print") else "screen"
        self.export_background = self.export_background.strip() or "white"
        self.autosave_minutes = min(max(float(self.autosave_minutes), 0.0), 60.0)
        self.author = " ".join(str(self.author).split())
        return self


class PreferencesDialog(QDialog):
    """Edits a copy of :class:`Preferences`; :meth:`preferences` gives the result."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("dialog.preferences")
        self.theme = QComboBox()
        self.theme.addItems(["light", "dark"])
        self.theme.setCurrentText(prefs.theme)
        self.font_px = whole_box(8, 32, suffix=" px", value=prefs.font_px)
        self.export_dpi = whole_box(36, 1200, value=prefs.export_dpi)
        self.export_background = QLineEdit(prefs.export_background)
        self.export_background.setToolTip("white, transparent, or a colour such as #f4f4f4")
        self.export_theme = QComboBox()
        self.export_theme.addItems(["screen", "print"])
        self.export_theme.setCurrentText(prefs.export_theme)
        self.autosave = decimal_box(0, 60, decimals=1, suffix=" min")
        self.autosave.setSpecialValueText("off")
        self.autosave.setValue(prefs.autosave_minutes)
        self.author = QLineEdit(prefs.author)
        self.author.setObjectName("prefs.author")
        self.author.setToolTip("The name your comments carry")
        form = QFormLayout(self)
        form.addRow("&Theme", self.theme)
        form.addRow("&Font size", self.font_px)
        form.addRow("Export &resolution (dpi)", self.export_dpi)
        form.addRow("Export &background", self.export_background)
        form.addRow("Export &colours", self.export_theme)
        form.addRow("&Autosave every", self.autosave)
        form.addRow("Comment a&uthor", self.author)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        """The values in the dialog now."""
        return Preferences(
            theme=self.theme.currentText(), font_px=self.font_px.value(), export_dpi=self.export_dpi.value(),
            export_background=self.export_background.text(), export_theme=self.export_theme.currentText(),
            autosave_minutes=self.autosave.value(), author=self.author.text(),
        ).clean()
