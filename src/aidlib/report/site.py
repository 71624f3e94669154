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
REPORT_TITLE = "Guangzhou's counterpart aid to Shufu County, 2023"

esc = html.escape
# The cited figures' units, in English on the data page.
_UNIT_EN = {"元": "yuan", "人": "people", "套": "housing units", "%": "%"}


#: The release the pages were written from ("aidlib 0.2.0 · data 0.2.0"), named in every
#: footer; :func:`aidlib.report.build.write_report` sets it.
RELEASE: contextvars.ContextVar[str] = contextvars.ContextVar("RELEASE", default="")


@cache
def _asset(name: str) -> str:
    return resources.files("aidlib.report").joinpath("templates", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Page:
    """One notebook page: its file, the notebook it shows, its heading and question."""

    file: str
    notebook: str
    title: str
    question: str


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
            if REMOVE_OUTPUT in tags:
                cell.outputs = [o for o in map(_images_only, cell.outputs) if o is not None]
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
        f"<title>{esc(title)}</title><style>{_asset('site.css')}</style></head>\n<body>"
        f"<nav class=top aria-label=site><strong>aidlib report</strong>{top}</nav>\n"
        f"<main>{body}</main>\n"
        "<footer><p><small>Made by <code>make report</code> (<code>aidlib report</code>), which executes "
        "every notebook; nothing on these pages is loaded from the network."
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


def _figure_row(label: str, value: str, note: str, ident: str) -> str:
    return (
        f"<tr id='{esc(ident)}'><td>{esc(label)}</td><td class=v>{esc(value)}</td>"
        f"<td class=note><small>{esc(note)} <code>{esc(ident)}</code></small></td></tr>"
    )


def _figure_table(rows: list[str], note: str) -> str:
    return (
        "<table class=figures><thead><tr><th>figure</th><th>value</th>"
        f"<th>{esc(note)}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def index_page(
    pages: list[Page],
    metrics: pd.DataFrame,
    indicators: pd.DataFrame,
    context: pd.DataFrame,
    key_metrics: tuple[str, ...],
    key_indicators: tuple[str, ...],
    sources: list[dict[str, str]],
) -> str:
    """The index: key figures, the figures in context, the notebooks, the data, the sources."""
    from aidlib.analysis.tables import metric_view

    key = [
        _figure_row(m.label, m.shown, f"stated in the report ({m.period});", m.metric_id)
        for m in metric_view(metrics, ids=key_metrics).itertuples()
    ]
    ind = indicators.set_index("indicator_id")
    key += [
        _figure_row(ind.loc[i, "label"], ind.loc[i, "text_en"], f"derived: {ind.loc[i, 'caveat']}", i)
        for i in key_indicators
    ]
    ctx = [_figure_row(r.label, r.text_en, r.caveat, r.indicator_id) for r in context.itertuples(index=False)]
    links = "".join(
        f"<li><a href='{esc(p.file)}'>{esc(p.title)}</a><br><small>{esc(p.question)}</small></li>"
        for p in pages
    )
    srcs = "".join(
        f"<li>{esc(s['outlet'])}: {esc(s['title'])} — <a href='{esc(s['id'])}.clean.txt'>clean text</a>, "
        f"<a href='{esc(s['id'])}.repairs.csv'>repairs</a></li>"
        for s in sources
    )
    body = (
        f"<h1>{esc(REPORT_TITLE)}</h1>"
        "<p>Every number below comes from one report, repaired and curated with its quote "
        "(<code>data/metrics.csv</code>), or is derived from those numbers with its formula and bounds "
        "(<code>aidlib.analysis.indicators</code>). ≥ means at least, ≤ at most, ≈ about; derived values "
        "are rounded to the precision their inputs support, and a bound is rounded outward "
        "(up for ≤, down for ≥), so it stays true.</p>"
        f"<h2 id=key-figures>Key figures</h2>{_figure_table(key, 'note')}"
        "<h2 id=in-context>In context</h2>"
        "<p>The report's figures set against published outside figures "
        "(<code>data/cited_figures.tsv</code>, each with its citation on the <a href='data.html#figures'>"
        "data page</a>), computed by <code>aidlib.analysis.context</code>. Read each caveat: most of these "
        "compare different years or different kinds of money.</p>"
        f"{_figure_table(ctx, 'caveat')}"
        f"<h2 id=notebooks>Notebooks</h2><ol>{links}</ol>"
        "<h2 id=data>Data</h2><p><a href='data.html'>Every curated metric and every cited figure</a>, "
        "searchable and sortable, with the files to download.</p>"
        f"<h2 id=sources>Sources</h2><ul>{srcs}</ul>"
    )
    return page(f"aidlib report: {REPORT_TITLE}", body, here=INDEX)


def _link_text(duplicate_of: str, part_of: str) -> str:
    if duplicate_of:
        return f"restates {duplicate_of}"
    return f"part of {part_of}" if part_of else ""


def _ident(ident: str) -> str:
    """An id in code type that may break after its dots, never inside a word."""
    return f"<code>{esc(ident).replace('.', '.<wbr>')}</code>"


def _data_table(table_id: str, columns: list[tuple[str, str]], rows: list[list[tuple[str, str]]]) -> str:
    """A sortable, searchable table; each cell is (html, sort key)."""
    head = "".join(f"<th data-col scope=col>{esc(label)}</th>" for label, _ in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='{cls}' data-sort='{esc(key)}'>{cell}</td>"
            for (cell, key), (_, cls) in zip(row, columns, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<p><label>Search <input class=filter type=search id={table_id}-q hidden "
        f"placeholder='words in any column'></label> <small id={table_id}-n>{len(rows)} rows</small></p>"
        f"<div class=scroll><table class=data id={table_id} data-filter={table_id}-q data-count={table_id}-n>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def data_page(metrics: pd.DataFrame, figures: pd.DataFrame, downloads: list[tuple[str, str]]) -> str:
    """Every curated metric with its quote, every cited figure with its citation; download links."""
    from aidlib.analysis.tables import value_text

    def t(text) -> tuple[str, str]:
        return esc(str(text)), str(text)

    m_rows = [
        [
            (_ident(r.metric_id), r.metric_id),
            t(r.theme),
            (f"{esc(r.label_en)}<br><small lang=zh>{esc(r.label_zh)}</small>", r.label_en),
            (esc(value_text(r.value, r.qualifier, r.unit_en)), repr(float(r.value))),
            t(r.period),
            (f"<span lang=zh>{esc(r.quote)}</span>", r.quote),
            t(_link_text(r.duplicate_of, r.part_of)),
        ]
        for r in metrics.itertuples(index=False)
    ]
    m_cols = [("id", "id"), ("theme", ""), ("label", ""), ("value", "v"), ("period", ""),
              ("quote (normalized source)", "quote"), ("restates / part of", "")]  # fmt: skip
    f_rows = [
        [
            (_ident(r.figure_id), r.figure_id),
            (f"{esc(r.description_en)}<br><small>{esc(' · '.join((r.subject, r.measure, r.basis)))}</small>",
             r.description_en),
            (f"<span lang=zh>{esc(r.stated)}</span>", r.stated),
            (esc(value_text(r.value, r.qualifier, _UNIT_EN.get(r.unit, r.unit))), repr(float(r.value))),
            t(r.period),
            (f"{esc(r.outlet)}, {esc(r.published)}, <a rel='external noopener' href='{esc(r.url)}'>link</a>",
             r.outlet),
            t(r.reliability),
        ]
        for r in figures.itertuples(index=False)
    ]  # fmt: skip
    f_cols = [("id", "id"), ("what", ""), ("as printed", ""), ("value", "v"), ("period", ""),
              ("citation", "quote"), ("grade", "")]  # fmt: skip
    files = "".join(
        f"<li><a href='{esc(path)}' download>{esc(path.rsplit('/', 1)[-1])}</a> — {esc(what)}</li>"
        for path, what in downloads
    )
    body = (
        "<h1>The data</h1>"
        "<p>Click a column heading to sort, type in the search box to filter. Values are in base units "
        "with their hedge: ≥ at least, ≤ at most, ≈ about.</p>"
        f"<h2 id=downloads>Downloads</h2><ul class=downloads>{files}</ul>"
        f"<h2 id=metrics>Curated metrics ({len(metrics)})</h2>"
        "<p>Every number stated in the report, with the sentence it comes from (the normalized text).</p>"
        f"{_data_table('metrics', m_cols, m_rows)}"
        f"<h2 id=figures>Cited figures ({len(figures)})</h2>"
        "<p>Published figures from outside the report, each with its outlet, date, page and reliability "
        "grade (A: the original page of a government or state outlet; B: a named outlet's piece reposted; "
        "C: unattributed, wiki or aggregator). The links lead to those pages on the web.</p>"
        f"{_data_table('figures', f_cols, f_rows)}"
    )
    return page("The data — aidlib report", body, script=True, here=DATA)
