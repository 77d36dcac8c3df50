"""The dock panels of the main window: inspector, diagnostics, source text, outline, undo history."""
