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
            "data/datapackage.json", "aidlib-data.zip"} <= names  # fmt: skip
    assert (out / MARKER).exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "href='00_tiny.html'" in index and "What does 00_tiny show?" in index
    assert "≤ 1,606 yuan per household" in index  # key figures carry their bounds
    assert "context.aid_to_gdp" in index and "not a share of GDP" in index  # in context, with caveat
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
    assert "execute every notebooks/NN_*.ipynb" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["--help"])
    assert re.search(r"report\s+check data/, execute every notebook", capsys.readouterr().out)


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
