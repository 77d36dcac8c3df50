"""argmap.layout."""
