"""docs/ screenshots are produced by scripts/screenshots.py: every page at 1440×900 and on a 390×844 phone, every
slide at 1920×1080 and 1366×768, each picture listed in docs/screenshots/manifest.json with its hash, and the
README's docs/overview.png a copy of the 总览 picture."""

from __future__ import annotations

import hashlib
import json

from scripts import screenshots
from tests.helpers import ROOT
from ui import slides

MANIFEST = ROOT / "docs" / "screenshots" / "manifest.json"


def test_every_screenshot_exists_and_was_written_by_the_script():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["script"] == "scripts/screenshots.py"
    files = {entry["file"]: entry for entry in manifest["files"]}
    expected = {f"{name}_1440.png" for _, _, name in screenshots.PAGES}
    expected |= {f"{name}_phone.png" for _, _, name in screenshots.PAGES}
    expected |= {f"slide_{s}_{w}.png" for s in slides.slide_ids() for w in (1920, 1366)}
    assert set(files) == expected
    for name, entry in files.items():
        data = (MANIFEST.parent / name).read_bytes()
        assert data.startswith(b"\x89PNG"), name
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{name} was changed after the script wrote it"
        width = int(entry["viewport"].split("x")[0])
        assert data[16:20] == width.to_bytes(4, "big"), name  # the PNG is as wide as its viewport
    assert (ROOT / "docs" / "overview.png").read_bytes() == (MANIFEST.parent / "overview_1440.png").read_bytes()
    assert sum(e["bytes"] for e in files.values()) < 12_000_000  # palette PNGs: the repository stays small


def test_no_stray_pictures_in_docs_screenshots():
    listed = {e["file"] for e in json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]}
    assert {p.name for p in MANIFEST.parent.glob("*.png")} == listed
