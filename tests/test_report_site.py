"""The real report, built once for this module: its pages parsed, then opened in headless Chromium.

The browser check needs Debian's ``chromium`` (``.ci/run`` installs it) and
Playwright for Python (a dev dependency) driving that browser: Playwright's own
browser download is never used. Without chromium the browser tests are skipped,
except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from bs4 import BeautifulSoup
from reader_text import scan, slips

from aidlib.analysis import context
from aidlib.analysis.indicators import table as indicator_table
from aidlib.analysis.numbers import value_text
from aidlib.data.figures import load_figures
from aidlib.data.metrics import load_metrics
from aidlib.data.paths import notebooks_dir
from aidlib.data.references import load_references
from aidlib.report import site
from aidlib.report.build import NOTEBOOK_GLOB, write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NOTEBOOKS = sorted(notebooks_dir().glob(NOTEBOOK_GLOB))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "reports"
    write_report(out, progress=lambda _: None)
    return out


@pytest.fixture(scope="module")
def built_three(tmp_path_factory) -> Path:
    """A report of three sources (Shufu and the two invented ones): its source and comparison pages.

    The notebooks are one tiny one: these pages come from the data alone.
    """
    from invented import add_reports, shipped_copy

    folder = tmp_path_factory.mktemp("three")
    data = add_reports(shipped_copy(folder / "data"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 00 · Tiny\n\n**Question.** What is tiny?")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (folder / "nb").mkdir()
    nbformat.write(nb, folder / "nb" / "00_tiny.ipynb")
    write_report(folder / "reports", progress=lambda _: None, notebooks=folder / "nb", data=data)
    return folder / "reports"


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
def test_one_page_per_notebook_plus_index_data_and_source(built):
    assert [p.name for p in _pages(built)] == sorted(
        [f"{nb.stem}.html" for nb in NOTEBOOKS] + [site.INDEX, site.DATA, "source-guangzhou_shufu_2023.html"]
    )  # one source: no comparison page
    executed = {nb.name for nb in NOTEBOOKS} | {"index.ipynb"}  # the study's summary opens the index
    assert {p.name for p in (built / "notebooks").iterdir()} == executed


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
        assert "@import" not in css and "url(http" not in css, page.name
        urls = re.findall(r"url\(([^)]{0,40})", css)
        assert urls and all(u.startswith("data:font/woff2;base64,") for u in urls), f"{page.name}: {urls}"


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


def test_index_findings_first_then_tables(built):
    soup = _soup(built / site.INDEX)
    headings = [h.get("id") for h in soup.find_all("h2")]
    order = ["what-the-report-says", "what-these-figures-cannot-show", "key-figures", "in-context", "sources",
             "notebooks", "data"]  # fmt: skip
    assert [headings.index(h) for h in order] == sorted(headings.index(h) for h in order)
    first_chart, first_table = soup.find("figure", class_="chart"), soup.find("table")
    assert first_chart and first_chart in first_table.find_all_previous("figure")
    where = soup.find(id="what-the-report-says").find_next("p").get_text(" ", strip=True)
    ind = indicator_table().set_index("indicator_id")
    metrics = load_metrics().set_index("metric_id")
    for metric_id in ("industry.funds", "housing.funds", "education.funds"):  # the one number style
        m = metrics.loc[metric_id]
        assert value_text(m["value"], m["qualifier"], m["unit_en"]) in where, metric_id
    assert ind.loc["funding.unitemized", "text_en"].removeprefix("≈ ") in where
    limits = soup.find(id="what-these-figures-cannot-show").find_next("div", class_="limits")
    refs = load_references()
    for url in refs["url"]:
        assert limits.find("a", href=url), f"citation {url} missing from the index's limits"
    for word in ("outcomes", "wages", "working conditions", "independently"):
        assert word in limits.get_text()
    rows = soup.find(id="in-context").find_next("table").find("tbody").find_all("tr")
    table = context.table()
    assert len(rows) == len(table)
    for row, ind in zip(rows, table.itertuples(), strict=True):
        cells = [td.get_text(" ", strip=True).replace("\xa0", " ") for td in row.find_all("td")]  # ≈ 2,015
        assert cells[1] == ind.text_en and cells[2].startswith(ind.caveat)
        assert "\xa0" in row.find_all("td")[1].get_text() or ind.text_en[0] not in "≈≤≥"  # kept on one line
    links = [a["href"] for a in soup.find(id="notebooks").find_next("ol").find_all("a")]
    assert links == [f"{nb.stem}.html" for nb in NOTEBOOKS]
    sources = [a["href"] for a in soup.find(id="sources").find_next("ul").find_all("a")]
    assert sources[0] == "source-guangzhou_shufu_2023.html"


def test_data_page_lists_every_metric_and_figure(built):
    soup = _soup(built / site.DATA)
    metrics, figures = load_metrics(), load_figures()
    m_rows = soup.find("table", id="metrics").find("tbody").find_all("tr")
    f_rows = soup.find("table", id="figures").find("tbody").find_all("tr")
    assert [r.select_one("small.id code").get_text() for r in m_rows] == list(metrics["metric_id"])
    assert [r.select_one("small.id code").get_text() for r in f_rows] == list(figures["figure_id"])
    for row, quote in zip(m_rows, metrics["quote"], strict=True):
        assert quote in row.get_text()
    for row, url in zip(f_rows, figures["url"], strict=True):
        assert row.find("a", href=url)
    downloads = {a["href"] for a in soup.find("ul", class_="downloads").find_all("a")}
    assert {"data/metrics.csv", "data/datapackage.json", "aidlib-data.zip"} <= downloads


# ---- the bar's scan: no internals, and English, on every page a reader opens ----------------------
def test_no_internals_on_any_reader_page(built, built_three):
    """No file path, make target, Python name or repr, column name, raw period or run-together grades.

    What counts as visible, and which places may hold ids, is said in tests/reader_text.py.
    (Before issue 21's page work: 147 places on the Shufu report, 81 on the three-source one.)
    """
    pages = {p.name for p in _pages(built)} | {p.name for p in _pages(built_three)}
    assert {site.INDEX, site.DATA, site.COMPARE, "source-invented_a_2024.html"} <= pages
    assert scan(built) == {}
    assert scan(built_three) == {}


def test_generated_english_reads_as_english_on_every_page(built, built_three):
    assert scan(built, slips) == {}
    assert scan(built_three, slips) == {}


def test_source_and_comparison_pages_say_their_sentences_in_words(built_three):
    from reader_text import visible_text

    def lines(name: str) -> list[str]:
        return visible_text((built_three / name).read_text(encoding="utf-8")).splitlines()

    shufu = lines("source-guangzhou_shufu_2023.html")
    assert "It covers 2023. It states 74 figures (71 distinct; restatements are marked)." in shufu[5]
    # a curator's note names another figure by its label, never by its id
    assert ("Restated later in the science-and-technology paragraph (“Agricultural trial and demonstration "
            "projects (restated)”).") in shufu  # fmt: skip
    invented = lines("source-invented_a_2024.html")
    assert "It covers 2024. It states 7 figures (7 distinct; restatements are marked)." in invented
    assert ": none was needed." in invented and "8 million yuan per aid project" in invented  # not "per unit"
    assert "Invented; 十四五以来 in a 2024 report is 2021–2024." in invented  # a note's period as dates
    compare = lines(site.COMPARE)
    assert [line for line in compare if line.startswith("Not ")] == [
        "Not all drawn together, because the bases differ: put in (投入) and arranged (安排).",
        "Not drawn, because the periods differ in length: cumulative (no dates stated) and 2024.",
        "Not drawn, because the bases differ: put in (投入) and not stated.",
    ]
    assert [line for line in compare if ", by source: " in line] == [
        "Aid funds, total, by source: 2023 and 2024; counted as put in (投入)",
        "Funds for housing, by source: 2023 and 2024; counted as put in (投入)",
        "Funds for industry, by source: 2023 and 2024; counted as arranged (安排)",
        "Aid projects, by source: 2024 and 2023",  # counts need no basis
    ]
    assert "Share of the aid total: housing" in compare  # a heading for every source, not Shufu's "2023"


def test_data_copy_is_a_valid_datapackage(built):
    import json

    package = json.loads((built / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (built / "data" / resource["path"]).is_file(), resource["path"]


# ---- the pages in a real browser -----------------------------------------------------------------
def _latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig file whose only fonts are matplotlib's DejaVu: a machine with no CJK font."""
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{ttf}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
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
            env={**os.environ, "FONTCONFIG_FILE": str(_latin_only_fontconfig(tmp_path_factory.mktemp("fc")))},
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


def test_in_browser_no_errors_no_requests_links_resolve(measured):
    for (name, width), m in measured.items():
        assert m["errors"] == [], f"{name} at {width} px"
        assert m["outside"] == [], f"{name} at {width} px"
        assert all(m["rendered"]), f"{name}: an image did not render"
        for href, in_prose_or_citation in m["links"]:
            parsed = urlparse(href)
            if parsed.scheme == "file":
                assert Path(unquote(parsed.path)).is_file(), f"{name}: {href} does not resolve"
            else:  # a web link is a citation for the reader to follow, never loaded by the page
                assert parsed.scheme in ("http", "https") and in_prose_or_citation, f"{name}: {href}"


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
        "[...document.querySelectorAll('main table td')].map(td => td.getBoundingClientRect().right)"
    )
    assert boxes and max(boxes) <= 420, "a cell (a caveat, say) is pushed off the screen"
    page.context.close()


