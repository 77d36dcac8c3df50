#!/usr/bin/env bash
# Install the official Argdown command-line tool (1.7.5) into <repo>/node_modules,
# so that <repo>/node_modules/.bin/argdown exists. node_modules is git-ignored.
# Used by tests/unit/test_argdown_cli.py, which skips when the tool is missing.
# 2.0.0 does not install here; PNG export needs a browser and is not used.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
    echo "install_argdown_cli.sh: npm is not installed (Node 20 or later is needed)" >&2
    exit 2
fi
if [ -x "$repo/node_modules/.bin/argdown" ] && [ "${1:-}" != "--force" ]; then
    echo "argdown CLI already installed: $repo/node_modules/.bin/argdown"
    exit 0
fi
npm install --no-save --no-audit --no-fund --prefix "$repo" @argdown/cli@1.7.5
"$repo/node_modules/.bin/argdown" --version
