"""Bundled resources: example maps, the JSON Schema, icons."""
