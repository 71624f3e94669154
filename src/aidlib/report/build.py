"""The main job: execute every notebook and write the HTML report.

``aidlib report --out DIR`` (and ``make report``) checks ``data/`` first, then
executes every ``notebooks/NN_*.ipynb`` in a fresh kernel and writes, into DIR:

- ``index.html``: the key figures with their bounds and caveats, the figures in
  context (:mod:`aidlib.analysis.context`), one link per notebook with its question;
- ``NN_topic.html``: each notebook in reader view (code hidden, see
  :mod:`aidlib.report.site`), linking to the index, the previous and next page, and the
  executed notebook under ``notebooks/``;
- ``data.html``: every curated metric and cited figure, sortable and searchable,
  with ``data/`` (metrics.csv, cited_figures.tsv, datapackage.json and the files
  it lists) and ``aidlib-data.zip`` to download;
- per source, the clean text and its repairs; ``indicators.csv``, ``context.csv``.

The build is atomic: everything is written into a temporary folder beside DIR,
which replaces DIR only when every notebook succeeded. On a failure nothing in
DIR changes; the error is one line (notebook, cell, error) naming ``DIR.log``,
which holds the full traceback. Bad data stops the job before any notebook runs,
with the first line ``aidlib check`` would print.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from aidlib.data import paths
from aidlib.data.package import data_version, released_files
from aidlib.data.sources import read_raw, source_ids, source_record
from aidlib.report import site
from aidlib.text.normalizer import normalize

NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
# A file in every report folder: only a folder holding it (or an empty one) is ever replaced.
MARKER = ".aidlib-report"
# The figures on the index page, in reading order.
KEY_INDICATORS = (
    "share.itemized", "share.livelihood", "spend.per_household", "trade.base_jan_sep_2022",
    "investment.per_aid_yuan", "consumption.price_per_tonne", "employment.jobs_per_factory", "facts.distinct",
)  # fmt: skip
KEY_METRICS = (
    "funding.aid_total", "trade.value_jan_sep", "trade.growth_yoy", "investment.funds_received",
    "employment.satellite_factory_jobs", "agriculture.households_income",
)  # fmt: skip
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class ReportError(RuntimeError):
    """The report could not be written; the message is one line (notebook, cell, error, log)."""


def _first_line(source: str) -> str:
    return next((ln for ln in source.splitlines() if ln.strip()), "").strip()


def _failure_line(path: Path, nb, err, cell_index: int | None = None) -> str:
    """One line: the notebook, the failing cell's number and first line, the error."""
    if cell_index is None:  # the cell holding an error output
        cell_index = next(
            (
                i
                for i, c in enumerate(nb.cells)
                if any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            None,
        )
    where = ""
    if cell_index is not None:
        first = _first_line(nb.cells[cell_index].source)
        where = f" cell {cell_index + 1} ({first[:80] + '…' if len(first) > 80 else first})"
    name = getattr(err, "ename", None) or type(err).__name__
    value = str(getattr(err, "evalue", None) or ("" if hasattr(err, "ename") else err))
    what = f"{name}: {value.strip().splitlines()[0] if value.strip() else ''}".strip().rstrip(":")
    return f"{path.name}{where} failed: {what}"


class NotebookFailed(ReportError):
    """A notebook failed; ``details`` holds its full traceback for the log."""

    def __init__(self, line: str, details: str) -> None:
        super().__init__(line)
        self.details = details


def _execute(path: Path, workdir: Path, data: Path | None = None):
    """Execute one notebook in a fresh kernel (IPC transport: no TCP ports, no transport warning).

    ``data`` (absolute) is handed to the kernel as ``AIDLIB_DATA``, so the notebooks read the
    very folder the report checked, whatever their working folder.
    """
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    running: list[int] = []
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(workdir / f"kernel-{path.stem}"))
    client = NotebookClient(
        nb, km=km, timeout=300, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_execute=lambda cell, cell_index: running.append(cell_index),
    )  # fmt: skip
    try:
        env = {**os.environ, **({"AIDLIB_DATA": str(data)} if data else {})}
        client.execute(cleanup_kc=True, env=env)  # the client stops its channels and the kernel
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        line = _failure_line(path, nb, err, running[-1] if running else None)
        raise NotebookFailed(line, _ANSI.sub("", str(err))) from None
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    return nb


