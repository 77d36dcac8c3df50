"""Entry point of the PyInstaller bundle: the same ``argmap`` command as the pip install."""

import sys

from argmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
