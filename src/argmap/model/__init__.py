"""The argument model: pure Python, no Qt, no NetworkX."""

from argmap.model.argument_map import ArgumentMap, Removal
from argmap.model.elements import (
    KINDS,
    Anchor,
    Conflict,
    Element,
    Inference,
    Position,
    SourceInfo,
    Statement,
)
from argmap.model.errors import FormatError, ModelError
from argmap.model.events import Change
from argmap.model.invariants import check_conflict, check_inference, check_statement

__all__ = [
    "KINDS", "Anchor", "ArgumentMap", "Change", "Conflict", "Element", "FormatError", "Inference",
    "ModelError", "Position", "Removal", "SourceInfo", "Statement", "check_conflict", "check_inference",
    "check_statement",
]