def _value_order(page, table: str) -> list[tuple[str, float]]:
    """(unit, value) of each row of a data table, in the order shown."""
    return page.evaluate(
        f"[...document.querySelectorAll('#{table} tbody tr')].map(r => "
        "[r.cells[1].dataset.group, Number(r.cells[1].dataset.sort)])"
    )


def _sorted_within_units(order, descending: bool) -> bool:
    units = [u for u, _ in order]
    groups = [u for i, u in enumerate(units) if i == 0 or units[i - 1] != u]
    values_ok = all(
        (a[1] >= b[1]) if descending else (a[1] <= b[1])
        for a, b in zip(order, order[1:], strict=False)
        if a[0] == b[0]
    )
    return groups == sorted(set(units)) and values_ok  # each unit one run, units A to Z


def test_in_browser_data_tables_search_and_sort(built, browser):
    page, seen = _open(browser, (built / site.DATA).as_uri())
    total = page.locator("#metrics tbody tr").count()
    page.fill("#metrics-q", "trade")
    visible = page.locator("#metrics tbody tr:visible").count()
    assert 0 < visible < total
    assert page.inner_text("#metrics-n") == f"{visible} of {total} rows"
    page.fill("#metrics-q", "")
    page.click("#metrics th:has-text('value')")
    page.click("#metrics th:has-text('value')")  # descending: by unit, then the largest first
    order = _value_order(page, "metrics")
    assert _sorted_within_units(order, descending=True) and len({u for u, _ in order}) > 3
    first = page.locator("#metrics tbody tr >> nth=0 >> small.id code").inner_text().replace("\u200b", "")
    metrics = load_metrics()
    same_unit = metrics[[unit == order[0][0] for unit in map(_unit_of, metrics.itertuples())]]
    assert first == same_unit.loc[same_unit["value"].idxmax(), "metric_id"]
    assert page.input_value("#metrics-sort") == "1:desc"  # the menu says the order the headings set
    page.select_option("#figures-sort", "1:asc")
    assert _sorted_within_units(_value_order(page, "figures"), descending=False)
    assert page.get_attribute("#figures th:has-text('value')", "aria-sort") == "ascending"
    page.select_option("#figures-sort", "")  # as listed again
    ids = page.locator("#figures tbody small.id code").all_inner_texts()
    assert [i.replace("\u200b", "") for i in ids] == list(load_figures()["figure_id"])
    assert seen["errors"] == []
    page.context.close()


