"""Running the real programs from a test: this checkout's ``argmap`` command, and git without the user's settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def argmap(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m argmap ARGS`` with this checkout's Python; its output captured as text."""
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``git ARGS`` in ``repo`` without the user's or the system's configuration (fails the test when git does)."""
    env = {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "PATH": "/usr/bin:/bin",
           "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=120)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done
