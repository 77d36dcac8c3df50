"""The argument model: pure Python, no Qt, no NetworkX."""

from argmap.model.argument_map import ArgumentMap
from argmap.model.elements import (
    CREDIBILITY,
    KINDS,
    RELIABILITY,
    Anchor,
    Comment,
    Conflict,
    Element,
    Inference,
    MergeConflict,
    Position,
    Source,
    SourceInfo,
    Statement,
)
from argmap.model.errors import FormatError, ModelError
from argmap.model.events import Change
from argmap.model.invariants import check_conflict, check_inference, check_statement
from argmap.model.removal import Removal

__all__ = [
    "CREDIBILITY", "KINDS", "RELIABILITY", "Anchor", "ArgumentMap", "Change", "Comment", "Conflict", "Element",
    "FormatError", "Inference", "MergeConflict", "ModelError", "Position", "Removal", "Source", "SourceInfo",
    "Statement", "check_conflict", "check_inference", "check_statement",
]
