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

import contextlib
import csv
import errno
import os
import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from aidlib.data import paths
from aidlib.data.csvfile import DataError, path_inside, regular_file_problem, spreadsheet_safe
from aidlib.data.package import data_version
from aidlib.data.sources import read_raw, source_ids, source_record
from aidlib.report import site
from aidlib.text.normalizer import normalize

NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
#: The study's summary notebook: its reader view opens the index page (optional).
STUDY_NOTEBOOK = "index.ipynb"
# A file in every report folder: only a folder holding it (or an empty one) is ever replaced.
MARKER = ".aidlib-report"
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


class _Stopped(Exception):
    """The run was interrupted: no further cell is started."""


def _execute(path: Path, workdir: Path, env: dict[str, str] | None = None, stop=None, managers=None):
    """Execute one notebook in a fresh kernel (IPC transport: no TCP ports, no transport warning).

    ``env`` is the kernel's environment (default: this process's). Once ``stop`` (a
    :class:`threading.Event`) is set, no further cell starts; ``managers`` collects the kernel
    manager so that an interrupt can stop a running cell at once.
    """
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:  # not JSON, not a notebook, unreadable: name the file
        what = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        line = f"{path.name}: cannot be read as a notebook: {what}"
        raise NotebookFailed(line, traceback.format_exc()) from None
    running: list[int] = []
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(workdir / f"kernel-{path.stem}"))
    if managers is not None:
        managers.append(km)

    def before_cell(cell, cell_index) -> None:
        if stop is not None and stop.is_set():
            raise _Stopped(path.name)
        running.append(cell_index)

    client = NotebookClient(
        nb, km=km, timeout=300, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}}, on_cell_execute=before_cell,
    )  # fmt: skip
    try:  # the client stops its channels and the kernel it did not create
        client.execute(cleanup_kc=True, env=env or dict(os.environ))
    except _Stopped:
        raise NotebookFailed(f"{path.name}: interrupted", "interrupted") from None
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
    lacks: Callable[[object], list[str]] | None = None,
) -> list[site.Page]:
    """Execute each ``NN_*.ipynb`` (and the study's ``index.ipynb``) in a fresh kernel; write the pages.

    Notebooks run ``jobs`` at a time (default: 2, or 1 on a one-core machine);
    the executed notebooks go to ``out/notebooks/``; each page links to its
    neighbours, the first back to the index and the last on to the data page.
    ``notebooks`` defaults to :func:`aidlib.data.paths.notebooks_dir`. With ``data``,
    every kernel gets ``AIDLIB_DATA`` set to it (absolute): the notebooks read the folder
    the caller checked, never one found again from their own working folder.

    ``lacks(nb)`` says what the data lacks of a notebook's needs (:mod:`aidlib.report.needs`):
    a notebook that lacks something is skipped, with one progress line naming it. The
    study's ``index.ipynb``, when there is one, opens the index page: it comes first in the
    list, as a page whose file is the index and whose ``body`` is its reader view.

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
    study = notebooks / STUDY_NOTEBOOK
    if study.exists() or study.is_symlink():
        found.insert(0, study)
    if not found:
        raise FileNotFoundError(f"no notebooks (NN_topic.ipynb) in {notebooks}")
    for path in found:  # a FIFO would block the reader forever
        unusable = regular_file_problem(path)
        if unusable:
            raise ReportError(f"{path}: {unusable}")
    if lacks is not None:
        found = [path for path in found if _runnable(path, lacks, progress)]
    out = Path(out)
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    jobs = jobs or min(2, os.cpu_count() or 1)
    env = dict(os.environ)
    if data is not None:
        env["AIDLIB_DATA"] = str(Path(data).absolute())

    stop = threading.Event()  # after a failure, notebooks not yet started are skipped

    def run(numbered: tuple[int, Path]):
        i, path = numbered
        if stop.is_set():
            return None
        progress(f"[report] ({i}/{len(found)}) executing {path.name} ...")
        started = time.perf_counter()
        try:
            nb = _execute(path, Path(kernels), env, stop, managers)
        except NotebookFailed as err:
            stop.set()
            progress(f"[report] ({i}/{len(found)}) {path.name} FAILED")
            return err
        progress(f"[report] ({i}/{len(found)}) {path.name} done in {time.perf_counter() - started:.1f} s")
        return nb

    managers: list = []
    with tempfile.TemporaryDirectory(prefix="aidlib-kernels-") as kernels, ThreadPoolExecutor(jobs) as pool:
        try:
            results = list(pool.map(run, enumerate(found, start=1)))
        except BaseException:  # Ctrl-C or SIGTERM: interrupt the running cells; start no other
            stop.set()
            for km in managers:
                with contextlib.suppress(Exception):
                    km.interrupt_kernel()
            raise
    failed = next((r for r in results if isinstance(r, NotebookFailed)), None)
    if failed:
        raise failed
    pages, executed = [], []
    for path, nb in zip(found, results, strict=True):
        nbformat.write(nb, out / "notebooks" / path.name)
        title, question = site.notebook_intro(nb)
        if path.name == STUDY_NOTEBOOK:
            body = site.notebook_html(nb)
            study_page = site.Page(site.INDEX, f"notebooks/{path.name}", title, question, body)
            continue
        pages.append(site.Page(f"{path.stem}.html", f"notebooks/{path.name}", title or path.stem, question))
        executed.append(nb)
    for i, (nb, current) in enumerate(zip(executed, pages, strict=True)):
        prev = pages[i - 1] if i > 0 else None
        next_ = pages[i + 1] if i + 1 < len(pages) else None
        (out / current.file).write_text(site.notebook_page(nb, current, prev, next_), encoding="utf-8")
    return [study_page, *pages] if found and found[0].name == STUDY_NOTEBOOK else pages


def _runnable(path: Path, lacks: Callable[[object], list[str]], progress: Callable[[str], None]) -> bool:
    """Whether the data meets a notebook's needs; a notebook that lacks something is skipped, in one line."""
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # unreadable: running it names the problem in one line
        return True
    missing = lacks(nb)
    if missing:
        progress(f"[report] {path.name} skipped: the data lacks its {'; '.join(missing)}")
    return not missing


