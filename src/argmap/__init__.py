"""argmap: a desktop argument mapper that checks the map while you edit."""

import time as _time

__version__ = "0.1.0"

STARTED = _time.perf_counter()
"""When argmap was first imported: start-up times are measured from here."""
