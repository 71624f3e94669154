"""Retake README's screenshots: the report's pages at 1280 and 420 px, with no CJK system font.

Run after ``make report``: ``.venv/bin/python docs/screenshots.py [reports]``. Headless
Debian chromium (driven by Playwright, no browser download) with a font configuration
holding only matplotlib's DejaVu fonts, as on a machine with no CJK font: the Chinese
on the pages comes from the font subset the report embeds.

The comparison page needs a folder of several sources: the script builds one in a
temporary folder (the shipped data and the two invented reports of ``tests/invented/``,
one tiny notebook: the page comes from the data alone) unless ``--compare DIR`` names a
report that has one. ``--all OUT`` instead writes a full-page screenshot of every page of
both reports at both widths into OUT, for looking at them all.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

# (report, page and the section it opens at, width, file): "main" is the Shufu report, "compare" the
# one of several sources.
SHOTS = (
    ("main", "index.html", 1280, "report-index.png"),
    ("main", "index.html", 420, "report-index-420.png"),
    ("main", "data.html", 1280, "report-data.png"),
    ("main", "data.html", 420, "report-data-420.png"),
    ("main", "05_in_context.html#2-is-5-3-a-lot", 1280, "report-05.png"),  # a section with charts
    ("main", "05_in_context.html#3-shufu-s-trade-growth-against", 420, "report-05-420.png"),
    ("compare", "compare.html", 1280, "report-compare.png"),
    ("compare", "compare.html", 420, "report-compare-420.png"),
)
WIDTHS = (1280, 420)


def several_sources(folder: Path) -> Path:
    """A report of three sources (Shufu and the two invented ones) written into ``folder``."""
    import nbformat

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "tests"))
    from invented import add_reports, shipped_copy

    from aidlib.report.build import write_report

    data = add_reports(shipped_copy(folder / "data"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 00 · Tiny\n\n**Question.** What is tiny?")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (folder / "nb").mkdir()
    nbformat.write(nb, folder / "nb" / "00_tiny.ipynb")
    write_report(folder / "reports", progress=lambda _: None, notebooks=folder / "nb", data=data)
    return folder / "reports"


def _browser(p, tmp: str):
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    conf = Path(tmp) / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><fontconfig><dir>{ttf}</dir><cachedir>{tmp}</cachedir></fontconfig>")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    return p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"],
                             env={**os.environ, "FONTCONFIG_FILE": str(conf)})  # fmt: skip


# Chromium captures at most this many pixels down: a longer page is taken as its top part.
TALLEST_PX = 16_000


def _shoot(browser, page_path: Path, width: int, file: Path, full: bool, section: str = "") -> None:
    page = browser.new_page(viewport={"width": width, "height": 1100 if width > 500 else 900})
    page.goto(page_path.as_uri() + (f"#{section}" if section else ""))
    page.evaluate("document.fonts.ready")
    height = page.evaluate("document.documentElement.scrollHeight")
    if full and height > TALLEST_PX:
        page.screenshot(path=str(file), clip={"x": 0, "y": 0, "width": width, "height": TALLEST_PX}, full_page=True)
        print(f"{file}: {page_path.name} is {height} px long; its first {TALLEST_PX} px")
    else:
        page.screenshot(path=str(file), full_page=full)
    page.close()


def main(reports: dict[str, Path], out: Path, every: bool = False) -> None:
    """Write each screenshot of :data:`SHOTS` into ``out`` (with ``every``: every page, whole)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = _browser(p, tmp)
        if every:
            for name, folder in reports.items():
                for page_path in sorted(folder.glob("*.html")):
                    for width in WIDTHS:
                        file = out / f"{name}-{page_path.stem}-{width}.png"
                        _shoot(browser, page_path, width, file, full=True)
                        print(f"{file}: {page_path.name} at {width} px, whole page")
        else:
            for report, page_name, width, file in SHOTS:
                name, _, section = page_name.partition("#")
                _shoot(browser, reports[report] / name, width, out / file, full=False, section=section)
                print(f"{out / file}: {page_name} at {width} px")
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="?", default="reports", help="the report folder (make report)")
    parser.add_argument("--compare", help="a report folder with a comparison page (default: built here)")
    parser.add_argument("--all", metavar="OUT", help="every page of both reports, whole, into OUT")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        compare = Path(args.compare) if args.compare else several_sources(Path(work))
        folders = {"main": Path(args.reports).resolve(), "compare": compare.resolve()}
        target = Path(args.all) if args.all else Path(__file__).parent
        target.mkdir(parents=True, exist_ok=True)
        main(folders, target, every=bool(args.all))
