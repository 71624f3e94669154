"""The aidlib command line, run in-process."""

from __future__ import annotations

import pytest

from aidlib.cli import main
from aidlib.paths import PROJECT_ROOT

RAW = str(PROJECT_ROOT / "data" / "raw" / "guangzhou_shufu_2023.txt")


def test_normalize_prints_clean_text(capsys):
    assert main(["normalize", RAW]) == 0
    out = capsys.readouterr().out
    assert out.startswith("珠水润天山，穗疏情谊深。") and "(shí)" not in out


def test_normalize_repairs_lists_every_kind(capsys):
    assert main(["normalize", RAW, "--repairs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind\traw_start\traw_end\tbefore\tafter"
    kinds = {line.split("\t")[0] for line in lines[1:]}
    assert kinds == {"gbk_shift", "html", "pinyin", "punctuation", "spacing", "t2s"}


def test_missing_file_is_one_line_error():
    with pytest.raises(SystemExit, match="aidlib: nope.txt: no such file"):
        main(["normalize", "nope.txt"])


def test_non_utf8_file(tmp_path):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("當地".encode("gbk"))
    with pytest.raises(SystemExit, match=r"gbk.txt: not UTF-8 \(byte 0\)"):
        main(["normalize", str(bad)])


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_extract_formats(capsys, fmt):
    assert main(["extract", RAW, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "5.3亿元" in out and "1700余人次" in out
    if fmt == "json":
        import json

        rows = json.loads(out)
        assert len(rows) == 74
        damaged = [r for r in rows if r["damaged"]]
        assert [r["text"] for r in damaged] == ["1700余人次"] and damaged[0]["value"] is None
    if fmt == "csv":
        header = "source,value,high,unit,unit_en,qualifier,damaged,text,context,start,end"
        assert out.splitlines()[0] == header


# ---- every failure: one line on stderr, non-zero exit, no traceback ---------------
def _run(args, env_data=None, cwd=None):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "AIDLIB_DEBUG"}
    if env_data is not None:
        env["AIDLIB_DATA"] = str(env_data)
    return subprocess.run(
        [sys.executable, "-m", "aidlib.cli", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


@pytest.fixture
def data_copy(tmp_path):
    import shutil

    dest = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", dest)
    return dest


def _metrics_folder(d):
    (d / "metrics.csv").unlink()
    (d / "metrics.csv").mkdir()


def _sources_gbk(d):
    p = d / "sources.csv"
    p.write_bytes(p.read_text(encoding="utf-8").encode("gb18030"))


def _raw_changed(d):
    p = d / "raw" / "guangzhou_shufu_2023.txt"
    p.write_bytes(p.read_bytes().replace(b"5.3", b"5.4"))


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["normalize", "{tmp}/none.txt"], r"^aidlib: .*none.txt: no such file$"),
        (None, ["normalize", "{tmp}"], r"^aidlib: .*: is a directory, expected a text file$"),
        ("gbk", ["extract", "{tmp}/gbk.txt"], r"^aidlib: .*gbk.txt: not UTF-8 \(byte 0\)$"),
        (None, ["check", "--data", "{tmp}/none"], r"^aidlib check: data folder .*none not found"),
        (_metrics_folder, ["check", "--data", "{data}"], r"metrics.csv: is a folder; expected a file"),
        (
            lambda d: (d / "sources.csv").unlink(),
            ["check", "--data", "{data}"],
            r"sources.csv: file not found",
        ),
        (_sources_gbk, ["check", "--data", "{data}"], r"sources.csv:2: not UTF-8"),
        (_raw_changed, ["check", "--data", "{data}"], r"sources.csv:2: column path: .*does not match"),
        # the report stops at the data check, with the check's line
        (_raw_changed, ["report", "--out", "{tmp}/out"], r"^aidlib report: .*does not match sources.csv"),
        (_metrics_folder, ["report", "--out", "{tmp}/out"], r"^aidlib report: .*metrics.csv: is a folder"),
    ],
)
def test_failure_is_one_line(tmp_path, data_copy, setup, args, message):
    import re

    if setup == "gbk":
        (tmp_path / "gbk.txt").write_bytes("當地".encode("gbk"))
    elif setup is not None:
        setup(data_copy)
    args = [a.format(tmp=tmp_path, data=data_copy) for a in args]
    done = _run(args, env_data=data_copy)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [ln for ln in done.stderr.strip().splitlines() if not ln.startswith("[report]")]  # progress
    if args[0] == "check":  # one line per problem, then the count
        assert lines[-1].startswith("aidlib check: ") and len(lines) <= 2, lines
    else:
        assert len(lines) == 1, lines
    assert re.search(message, lines[0]), lines


def test_unexpected_error_is_one_line_with_a_hint(monkeypatch, capsys):
    import aidlib.text

    def boom(_):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(aidlib.text, "normalize", boom)
    assert main(["normalize", RAW]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "aidlib normalize: unexpected ZeroDivisionError: division by zero"
        " (set AIDLIB_DEBUG=1 for the traceback)"
    )


def test_failing_notebook_is_one_line(tmp_path):
    import nbformat

    from aidlib.report import ReportError, run_notebooks

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("# compute\n1 / 0")]
    nbformat.write(nb, tmp_path / "00_broken.ipynb")
    with pytest.raises(
        ReportError,
        match=r"^00_broken.ipynb cell 2 \(# compute\) failed: ZeroDivisionError: division by zero$",
    ):
        run_notebooks(tmp_path / "out", tmp_path, progress=lambda _: None)
