"""Retake README's screenshots: the report's index and data pages at 1280 and 420 px.

Run after ``make report``: ``.venv/bin/python docs/screenshots.py [reports]``. Headless
Debian chromium (driven by Playwright, no browser download) with a font configuration
holding only matplotlib's DejaVu fonts, as on a machine with no CJK font: the Chinese
on the pages comes from the font subset the report embeds.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

SHOTS = (("index.html", 1280, "report-index.png"), ("index.html", 420, "report-index-420.png"),
         ("data.html", 1280, "report-data.png"), ("data.html", 420, "report-data-420.png"))  # fmt: skip


def main(report: Path, out: Path) -> None:
    """Write each screenshot of :data:`SHOTS` into ``out``."""
    import matplotlib
    from playwright.sync_api import sync_playwright

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    with tempfile.TemporaryDirectory() as tmp:
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(f"<?xml version='1.0'?><fontconfig><dir>{ttf}</dir><cachedir>{tmp}</cachedir></fontconfig>")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"],
                                        env={**os.environ, "FONTCONFIG_FILE": str(conf)})  # fmt: skip
            for page_name, width, file in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": 1100 if width > 500 else 900})
                page.goto((report / page_name).as_uri())
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(out / file))
                page.close()
                print(f"{out / file}: {page_name} at {width} px")
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "reports").resolve(), Path(__file__).parent)
