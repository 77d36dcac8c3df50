#!/usr/bin/env bash
# Install everything argmap needs on a fresh Debian machine, then run the app or the tests.
#   bash scripts/bootstrap.sh app [FILE]   install, then open the app (the bundled article map by default)
#   bash scripts/bootstrap.sh test         install, then lint, check the layering and run every test headless
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"; shift || true

apt_packages=(
  # Qt's xcb and offscreen platforms, and what they load
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1
  # fonts set in pixels render alike in PNG, SVG and PDF; pdftotext reads exported PDFs
  fontconfig fonts-dejavu-core fonts-noto-color-emoji poppler-utils
  # an independent SVG renderer: tests/render/test_render_svg.py compares librsvg's drawing with ours
  librsvg2-bin
  # a virtual screen for screenshots; node for the official Argdown parser
  xvfb xauth nodejs npm
  # validators of the Linux desktop files (tests/packaging/test_desktop_files.py)
  desktop-file-utils appstream
  # the screen-reader view of the canvas (tests/gui/test_accessibility.py walks the AT-SPI tree)
  at-spi2-core python3-pyatspi dbus-x11
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  read -ra missing <<< "${missing[*]}"
  if ((${#missing[@]})); then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]"
# An editable install leaves the sources uncompiled, and where PYTHONDONTWRITEBYTECODE is set every start
# would compile them again: byte-compile once, as a regular install does.
python3 -m compileall -q src >/dev/null || true

case "$what" in
  app)
    exec python3 -m argmap "$@" ;;
  test)
    [ -x node_modules/.bin/argdown ] || bash scripts/install_argdown_cli.sh || echo "warning: Argdown CLI not installed; its tests will be skipped" >&2
    ruff check src tests benchmarks
    lint-imports
    QT_QPA_PLATFORM=offscreen python3 -m pytest "$@" ;;
  *)
    echo "usage: bash scripts/bootstrap.sh app [FILE] | test [PYTEST ARGS]" >&2; exit 2 ;;
esac
