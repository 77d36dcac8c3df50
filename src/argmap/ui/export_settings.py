"""The export dialog's remembered choices and presets: each setting name and the widget that holds it.

Mixed into :class:`~argmap.ui.export_dialog.ExportDialog`. Choices are kept in
QSettings under ``export/`` (booleans as ``"true"``/``"false"``, as QSettings
gives them back from an INI file); a preset sets every widget it names, and
the preset box shows the preset the widgets match ("Custom" when none).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from argmap.ui.export_presets import DEFAULTS, presets
from argmap.ui.widgets import select


def _flag(value) -> bool:
    return str(value).lower() == "true"


class ExportSettingsMixin:
    """Settings and presets (needs the dialog's widgets, ``settings``, ``custom_colour``, ``_applying``,
    ``preset_box`` and ``options_changed``)."""

    def _widgets(self) -> dict:
        """Setting name -> (getter, setter) of the widget that holds it."""
        def combo(box):
            return box.currentData, lambda v: select(box, v)

        def check(box):
            return box.isChecked, lambda v: box.setChecked(_flag(v) if isinstance(v, str) else bool(v))

        return {
            "format": combo(self.format_box), "background": combo(self.background_box),
            "theme": combo(self.theme_box), "layout": combo(self.layout_box), "page": combo(self.page_box),
            "orientation": combo(self.orientation_box), "width_unit": combo(self.unit_box),
            "dpi": (self.dpi_spin.value, lambda v: self.dpi_spin.setValue(int(v))),
            "scale": (self.scale_spin.value, lambda v: self.scale_spin.setValue(float(v))),
            "width": (self.width_spin.value, lambda v: self.width_spin.setValue(float(v))),
            "margin": (self.margin_spin.value, lambda v: self.margin_spin.setValue(int(v))),
            "use_scale": (self.scale_radio.isChecked,
                          lambda v: (self.scale_radio if _flag(v) or v is True else self.dpi_radio).setChecked(True)),
            "legend": check(self.legend_check), "badges": check(self.badges_check),
            "use_width": check(self.width_check), "split": check(self.split_check),
            "comments": check(self.comments_check),
        }

    def _load_settings(self) -> None:
        s = self.settings
        self.custom_colour = QColor(str(s.value("export/custom_colour", "#ffffff")))
        self._applying = True
        for name, (_, put) in self._widgets().items():
            put(s.value(f"export/{name}", DEFAULTS[name]))
        self._applying = False
        self._show_matching_preset()

    def save_settings(self) -> None:
        """Remember the current choices."""
        s = self.settings
        for name, (get, _) in self._widgets().items():
            value = get()
            s.setValue(f"export/{name}", ("true" if value else "false") if isinstance(value, bool) else value)
        s.setValue("export/custom_colour", self.custom_colour.name())
        s.sync()

    def preset_chosen(self, *_args) -> None:
        """Set every widget the chosen preset names."""
        key = self.preset_box.currentData()
        if self._applying or key == "custom":
            return
        self._applying = True
        widgets = self._widgets()
        for name, value in presets()[key][1].items():
            widgets[name][1](value)
        self._applying = False
        self.options_changed()

    def _show_matching_preset(self) -> None:
        widgets = self._widgets()
        found = next((key for key, (_, values) in presets().items()
                      if all(widgets[n][0]() == v for n, v in values.items())), "custom")
        self._applying = True
        select(self.preset_box, found)
        self._applying = False