def _unit_of(row) -> str:
    from aidlib.analysis.unit_names import count_noun

    return count_noun(row.unit_en, row.label_en)


def test_in_browser_data_cards_sort_on_a_phone(built, browser):
    page, seen = _open(browser, (built / site.DATA).as_uri(), width=420)
    assert not page.locator("#metrics thead").is_visible()  # cards: no headings to click
    text = page.inner_text("main")
    assert "Sort menu" in text and "click" not in text.lower()
    menu = page.locator("#metrics-sort")
    assert menu.is_visible() and menu.bounding_box()["x"] + menu.bounding_box()["width"] <= 420
    page.select_option("#metrics-sort", "1:desc")
    assert _sorted_within_units(_value_order(page, "metrics"), descending=True)
    assert seen["errors"] == []
    page.context.close()


# ---- every page on a phone and a desktop, with no CJK system font --------------------------------
WIDTHS = (420, 1280)

# JavaScript: everything the layout checks need from one page, measured in the browser.
_MEASURE = r"""() => {
  const W = document.documentElement.clientWidth;
  const out = {scroll: document.documentElement.scrollWidth, width: W, tables: [], scrollers: [],
               broken: [], images: [], height: document.documentElement.scrollHeight};
  for (const t of document.querySelectorAll('main table')) {
    const r = t.getBoundingClientRect();
    out.tables.push([t.id || t.className, Math.round(r.right), t.scrollWidth - t.clientWidth]);
  }
  for (const el of document.querySelectorAll('main *')) {
    const o = getComputedStyle(el).overflowX;
    if ((o === 'auto' || o === 'scroll' || o === 'hidden') && el.scrollWidth > el.clientWidth + 1)
      out.scrollers.push(el.tagName + '.' + el.className);
  }
  // a word split over two lines: one run of letters or digits with two boxes
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('code, pre, details:not([open]), script, style')) continue;
    for (const m of node.data.matchAll(/[A-Za-z0-9]{2,}/g)) {
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      if (rects.length > 1 && new Set(rects.map(r => Math.round(r.top))).size > 1) out.broken.push(m[0]);
    }
  }
  const small = document.createElement('small'); document.querySelector('main').appendChild(small);
  out.small = parseFloat(getComputedStyle(small).fontSize); small.remove();
  for (const img of document.querySelectorAll('main img')) {
    const fig = img.closest('figure');
    out.images.push({alt: img.alt, natural: img.naturalWidth, shown: img.clientWidth,
      minText: parseFloat(img.dataset.minTextPx || '0'), clipped: img.dataset.clipped || '',
      caption: fig && fig.querySelector('figcaption') ? fig.querySelector('figcaption').innerText : ''});
  }
  return out;
}"""


