"""The report job on tiny synthetic notebooks, so it stays fast (the real report: test_report_site.py).

Covers the reader view (the three cell tags), navigation, the atomic build and
its one-line failures, the Makefile's help and the command's help.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from aidlib.cli import main
from aidlib.data.paths import PROJECT_ROOT
from aidlib.report import build as report
from aidlib.report import site
from aidlib.report.build import MARKER, ReportError, run_notebooks, write_report

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _notebook(folder: Path, name: str, heading: str, *code: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {heading}\n\n**Question.** What does {name} show?")]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in code]
    nb.metadata["kernelspec"] = KERNELSPEC
    folder.mkdir(exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


def _tiny(folder: Path) -> Path:
    _notebook(folder, "00_tiny", "00 · Tiny", "import aidlib\nprint(aidlib.parse_quantity('5.3亿元').value)")
    return _notebook(folder, "01_second", "01 · The *second* one", "secret_code = 6 * 7\nsecret_code")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- the reader view: no kernel needed ---------------------------------------------
def _executed_with_tags() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    table = {"text/html": "<table class='dataframe'><tr><td>TABLE</td></tr></table>", "text/plain": "TABLE"}
    image = {"image/png": PNG, "text/plain": "<Figure>"}

    def code(source, outputs, tags=()):
        cell = nbformat.v4.new_code_cell(source, outputs=outputs)
        if tags:
            cell.metadata["tags"] = list(tags)
        return cell

    nb.cells = [
        nbformat.v4.new_markdown_cell("# 03 · Tagged\n\nProse stays."),
        code("plain_code()", [nbformat.v4.new_output("execute_result", data=table, execution_count=1)]),
        code("assert check_only()", [nbformat.v4.new_output("stream", name="stdout", text="CHECKED")],
             ["remove-cell"]),
        code("chart_and_table()", [nbformat.v4.new_output("execute_result", data=table, execution_count=3),
                                   nbformat.v4.new_output("display_data", data=image),
                                   nbformat.v4.new_output("stream", name="stdout", text="NOISE")],
             ["remove-output"]),
        code("shown_code = 1", [], ["show-input"]),
        code("silent_code = 2", []),
    ]  # fmt: skip
    return nb


def test_reader_view_hides_code_and_applies_the_three_tags():
    html = site.notebook_html(_executed_with_tags())
    assert "Prose stays." in html
    assert "plain_code" not in html and "TABLE" in html  # code hidden, its table kept
    assert "check_only" not in html and "CHECKED" not in html  # remove-cell: gone entirely
    assert "chart_and_table" not in html and "NOISE" not in html  # remove-output: text and tables go ...
    assert html.count("TABLE") == 1 and f"data:image/png;base64,{PNG}" in html  # ... its image stays
    assert "shown_code" in html  # show-input
    assert "silent_code" not in html
    assert "In&nbsp;[" not in html and "In [" not in html  # no prompts


def test_reader_view_leaves_the_notebook_alone():
    nb = _executed_with_tags()
    before = nbformat.writes(nb)
    site.reader_view(nb)
    assert nbformat.writes(nb) == before


def test_page_is_self_contained():
    text = site.page("T", "<p>x</p>", script=True)
    assert "<style>" in text and "<script>" in text
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", text)


# ---- the whole job on tiny notebooks ---------------------------------------------------
def test_write_report(tmp_path, capfd):
    notebooks = _tiny(tmp_path / "nb")
    messages = []
    out = tmp_path / "out"
    written = write_report(out, progress=messages.append, notebooks=notebooks)
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"index.html", "00_tiny.html", "01_second.html", "data.html", "indicators.csv", "context.csv",
            "guangzhou_shufu_2023.clean.txt", "notebooks/00_tiny.ipynb", "data/metrics.csv",
            "data/datapackage.json", "data/indicators.csv", "aidlib-data.zip",
            "source-guangzhou_shufu_2023.html"} <= names  # fmt: skip
    assert "compare.html" not in names  # one source: nothing to compare
    assert (out / MARKER).exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "href='00_tiny.html'" in index and "What does 00_tiny show?" in index
    assert "href='source-guangzhou_shufu_2023.html'" in index  # every source has its page
    source = (out / "source-guangzhou_shufu_2023.html").read_text(encoding="utf-8")
    assert "≤\xa01,606 yuan per household" in source  # its derived figures carry their bounds, on one line
    assert "context.aid_to_gdp" in source and "not a share of GDP" in source  # in context, with caveat
    first = (out / "00_tiny.html").read_text(encoding="utf-8")
    second = (out / "01_second.html").read_text(encoding="utf-8")
    assert "530000000.0" in first and "import aidlib" not in first  # output shown, code hidden
    assert "<title>00 · Tiny — aidlib report</title>" in first
    assert "<title>01 · The second one — aidlib report</title>" in second
    assert "rel=prev href='index.html'" in first and "rel=next href='01_second.html'" in first
    assert "rel=prev href='00_tiny.html'" in second and "rel=next href='data.html'" in second
    assert "href='notebooks/01_second.ipynb'" in second and "secret_code" not in second
    assert any(m.startswith("[report] (1/2) executing 00_tiny.ipynb") for m in messages)
    kernels = capfd.readouterr()  # the kernels' own output (IPC transport: no TCP warning)
    assert "without encryption" not in kernels.err + kernels.out and "WARNING" not in kernels.err
    assert "[report] OK" in (tmp_path / "out.log").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp folder left
    assert oct((out).stat().st_mode & 0o777) != oct(0o700)  # an ordinary folder, not mkdtemp's


def test_failed_notebook_leaves_the_previous_report(tmp_path):
    notebooks = _notebook(tmp_path / "nb", "01_broken", "01 · OK for now", "1 + 1")
    out = tmp_path / "reports"
    write_report(out, progress=lambda _: None, notebooks=notebooks)
    before = _snapshot(out)
    failing = "\n# a comment first\nvalues = {}\nvalues['missing']"
    _notebook(notebooks, "01_broken", "01 · Broken", "x = 1", failing)
    with pytest.raises(ReportError) as caught:
        write_report(out, progress=lambda _: None, notebooks=notebooks)
    line = str(caught.value)
    log = tmp_path / "reports.log"
    assert "\n" not in line
    assert line == (
        f"01_broken.ipynb cell 3 (# a comment first) failed: KeyError: 'missing' "
        f"(traceback in {log}; reports/ left as it was)"
    )
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text or "KeyError" in text.split("\n", 1)[1]
    assert "values['missing']" in text and "\x1b[" not in text  # the cell, no colour codes
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nb", "reports", "reports.log"]


def test_cli_failure_is_one_line(tmp_path, monkeypatch, capsys):
    notebooks = _notebook(tmp_path / "nb", "00_broken", "00 · Broken", "raise ValueError('bad\\nworse')")
    assert main(["report", "--out", str(tmp_path / "r"), "--notebooks", str(notebooks)]) == 1
    err = [ln for ln in capsys.readouterr().err.splitlines() if not ln.startswith("[report]")]
    assert err == [
        f"aidlib report: 00_broken.ipynb cell 2 (raise ValueError('bad\\nworse')) failed: ValueError: bad "
        f"(traceback in {tmp_path / 'r.log'}; nothing written to r/)"
    ]
    assert not (tmp_path / "r").exists()


def test_bad_data_stops_before_anything_is_written(tmp_path, monkeypatch):
    import shutil

    from aidlib.data.csvfile import DataError

    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    raw = data / "raw" / "guangzhou_shufu_2023.txt"
    raw.write_bytes(raw.read_bytes().replace(b"5.3", b"5.4"))
    monkeypatch.setenv("AIDLIB_DATA", str(data))
    out = tmp_path / "reports"
    out.mkdir()
    (out / MARKER).write_text("")
    (out / "index.html").write_text("old")
    with pytest.raises(DataError, match="does not match"):
        write_report(out, progress=lambda _: None, notebooks=tmp_path)
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "reports"]


def test_refuses_to_replace_a_folder_that_is_not_a_report(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(ReportError, match="is not an aidlib report"):
        write_report(tmp_path, progress=lambda _: None, notebooks=tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_no_notebooks(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebooks"):
        run_notebooks(tmp_path, tmp_path)


# ---- help texts ---------------------------------------------------------------------
def test_report_help_says_it_executes_the_notebooks(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "every NN_*.ipynb) in fresh kernels" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["--help"])
    assert re.search(r"report\s+check the data, run the notebooks", capsys.readouterr().out)


def test_make_help_prints_real_defaults():
    done = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert "$(" not in done.stdout
    assert re.search(r"report\s.*reports/", done.stdout), done.stdout
    assert "REPORT_DIR=reports" in done.stdout and "PYTHON=python3" in done.stdout
    done = subprocess.run(
        ["make", "--no-print-directory", "help", "REPORT_DIR=out/x"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "REPORT_DIR=out/x" in done.stdout and "out/x/" in done.stdout


# ---- nothing written outside --out, nothing of the user's lost -----------------------------
def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))  # .building, .old


def test_one_data_folder_absolute_for_the_notebooks_and_exactly_the_package_published(tmp_path, monkeypatch):
    import json
    import shutil
    import zipfile

    shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "private-note.txt").write_text("not for publication")
    (tmp_path / "data" / "scratch").mkdir()
    (tmp_path / "data" / "scratch" / "draft.csv").write_text("metric_id\n")
    (tmp_path / "data" / ".sources.lock").write_text("")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIDLIB_DATA", "data")  # relative: the notebooks run from another folder
    notebooks = _notebook(
        tmp_path / "nb", "00_where", "00 · Where",
        "import os\nfrom aidlib.data.paths import data_dir\nprint('DATA=' + os.environ['AIDLIB_DATA'])\n"
        "print('FOUND=' + str(data_dir().resolve()))",
    )  # fmt: skip
    out = tmp_path / "out"
    write_report(out, progress=lambda _: None, notebooks=notebooks)
    executed = nbformat.read(out / "notebooks" / "00_where.ipynb", as_version=4)
    printed = executed.cells[1].outputs[0]["text"]
    assert f"DATA={tmp_path / 'data'}\n" in printed and f"FOUND={tmp_path / 'data'}\n" in printed
    package = json.loads((tmp_path / "data" / "datapackage.json").read_text(encoding="utf-8"))
    listed = {"datapackage.json", *(r["path"] for r in package["resources"]), "raw/guangzhou_shufu_2023.txt"}
    published = {p.relative_to(out / "data").as_posix() for p in (out / "data").rglob("*") if p.is_file()}
    assert published == listed
    with zipfile.ZipFile(out / "aidlib-data.zip") as z:
        assert {n.removeprefix("data/") for n in z.namelist() if not n.endswith("/")} == listed


def test_a_folder_created_at_out_during_the_build_is_kept(tmp_path):
    out = tmp_path / "reports"
    notebooks = _notebook(
        tmp_path / "nb", "00_intruder", "00 · Intruder",
        f"import pathlib\np = pathlib.Path({str(out)!r})\np.mkdir()\n(p / 'mine.txt').write_text('keep me')",
    )  # fmt: skip
    with pytest.raises(ReportError, match=r"appeared while the report was built and is not an aidlib report"):
        write_report(out, progress=lambda _: None, notebooks=notebooks)
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    assert (out / "mine.txt").read_text() == "keep me"
    assert _leftovers(tmp_path) == []  # no .building or .old folder left
    assert "Traceback" in (tmp_path / "reports.log").read_text(encoding="utf-8")


def test_swap_failure_leaves_out_as_it_was_with_a_log(tmp_path, monkeypatch):
    import errno

    notebooks = _notebook(tmp_path / "nb", "00_one", "00 · One", "1 + 1")
    out = tmp_path / "mnt"
    out.mkdir()  # an empty folder, standing for an empty mount point: rename refuses it
    real = Path.rename

    def busy(self, target):
        if Path(target) == out:
            raise OSError(errno.EBUSY, "Device or resource busy", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", busy)
    with pytest.raises(ReportError) as caught:
        write_report(out, progress=lambda _: None, notebooks=notebooks)
    line = str(caught.value)
    assert "Device or resource busy (a mount point? give a folder inside it as --out)" in line
    assert line.endswith(f"(traceback in {tmp_path / 'mnt.log'}; mnt/ left as it was)") and "\n" not in line
    assert list(out.iterdir()) == [] and _leftovers(tmp_path) == []


def test_a_log_path_that_is_a_folder_is_refused_before_anything_is_built(tmp_path):
    (tmp_path / "out.log").mkdir()
    with pytest.raises(ReportError, match=r"out.log is not a file; aidlib report writes its log there"):
        write_report(tmp_path / "out", progress=lambda _: None, notebooks=tmp_path / "none")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.log"]


def test_a_log_that_cannot_be_written_after_the_report_is_a_warning(tmp_path, monkeypatch):
    notebooks = _notebook(tmp_path / "nb", "00_one", "00 · One", "1 + 1")
    out = tmp_path / "out"
    real = report._write_log
    refused = lambda log, text: report._Saved(f"{log}: Read-only file system")  # noqa: E731
    monkeypatch.setattr(report, "_write_log", refused)
    messages: list[str] = []
    written = write_report(out, progress=messages.append, notebooks=notebooks)  # no exception: it is written
    assert written and (out / "index.html").is_file()
    assert f"[report] warning: no log written: {tmp_path / 'out.log'}: Read-only file system" in messages
    assert real  # the real writer is atomic (below)


def test_write_log_is_atomic_and_says_why_not(tmp_path):
    log = tmp_path / "x.log"
    assert report._write_log(log, "one") and log.read_text() == "one"
    saved = report._write_log(tmp_path / "none" / "x.log", "two")
    assert not saved and "No such file or directory" in saved.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.log"]


@pytest.mark.parametrize("out", ["", "  ", "/"])
def test_out_must_be_a_folder_of_its_own(out):
    with pytest.raises(ReportError, match="--out"):
        report._out_folder(out)


def test_out_is_checked_without_a_home_folder(tmp_path, monkeypatch):
    def home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(home))
    assert report._out_folder(tmp_path / "r") == tmp_path / "r"


def test_source_outputs_stay_inside_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "source_ids", lambda data=None: ["../escaped"])  # were ids ever unchecked
    monkeypatch.setattr(report, "read_raw", lambda source_id, data=None: "投入5万元")
    with pytest.raises(ValueError, match=r"'../escaped.clean.txt' is not a path inside"):
        report._write_sources(tmp_path / "out", PROJECT_ROOT / "data", lambda _: None)
    assert not (tmp_path / "escaped.clean.txt").exists()


def test_report_stops_on_what_check_refuses(tmp_path, monkeypatch):
    import shutil

    from aidlib.data.csvfile import DataError

    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    for name in ("sources.csv", "metrics.csv"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace("guangzhou_shufu_2023,", '"../../x",'),
                        encoding="utf-8")  # fmt: skip
    with pytest.raises(DataError, match=r"'../../x' is not an id"):
        write_report(tmp_path / "out", progress=lambda _: None, notebooks=tmp_path, data=data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    exclusions = data / "exclusions.csv"  # the report checks the exclusions as check does
    shutil.copy(PROJECT_ROOT / "data" / "sources.csv", data / "sources.csv")
    shutil.copy(PROJECT_ROOT / "data" / "metrics.csv", data / "metrics.csv")
    exclusions.write_text("source_id,quote,reason\nguangzhou_shufu_2023,不在原文,x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"exclusions.csv:2: column quote: '不在原文' not found"):
        write_report(tmp_path / "out", progress=lambda _: None, notebooks=tmp_path, data=data)


def test_sigterm_stops_the_kernels_and_leaves_nothing_half_built(tmp_path):
    import signal
    import sys
    import time

    notebooks = _notebook(tmp_path / "nb", "00_sleep", "00 · Sleep", "import time\ntime.sleep(600)")
    command = [sys.executable, "-m", "aidlib.cli", "report", "--out", str(tmp_path / "out"),
               "--notebooks", str(notebooks)]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in proc.stderr:  # wait until the notebook runs
        lines.append(line)
        if "executing 00_sleep.ipynb" in line:
            break
    time.sleep(3)  # the kernel is in its 600 s cell
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(timeout=300) == 130  # long before the cell would have ended: it was interrupted
    assert rest.strip().splitlines()[-1] == "aidlib report: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nb"]  # no .building folder, no out/
