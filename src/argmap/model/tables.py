"""Ordered tables of elements: a read-only view, and inserting or restoring at a given place.

Element order is part of a map (it is the order of the file), so undoing a
removal must put every element back exactly where it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.model.elements import Element


class ReadOnly(Mapping):
    __slots__ = ("_d",)

    def __init__(self, d: dict):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def keys(self):
        return self._d.keys()


def insert_at(table: dict, element: Element, index: int | None) -> None:
    if index is None or index >= len(table):
        table[element.id] = element
        return
    items = list(table.items())
    items.insert(max(index, 0), (element.id, element))
    table.clear()
    table.update(items)


def take(table: dict, ids: set[str]) -> list[tuple[int, Element]]:
    if not ids:
        return []
    taken = [(i, e) for i, (k, e) in enumerate(table.items()) if k in ids]
    for _, e in taken:
        del table[e.id]
    return taken


def put_back(table: dict, items: list[tuple[int, Element]]) -> None:
    if not items:
        return
    rows = list(table.items())
    for index, element in sorted(items, key=lambda pair: pair[0]):
        rows.insert(index, (element.id, element))
    table.clear()
    table.update(rows)