_TOFU = """async ([chars, missing]) => {
  await document.fonts.ready;
  const family = getComputedStyle(document.body).fontFamily;
  await document.fonts.load('40px ' + family, chars.join(''));
  await document.fonts.load('bold 40px ' + family, chars.join(''));
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 48;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (c, weight) => {
    ctx.clearRect(0, 0, 48, 48); ctx.font = weight + ' 40px ' + family; ctx.fillText(c, 2, 40);
    const d = ctx.getImageData(0, 0, 48, 48).data; let h = 0;
    for (let i = 3; i < d.length; i += 4) h = (h * 31 + d[i] * (i + 1)) % 2147483647;
    return h; };
  const boxed = [];  // headings are bold: both weights must draw glyphs
  for (const weight of ['normal', 'bold']) {
    const box = draw(missing, weight), blank = draw(' ', weight);
    for (const c of chars) {
      const g = draw(c, weight);
      if (g === box || g === blank) boxed.push(weight + ' ' + c);
    }
  }
  return boxed;
}"""
# In no page, so in no subset: drawn as the browser's box for a missing glyph.
MISSING = "龘"
# Marks each element holding Chinese text; returns [probe, Chinese characters in its text].
_PROBES = r"""() => { const out = []; let i = 0;
  const cjk = (c) => { const p = c.codePointAt(0);  // as aidlib.report.fonts.needs_cjk_font
    return (p >= 0x2460 && p <= 0x24FF) || (p >= 0x2E80 && p <= 0xD7FF) || (p >= 0xF900 && p <= 0xFFEF)
      || (p >= 0x20000 && p <= 0x3FFFF); };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('script, style, title')) continue;
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
    if (![...own].some(cjk)) continue;
    el.setAttribute('data-cjk-probe', i);
    out.push([i, [...el.textContent].filter(cjk).length]); i++;
  }
  return out; }"""


def _glyphs_from_the_embedded_font(page) -> list[str]:
    """Elements whose Chinese the browser drew with some other font than the page's own (a box).

    Chromium's DevTools protocol names the fonts each element's text was drawn with and
    their glyph counts (bold headings included, which a canvas check does not see).
    """
    probes = page.evaluate(_PROBES)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    bad = []
    for probe, chinese in probes:
        found = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"[data-cjk-probe='{probe}']"})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": found["nodeId"]})["fonts"]
        embedded = sum(f["glyphCount"] for f in fonts if f["isCustomFont"])
        if embedded < chinese:
            html = cdp.send("DOM.getOuterHTML", {"nodeId": found["nodeId"]})["outerHTML"]
            bad.append(f"{chinese - embedded} characters not from the embedded font in {html[:80]}")
    cdp.detach()
    return bad


