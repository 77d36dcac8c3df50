"""Limits that keep hostile or absurd files from exhausting memory or time.

Each limit can be raised with an environment variable, read once at import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class Limits:
    max_file_bytes: int = _env_int("ARGMAP_MAX_FILE_MB", 64) * 1_000_000
    """Files above this size are refused before they are read."""
    max_statements: int = _env_int("ARGMAP_MAX_STATEMENTS", 500_000)
    """Maps with more statements than this are refused."""
    max_text_chars: int = _env_int("ARGMAP_MAX_TEXT_CHARS", 1_000_000)
    """A statement text longer than this is refused."""
    max_premises: int = _env_int("ARGMAP_MAX_PREMISES", 1_000)
    """An inference or conflict with more premises or attackers than this is refused."""


LIMITS = Limits()
