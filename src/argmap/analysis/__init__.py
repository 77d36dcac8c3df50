"""argmap.analysis."""
