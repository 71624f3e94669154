"""The curator's workflow: add-source, draft (read back by aidlib check), parallel extract."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import shutil

import pytest

from aidlib.analysis.indicators import INF, Interval
from aidlib.cli import main
from aidlib.data.curate import (
    DuplicateTextWarning,
    add_source,
    draft_rows,
    guess_period,
    init_data,
    write_draft,
)
from aidlib.data.metrics import COLUMNS, load_metrics, validate
from aidlib.data.paths import PROJECT_ROOT
from aidlib.data.sources import SOURCE_COLUMNS, read_raw, read_sources, source_text
from aidlib.quantities.chinese import find_quantities

RAW = PROJECT_ROOT / "data" / "raw" / "guangzhou_shufu_2023.txt"
NEW_TEXT = (
    "示例报告。2024年1-6月，外贸进出口额同比下降3.2%，引进投资3至5万元，"
    "人数分别为100，200人。累计培训教师近千人，组织几百名学生参加活动。\n"
)


@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", dest)
    return dest


@pytest.fixture
def new_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(NEW_TEXT.encode("utf-8"))
    return path


def _add(new_file, data, **kw):
    args = {"outlet": "测试报", "published": "2024", "url": "https://example.org/a", **kw}
    return add_source(new_file, "demo_2024", data=data, **args)


# ---- init: a data folder from nothing ------------------------------------------------
TABLES = ("sources.csv", "metrics.csv", "exclusions.csv", "indicators.csv", "cited_figures.tsv",
          "subjects.csv", "references.csv")  # fmt: skip


def test_init_writes_an_empty_package_that_checks(tmp_path, capsys):
    from aidlib.data.schema import datapackage_resources

    folder = tmp_path / "mine"
    assert main(["init", str(folder), "--title", "Two reports on Shule"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"aidlib init: {folder}: an empty data package: datapackage.json, "
                      + ", ".join(TABLES) + ", raw/")  # fmt: skip
    assert out[1].startswith("aidlib init: next: aidlib add-source FILE --id ID")
    assert sorted(p.name for p in folder.iterdir()) == sorted(["datapackage.json", *TABLES, "raw"])
    assert list((folder / "raw").iterdir()) == []
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert (package["name"], package["title"]) == ("mine", "Two reports on Shule")
    assert package["version"] == "0.1.0"
    assert package["licenses"] == [] and package["resources"] == datapackage_resources()
    assert (folder / "metrics.csv").read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"
    assert (folder / "cited_figures.tsv").read_text(encoding="utf-8").startswith("figure_id\tsubject\t")
    assert main(["check", "--data", str(folder)]) == 0, capsys.readouterr().err
    assert "0 metrics of 0 source(s) OK" in capsys.readouterr().out


def test_frictionless_validates_an_initialised_folder(tmp_path):
    import shutil as sh
    import subprocess

    exe = sh.which("frictionless", path=str(PROJECT_ROOT / ".venv" / "bin")) or sh.which("frictionless")
    assert exe, "frictionless is a dev dependency"
    init_data(tmp_path / "mine")
    done = subprocess.run([exe, "validate", str(tmp_path / "mine" / "datapackage.json")],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:]


@pytest.mark.parametrize(
    ("folder", "name", "title"),
    [
        ("mine", "mine", "mine: every number of its reports, curated with aidlib"),
        ("Shule Reports 2024", "shule-reports-2024", None),  # spaces and capitals: a package name
        ("疏勒", "aidlib-data", None),  # nothing of the folder's name is allowed: a neutral name
    ],
)
def test_init_names_the_package_after_its_folder(tmp_path, folder, name, title):
    init_data(tmp_path / folder)
    package = json.loads((tmp_path / folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == name
    assert package["title"] == (title or f"{folder}: every number of its reports, curated with aidlib")


def test_init_fills_an_empty_folder_and_makes_missing_parents(tmp_path):
    (tmp_path / "empty").mkdir()
    assert init_data(tmp_path / "empty")[-1] == "raw/"
    init_data(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / "datapackage.json").is_file()


def test_init_refuses_a_folder_that_holds_anything(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / ".notes").write_text("mine", encoding="utf-8")  # even a hidden file
    with pytest.raises(FileExistsError, match=r"mine: exists and is not empty; aidlib init writes only"):
        init_data(folder)
    assert [p.name for p in folder.iterdir()] == [".notes"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"file: exists and is not a folder"):
        init_data(tmp_path / "file")
    assert main(["init", str(PROJECT_ROOT / "data")]) == 1  # the project's data: never touched
    err = capsys.readouterr().err.splitlines()
    assert err == [f"aidlib init: {PROJECT_ROOT / 'data'}: exists and is not empty; aidlib init writes only "
                   "into a new or empty folder (nothing is overwritten)"]  # fmt: skip


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"name": "My Data"}, r"--name 'My Data': a package name is lowercase letters"),
        ({"name": ""}, r"--name '': a package name"),
        ({"title": "  "}, r"--title is empty"),
    ],
)
def test_init_checks_name_and_title(tmp_path, kw, message):
    with pytest.raises(ValueError, match=message):
        init_data(tmp_path / "mine", **kw)
    assert not (tmp_path / "mine").exists()


def test_a_failed_init_leaves_nothing(tmp_path, monkeypatch):
    import pathlib

    real, calls = pathlib.Path.open, []

    def full_disk(self, mode="r", *args, **kw):
        if "x" in mode:
            calls.append(self.name)
            if len(calls) == 4:
                raise OSError(28, "No space left on device")
        return real(self, mode, *args, **kw)

    monkeypatch.setattr(pathlib.Path, "open", full_disk)
    with pytest.raises(OSError, match="No space left"):
        init_data(tmp_path / "mine")
    assert len(calls) == 4 and not (tmp_path / "mine").exists()
    (tmp_path / "empty").mkdir()
    calls.clear()
    with pytest.raises(OSError, match="No space left"):
        init_data(tmp_path / "empty")
    assert list((tmp_path / "empty").iterdir()) == []  # the folder was there before: it stays, empty


# ---- add-source ---------------------------------------------------------------------
def test_add_source_copies_bytes_and_records_checksum(new_file, data_copy):
    record = _add(new_file, data_copy)
    raw = data_copy / "raw" / "demo_2024.txt"
    assert raw.read_bytes() == new_file.read_bytes()
    assert record["sha256"] == hashlib.sha256(new_file.read_bytes()).hexdigest()
    records, problems, _ = read_sources(data_copy)
    assert problems == [] and set(records) == {"guangzhou_shufu_2023", "demo_2024"}
    assert {k: records["demo_2024"][k] for k in SOURCE_COLUMNS} == record
    assert record["url"] == "https://example.org/a" and record["period_covered"] == "2024"
    assert read_raw("demo_2024", data_copy) == NEW_TEXT  # checksum verified on read


def test_add_source_keeps_existing_rows_byte_for_byte(new_file, data_copy):
    before = (data_copy / "sources.csv").read_bytes()
    _add(new_file, data_copy)
    assert (data_copy / "sources.csv").read_bytes().startswith(before)


def test_add_source_refuses_an_existing_id(new_file, data_copy):
    _add(new_file, data_copy)
    before = (data_copy / "sources.csv").read_bytes()
    with pytest.raises(
        ValueError, match="'demo_2024' is already in .*sources.csv; sources are never overwritten"
    ):
        _add(new_file, data_copy)
    with pytest.raises(ValueError, match="'guangzhou_shufu_2023' is already in"):
        add_source(new_file, "guangzhou_shufu_2023", outlet="x", published="2024", data=data_copy)
    assert (data_copy / "sources.csv").read_bytes() == before


def test_add_source_warns_of_a_byte_identical_text(new_file, data_copy, tmp_path):
    _add(new_file, data_copy)
    copy = tmp_path / "same.txt"
    copy.write_bytes(new_file.read_bytes())
    with pytest.warns(DuplicateTextWarning, match=r"same.txt is byte for byte the text already recorded as "
                                                  r"'demo_2024' \(sha256 [0-9a-f]{12}…\); recorded as "
                                                  r"'demo_again' all the same"):  # fmt: skip
        add_source(copy, "demo_again", outlet="另一报", published="2024", data=data_copy)
    records, problems, _ = read_sources(data_copy)
    assert problems == [] and {"demo_2024", "demo_again"} <= set(records)  # a warning, not a refusal


def test_add_source_does_not_warn_of_a_text_that_differs_by_one_byte(new_file, data_copy, tmp_path):
    import warnings

    _add(new_file, data_copy)
    other = tmp_path / "other.txt"
    other.write_bytes(new_file.read_bytes() + b"\n")  # one more line break: another file
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        add_source(other, "demo_other", outlet="测试报", published="2024", data=data_copy)


def test_cli_add_source_prints_the_duplicate_warning_as_one_line(new_file, data_copy):
    base = ["--outlet", "测试报", "--published", "2024", "--data", str(data_copy)]
    assert _run(["add-source", str(new_file), "--id", "demo_2024", *base]).returncode == 0
    again = _run(["add-source", str(new_file), "--id", "demo_again", *base])
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines() == [
        f"aidlib add-source: warning: {new_file} is byte for byte the text already recorded as 'demo_2024' "
        f"(sha256 {hashlib.sha256(new_file.read_bytes()).hexdigest()[:12]}…); recorded as 'demo_again' "
        "all the same"
    ]
    assert again.stdout.startswith("aidlib add-source: demo_again: raw/demo_again.txt sha256 ")


def test_add_source_refuses_an_existing_raw_file(new_file, data_copy):
    (data_copy / "raw" / "demo_2024.txt").write_text("older", encoding="utf-8")
    before = (data_copy / "sources.csv").read_bytes()
    with pytest.raises(
        FileExistsError, match="demo_2024.txt already exists; raw sources are never overwritten"
    ):
        _add(new_file, data_copy)
    assert (data_copy / "raw" / "demo_2024.txt").read_text(encoding="utf-8") == "older"
    assert (data_copy / "sources.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"published": "2024-13"}, r"--published '2024-13' is not a date like 2023, 2023-11 or 2023-11-13"),
        ({"published": "2023-02-29"}, r"--published '2023-02-29' is not a date"),  # not a leap year
        ({"published": ""}, r"--published is empty"),
        ({"url": "www.example.org"}, r"--url 'www.example.org' is not an http\(s\) URL"),
        ({"outlet": " "}, r"--outlet is empty"),
        ({"period_covered": "soon"}, r"--period 'soon' is not a year"),
    ],
)
def test_add_source_checks_metadata(new_file, data_copy, kw, message):
    with pytest.raises(ValueError, match=message):
        _add(new_file, data_copy, **kw)
    assert not (data_copy / "raw" / "demo_2024.txt").exists()


@pytest.mark.parametrize(
    ("published", "covered"), [("2024", "2024"), ("2024-05", "2024"), ("2024-05-01", "2024")]
)
def test_add_source_takes_a_date_as_check_does(new_file, data_copy, published, covered):
    # one rule for sources.published: a date, as aidlib check and the descriptor read it
    record = _add(new_file, data_copy, published=published)
    assert (record["published"], record["period_covered"]) == (published, covered)
    from aidlib.data.sources import read_sources

    assert read_sources(data_copy)[1] == []


def test_add_source_refuses_bad_ids_and_files(tmp_path, data_copy):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("當地".encode("gbk"))
    with pytest.raises(ValueError, match=r"gbk.txt: not UTF-8 \(byte 0\)"):
        add_source(gbk, "x", outlet="o", published="2024", data=data_copy)
    with pytest.raises(FileNotFoundError, match="none.txt: no such file"):
        add_source(tmp_path / "none.txt", "x", outlet="o", published="2024", data=data_copy)
    with pytest.raises(ValueError, match="--id 'Bad Id'"):
        add_source(gbk, "Bad Id", outlet="o", published="2024", data=data_copy)


def _run(args):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "AIDLIB_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "aidlib.cli", *args], capture_output=True, text=True, env=env
    )


def test_cli_add_source_and_its_refusal_is_one_line(new_file, data_copy):
    args = ["add-source", str(new_file), "--id", "demo_2024", "--outlet", "测试报", "--published", "2024",
            "--data", str(data_copy)]  # fmt: skip
    done = _run(args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("aidlib add-source: demo_2024: raw/demo_2024.txt sha256 ")
    again = _run(args)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.strip().splitlines() == [
        f"aidlib add-source: --id 'demo_2024' is already in {data_copy / 'sources.csv'};"
        " sources are never overwritten"
    ]


# ---- draft ----------------------------------------------------------------------------
def _curated_spans(text):
    spans = []
    for r in load_metrics().itertuples():
        at = text.find(r.quote)
        q = find_quantities(r.quote)[0]
        spans.append((at + q.start, at + q.end, r, q.text))
    return spans


def test_draft_matches_the_curated_metrics():
    text = source_text("guangzhou_shufu_2023")
    spans = _curated_spans(text)
    drafts = draft_rows("guangzhou_shufu_2023")
    matched = 0
    for row, q in drafts:
        hits = [(r, number) for s, e, r, number in spans if s < q.end and q.start < e]
        assert hits, f"draft row {row['quote']!r} matches no curated row"
        r, number = hits[0]
        assert number in row["quote"]  # each draft quote contains the curated number
        same = (float(row["value"]), row["unit"], row["qualifier"]) == (r.value, r.unit, r.qualifier)
        matched += same
    share = matched / len(drafts)
    print(f"draft match: {matched}/{len(drafts)} = {share:.1%}")
    assert len(drafts) == 74 and share >= 0.95


def test_draft_rows_are_marked_and_unlabelled():
    rows = [row for row, _ in draft_rows("guangzhou_shufu_2023")]
    assert all(
        row["note"].startswith("DRAFT") and not row["label_en"] and not row["label_zh"] for row in rows
    )
    ids = [row["metric_id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert rows[0]["metric_id"] == "funding.aid_total" and rows[0]["period"] == "2023"  # a shared id
    damaged = [row for row in rows if "Damaged" in row["note"]]
    assert [row["value"] for row in damaged] == ["1700"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2023年累计投入5.3亿元", "2023"),  # a year in the clause wins
        ("今年累计培训1700余人次", "cumulative"),
        ("1-9月完成外贸进出口额11.83亿元", "2023-01/2023-09"),
        ("2022年1至6月，出口3亿元", "2022-01/2022-06"),
        ("去年，种植3万亩", "2023"),  # the default
    ],
)
def test_guess_period(text, period):
    q = find_quantities(text)[-1]
    assert guess_period(text, q.start, q.end, "2023") == period


def test_draft_is_read_back_by_check_once_labels_are_filled(new_file, data_copy, tmp_path, capsys):
    _add(new_file, data_copy)
    out = tmp_path / "draft.csv"
    assert main(["draft", "demo_2024", "--out", str(out), "--data", str(data_copy)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["value"], r["unit"], r["qualifier"], r["high"]) for r in rows] == [
        ("-3.2", "%", "exact", ""),
        ("30000", "元", "range", "50000"),
        ("100", "人", "exact", ""),
        ("200", "人", "exact", ""),
        ("1000", "人", "under", ""),  # 近1000人: at most (issue 16)
        ("200", "名", "range", "900"),
    ]
    assert rows[0]["period"] == "2024-01/2024-06" and rows[4]["period"] == "cumulative"
    assert "does not read back" in rows[2]["note"]  # a list member: the curator edits or drops it
    metrics = data_copy / "metrics.csv"
    original = metrics.read_text(encoding="utf-8")

    def write(kept):
        buf = io.StringIO()
        csv.DictWriter(buf, COLUMNS, lineterminator="\n").writerows(kept)
        metrics.write_text(original + buf.getvalue(), encoding="utf-8")

    kept = [r for r in rows if "does not read back" not in r["note"]]
    write(kept)  # labels still empty: check says so
    capsys.readouterr()
    assert main(["check", "--data", str(data_copy)]) == 1
    assert "label_en: is empty" in capsys.readouterr().err
    for r in kept:
        r["label_en"], r["label_zh"] = f"label of {r['metric_id']}", "标签"
    write(kept)
    assert main(["check", "--data", str(data_copy)]) == 0, capsys.readouterr().err
    m = load_metrics(data_copy).set_index("metric_id")
    trade, money = "trade.percent_demo_2024", "investment.yuan_demo_2024"  # ids of the source's own
    assert m.loc[trade, "value"] == -3.2
    assert (m.loc[money, "value"], m.loc[money, "high"]) == (30000, 50000)
    assert math.isnan(m.loc[trade, "high"])


def test_draft_never_overwrites(tmp_path):
    out = tmp_path / "d.csv"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(FileExistsError, match="d.csv already exists"):
        write_draft("guangzhou_shufu_2023", out)
    assert out.read_text(encoding="utf-8") == "keep"


def test_draft_unknown_source_is_one_line(capsys):
    assert main(["draft", "guangzhou_shufu_2032"]) == 1
    assert capsys.readouterr().err.strip() == (
        "aidlib draft: unknown source_id 'guangzhou_shufu_2032'; did you mean guangzhou_shufu_2023?"
    )


# ---- ranges and falls in the metrics and indicators -------------------------------------
@pytest.mark.parametrize(
    ("value", "qualifier", "high", "low_high"),
    [
        (-3, "exact", None, (-3, -3)),
        (-3, "over", None, (-INF, -3)),  # 下降超过3%
        (-3, "under", None, (-3, 0)),  # 下降不到3%
        (5, "range", 10, (5, 10)),
        (-10, "range", -5, (-10, -5)),
    ],
)
def test_interval_from_signed_and_range(value, qualifier, high, low_high):
    iv = Interval.from_qualifier(value, qualifier, high=high)
    assert (iv.low, iv.high) == low_high


def test_interval_range_needs_high():
    with pytest.raises(ValueError, match="a range needs its high end"):
        Interval.from_qualifier(5, "range")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"qualifier": "range"}, "column high: '' is not a number; a range needs its high end"),
        ({"high": "9"}, "column high: '9' given for qualifier 'exact'; only a range has a high end"),
        ({"label_zh": ""}, "column label_zh: is empty"),
    ],
)
def test_high_column_rules(data_copy, change, message):
    path = data_copy / "metrics.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[0].update(change)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    from aidlib.data.metrics import validate

    assert any(message in str(p) for p in validate(data_copy)), validate(data_copy)


# ---- extract: many files, in parallel, one table ------------------------------------------
@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(5):
        (folder / f"r{i}.txt").write_text(f"第{i}篇。投入{i + 1}万元，下降{i}.5%。\n", encoding="utf-8")
    return folder


def test_extract_folder_parallel_is_deterministic(corpus, capsys):
    assert main(["extract", str(corpus), "--jobs", "2", "--format", "json"]) == 0
    parallel = json.loads(capsys.readouterr().out)
    assert (
        main(["extract", *sorted(str(p) for p in corpus.iterdir()), "--jobs", "1", "--format", "json"]) == 0
    )
    serial = json.loads(capsys.readouterr().out)
    assert parallel == serial
    assert [r["source"].rsplit("/", 1)[-1] for r in parallel] == [f"r{i}.txt" for i in range(5) for _ in "ab"]
    assert [r["value"] for r in parallel[:4]] == [10000, -0.5, 20000, -1.5]


def test_extract_progress_only_when_asked(corpus, capsys):
    assert main(["extract", str(corpus), "--jobs", "2", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "extract 5/5 [" in err
    assert main(["extract", str(corpus), "--jobs", "2"]) == 0  # stderr is not a terminal here
    assert capsys.readouterr().err == ""


def test_extract_single_file_has_a_source_column(capsys):
    assert main(["extract", str(RAW)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "source,value,high,unit,unit_en,qualifier,ratio,damaged,text,context,start,end"
    assert len(lines) == 75 and lines[1].startswith(f"{RAW},530000000.0,,元")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "{tmp}/none"], r"^aidlib extract: .*none: no such file or folder$"),
        (["extract", "{tmp}/empty"], r"^aidlib extract: .*empty: folder holds no .txt file$"),
        (["extract", "{tmp}/gbk.txt", "{tmp}/ok.txt", "--jobs", "2"],
         r"^aidlib extract: .*gbk.txt: not UTF-8"),  # fmt: skip
        (["extract", "{tmp}/ok.txt", "--jobs", "0"], r"^aidlib extract: error: argument --jobs: 0 is too"),
        (["extract", "{tmp}/ok.txt", "--jobs", "-1"], r"^aidlib extract: error: argument --jobs: -1 is"),
    ],
)
def test_extract_failures_are_one_line(tmp_path, args, message):
    import re

    (tmp_path / "empty").mkdir()
    (tmp_path / "gbk.txt").write_bytes("當地".encode("gbk"))
    (tmp_path / "ok.txt").write_text("5人", encoding="utf-8")
    done = _run([a.format(tmp=tmp_path) for a in args])
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1 and re.search(message, lines[0]), done.stderr


def test_whole_draft_of_the_bundled_report_passes_check_with_labels(data_copy, tmp_path, capsys):
    out = tmp_path / "draft.csv"
    assert main(["draft", "guangzhou_shufu_2023", "--out", str(out), "--data", str(data_copy)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert not any("does not read back" in r["note"] for r in rows)
    for r in rows:
        r["label_en"], r["label_zh"] = "label", "标签"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (data_copy / "metrics.csv").write_text(buf.getvalue(), encoding="utf-8")
    assert validate(data_copy) == [] and len(load_metrics(data_copy)) == 74  # every drafted row passes
    capsys.readouterr()  # the indicators declared for this source read its own ids and parts: they say so
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"aidlib check: {len(err) - 1} problem(s)"
    where = re.escape(str(data_copy / "indicators.csv"))
    assert all(re.match(rf"{where}:\d+: column inputs: ", e) for e in err[:-1])  # the rows themselves pass
    assert any("'funding.projects_major' (spend.per_major_project)" in e for e in err)  # an id of its own
    # with no declarations of its own, the folder checks: the generic indicators ask for nothing
    (data_copy / "indicators.csv").write_text(",".join(
        ("indicator_id", "label_en", "label_zh", "operation", "inputs", "source_id", "requires", "caveat")
    ) + "\n", encoding="utf-8")  # fmt: skip
    assert main(["check", "--data", str(data_copy)]) == 0, capsys.readouterr().err


def test_the_draft_of_the_bundled_report_against_its_curation():
    # measured, not invented: what the draft proposes for the report that was curated by hand
    from aidlib.data.vocabulary import shared_metrics

    curated = load_metrics()
    drafts = [row for row, _ in draft_rows("guangzhou_shufu_2023")]
    assert len(drafts) == len(curated) == 74  # the rows match one for one, in text order
    pairs = list(zip(drafts, curated.itertuples(), strict=True))
    assert [d["period"] for d, _ in pairs] == list(curated["period"])  # 74 of 74
    assert [d["basis"] for d, _ in pairs] == list(curated["basis"])  # 74 of 74 (5 money bases)
    proposed = {d["metric_id"]: c.metric_id for d, c in pairs if d["metric_id"] in shared_metrics()}
    hand = {c.metric_id for c in curated.itertuples() if c.metric_id in shared_metrics()}
    assert hand <= set(proposed) and all(proposed[h] == h for h in hand)  # every shared id curated: 10 of 10
    assert {d: c for d, c in proposed.items() if d != c} == {
        "trade.value": "trade.value_jan_sep",  # the curator named the Jan–Sep figure apart
        "employment.jobs": "employment.cooperative_model_jobs",  # 带动3500名农民…实现就业: jobs, narrower
    }


# ---- nothing of the user's lost: concurrent curators, file modes, names --------------------
def test_concurrent_add_source_runs_lose_no_record(tmp_path, data_copy):
    import subprocess
    import sys

    n = 8
    for i in range(n):
        (tmp_path / f"r{i}.txt").write_text(f"报告{i}：投入{i + 1}万元。", encoding="utf-8")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "aidlib.cli", "add-source", str(tmp_path / f"r{i}.txt"),
             "--id", f"run_{i}", "--outlet", "测试报", "--published", "2024", "--data", str(data_copy)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for i in range(n)
    ]
    results = [(p.wait(), p.stderr.read()) for p in runs]
    assert all(code == 0 for code, _ in results), results
    records, problems, _ = read_sources(data_copy)
    assert problems == [] and {f"run_{i}" for i in range(n)} <= set(records)  # all 8 kept
    for i in range(n):
        assert read_raw(f"run_{i}", data_copy).startswith(f"报告{i}")
    assert sorted(p.name for p in data_copy.iterdir() if ".tmp" in p.name) == []  # no temporary left


def test_add_source_keeps_the_file_mode(new_file, data_copy):
    sources = data_copy / "sources.csv"
    sources.chmod(0o640)
    _add(new_file, data_copy)
    assert sources.stat().st_mode & 0o777 == 0o640


def test_add_source_refuses_a_read_only_sources_file(new_file, data_copy):
    sources = data_copy / "sources.csv"
    before = sources.read_bytes()
    sources.chmod(0o444)
    with pytest.raises(PermissionError, match=r"sources.csv is read-only; make it writable"):
        _add(new_file, data_copy)
    assert sources.stat().st_mode & 0o777 == 0o444 and sources.read_bytes() == before
    assert not (data_copy / "raw" / "demo_2024.txt").exists()  # no orphan raw file


def test_a_failed_add_source_leaves_no_orphan(new_file, data_copy, monkeypatch):
    import aidlib.data.curate as curate

    before = (data_copy / "sources.csv").read_bytes()
    real = curate.write_atomic
    calls = []

    def fail_first(path, blob, mode):
        calls.append(path)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real(path, blob, mode)

    monkeypatch.setattr(curate, "write_atomic", fail_first)
    with pytest.raises(OSError, match="No space left"):
        _add(new_file, data_copy)
    assert (data_copy / "sources.csv").read_bytes() == before
    assert not (data_copy / "raw" / "demo_2024.txt").exists()
    _add(new_file, data_copy)  # and the id can be added once the disk has room
    monkeypatch.undo()


@pytest.mark.parametrize("name", ["report.exe", "report", "report.tar.gz", "report.TXT"])
def test_the_raw_file_is_always_txt(tmp_path, data_copy, name):
    src = tmp_path / name
    src.write_text(NEW_TEXT, encoding="utf-8")
    record = add_source(src, "demo_2024", outlet="测试报", published="2024", data=data_copy)
    assert record["path"] == "raw/demo_2024.txt" and (data_copy / "raw" / "demo_2024.txt").is_file()


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"language": "chinese"}, r"--language 'chinese' is not a BCP 47 language tag"),
        ({"language": ""}, r"--language is empty; every source has one"),
        ({"language": "zh/../x"}, r"--language 'zh/../x' is not a BCP 47"),
        ({"language": "zh-Hans-CN"}, None),
        ({"language": "en-GB"}, None),
    ],
)
def test_add_source_checks_the_language(new_file, data_copy, kw, message):
    if message is None:
        assert _add(new_file, data_copy, **kw)["language"] == kw["language"]
    else:
        with pytest.raises(ValueError, match=message):
            _add(new_file, data_copy, **kw)


def test_add_source_refuses_nul_bytes(tmp_path, data_copy):
    src = tmp_path / "nul.txt"
    src.write_bytes("投入5万元".encode() + b"\x00x")
    with pytest.raises(ValueError, match=r"nul.txt: holds a NUL byte \(byte 13\); not a text file"):
        add_source(src, "demo_2024", outlet="测试报", published="2024", data=data_copy)
    assert not (data_copy / "raw" / "demo_2024.txt").exists()


# ---- draft: linear, spreadsheet-safe -----------------------------------------------------
def test_draft_ids_are_linear_in_the_number_of_same_kind_quantities(tmp_path, data_copy):
    from growth import assert_linear

    for n, name in ((6000, "many"), (1500, "fewer")):  # ~64k characters, all one kind
        text = "".join(f"投入{i + 1}万元，" for i in range(n))
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        add_source(tmp_path / f"{name}.txt", f"{name}_2024", outlet="测试报", published="2024",
                   data=data_copy)  # fmt: skip
    rows = draft_rows("many_2024", data_copy)
    ids = [r["metric_id"] for r, _ in rows]
    assert len(ids) == 6000 and len(set(ids)) == 6000
    base = "funding.yuan_many_2024"  # an id of the source's own: another source's never meets it by accident
    assert ids[:3] == [base, f"{base}_2", f"{base}_3"] and ids[-1] == f"{base}_6000"
    # ~1 s; was ~100 s: ids counted up from _2, and the one long sentence was rescanned per row
    assert_linear(lambda: draft_rows("fewer_2024", data_copy), lambda: draft_rows("many_2024", data_copy),
                  factor=4, bound=10, repeat=2)  # fmt: skip


def test_draft_periods_bases_and_shared_ids_stay_linear_in_one_endless_sentence(tmp_path, data_copy):
    from growth import assert_linear

    from aidlib.data import curate

    # INVENTED: numbers each with a "since", a plan, a founding year, a verb and a shared keyword,
    # all in one sentence (commas only)
    def text(n):
        return "".join(f"2016年以来安排援疆资金{i + 1}万元，十三五期间卫星工厂{i + 1}家，2015年成立的合作社"
                       f"带动就业{i + 1}人，" for i in range(n))  # fmt: skip

    (tmp_path / "long.txt").write_text(text(20), encoding="utf-8")
    add_source(tmp_path / "long.txt", "long_2024", outlet="测试报", published="2024", data=data_copy)
    rows = [r for r, _ in draft_rows("long_2024", data_copy)]
    assert [(r["metric_id"], r["period"], r["basis"]) for r in rows[:3]] == [
        ("funding.aid_total", "2016/2024", "arranged"),
        ("employment.satellite_factories", "2016/2020", ""),
        # 带动就业 in its clause; one sentence throughout: the plan before dates it, never 2015年成立
        ("employment.jobs", "2016/2020", ""),
    ]
    # the shared id is given once: the second amount gets an id of the source's own
    assert rows[3]["metric_id"].endswith(".yuan_long_2024") and rows[3]["period"] == "2016/2024"
    assert sum(r["metric_id"] == "funding.aid_total" for r in rows) == 1
    # what the draft adds to the quantities (period, basis, shared id), timed alone on 6000 numbers:
    # one bisect per question, never a walk along the sentence (the parser's own time is not counted)
    def guesses(long, found):
        index = curate._Index(long)
        taken: set[str] = set()
        for q in found:
            curate.guess_period(long, q.start, q.end, "2024", index)
            curate.guess_basis(long, q.start, index)
            mid, _ = curate.propose_shared(long, q, taken, index, {})
            taken.add(mid or "")

    long, short = text(2000), text(500)
    found, fewer = find_quantities(long), find_quantities(short)
    assert len(found) == 6000
    # ~0.5 s here; reading the sentence's markers again for every number instead: 24 s (quadratic)
    assert_linear(lambda: guesses(short, fewer), lambda: guesses(long, found), factor=4, bound=10, repeat=2)


def test_draft_quote_never_runs_as_a_formula(tmp_path, data_copy):
    (tmp_path / "f.txt").write_text("=HYPERLINK(1)，-5万元投入\n@3万元", encoding="utf-8")
    add_source(tmp_path / "f.txt", "formula_2024", outlet="测试报", published="2024", data=data_copy)
    text = write_draft("formula_2024", data=data_copy)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(not r["quote"].startswith(("=", "+", "-", "@")) for r in rows)
    marked = [r for r in rows if r["quote"].startswith("'")]
    assert marked and all("starts with '" in r["note"] for r in marked)


def test_add_source_never_edits_the_data_shipped_in_the_package(new_file, data_copy, monkeypatch):
    # an installed aidlib's default data folder is its shipped copy: a curator must give --data
    from aidlib.data import paths

    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    monkeypatch.setattr(paths, "shipped", lambda name: data_copy if name == "data" else None)
    with pytest.raises(ValueError, match=r"is the data shipped inside the installed aidlib, never edited"):
        add_source(new_file, "demo_2024", outlet="o", published="2024", data=data_copy)
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before
