#!/usr/bin/env bash
# Build the one-folder app dist/argmap/ (binary dist/argmap/argmap) with PyInstaller, then smoke-test it headless.
#   bash packaging/build.sh            build, then smoke-test (exit 1 when a smoke test fails)
#   bash packaging/build.sh --no-build smoke-test an existing dist/argmap/
# Needs argmap installed in this Python (pip install -e . or pip install .); installs PyInstaller if missing.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
app="$root/dist/argmap/argmap"
python="${PYTHON:-python3}"

if [ "${1:-}" != "--no-build" ]; then
  "$python" -c "import PyInstaller" 2>/dev/null \
    || "$python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10" || exit 2
  start=$(date +%s)
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/pyinstaller/argmap.spec || exit 2
  echo "build: $(( $(date +%s) - start )) s"
fi
[ -x "$app" ] || { echo "no bundle at $app" >&2; exit 2; }

# ---- smoke tests: headless, from outside the repo, on the map inside the bundle
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
example="$(find "$root/dist/argmap" -path '*argmap/resources/examples/shot-by-both-sides.argmap' | head -1)"
failed=0
step() {  # step NAME COMMAND...: run it, print ok/FAIL
  local name="$1"; shift
  if (cd "$out" && env QT_QPA_PLATFORM=offscreen "$@" >"$out/$name.log" 2>&1); then
    echo "  ok    $name"
  else
    echo "  FAIL  $name (exit $?): $(tail -3 "$out/$name.log" | tr '\n' ' ')"; failed=1
  fi
}
echo "smoke tests of $app:"
step version bash -c "'$app' --version | grep -qx 'argmap [0-9][0-9.]*.*'"
[ -n "$example" ] || { echo "  FAIL  the bundled example map is missing" ; failed=1; }
step check "$app" check --fail-on never "$example"
step check-json bash -c "'$app' check --format json --fail-on never '$example' | grep -q '\"diagnostics\"'"
step export-png bash -c "'$app' export '$example' -o map.png && [ \"\$(head -c 4 map.png | tail -c 3)\" = PNG ]"
step export-svg bash -c "'$app' export '$example' -o map.svg && grep -q '<svg' map.svg"
step export-pdf bash -c "'$app' export '$example' -o map.pdf && [ \"\$(head -c 5 map.pdf)\" = %PDF- ]"
# --layout auto runs Graphviz dot through pygraphviz's bundled libraries
step export-auto-layout bash -c "'$app' export '$example' --layout auto -o auto.png && test -s auto.png"
step gui-offscreen bash -c "timeout 8 '$app'; test \$? -eq 124"  # the article map, still running after 8 s

size=$(du -sh "$root/dist/argmap" | cut -f1)
files=$(find "$root/dist/argmap" -type f | wc -l)
echo "bundle: $root/dist/argmap  $size on disk, $files files"
exit $failed
