"""argmap.ui."""
