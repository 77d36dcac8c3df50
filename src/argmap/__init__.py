"""argmap: a desktop argument mapper that checks the map while you edit."""

__version__ = "0.1.0"
