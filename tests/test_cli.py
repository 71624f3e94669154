"""The aidlib command line, run in-process."""

from __future__ import annotations

import pytest

from aidlib.cli import main
from aidlib.data.paths import PROJECT_ROOT

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


def test_missing_file_is_one_line_error(capsys):
    assert main(["normalize", "nope.txt"]) == 1
    assert capsys.readouterr().err == "aidlib normalize: nope.txt: no such file\n"


def test_non_utf8_file(tmp_path, capsys):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("當地".encode("gbk"))
    assert main(["normalize", str(bad)]) == 1
    assert capsys.readouterr().err == f"aidlib normalize: {bad}: not UTF-8 (byte 0)\n"


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
        header = "source,value,high,unit,unit_en,qualifier,ratio,damaged,text,context,start,end"
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
        (None, ["normalize", "{tmp}/none.txt"], r"^aidlib normalize: .*none.txt: no such file$"),
        (None, ["normalize", "{tmp}"], r"^aidlib normalize: .*: is a directory, expected a text file$"),
        ("gbk", ["extract", "{tmp}/gbk.txt"], r"^aidlib extract: .*gbk.txt: not UTF-8 \(byte 0\)$"),
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
    import aidlib.text.normalizer

    def boom(_):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(aidlib.text.normalizer, "normalize", boom)
    assert main(["normalize", RAW]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        "aidlib normalize: unexpected ZeroDivisionError: division by zero"
        " (set AIDLIB_DEBUG=1 for the traceback)"
    )


def test_failing_notebook_is_one_line(tmp_path):
    import nbformat

    from aidlib.report.build import ReportError, run_notebooks

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("# compute\n1 / 0")]
    nbformat.write(nb, tmp_path / "00_broken.ipynb")
    with pytest.raises(
        ReportError,
        match=r"^00_broken.ipynb cell 2 \(# compute\) failed: ZeroDivisionError: division by zero$",
    ):
        run_notebooks(tmp_path / "out", tmp_path, progress=lambda _: None)


# ---- the command line reads well -------------------------------------------------
SUBCOMMANDS = ("normalize", "extract", "init", "add-source", "draft", "check", "report")


def test_every_subcommand_has_a_one_line_summary(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_subcommand_help_describes_and_shows_defaults(name, capsys):
    with pytest.raises(SystemExit):
        main([name, "--help"])
    out = capsys.readouterr().out
    description = out.split("\n\n")[1]
    assert description.strip() and description.strip()[0].isupper()
    if name == "extract":
        assert "(default: 12)" in out and "(default: csv)" in out
    if name == "report":
        assert "execute the study's notebooks" in out and "(default: reports)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", RAW, "--context", "-1"], r"argument --context: -1 is too small: give 0 or more"),
        (["extract", RAW, "--context", "many"], r"argument --context: 'many' is not a whole number"),
        (["extract", RAW, "--jobs", "0"], r"argument --jobs: 0 is too small: give 1 or more worker"),
        (["bogus"], r"argument COMMAND: invalid choice: 'bogus'"),
    ],
)
def test_bad_command_lines_are_one_line(args, message, capsys):
    import re

    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and re.search(message, err[0]) and err[0].endswith("--help)")


def test_extract_on_an_empty_file_says_it_found_nothing(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["extract", str(empty)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("source,value") and len(captured.out.splitlines()) == 1
    assert captured.err.strip() == "aidlib extract: no quantities found in 1 file(s)"


def test_normalize_output_ends_with_a_newline(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("落實(shí)", encoding="utf-8")
    assert main(["normalize", str(f)]) == 0
    assert capsys.readouterr().out == "落实\n"


def test_missing_data_folder_names_the_flag(tmp_path, capsys):
    assert main(["check", "--data", str(tmp_path / "none")]) == 1
    assert "give --data" in capsys.readouterr().err


# ---- one prefix, spreadsheet-safe CSV, one-line markdown, no empty paths --------------------
@pytest.mark.parametrize(
    ("command", "path", "message"),
    [
        ("normalize", "{tmp}/none.txt", "{tmp}/none.txt: no such file"),
        ("normalize", "{tmp}/fifo", "{tmp}/fifo: is not a regular file (a FIFO, socket or device); "
         "expected a file"),
        ("extract", "{tmp}/gbk.txt", "{tmp}/gbk.txt: not UTF-8 (byte 0)"),
        ("add-source", "{tmp}/gbk.txt", "{tmp}/gbk.txt: not UTF-8 (byte 0); convert the text to UTF-8 first"),
    ],
)
def test_input_file_errors_name_the_command(tmp_path, capsys, command, path, message):
    import os

    os.mkfifo(tmp_path / "fifo")  # never opened: reading would block
    (tmp_path / "gbk.txt").write_bytes("當地".encode("gbk"))
    args = [command, path.format(tmp=tmp_path)]
    if command == "add-source":
        args += ["--id", "x", "--outlet", "o", "--published", "2024", "--data", str(tmp_path)]
    assert main(args) == 1
    assert capsys.readouterr().err == f"aidlib {command}: {message.format(tmp=tmp_path)}\n"


def test_extract_csv_cells_never_run_as_formulas(tmp_path, capsys):
    import csv
    import io

    (tmp_path / "=cmd.txt").write_text("=投入5万元，产值下降3.2%，@10人", encoding="utf-8")
    assert main(["extract", str(tmp_path / "=cmd.txt"), "--format", "csv", "--context", "8"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    for row in rows:
        for col in ("source", "text", "context", "unit", "unit_en", "qualifier"):
            assert not row[col].startswith(("=", "+", "-", "@", "\t", "\r")), (col, row[col])
        float(row["value"]), int(row["start"])  # numbers stay numbers, even a negative value
    assert any(r["value"].startswith("-") for r in rows)  # -3.2 is a number, not neutralised text
    assert rows[0]["context"].startswith("'=投入") and rows[0]["source"].endswith("=cmd.txt")


def test_extract_markdown_keeps_each_row_on_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("投入\n5万元\r\n和3\u2028万元|x", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 2 and all(ln.startswith("| ") and ln.endswith(" |") for ln in lines[2:])
    assert "\\|x" in lines[-1]


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--out", ""],
        ["report", "--out", " "],
        ["report", "--data", ""],
        ["check", "--data", ""],
        ["draft", "x", "--out", ""],
        ["init", ""],
        ["add-source", "f", "--id", "x", "--outlet", "o", "--published", "2024", "--data", ""],
    ],
)
def test_empty_paths_are_refused(args, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is empty: give" in err[0]
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_add_source_language_is_checked_on_the_command_line(tmp_path, capsys):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    assert main(["add-source", RAW, "--id", "x_2024", "--outlet", "o", "--published", "2024",
                 "--language", "../zh", "--data", str(data)]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        "aidlib add-source: --language '../zh' is not a BCP 47 language tag (e.g. zh, zh-Hans, en)\n"
    )


def test_a_datapackage_nested_too_deeply_is_one_line(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    (data / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000)
    for args in (["--version"], ["check", "--data", str(data)]):
        done = _run(args, env_data=data)
        assert "Traceback" not in done.stderr + done.stdout
        said = done.stderr + done.stdout
        assert "datapackage.json: cannot be read as JSON: maximum recursion depth" in said
