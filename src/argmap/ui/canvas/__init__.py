"""The map canvas: :class:`MapScene` (items over a Document) and :class:`MapView`.

Statement boxes, links and junctions are painted with the render primitives
(:mod:`argmap.render`), so the screen looks like the exports.
"""

from argmap.ui.canvas.items import HandleItem, JunctionItem, LinkItem, StatementItem
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView

__all__ = ["HandleItem", "JunctionItem", "LinkItem", "MapScene", "MapView", "StatementItem"]
