"""The main job: execute every notebook and write the HTML report with its index page.

``aidlib report --out DIR`` (and ``make report``) writes, into DIR:

- ``index.html``: the key figures, each with its bound and caveat, and one link
  per notebook with the question it answers;
- ``NN_topic.html``: each notebook, freshly executed (the committed notebooks are
  not touched);
- per source, the clean text and the list of repairs; ``indicators.csv``.
"""

from __future__ import annotations

import csv
import html
import time
from collections.abc import Callable
from pathlib import Path

from aidlib.paths import PROJECT_ROOT
from aidlib.sources import read_raw, source_ids, source_record
from aidlib.text import normalize

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
# The figures on the index page, in reading order.
KEY_INDICATORS = (
    "share.itemized", "share.livelihood", "spend.per_household", "trade.base_jan_sep_2022",
    "investment.per_aid_yuan", "consumption.price_per_tonne", "employment.jobs_per_factory", "facts.distinct",
)  # fmt: skip
KEY_METRICS = (
    "funding.aid_total", "trade.value_jan_sep", "trade.growth_yoy", "investment.funds_received",
    "employment.satellite_factory_jobs", "agriculture.households_income",
)  # fmt: skip

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;
padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f8}
td.v{white-space:nowrap;font-variant-numeric:tabular-nums}small{color:#666}
"""


def _notebook_intro(nb) -> tuple[str, str]:
    """The notebook's title (first heading) and question (its bold **Question.** line)."""
    title, question = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if not title and line.startswith("# "):
                title = line[2:].strip()
        if "**Question.**" in cell.source:
            tail = cell.source.split("**Question.**", 1)[1]
            question = " ".join(tail.split("\n\n", 1)[0].split())
        if title and question:
            break
    return title, question


class ReportError(RuntimeError):
    """A notebook failed while the report was written; the message is one line naming it."""


def _failure_line(path: Path, nb, err) -> str:
    """One line: the notebook, the failing cell's number and first line, the error."""
    failed = next(
        (
            (i, c)
            for i, c in enumerate(nb.cells, start=1)
            if c.cell_type == "code" and any(o.get("output_type") == "error" for o in c.get("outputs", []))
        ),
        None,
    )
    where = ""
    if failed:
        first = next((ln for ln in failed[1].source.splitlines() if ln.strip()), "").strip()
        where = f" cell {failed[0]} ({first[:80]})"
    what = f"{getattr(err, 'ename', type(err).__name__)}: {getattr(err, 'evalue', '')}".strip().rstrip(":")
    return f"{path.name}{where} failed: {what.splitlines()[0] if what else ''}"


def run_notebooks(
    out: Path, notebooks: Path = NOTEBOOKS_DIR, progress: Callable[[str], None] = print
) -> list[dict[str, str]]:
    """Execute each ``NN_*.ipynb`` in a fresh kernel and export it to HTML in ``out``.

    Raises:
        ReportError: a cell failed; the one-line message names the notebook, the cell and the error.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    paths = sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"no notebooks (NN_topic.ipynb) in {notebooks}")
    exporter = HTMLExporter(template_name="lab")
    pages = []
    for i, path in enumerate(paths, start=1):
        progress(f"[report] ({i}/{len(paths)}) executing {path.name} ...")
        started = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, timeout=300, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )  # fmt: skip
        try:
            client.execute()
        except CellExecutionError as err:
            raise ReportError(_failure_line(path, nb, err)) from None
        body, _ = exporter.from_notebook_node(nb)
        page = out / f"{path.stem}.html"
        page.write_text(body, encoding="utf-8")
        title, question = _notebook_intro(nb)
        progress(f"[report] ({i}/{len(paths)}) {path.name} done in {time.perf_counter() - started:.1f} s")
        pages.append({"file": page.name, "title": title or path.stem, "question": question})
    return pages


def _index_html(pages: list[dict[str, str]], metrics, indicators) -> str:
    from aidlib.tables import metric_view

    esc = html.escape

    def row(label: str, value: str, note: str, ident: str) -> str:
        return (
            f"<tr><td>{esc(label)}</td><td class=v>{esc(value)}</td>"
            f"<td><small>{esc(note)} <code>{esc(ident)}</code></small></td></tr>"
        )

    rows = [
        row(m.label, m.shown, f"stated in the report ({m.period});", m.metric_id)
        for m in metric_view(metrics, ids=KEY_METRICS).itertuples()
    ]
    ind = indicators.set_index("indicator_id")
    rows += [
        row(ind.loc[i, "label"], ind.loc[i, "text_en"], f"derived: {ind.loc[i, 'caveat']}", i)
        for i in KEY_INDICATORS
    ]
    links = "".join(
        f"<li><a href='{esc(p['file'])}'>{esc(p['title'])}</a><br><small>{esc(p['question'])}</small></li>"
        for p in pages
    )
    sources = "".join(
        f"<li>{esc(source_record(s)['outlet'])}: {esc(source_record(s)['title'])} — "
        f"<a href='{esc(s)}.clean.txt'>clean text</a>, <a href='{esc(s)}.repairs.csv'>repairs</a></li>"
        for s in source_ids()
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<title>aidlib: Guangzhou's counterpart aid to Shufu County, 2023</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>Guangzhou's counterpart aid to Shufu County, 2023</h1>"
        "<p>Every number below comes from one report, repaired and curated with its quote "
        "(<code>data/metrics.csv</code>), or is derived from those numbers with its formula and bounds "
        "(<code>aidlib.indicators</code>). ≥ means at least, ≤ at most.</p>"
        "<h2>Key figures</h2><table><tr><th>figure</th><th>value</th><th>note</th></tr>"
        f"{''.join(rows)}</table>"
        f"<h2>Notebooks</h2><ol>{links}</ol>"
        f"<h2>Sources</h2><ul>{sources}</ul>"
        "<p><small>Made by <code>make report</code> (aidlib report).</small></p></body></html>\n"
    )


def write_report(
    out: Path, progress: Callable[[str], None] = print, notebooks: Path = NOTEBOOKS_DIR
) -> list[Path]:
    """Write the whole report into ``out``; return the files written."""
    progress("[report] validating data/ (aidlib check) and computing indicators")
    from aidlib.indicators import table
    from aidlib.metrics import load_metrics

    metrics = load_metrics()  # bad data stops the report before anything is written
    indicators = table(metrics)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source_id in source_ids():
        progress(f"[report] normalizing {source_id}")
        result = normalize(read_raw(source_id))
        clean = out / f"{source_id}.clean.txt"
        clean.write_text(result.text, encoding="utf-8")
        repairs = out / f"{source_id}.repairs.csv"
        with repairs.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["kind", "raw_start", "raw_end", "before", "after"])
            for r in result.repairs:
                writer.writerow([r.kind, r.raw_start, r.raw_end, r.before, r.after])
        counts = ", ".join(f"{k} {v}" for k, v in result.counts().items())
        progress(f"[report] {source_id}: {len(result.text)} chars, repairs: {counts}")
        written += [clean, repairs]
    indicators_csv = out / "indicators.csv"
    indicators.to_csv(indicators_csv, index=False, lineterminator="\n")
    progress(f"[report] {len(metrics)} metrics valid; {indicators_csv.name} written")
    written.append(indicators_csv)
    pages = run_notebooks(out, notebooks, progress)
    written += [out / p["file"] for p in pages]
    index = out / "index.html"
    index.write_text(_index_html(pages, metrics, indicators), encoding="utf-8")
    written.append(index)
    progress(f"[report] wrote {len(written)} files to {out}/ — open {index}")
    return written
