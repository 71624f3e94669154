"""The report's pages: reader view of the notebooks, the index, the data page.

Every page is one self-contained HTML file: the style sheet and the one small
script (sorting and searching the data tables) are inlined from
``aidlib/templates/``, charts are PNG data URIs, and nothing is loaded from the
network, so the report opens from ``file://`` with the network off.

The reader view hides code. Three cell tags steer it (set them in JupyterLab's
property inspector, or as ``# %% tags=["remove-cell"]`` in the paired script):

``remove-cell``
    the whole cell is left out (asserts and prints that exist for the tests);
``remove-output``
    the cell's text and table outputs are left out, its images are kept (a
    chart cell whose returned table only repeats the chart);
``show-input``
    the cell's code is shown (every other code cell shows only its outputs).

Each notebook page links to the executed notebook, for anyone who wants the code.
"""

from __future__ import annotations

import contextvars
import copy
import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

REMOVE_CELL = "remove-cell"
REMOVE_OUTPUT = "remove-output"
SHOW_INPUT = "show-input"
TAGS = (REMOVE_CELL, REMOVE_OUTPUT, SHOW_INPUT)

INDEX = "index.html"
DATA = "data.html"
COMPARE = "compare.html"

esc = html.escape
# Where each page's @font-face rule goes once every page is written (see embed_font).
FONT_SLOT = "/*aidlib:font-face*/"
# Every page's footer: how the pages were made, in a reader's words.
FOOTER = ("Every number on these pages was computed afresh from the published data when the pages were "
          "built, by running each analysis from start to end; the pages load nothing from the network.")
# A page with this many sections or more opens with a contents list.
CONTENTS_FROM = 3


#: The release the pages were written from ("aidlib 0.2.0 · data 0.2.0"), named in every
#: footer; :func:`aidlib.report.build.write_report` sets it.
RELEASE: contextvars.ContextVar[str] = contextvars.ContextVar("RELEASE", default="")


