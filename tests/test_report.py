"""The report job, on a tiny notebook so it stays fast (the real ones run under nbval)."""

from __future__ import annotations

import nbformat
import pytest

from aidlib.report import run_notebooks, write_report


def _tiny(folder):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 00 · Tiny\n\n**Question.** Does the report run?"),
        nbformat.v4.new_code_cell("import aidlib\nprint(aidlib.parse_quantity('5.3亿元').value)"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder.mkdir()
    nbformat.write(nb, folder / "00_tiny.ipynb")
    return folder


def test_write_report(tmp_path):
    notebooks = _tiny(tmp_path / "nb")
    messages = []
    written = write_report(tmp_path / "out", progress=messages.append, notebooks=notebooks)
    names = {p.name for p in written}
    assert {"index.html", "00_tiny.html", "indicators.csv", "guangzhou_shufu_2023.clean.txt"} <= names
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "href='00_tiny.html'" in index and "Does the report run?" in index
    assert "≤ 1,606 yuan per household" in index  # key figures carry their bounds
    assert "530000000.0" in (tmp_path / "out" / "00_tiny.html").read_text(encoding="utf-8")
    assert any(m.startswith("[report] (1/1) executing 00_tiny.ipynb") for m in messages)


def test_no_notebooks(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebooks"):
        run_notebooks(tmp_path, tmp_path)
