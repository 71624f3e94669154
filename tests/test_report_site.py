"""The real report, built once for this module: its pages parsed, then opened in headless Chromium.

The browser check needs Debian's ``chromium`` (``.ci/run`` installs it) and
Playwright for Python (a dev dependency) driving that browser: Playwright's own
browser download is never used. Without chromium the browser tests are skipped,
except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from bs4 import BeautifulSoup

from aidlib.analysis import context
from aidlib.data.figures import load_figures
from aidlib.data.metrics import load_metrics
from aidlib.data.paths import notebooks_dir
from aidlib.report import site
from aidlib.report.build import NOTEBOOK_GLOB, write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NOTEBOOKS = sorted(notebooks_dir().glob(NOTEBOOK_GLOB))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "reports"
    write_report(out, progress=lambda _: None)
    return out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(built: Path) -> list[Path]:
    return sorted(built.glob("*.html"))


def _local_target(page: Path, ref: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to; None for a link to the web."""
    parsed = urlparse(ref)
    if parsed.scheme in ("http", "https"):
        return None
    assert not parsed.scheme and not parsed.netloc, f"{page.name}: unexpected link {ref}"
    return (page.parent / unquote(parsed.path) if parsed.path else page), parsed.fragment


# ---- the pages, parsed ---------------------------------------------------------------------
def test_one_page_per_notebook_plus_index_and_data(built):
    assert [p.name for p in _pages(built)] == sorted(
        [f"{nb.stem}.html" for nb in NOTEBOOKS] + [site.INDEX, site.DATA]
    )
    assert {p.name for p in (built / "notebooks").iterdir()} == {nb.name for nb in NOTEBOOKS}


def test_self_contained(built):
    for page in _pages(built):
        soup = _soup(page)
        for tag in soup.find_all(["script", "img", "iframe", "link", "source", "video", "audio", "embed"]):
            src = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if tag.name == "img":
                assert src and src.startswith("data:image/"), f"{page.name}: image not embedded: {src!r:.80}"
            else:
                assert src is None, f"{page.name}: loads {src}"
        css = " ".join(s.get_text() for s in soup.find_all("style"))
        assert "@import" not in css and "url(http" not in css and "@font-face" not in css, page.name


def test_every_local_link_resolves(built):
    for page in _pages(built):
        for a in _soup(page).find_all("a", href=True):
            target = _local_target(page, a["href"])
            if target is None:
                continue
            path, fragment = target
            assert path.is_file(), f"{page.name}: broken link {a['href']}"
            if fragment and path.suffix == ".html":
                assert _soup(path).find(id=fragment), f"{page.name}: no #{fragment} in {path.name}"


def test_notebook_pages_reader_view_and_navigation(built):
    files = [f"{nb.stem}.html" for nb in NOTEBOOKS]
    for i, name in enumerate(files):
        soup = _soup(built / name)
        heading = soup.find("main").find("h1").get_text(" ", strip=True)
        assert soup.title.get_text() == f"{heading} — aidlib report"
        pager = soup.find("nav", class_="pager")
        assert pager.find("a", rel="prev")["href"] == (files[i - 1] if i else site.INDEX)
        assert pager.find("a", rel="next")["href"] == (files[i + 1] if i + 1 < len(files) else site.DATA)
        top = [a["href"] for a in soup.find("nav", class_="top").find_all("a")]
        assert top == [site.INDEX, site.DATA]
        assert soup.find("a", href=f"notebooks/{NOTEBOOKS[i].name}"), "link to the notebook"
        shown_code = soup.select("div.input_area, div.jp-InputArea")
        cells = nbformat.read(NOTEBOOKS[i], as_version=4).cells
        tagged = sum(site.SHOW_INPUT in c.get("metadata", {}).get("tags", []) for c in cells)
        assert len(shown_code) == tagged, f"{name}: code shown that is not tagged show-input"
        assert not soup.find(string=lambda s: "Traceback" in s), name


def test_index_key_figures_then_context(built):
    soup = _soup(built / site.INDEX)
    headings = [h.get("id") for h in soup.find_all("h2")]
    assert headings.index("key-figures") < headings.index("in-context") < headings.index("notebooks")
    rows = soup.find(id="in-context").find_next("table").find("tbody").find_all("tr")
    table = context.table()
    assert [r["id"] for r in rows] == list(table["indicator_id"])
    for row, ind in zip(rows, table.itertuples(), strict=True):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        assert cells[1] == ind.text_en and cells[2].startswith(ind.caveat)
    links = [a["href"] for a in soup.find(id="notebooks").find_next("ol").find_all("a")]
    assert links == [f"{nb.stem}.html" for nb in NOTEBOOKS]


