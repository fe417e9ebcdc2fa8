"""Screenshots of the dashboard for docs/: every page at 1440×900, the presentation slides at 1920×1080 and
1366×768, and every page on a 390×844 phone. ``python scripts/screenshots.py`` (Debian chromium, Playwright).

It builds a database from sample_data/ in a temporary folder, starts ``streamlit run dashboard.py`` on a free port,
drives headless Chromium, writes PNG files (palette-compressed) to docs/screenshots/ plus docs/overview.png (the
README picture) and docs/screenshots/manifest.json (file, viewport, size, sha256): tests/test_screenshots.py checks
that every picture listed there exists and is the one this script wrote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOCS = ROOT / "docs"
OUT = DOCS / "screenshots"
MANIFEST = OUT / "manifest.json"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 60_000
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
SLIDE_SIZES = ({"width": 1920, "height": 1080}, {"width": 1366, "height": 768})
PAGES = [  # (URL path, page title, name)
    ("/", "总览", "overview"),
    ("/funding", "资金构成", "funding"),
    ("/coverage", "指标覆盖", "coverage"),
    ("/satisfaction", "满意度", "satisfaction"),
    ("/project?project=1&indicator=1", "项目明细", "project"),
    ("/compare", "跨地区对比", "compare"),
    ("/review", "目标审核", "review"),
    ("/data", "数据", "data"),
    ("/import", "数据导入", "import"),
]
MAX_HEIGHT = 6000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def streamlit_command() -> list[str]:
    script = Path(sys.executable).with_name("streamlit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "streamlit"]


@contextmanager
def server(db: Path, log_path: Path, sample_dir: Optional[Path] = None) -> Iterator[str]:
    """``streamlit run dashboard.py`` on a free port reading ``db``; yields the base URL."""
    with server_process(db, log_path, sample_dir) as (base, _):
        yield base


@contextmanager
def server_process(db: Path, log_path: Path, sample_dir: Optional[Path] = None,
                   timeout: float = 90) -> Iterator[tuple[str, subprocess.Popen]]:
    """As :func:`server`, yielding the base URL and the server process (bench.run reads its memory)."""
    port = free_port()
    env = {**os.environ, "TARGETBOARD_DB": str(db), "PYTHONUNBUFFERED": "1"}
    if sample_dir is not None:
        env["TARGETBOARD_SAMPLE_DIR"] = str(sample_dir)
    command = streamlit_command() + [
        "run", "dashboard.py", "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError("streamlit exited early:\n" + log_path.read_text(errors="replace"))
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy:\n" + log_path.read_text(errors="replace"))
            time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def settle(pg, timeout: int = TIMEOUT_MS) -> None:
    """Wait until the script run is over and every chart has been drawn (no fixed delay)."""
    pg.wait_for_function(
        "() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
        " return a && a.getAttribute('data-test-script-state') === 'notRunning'; }", timeout=timeout)
    pg.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".every(c => c.querySelector('.main-svg'))", timeout=timeout)
    pg.wait_for_function("() => document.fonts.status === 'loaded'", timeout=timeout)
    pg.wait_for_function("() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                         timeout=timeout)
    pg.wait_for_function(STABLE_JS, timeout=timeout, polling=100)


# True once the drawn charts and tables have kept their size and content for 250 ms (after a resize plotly and the
# table canvas redraw a moment later): a condition polled by the browser, not a fixed delay.
STABLE_JS = """() => {
  const parts = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg, [data-testid="stDataFrame"]'
    + ' canvas, [data-testid="stMain"]')].map(e => { const r = e.getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height), e.childElementCount].join('x'); });
  const sig = parts.join('|') + '|' + document.querySelectorAll('[data-testid="stSkeleton"]').length;
  const now = performance.now();
  if (window.__tbSig !== sig) { window.__tbSig = sig; window.__tbSince = now; return false; }
  return now - window.__tbSince > 250;
}"""


def open_url(pg, base: str, path: str, heading: Optional[str] = None) -> None:
    pg.goto(base + path)
    if heading:
        pg.locator("h1", has_text=heading).first.wait_for(timeout=TIMEOUT_MS)
    else:
        pg.locator('[data-testid="stMain"]').wait_for(timeout=TIMEOUT_MS)
    settle(pg)


def content_height(pg) -> int:
    return int(pg.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " const b = m && m.querySelector('[data-testid=\"stMainBlockContainer\"]');"
        " return Math.max(b ? b.scrollHeight + 80 : 0, m ? m.scrollHeight : 0, document.body.scrollHeight); }"))


def full_page(pg, viewport: dict) -> bytes:
    """The whole page: the viewport grows to the content height (Streamlit scrolls inside its main element)."""
    height = min(max(content_height(pg), viewport["height"]), MAX_HEIGHT)
    pg.set_viewport_size({"width": viewport["width"], "height": height})
    settle(pg)
    data = pg.screenshot()
    pg.set_viewport_size(viewport)
    return data


def compress(png: bytes) -> bytes:
    """A palette PNG (256 colours): a fraction of the size, text stays sharp."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> int:
    from playwright.sync_api import sync_playwright

    from ingest.loader import ensure_database
    from ui import slides

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    entries: list[dict] = []

    def save(name: str, png: bytes, viewport: dict, url: str) -> None:
        data = compress(png)
        (OUT / name).write_bytes(data)
        entries.append({"file": name, "url": url, "viewport": f"{viewport['width']}x{viewport['height']}",
                        "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        print(f"{name}: {len(data) // 1024} KB", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        db = ensure_database(Path(tmp) / "targetboard.duckdb", ROOT / "sample_data")
        with server(db, Path(tmp) / "streamlit.log") as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            for viewport, suffix, mobile in ((DESKTOP, "1440", False), (PHONE, "phone", True)):
                context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=mobile, has_touch=mobile,
                                              device_scale_factor=1)
                pg = context.new_page()
                for path, title, name in PAGES:
                    open_url(pg, base, path, title)
                    save(f"{name}_{suffix}.png", full_page(pg, viewport), viewport, path)
                context.close()
            for viewport in SLIDE_SIZES:
                context = browser.new_context(viewport=viewport, locale="zh-CN", device_scale_factor=1)
                pg = context.new_page()
                for slide in slides.slide_ids():
                    url = f"/?present=1&slide={slide}"
                    open_url(pg, base, url)
                    pg.locator(".st-key-slide_bar").wait_for(timeout=TIMEOUT_MS)
                    if slide != "title":  # every other slide is one chart: wait until it is drawn
                        pg.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=TIMEOUT_MS)
                    settle(pg)
                    save(f"slide_{slide}_{viewport['width']}.png", pg.screenshot(), viewport, url)
                context.close()
            browser.close()
    (DOCS / "overview.png").write_bytes((OUT / "overview_1440.png").read_bytes())
    MANIFEST.write_text(json.dumps({"generated": dt.date.today().isoformat(), "script": "scripts/screenshots.py",
                                    "files": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} screenshots in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