def _write_sources(out: Path, data: Path, progress: Callable[[str], None]) -> dict[str, dict[str, int]]:
    """Write each source's repaired text and its list of repairs; return the repairs counted by kind."""
    counts = {}
    for source_id in source_ids(data):  # ids are checked names; each path is proven inside out too
        progress(f"[report] normalizing {source_id}")
        result = normalize(read_raw(source_id, data))
        path_inside(out, f"{source_id}.clean.txt").write_text(result.text, encoding="utf-8")
        with path_inside(out, f"{source_id}.repairs.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["kind", "raw_start", "raw_end", "before", "after"])
            for r in result.repairs:  # before/after are source text: never a spreadsheet formula
                writer.writerow([r.kind, r.raw_start, r.raw_end, spreadsheet_safe(r.before),
                                 spreadsheet_safe(r.after)])  # fmt: skip
        counts[source_id] = result.counts()
        shown = ", ".join(f"{k} {v}" for k, v in counts[source_id].items())
        progress(f"[report] {source_id}: {len(result.text)} chars, repairs: {shown}")
    return counts


def _write_data(out: Path, data: Path, files: list[str], release: str) -> list[tuple[str, str]]:
    """Copy the data package (exactly the files it lists, checked by check_data) and zip it.

    Nothing else in the data folder is published. The zip's comment names the release.
    Returns the download links.
    """
    import zipfile

    for rel in files:
        dest = path_inside(out / "data", rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path_inside(data, rel), dest)
    with zipfile.ZipFile(out / "aidlib-data.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = release.encode()
        for rel in files:
            archive.write(out / "data" / rel, f"data/{rel}")
    return [
        ("data/metrics.csv", "the curated metrics, one row per statement, with its quote"),
        ("data/cited_figures.tsv", "the cited outside figures, with their citations"),
        ("data/datapackage.json", "the Frictionless Data Package describing every file and column"),
        ("aidlib-data.zip", "the whole data package in one file, the raw source text included"),
        ("indicators.csv", "the derived indicators, with formula, bounds and caveat"),
        ("context.csv", "the context indicators (the report's figures against cited figures)"),
    ]


def _safe_csv(frame, path: Path) -> None:
    """Write a table as CSV, its text cells neutralised for spreadsheets, numbers left numbers."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(spreadsheet_safe)
    frame.to_csv(path, index=False, lineterminator="\n")


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


def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, KeyError):  # no HOME and a uid without a passwd entry (docker run --user)
        return None


def _out_folder(out: str | os.PathLike[str]) -> Path:
    """The report folder as an absolute path, refusing ``""``, ``/`` and the home folder."""
    if not os.fspath(out).strip():
        raise ReportError("--out is empty: give a folder of its own, e.g. reports")
    path = Path(os.path.abspath(out))  # noqa: PTH100 - lexical: resolve() would follow a symlinked out
    if not path.name or path == _home():
        raise ReportError(f"--out {path} cannot be a report folder: give a folder of its own, e.g. reports")
    return path


def _is_report(path: Path) -> bool:
    """A folder aidlib may replace: an aidlib report (it holds :data:`MARKER`) or an empty folder."""
    if path.is_symlink() or not path.is_dir():
        return False
    return (path / MARKER).is_file() or not any(path.iterdir())


def write_report(
    out: Path,
    progress: Callable[[str], None] = print,
    notebooks: Path | None = None,
    data: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the whole report into ``out`` atomically; return the files written.

    ``data`` and ``notebooks`` default to :func:`aidlib.data.paths.data_dir` and
    :func:`~aidlib.data.paths.notebooks_dir` (the checkout's folders, else the copies shipped
    with the package). The data folder is resolved once, to an absolute path, checked as
    ``aidlib check`` checks it, and handed to every notebook's kernel as ``AIDLIB_DATA``.

    Raises:
        aidlib.data.csvfile.DataError: the data fail :func:`aidlib.data.check.check_data` (nothing
            is written).
        ReportError: a notebook or a step failed, or ``out`` is a folder that is not a report;
            ``out`` is left as it was and ``<out>.log`` holds the traceback.
    """
    from aidlib.data.check import check_data

    require_notebooks_extra()
    out = _out_folder(out)
    log = out.with_name(out.name + ".log")
    if log.is_symlink() or (log.exists() and not log.is_file()):
        raise ReportError(f"{log} is not a file; aidlib report writes its log there: move it away")
    if out.exists() and not _is_report(out):
        raise ReportError(f"{out} exists and is not an aidlib report (no {MARKER}); not replacing it")
    folder = paths.data_dir(data)  # once, absolute: the notebooks get this very folder
    progress(f"[report] validating {folder} (aidlib check) and computing indicators")
    checked = check_data(folder)
    if not checked.ok:  # bad data stops the report before anything is written
        raise DataError(checked.problems)
    notebooks = paths.notebooks_dir(notebooks)
    from aidlib.analysis.indicators import compute, to_frame
    from aidlib.data.package import descriptor
    from aidlib.report import needs, source_pages

    metrics, figures = checked.frames()
    computed = compute(metrics, figures, data=folder)
    indicators = to_frame([i for i in computed if not i.cited])
    context_table = to_frame([i for i in computed if i.cited])
    both = to_frame(computed)
    records = [source_record(sid, folder) for sid in source_ids(folder)]
    title = str(descriptor(folder).get("title") or "aidlib report")
    release = release_line(folder)
    site.RELEASE.set(release)

    def lacks(nb) -> list[str]:
        try:
            wanted = needs.read(nb)
        except ValueError as err:
            raise ReportError(str(err)) from None
        return needs.lacking(wanted, [r["source_id"] for r in records], metrics, both, figures)

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
        repairs = _write_sources(build, folder, note)
        _safe_csv(indicators, build / "indicators.csv")
        _safe_csv(context_table, build / "context.csv")
        downloads = _write_data(build, folder, checked.published, release)
        note(f"[report] {len(metrics)} metrics of {len(records)} source(s) and {len(figures)} cited figures "
             "valid; data copied")  # fmt: skip
        pages = run_notebooks(build, notebooks, note, data=folder, lacks=lacks)
        names = source_pages.source_names(records)
        counts = metrics["source_id"].value_counts().to_dict()
        for record in records:  # every source gets its page, from its data alone
            sid = record["source_id"]
            body = source_pages.source_body(
                record, metrics[metrics["source_id"] == sid], indicators[indicators["source_id"] == sid],
                context_table[context_table["source_id"] == sid], repairs[sid], names[sid],
            )  # fmt: skip
            page = site.page(f"{names[sid]} — {title}", body)
            path_inside(build, source_pages.source_file(sid)).write_text(page, encoding="utf-8")
        compared = len(records) > 1
        if compared:
            body = source_pages.compare_body(records, metrics, both)
            compare = site.page(f"The sources compared — {title}", body)
            (build / site.COMPARE).write_text(compare, encoding="utf-8")
        (build / site.DATA).write_text(site.data_page(metrics, figures, downloads, names), encoding="utf-8")
        index = site.index_page(pages, records, title, compared, counts, names)
        (build / site.INDEX).write_text(index, encoding="utf-8")
        size = site.embed_font(build)
        note(f"[report] Chinese font subset embedded in every page ({size // 1024} kB)")
        (build / MARKER).write_text("written by aidlib report; the folder is replaced on each run\n")
        _swap(build, out)
    except BaseException as err:
        shutil.rmtree(build, ignore_errors=True)
        if isinstance(err, KeyboardInterrupt | SystemExit):
            raise
        details = err.details if isinstance(err, NotebookFailed) else traceback.format_exc()
        expected = isinstance(err, ReportError | OSError | ValueError | LookupError)
        line = str(err) if expected else f"unexpected {type(err).__name__}: {err}"
        if isinstance(err, OSError) and err.strerror:
            line = f"{err.filename or out}: {err.strerror}"
            if err.errno in (errno.EBUSY, errno.EXDEV):
                line += " (a mount point? give a folder inside it as --out)"
        line = line.strip().splitlines()[0] if line.strip() else type(err).__name__
        kept = f"{out.name}/ left as it was" if out.exists() else f"nothing written to {out.name}/"
        saved = _write_log(log, "\n".join(lines) + "\n\n" + details)
        where = f"traceback in {log}" if saved else f"no log: {saved.reason}"
        raise ReportError(f"{line} ({where}; {kept})") from None
    written = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MARKER)
    saved = _write_log(log, "\n".join(lines) + f"\n[report] OK: {len(written)} files\n")
    if not saved:  # the report is written: a log that cannot be is a warning, not a failure
        progress(f"[report] warning: no log written: {saved.reason}")
    progress(f"[report] wrote {len(written)} files to {out}/ — open {out / site.INDEX}")
    return written


class _Saved:
    def __init__(self, reason: str = "") -> None:
        self.reason = reason

    def __bool__(self) -> bool:
        return not self.reason


def _write_log(log: Path, text: str) -> _Saved:
    """Write the log (atomically: a reader never sees half of it); say why not when it cannot be."""
    from aidlib.storage import write_atomic

    try:
        write_atomic(log, text.encode("utf-8"))
    except OSError as err:
        return _Saved(f"{log}: {err.strerror or err}")
    return _Saved()


def _swap(build: Path, out: Path) -> None:
    """Put the finished ``build`` folder in place of ``out``, by renames on one file system.

    ``out`` is judged again at the moment of the swap, on the very folder being
    replaced: it is first renamed aside, and if what was moved is not a report (a
    folder someone created while the report was built), it is put back and the swap
    refused. Nothing aidlib did not make is ever deleted.

    Raises:
        ReportError: a folder that is not a report appeared at ``out``.
        OSError: a rename failed (``out`` is a mount point, say); ``out`` is as it was.
    """
    try:
        build.rename(out)  # out absent, or an empty folder, which rename replaces atomically
        return
    except OSError as err:
        if err.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR):
            raise
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    moved = old / out.name
    try:
        out.rename(moved)
    except OSError:
        old.rmdir()
        raise
    if not _is_report(moved):
        _put_back(moved, out)
        raise ReportError(f"{out} appeared while the report was built and is not an aidlib report; "
                          "not replacing it")  # fmt: skip
    try:
        build.rename(out)
    except OSError:
        _put_back(moved, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _put_back(moved: Path, out: Path) -> None:
    """Rename ``moved`` back to ``out``; if something took its place meanwhile, say where it is kept."""
    try:
        moved.rename(out)
    except OSError as err:
        raise ReportError(f"{out} changed while the report replaced it: the folder that was there is "
                          f"kept, unchanged, at {moved} ({err.strerror})") from None  # fmt: skip
    moved.parent.rmdir()