def test_data_page_lists_every_metric_and_figure(built):
    soup = _soup(built / site.DATA)
    metrics, figures = load_metrics(), load_figures()
    m_rows = soup.find("table", id="metrics").find("tbody").find_all("tr")
    f_rows = soup.find("table", id="figures").find("tbody").find_all("tr")
    assert [r.td.get_text(strip=True) for r in m_rows] == list(metrics["metric_id"])
    assert [r.td.get_text(strip=True) for r in f_rows] == list(figures["figure_id"])
    for row, quote in zip(m_rows, metrics["quote"], strict=True):
        assert quote in row.get_text()
    for row, url in zip(f_rows, figures["url"], strict=True):
        assert row.find("a", href=url)
    downloads = {a["href"] for a in soup.find("ul", class_="downloads").find_all("a")}
    assert {"data/metrics.csv", "data/datapackage.json", "aidlib-data.zip"} <= downloads


def test_data_copy_is_a_valid_datapackage(built):
    import json

    package = json.loads((built / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (built / "data" / resource["path"]).is_file(), resource["path"]


# ---- the pages in a real browser -----------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run must install it (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium): browser check skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield launched
        launched.close()


def _open(browser, url: str, width: int = 1200):
    """Open ``url`` with the network cut off; return the page and what it logged and requested."""
    context_ = browser.new_context(viewport={"width": width, "height": 900}, offline=True)
    page = context_.new_page()
    seen = {"errors": [], "outside": []}
    page.on(
        "console", lambda m: m.type in ("error", "warning") and seen["errors"].append(f"{m.type}: {m.text}")
    )
    page.on("pageerror", lambda e: seen["errors"].append(f"pageerror: {e}"))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            return r.continue_()
        seen["outside"].append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return page, seen


def test_in_browser_no_errors_no_requests_links_resolve(built, browser):
    for path in _pages(built):
        page, seen = _open(browser, path.as_uri())
        assert seen["errors"] == [], path.name
        assert seen["outside"] == [], path.name
        images = page.evaluate(
            "[...document.images].map(i => [i.complete && i.naturalWidth > 0, i.src.slice(0, 15)])"
        )
        assert all(ok for ok, _ in images), f"{path.name}: an image did not render"
        links = page.evaluate(
            "[...document.querySelectorAll('a[href]')]"
            ".map(a => [a.href, !!a.closest('.rendered_html, table.data')])"
        )
        for href, in_prose_or_citation in links:
            parsed = urlparse(href)
            if parsed.scheme == "file":
                assert Path(unquote(parsed.path)).is_file(), f"{path.name}: {href} does not resolve"
            else:  # a web link is a citation for the reader to follow, never loaded by the page
                assert parsed.scheme in ("http", "https") and in_prose_or_citation, f"{path.name}: {href}"
        page.context.close()


def test_in_browser_navigation_follows_the_notebooks(built, browser):
    page, seen = _open(browser, (built / site.INDEX).as_uri())
    page.click("#notebooks ~ ol a >> nth=0")
    visited = [Path(urlparse(page.url).path).name]
    while Path(urlparse(page.url).path).name != site.DATA:
        page.click("nav.pager >> nth=0 >> a[rel=next]")
        visited.append(Path(urlparse(page.url).path).name)
    assert visited == [f"{nb.stem}.html" for nb in NOTEBOOKS] + [site.DATA]
    assert seen["errors"] == [] and seen["outside"] == []
    page.context.close()


def test_in_browser_index_readable_at_420px(built, browser):
    page, _ = _open(browser, (built / site.INDEX).as_uri(), width=420)
    assert page.evaluate("document.documentElement.scrollWidth") <= 420, "the page scrolls sideways"
    boxes = page.evaluate(
        "[...document.querySelectorAll('td.note')].map(td => td.getBoundingClientRect().right)"
    )
    assert boxes and max(boxes) <= 420, "a caveat is pushed off the screen"
    page.context.close()


def test_in_browser_data_tables_search_and_sort(built, browser):
    page, seen = _open(browser, (built / site.DATA).as_uri())
    total = page.locator("#metrics tbody tr").count()
    page.fill("#metrics-q", "trade")
    visible = page.locator("#metrics tbody tr:visible").count()
    assert 0 < visible < total
    assert page.inner_text("#metrics-n") == f"{visible} of {total} rows"
    page.fill("#metrics-q", "")
    page.click("#metrics th:has-text('value')")
    page.click("#metrics th:has-text('value')")  # descending
    first = page.locator("#metrics tbody tr >> nth=0 >> td >> nth=0").inner_text()
    metrics = load_metrics()
    assert first == metrics.loc[metrics["value"].idxmax(), "metric_id"]
    assert seen["errors"] == []
    page.context.close()
