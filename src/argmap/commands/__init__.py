"""argmap.commands."""
