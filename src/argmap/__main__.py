"""Allow ``python -m argmap``."""

from argmap.cli import main

raise SystemExit(main())