@cache
def _asset(name: str) -> str:
    return resources.files("aidlib.report").joinpath("templates", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Page:
    """One notebook page: its file, the notebook it shows, its heading and question.

    The study's ``index.ipynb`` is the page whose file is the index: its reader view
    (``body``) opens the index page.
    """

    file: str
    notebook: str
    title: str
    question: str
    body: str = ""


def plain(markdown: str) -> str:
    """Markdown inline text as plain text, for a ``<title>`` or a link.

    Examples:
        >>> plain("01 · Where did the **5.3亿元** go? (`funding`)")
        '01 · Where did the 5.3亿元 go? (funding)'
        >>> plain("See [the data](data.html), _really_, in 00_tiny")
        'See the data, really, in 00_tiny'
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\1", text)  # _emphasis_, not snake_case
    return " ".join(re.sub(r"[*`]", "", text).split())


def notebook_intro(nb) -> tuple[str, str]:
    """The notebook's title (its first ``# `` heading) and question (its bold **Question.** paragraph)."""
    title, question = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if not title and line.startswith("# "):
                title = plain(line[2:])
        if not question and "**Question.**" in cell.source:
            tail = cell.source.split("**Question.**", 1)[1]
            question = plain(tail.split("\n\n", 1)[0])
        if title and question:
            break
    return title, question


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _images_only(output):
    """The output reduced to its images, or None when it has none."""
    data = output.get("data", {})
    images = {k: v for k, v in data.items() if k.startswith("image/")}
    if output.get("output_type") not in ("display_data", "execute_result") or not images:
        return None
    kept = copy.deepcopy(output)
    kept["data"] = images
    return kept


def _kept_under_remove_output(output):
    """What ``remove-output`` keeps of an output: a published chart whole, else its images."""
    if output.get("metadata", {}).get("aidlib_figure"):
        return output
    return _images_only(output)


def _slug(text: str, taken: set[str]) -> str:
    """A heading's id: lowercase words joined by ``-``, unique on the page."""
    base = "-".join(re.findall(r"[a-z0-9]+", text.lower())[:6]) or "section"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


_H2 = re.compile(r"<h2(\s[^>]*)?>(.*?)</h2>", re.DOTALL)


def with_contents(body: str) -> str:
    """Give every ``<h2>`` an id and, on a long page, put a contents list after the ``<h1>``.

    Examples:
        >>> out = with_contents("<h1>T</h1>" + "".join(f"<h2>Part {i}</h2><p>x</p>" for i in range(3)))
        >>> "<nav class=contents" in out and "href='#part-2'" in out and "<h2 id='part-2'>" in out
        True
        >>> "<nav" in with_contents("<h1>T</h1><h2>Only</h2>")
        False
    """
    taken = set(re.findall(r"\sid=['\"]?([\w-]+)", body))
    entries = []

    def name(match: re.Match) -> str:
        attrs, inner = match.group(1) or "", match.group(2)
        text = " ".join(re.sub(r"<[^>]+>", "", inner).split())
        found = re.search(r"\sid=['\"]?([\w-]+)", attrs)
        ident = found.group(1) if found else _slug(html.unescape(text), taken)
        entries.append((ident, text))
        return match.group(0) if found else f"<h2 id='{ident}'{attrs}>{inner}</h2>"

    body = _H2.sub(name, body)
    if len(entries) < CONTENTS_FROM:
        return body
    items = "".join(f"<li><a href='#{esc(i)}'>{t}</a></li>" for i, t in entries)
    nav = f"<nav class=contents aria-label=contents><strong>Contents</strong><ul>{items}</ul></nav>"
    head = re.search(r"</h1>", body)
    at = head.end() if head else 0
    lede = re.match(r"\s*<p[\s>].*?</p>", body[at:], re.DOTALL)  # keep the opening paragraph first
    at += lede.end() if lede else 0
    return body[:at] + nav + body[at:]


def embed_font(folder) -> int:
    """Put the CJK font subset for every page's characters into each page's style; return its size.

    One subset serves all pages (the union of their characters), inlined as a ``data:``
    URL, so every page stays one self-contained file.
    """
    from pathlib import Path

    from aidlib.report import fonts

    pages = sorted(Path(folder).glob("*.html"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    chars = fonts.characters(texts)
    css = fonts.font_face_css(chars) if chars else ""
    for path, text in zip(pages, texts, strict=True):
        path.write_text(text.replace(FONT_SLOT, css, 1), encoding="utf-8")
    return len(css)


def _chart_output(output):
    """A published chart's output as an HTML figure; any other output unchanged."""
    from aidlib.analysis.publish import METADATA_KEY

    meta = output.get("metadata", {}).get(METADATA_KEY)
    if not meta or "image/png" not in output.get("data", {}):
        return output
    size = output["metadata"].get("image/png", {})
    uri = "data:image/png;base64," + output["data"]["image/png"].replace("\n", "")
    from aidlib.report.charts import chart_html

    figure = chart_html(uri, (size.get("width", 0), size.get("height", 0)), meta)
    import nbformat

    return nbformat.from_dict(
        {"output_type": "display_data", "data": {"text/html": figure}, "metadata": {"aidlib_figure": True}}
    )


def reader_view(nb):
    """A copy of ``nb`` as readers see it: tagged cells and outputs removed, code hidden.

    Code cells left with nothing to show are dropped; the others keep their
    outputs and show their code only when tagged ``show-input``.
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = _tags(cell)
        if REMOVE_CELL in tags:
            continue
        if cell.cell_type == "code":
            cell.outputs = [_chart_output(o) for o in cell.outputs]
            if REMOVE_OUTPUT in tags:
                cell.outputs = [o for o in map(_kept_under_remove_output, cell.outputs) if o is not None]
            show_input = SHOW_INPUT in tags and cell.source.strip()
            if not show_input:
                cell.metadata.setdefault("transient", {})["remove_source"] = True
                if not cell.outputs:
                    continue
        elif cell.cell_type == "raw":
            continue
        cells.append(cell)
    nb.cells = cells
    return nb


def notebook_html(nb) -> str:
    """The reader view of an executed notebook as an HTML fragment (nbconvert's ``basic`` template)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )
    body, _ = exporter.from_notebook_node(reader_view(nb))
    return body


def page(title: str, body: str, *, script: bool = False, here: str = "") -> str:
    """A whole HTML page: the shared style, a top bar (index, data), ``body``."""
    links = [(INDEX, "Index"), (DATA, "Data")]
    top = " ".join(
        f"<a href='{f}'{' aria-current=page' if f == here else ''}>{label}</a>" for f, label in links
    )
    js = f"<script>{_asset('site.js')}</script>" if script else ""
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>{FONT_SLOT}{_asset('site.css')}</style></head>\n<body>"
        f"<nav class=top aria-label=site><strong>aidlib report</strong>{top}</nav>\n"
        f"<main>{with_contents(body)}</main>\n"
        f"<footer><p><small>{FOOTER}"
        f"{' Release: ' + esc(RELEASE.get()) + '.' if RELEASE.get() else ''}</small></p></footer>"
        f"{js}</body></html>\n"
    )


def notebook_page(nb, current: Page, prev: Page | None, next_: Page | None) -> str:
    """One notebook page: its reader view, the link to the notebook, previous / next links."""
    back = prev.file if prev else INDEX
    back_label = prev.title if prev else "Index"
    fwd = next_.file if next_ else DATA
    fwd_label = next_.title if next_ else "The data"
    pager = (
        "<nav class=pager aria-label=pages>"
        f"<a class=prev rel=prev href='{esc(back)}'>← {esc(back_label)}</a>"
        f"<a class=next rel=next href='{esc(fwd)}'>{esc(fwd_label)} →</a></nav>"
    )
    code = (
        f"<p class=code-link>Code is hidden on this page. The executed notebook: "
        f"<a href='{esc(current.notebook)}' download>{esc(current.notebook.rsplit('/', 1)[-1])}</a> "
        "(open it in JupyterLab).</p>"
    )
    return page(f"{current.title} — aidlib report", pager + notebook_html(nb) + code + pager)


def _source_item(record: dict[str, str], figures: int, name: str) -> str:
    from aidlib.report.source_pages import source_file

    sid = esc(record["source_id"])
    title = f": {esc(record['title'])}" if record.get("title") and record["title"] not in name else ""
    shown = "1 figure" if figures == 1 else f"{figures} figures"
    return (
        f"<li><a href='{esc(source_file(record['source_id']))}'>{esc(name)}</a>{title}"
        f"<br><small>{shown} · <a href='{sid}.clean.txt'>repaired text</a> · "
        f"<a href='{sid}.repairs.csv'>repairs</a></small></li>"
    )


def index_page(
    pages: list[Page],
    sources: list[dict[str, str]],
    title: str,
    compared: bool,
    counts: dict[str, int],
    names: dict[str, str] | None = None,
) -> str:
    """The index: the study's summary (``index.ipynb``) if any, every source, the comparison, the notebooks.

    Args:
        pages: the notebook pages; the study's summary, when there is one, is the page whose
            file is the index (its reader view opens this page).
        sources: the sources' records, in order.
        title: the page's heading when there is no summary (the data package's title).
        compared: whether a comparison page was written (two sources or more).
        counts: figures stated per source id.
        names: how the pages name each source (:func:`aidlib.report.source_pages.source_names`).
    """
    from aidlib.report.source_pages import source_names

    names = names or source_names(sources)
    study = next((p for p in pages if p.file == INDEX), None)
    notebooks = [p for p in pages if p.file != INDEX]
    if study is not None:
        body, title = study.body, study.title or title
    else:
        total = sum(counts.values())
        body = (f"<h1>{esc(title)}</h1><p class=lede>{len(sources)} source{'s' * (len(sources) != 1)}, "
                f"{total} figure{'s' * (total != 1)} stated in them, each with its quote. Each source has a "
                "page of its own; the data page lists every figure.</p>")  # fmt: skip
    items = "".join(_source_item(s, counts.get(s["source_id"], 0), names[s["source_id"]]) for s in sources)
    body += f"<h2 id=sources>Sources</h2><ul class=sources>{items}</ul>"
    if compared:
        body += ("<h2 id=compared>The sources compared</h2><p><a href='compare.html'>The figures the sources "
                 "share, side by side</a>, each with its period and basis.</p>")  # fmt: skip
    if notebooks:
        links = "".join(
            f"<li><a href='{esc(p.file)}'>{esc(p.title)}</a><br><small>{esc(p.question)}</small></li>"
            for p in notebooks
        )
        body += f"<h2 id=notebooks>Notebooks</h2><ol class=notebooks>{links}</ol>"
    body += (
        "<h2 id=data>Data</h2><p><a href='data.html'>Every curated metric and every cited figure</a>, "
        "searchable and sortable, with the files to download.</p>"
    )
    return page(title, body, here=INDEX)


def _link_text(duplicate_of: str, part_of: str, labels: dict[str, str]) -> str:
    if duplicate_of:
        return f"Restates: {labels.get(duplicate_of, duplicate_of)}."
    return f"Part of: {labels.get(part_of, part_of)}." if part_of else ""


def _links_html(duplicate_of: str, part_of: str, labels: dict[str, str]) -> str:
    text = _link_text(duplicate_of, part_of, labels)
    return f"<br><small>{esc(text)}</small>" if text else ""


def _ident(ident: str) -> str:
    """An id in code type that may break after its dots, never inside a word."""
    return f"<code>{esc(ident).replace('.', '.<wbr>')}</code>"


# How a column's order is named in the Sort menu: (ascending, descending).
SORT_WORDS = {"v": ("smallest first", "largest first"), "period": ("earliest first", "latest first")}


def _data_table(table_id: str, columns: list[tuple[str, str]], rows: list[list[tuple[str, ...]]]) -> str:
    """A sortable, searchable table; a phone shows each row as a card, sorted with the menu above it.

    Each cell is (html, sort key) or (html, sort key, group): cells with a group (a value's
    unit) sort by group first, so values of different units never mix.
    """
    head = "".join(f"<th data-col scope=col class='{cls}'>{esc(label)}</th>" for label, cls in columns)

    def cell(parts, label: str, cls: str) -> str:
        html_, key, *group = parts
        grouped = f" data-group='{esc(group[0])}'" if group else ""
        return f"<td class='{cls}' data-label='{esc(label)}' data-sort='{esc(key)}'{grouped}>{html_}</td>"

    body = "".join(
        "<tr>" + "".join(cell(c, label, cls) for c, (label, cls) in zip(row, columns, strict=True)) + "</tr>"
        for row in rows
    )
    grouped = {i for i, (label, cls) in enumerate(columns) if any(len(row[i]) > 2 for row in rows)}
    options = ["<option value=''>as listed</option>"]
    for i, (label, cls) in enumerate(columns):
        for way, words in zip(("asc", "desc"), SORT_WORDS.get(cls, ("A to Z", "Z to A")), strict=True):
            within = ", within each unit" if i in grouped else ""
            options.append(f"<option value='{i}:{way}'>{esc(label)}: {words}{within}</option>")
    return (
        f"<p class=table-tools><label>Search <input class=filter type=search id={table_id}-q hidden "
        f"placeholder='words in any column'></label> "
        f"<label>Sort <select class=sort id={table_id}-sort hidden>{''.join(options)}</select></label> "
        f"<small id={table_id}-n>{len(rows)} rows</small></p>"
        f"<table class=data id={table_id} data-filter={table_id}-q data-count={table_id}-n "
        f"data-sorter={table_id}-sort><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def data_page(
    metrics: pd.DataFrame,
    figures: pd.DataFrame,
    downloads: list[tuple[str, str]],
    names: dict[str, str] | None = None,
) -> str:
    """Every curated metric with its quote and source, every cited figure with its citation; downloads.

    ``names`` writes each source id as a reader names the source (its outlet and year).
    """
    from aidlib.analysis.numbers import value_text
    from aidlib.analysis.reader_tables import html_text
    from aidlib.analysis.reader_words import GRADES, grades_text, period_text
    from aidlib.analysis.tables import read_as
    from aidlib.analysis.unit_names import cited_unit, count_noun
    from aidlib.data.vocabulary import BASIS_NAMES, MEASURE_NAMES

    names = names or {}
    labels: dict[str, dict[str, str]] = {}  # source → metric id → label: links stay within a source
    for sid, mid, label in zip(metrics["source_id"], metrics["metric_id"], metrics["label_en"], strict=True):
        labels.setdefault(sid, {})[mid] = label

    def when(period) -> tuple[str, str]:  # written as dates, sorted by the period itself
        return esc(period_text(str(period))), str(period)

    def words(name: str, names: dict[str, str]) -> str:  # a vocabulary name as a reader says it
        return names.get(name, name.replace("_", " "))

    m_rows = [
        [
            (f"{esc(r.label_en)}<br><small lang=zh>{esc(r.label_zh)}</small><br>"
             f"<small class=id>{esc(names.get(r.source_id, r.source_id))} · {_ident(r.metric_id)} · "
             f"{esc(words(r.theme, {}))}</small>", f"{r.source_id} {r.metric_id}"),
            (html_text(value_text(meant, r.qualifier, r.unit_en, label=r.label_en,
                                  high=r.high if r.qualifier == "range" else None)),
             repr(meant), count_noun(r.unit_en, r.label_en)),
            when(r.period),
            (f"<span lang=zh>{esc(r.quote)}</span>"
             f"{_links_html(r.duplicate_of, r.part_of, labels[r.source_id])}",
             r.quote),
        ]
        for r, meant in zip(metrics.itertuples(index=False), read_as(metrics), strict=True)
    ]  # fmt: skip
    m_cols = [
        ("metric", "label"),
        ("value", "v"),
        ("period", "period"),
        ("quote (the repaired text)", "quote"),
    ]
    f_rows = [
        [
            (f"{esc(r.description_en)}<br><small class=id>{_ident(r.figure_id)} · "
             f"{esc(' · '.join((r.subject, words(r.measure, MEASURE_NAMES), words(r.basis, BASIS_NAMES))))}"
             "</small>",
             r.figure_id),
            (f"{html_text(value_text(r.value, r.qualifier, cited_unit(r.unit)))}<br>"
             f"<small>printed: <span lang=zh>{esc(r.stated)}</span></small>", repr(float(r.value)),
             cited_unit(r.unit)),
            when(r.period),
            (f"{esc(r.outlet)}, {esc(r.published)}, <a rel='external noopener' href='{esc(r.url)}'>page</a>"
             f"<br><small>{esc(grades_text(r.reliability))}</small>", r.outlet),
        ]
        for r in figures.itertuples(index=False)
    ]  # fmt: skip
    f_cols = [("figure", "label"), ("value", "v"), ("period", "period"), ("citation and grade", "quote")]
    files = "".join(
        f"<li><a href='{esc(path)}' download>{esc(path.rsplit('/', 1)[-1])}</a> — {esc(what)}</li>"
        for path, what in downloads
    )
    grades = "".join(f"<li>{esc(text)}</li>" for text in GRADES.values())
    body = (
        "<h1>The data</h1>"
        "<p>Sort a table with the Sort menu above it<span class=wide-only> or by clicking a column heading"
        "</span> (values sort within their unit), type in the search box to filter. "
        "Values carry their hedge: "
        "≥ at least, ≤ at most, ≈ about. Each row names its id, the name the files and the code use.</p>"
        f"<h2 id=downloads>Downloads</h2><ul class=downloads>{files}</ul>"
        f"<h2 id=metrics>Curated metrics ({len(metrics)}, from {len(labels)} "
        f"source{'s' * (len(labels) != 1)})</h2>"
        "<p>Every number stated in the sources, with the sentence it comes from (the repaired text).</p>"
        f"{_data_table('metrics', m_cols, m_rows)}"
        f"<h2 id=figures>Cited figures ({len(figures)})</h2>"
        "<p>Published figures from outside the report, each with its outlet, date, page and reliability "
        f"grade:</p><ul class=grades>{grades}</ul><p>The links lead to those pages on the web.</p>"
        f"{_data_table('figures', f_cols, f_rows)}"
    )
    return page("The data — aidlib report", body, script=True, here=DATA)
