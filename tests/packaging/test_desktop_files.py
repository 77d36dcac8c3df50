"""The Linux desktop integration files are valid for the tools that read them."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return path


def test_desktop_entry_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(LINUX / "io.github.argmap.Argmap.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstream_metainfo_validates():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net",
                             str(LINUX / "io.github.argmap.Argmap.metainfo.xml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_claims_argmap_files_and_the_desktop_entry_opens_them():
    root = ElementTree.parse(LINUX / "argmap-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-argmap"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.argmap"]
    entry = (LINUX / "io.github.argmap.Argmap.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-argmap;" in entry and "Exec=argmap %f" in entry


def test_icons_exist_in_every_installed_size():
    icons = LINUX.parents[1] / "resources" / "icons"
    assert (icons / "argmap.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        data = (icons / f"argmap-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)  # the IHDR width and height