@pytest.fixture(scope="module")
def measured(built, browser):
    """Every page at each width, opened once: layout, charts, visible text and, at 1280 px, the Chinese."""
    from aidlib.report.fonts import needs_cjk_font

    out = {}
    for width in WIDTHS:  # one page per width, navigated from page to page: opening is the slow part
        page, seen = _open(browser, "about:blank", width=width)
        for path in _pages(built):
            seen["errors"].clear()
            seen["outside"].clear()
            page.goto(path.as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready")
            m = page.evaluate(_MEASURE)
            m["errors"], m["outside"] = list(seen["errors"]), list(seen["outside"])
            m["contents"] = page.locator("nav.contents").count() > 0
            m["raw_tables"] = page.locator("main table.dataframe").count()
            m["rendered"] = page.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0)")
            m["links"] = page.evaluate(
                "[...document.querySelectorAll('a[href]')]"
                ".map(a => [a.href, !!a.closest('.rendered_html, table.data, ul.references')])"
            )
            if width == WIDTHS[-1]:
                m["text"] = page.inner_text("main")
                chars = sorted({c for c in page.inner_text("body") if needs_cjk_font(c)})
                m["chars"] = chars
                m["tofu"] = page.evaluate(_TOFU, [chars, MISSING])
                m["other_font"] = _glyphs_from_the_embedded_font(page)
            out[path.name, width] = m
        page.context.close()
    return out


def test_in_browser_every_page_fits_phone_and_desktop(measured):
    problems = []
    for (name, width), m in measured.items():
        where = f"{name} at {width} px"
        if m["scroll"] > m["width"]:
            problems.append(f"{where}: scrolls sideways ({m['scroll']} px)")
        problems += [f"{where}: table {t} clipped" for t in m["tables"] if t[1] > m["width"] or t[2] > 1]
        problems += [f"{where}: sideways scroller {s}" for s in m["scrollers"]]
        problems += [f"{where}: word broken across lines: {w!r}" for w in m["broken"][:5]]
        if width == 1280 and m["height"] > 3 * 900 and name != site.DATA and not m["contents"]:
            problems.append(f"{where}: a long page ({m['height']} px) without a contents list")
    assert problems == []


def test_in_browser_charts_readable_with_alt_text_and_sources(measured):
    problems = []
    for (name, width), m in measured.items():
        for i, img in enumerate(m["images"]):
            where = f"{name} at {width} px, chart {i + 1}"
            if len(img["alt"]) < 30 or not re.search(r"\d", img["alt"]) or "No description" in img["alt"]:
                problems.append(f"{where}: alt text says too little: {img['alt']!r}")
            if "Source" not in img["caption"]:
                problems.append(f"{where}: no caption with a source line")
            shrink = img["natural"] / max(img["shown"], 1)
            if shrink > 1.6:
                problems.append(
                    f"{where}: drawn {img['natural']} px, shown {img['shown']} px ({shrink:.2f}×)"
                )
            if img["minText"] / max(shrink, 1) < m["small"] - 0.01:
                problems.append(f"{where}: text {img['minText'] / shrink:.1f} px, under the small print")
            if img["clipped"]:
                problems.append(f"{where}: chart cut off: {img['clipped']}")
    assert problems == []


def _known_ids() -> set[str]:
    from aidlib.analysis.indicators import table as indicator_table

    ids = set(load_metrics()["metric_id"]) | set(load_figures()["figure_id"])
    return ids | set(indicator_table()["indicator_id"]) | set(context.table()["indicator_id"])


# Developer internals that must never reach a reader's eye (outside the data page's id column).
_INTERNALS = re.compile(
    r"\b(True|False|NaN|dtype|Name: \w+|text_en|unit_en|indicator_id|metric_id|figure_id|Unnamed)\b|\{'"
)


def test_in_browser_no_internals_in_visible_text(measured):
    ids = _known_ids()
    problems = []
    for (name, width), m in measured.items():
        if width != WIDTHS[-1]:
            continue
        text = m["text"]
        problems += [f"{name}: {x.group(0)!r}" for x in _INTERNALS.finditer(text)]
        if name != site.DATA:  # the data page is where ids belong
            problems += [f"{name}: id {i}" for i in sorted(ids) if re.search(rf"\b{re.escape(i)}\b", text)]
        if m["raw_tables"]:
            problems.append(f"{name}: {m['raw_tables']} raw pandas tables (index column, raw headers)")
    assert problems == []


def test_in_browser_chinese_renders_without_a_cjk_system_font(measured):
    checked = 0
    for (name, width), m in measured.items():
        if width != WIDTHS[-1]:
            continue
        assert MISSING not in m["chars"]
        assert m["tofu"] == [], (
            f"{name}: {len(m['tofu'])} characters drawn as boxes: {' '.join(m['tofu'][:20])}"
        )
        assert m["other_font"] == [], f"{name}: {m['other_font'][:3]}"
        checked += len(m["chars"])
    assert checked > 100
