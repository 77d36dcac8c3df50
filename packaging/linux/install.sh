#!/usr/bin/env bash
# Install argmap's desktop entry, icons, MIME type and AppStream data for one user
# (PREFIX=~/.local, the default) or system-wide (PREFIX=/usr/local, as root).
# The argmap command itself comes from `pip install .` or the bundle in dist/argmap/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
prefix="${PREFIX:-$HOME/.local}"
share="$prefix/share"
install -Dm644 "$here/io.github.argmap.Argmap.desktop" "$share/applications/io.github.argmap.Argmap.desktop"
install -Dm644 "$here/io.github.argmap.Argmap.metainfo.xml" "$share/metainfo/io.github.argmap.Argmap.metainfo.xml"
install -Dm644 "$here/argmap-mime.xml" "$share/mime/packages/argmap.xml"
install -Dm644 "$icons/argmap.svg" "$share/icons/hicolor/scalable/apps/io.github.argmap.Argmap.svg"
for size in 16 32 48 64 128 256; do
  install -Dm644 "$icons/argmap-$size.png" "$share/icons/hicolor/${size}x${size}/apps/io.github.argmap.Argmap.png"
done
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$share/icons/hicolor" || true
echo "installed argmap desktop integration under $share"