def run_notebooks(
    out: Path,
    notebooks: Path | None = None,
    progress: Callable[[str], None] = print,
    jobs: int | None = None,
    data: Path | None = None,
) -> list[site.Page]:
    """Execute each ``NN_*.ipynb`` in a fresh kernel and write its reader-view page into ``out``.

    Notebooks run ``jobs`` at a time (default: 2, or 1 on a one-core machine);
    the executed notebooks go to ``out/notebooks/``; each page links to its
    neighbours, the first back to the index and the last on to the data page.
    ``notebooks`` defaults to :func:`aidlib.data.paths.notebooks_dir`; ``data`` is the data
    folder the kernels read (default: their own lookup).

    Raises:
        ReportError: a cell failed; the one-line message names the first failing notebook (in
            order), the cell and the error (a :class:`NotebookFailed` whose ``details`` hold the
            traceback).
        FileNotFoundError: there are no notebooks.
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import nbformat

    notebooks = paths.notebooks_dir(notebooks)
    found = sorted(notebooks.glob(NOTEBOOK_GLOB))
    if not found:
        raise FileNotFoundError(f"no notebooks (NN_topic.ipynb) in {notebooks}")
    out = Path(out)
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    jobs = jobs or min(2, os.cpu_count() or 1)

    stop = threading.Event()  # after a failure, notebooks not yet started are skipped

    def run(numbered: tuple[int, Path]):
        i, path = numbered
        if stop.is_set():
            return None
        progress(f"[report] ({i}/{len(found)}) executing {path.name} ...")
        started = time.perf_counter()
        try:
            nb = _execute(path, Path(kernels), data)
        except NotebookFailed as err:
            stop.set()
            progress(f"[report] ({i}/{len(found)}) {path.name} FAILED")
            return err
        progress(f"[report] ({i}/{len(found)}) {path.name} done in {time.perf_counter() - started:.1f} s")
        return nb

    with tempfile.TemporaryDirectory(prefix="aidlib-kernels-") as kernels, ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(run, enumerate(found, start=1)))
    failed = next((r for r in results if isinstance(r, NotebookFailed)), None)
    if failed:
        raise failed
    pages = []
    for path, nb in zip(found, results, strict=True):
        nbformat.write(nb, out / "notebooks" / path.name)
        title, question = site.notebook_intro(nb)
        pages.append(site.Page(f"{path.stem}.html", f"notebooks/{path.name}", title or path.stem, question))
    for i, (nb, current) in enumerate(zip(results, pages, strict=True)):
        prev = pages[i - 1] if i > 0 else None
        next_ = pages[i + 1] if i + 1 < len(pages) else None
        (out / current.file).write_text(site.notebook_page(nb, current, prev, next_), encoding="utf-8")
    return pages


def _write_sources(out: Path, data: Path, progress: Callable[[str], None]) -> list[dict[str, str]]:
    records = []
    for source_id in source_ids(data):
        progress(f"[report] normalizing {source_id}")
        result = normalize(read_raw(source_id, data))
        (out / f"{source_id}.clean.txt").write_text(result.text, encoding="utf-8")
        with (out / f"{source_id}.repairs.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["kind", "raw_start", "raw_end", "before", "after"])
            for r in result.repairs:
                writer.writerow([r.kind, r.raw_start, r.raw_end, r.before, r.after])
        counts = ", ".join(f"{k} {v}" for k, v in result.counts().items())
        progress(f"[report] {source_id}: {len(result.text)} chars, repairs: {counts}")
        record = source_record(source_id, data)
        records.append({"id": source_id, "outlet": record["outlet"], "title": record["title"]})
    return records


def _write_data(out: Path, data: Path, release: str) -> list[tuple[str, str]]:
    """Copy the data package (what datapackage.json lists, and the raw sources) and zip it.

    Nothing else in the data folder is published. The zip's comment names the release.
    Returns the download links.
    """
    import zipfile

    files = released_files(data)
    for name in files:
        target = out / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / name, target)
    with zipfile.ZipFile(out / "aidlib-data.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = release.encode()
        for name in files:
            archive.write(out / "data" / name, f"data/{name}")
    return [
        ("data/metrics.csv", "the curated metrics, one row per statement, with its quote"),
        ("data/cited_figures.tsv", "the cited outside figures, with their citations"),
        ("data/datapackage.json", "the Frictionless Data Package describing every file and column"),
        ("aidlib-data.zip", "the whole data package (data/, raw source included) in one file"),
        ("indicators.csv", "the derived indicators, with formula, bounds and caveat"),
        ("context.csv", "the context indicators (the report's figures against cited figures)"),
    ]


def _replaceable(out: Path) -> bool:
    return not out.exists() or (out.is_dir() and ((out / MARKER).exists() or not any(out.iterdir())))


#: What ``aidlib report`` needs beyond the core install: the ``notebooks`` extra.
NOTEBOOK_MODULES = (
    "nbformat", "nbclient", "jupyter_client", "ipykernel",  # run the notebooks
    "fontTools", "brotli", "noto_cjk_sans_otc",  # cut and embed the Chinese font
)  # fmt: skip


def require_notebooks_extra() -> None:
    """Fail in one line, naming the extra to install, when the notebook runner is missing.

    Raises:
        ReportError: a module of :data:`NOTEBOOK_MODULES` is not installed.
    """
    import importlib.util

    missing = [name for name in NOTEBOOK_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise ReportError(
            f"the report runs notebooks and embeds a font, which needs {', '.join(missing)}: "
            "pip install 'aidlib[notebooks]'"
        )


def release_line(data: Path) -> str:
    """Name the package and data versions, e.g. ``aidlib 0.2.0 · data 0.2.0``."""
    from aidlib import __version__

    return f"aidlib {__version__} · data {data_version(data)}"


def write_report(
    out: Path,
    progress: Callable[[str], None] = print,
    notebooks: Path | None = None,
    data: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the whole report into ``out`` atomically; return the files written.

    ``data`` and ``notebooks`` default to :func:`aidlib.data.paths.data_dir` and
    :func:`~aidlib.data.paths.notebooks_dir` (the checkout's folders, else the copies shipped
    with the package); the data folder is resolved once, to an absolute path, and every
    notebook reads that one.

    Raises:
        aidlib.data.csvfile.DataError: data/ is invalid (nothing is written).
        ReportError: a notebook or a step failed, or ``out`` is a folder that is not a report;
            ``out`` is left as it was and ``<out>.log`` holds the traceback.
    """
    require_notebooks_extra()
    out = Path(out).absolute()
    if not out.name or out == Path.home():
        raise ReportError(f"--out {out} cannot be a report folder: give a folder of its own, e.g. reports")
    log = out.with_name(out.name + ".log")
    if not _replaceable(out):
        raise ReportError(f"{out} exists and is not an aidlib report (no {MARKER}); not replacing it")
    progress("[report] validating data/ (aidlib check) and computing indicators")
    from aidlib.analysis import context
    from aidlib.analysis.indicators import table
    from aidlib.data.figures import load_figures
    from aidlib.data.metrics import load_metrics

    data = paths.data_dir(data)
    notebooks = paths.notebooks_dir(notebooks)
    release = release_line(data)
    metrics = load_metrics(data)  # bad data stops the report before anything is written
    figures = load_figures(data)
    indicators = table(metrics)
    context_table = context.table(metrics, figures)
    site.RELEASE.set(release)

    lines: list[str] = []

    def note(message: str) -> None:
        lines.append(message)
        progress(message)

    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    build.chmod(0o777 & ~umask)  # mkdtemp makes it private; the report is an ordinary folder
    try:
        sources = _write_sources(build, data, note)
        indicators.to_csv(build / "indicators.csv", index=False, lineterminator="\n")
        context_table.to_csv(build / "context.csv", index=False, lineterminator="\n")
        downloads = _write_data(build, data, release)
        note(f"[report] {len(metrics)} metrics and {len(figures)} cited figures valid; data copied")
        pages = run_notebooks(build, notebooks, note, data=data)
        (build / site.DATA).write_text(site.data_page(metrics, figures, downloads), encoding="utf-8")
        index = site.index_page(
            pages, metrics, indicators, context_table, KEY_METRICS, KEY_INDICATORS, sources, figures
        )
        (build / site.INDEX).write_text(index, encoding="utf-8")
        size = site.embed_font(build)
        note(f"[report] Chinese font subset embedded in every page ({size // 1024} kB)")
        (build / MARKER).write_text("written by aidlib report; the folder is replaced on each run\n")
    except BaseException as err:
        shutil.rmtree(build, ignore_errors=True)
        if isinstance(err, KeyboardInterrupt | SystemExit):
            raise
        details = err.details if isinstance(err, NotebookFailed) else traceback.format_exc()
        log.write_text("\n".join(lines) + "\n\n" + details, encoding="utf-8")
        expected = isinstance(err, ReportError | OSError | ValueError | LookupError)
        line = str(err) if expected else f"unexpected {type(err).__name__}: {err}"
        line = line.strip().splitlines()[0] if line.strip() else type(err).__name__
        kept = f"{out.name}/ left as it was" if out.exists() else f"nothing written to {out.name}/"
        raise ReportError(f"{line} (traceback in {log}; {kept})") from None
    _swap(build, out)
    written = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MARKER)
    log.write_text("\n".join(lines) + f"\n[report] OK: {len(written)} files\n", encoding="utf-8")
    progress(f"[report] wrote {len(written)} files to {out}/ — open {out / site.INDEX}")
    return written


def _swap(build: Path, out: Path) -> None:
    """Put the finished ``build`` folder in place of ``out`` (two renames on one file system)."""
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
        out.replace(old / out.name)
        build.replace(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        build.replace(out)
