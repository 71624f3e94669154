"""Curated metrics: loading, provenance, coverage, and every bad-data case."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import pytest

from aidlib.cli import main
from aidlib.data.metrics import COLUMNS, THEMES, MetricsError, load_exclusions, load_metrics, validate
from aidlib.data.paths import PROJECT_ROOT
from aidlib.quantities.chinese import find_quantities

DATA = PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def metrics():
    return load_metrics()


def test_load_types_and_order(metrics):
    assert list(metrics.columns) == list(COLUMNS)
    assert metrics["value"].dtype == float
    for col in ("theme", "unit", "qualifier"):
        assert metrics[col].dtype == "category"
    assert set(metrics["theme"]) <= set(THEMES)
    assert metrics["metric_id"].is_unique


def test_every_found_quantity_is_curated_or_excluded(metrics, clean):
    text = clean.text
    covered = []
    for quote in metrics["quote"]:
        start = text.find(quote)
        while start != -1:
            covered.append((start, start + len(quote)))
            start = text.find(quote, start + 1)
    for quote in load_exclusions()["quote"]:
        start = text.find(quote)
        covered.append((start, start + len(quote)))
    missing = [
        q.text for q in find_quantities(text) if not any(a <= q.start and q.end <= b for a, b in covered)
    ]
    assert missing == []


def test_each_quote_holds_its_own_quantity(metrics, clean):
    # one row per statement: no two rows quote the same place
    spans = [(clean.text.find(q), q) for q in metrics["quote"]]
    assert len({s for s, _ in spans}) == len(spans)


def test_restated_facts_are_marked(metrics):
    dups = metrics.set_index("metric_id")["duplicate_of"]
    assert dups["agriculture.demo_projects_restated"] == "agriculture.demo_projects"
    assert (dups != "").sum() == 3
    # a duplicate states the same value as the row it restates
    for mid, orig in dups[dups != ""].items():
        by_id = metrics.set_index("metric_id")
        assert by_id.loc[mid, "value"] == by_id.loc[orig, "value"]


def test_parts_never_exceed_their_total(metrics):
    by_id = metrics.set_index("metric_id")
    parts = metrics[metrics["part_of"] != ""].groupby("part_of")["value"].sum()
    for total_id, parts_sum in parts.items():
        assert parts_sum <= by_id.loc[total_id, "value"]
    assert set(metrics.loc[metrics["part_of"] == "funding.aid_total", "metric_id"]) == {
        "housing.funds",
        "education.funds",
        "industry.funds",
    }


def test_frictionless_validates_the_data_package():
    exe = shutil.which("frictionless", path=str(PROJECT_ROOT / ".venv" / "bin")) or shutil.which(
        "frictionless"
    )
    assert exe, "frictionless is a dev dependency"
    done = subprocess.run([exe, "validate", str(DATA / "datapackage.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]


def test_datapackage_documents_every_column():
    import json

    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    metrics = next(r for r in pkg["resources"] if r["name"] == "metrics")
    names = [f["name"] for f in metrics["schema"]["fields"]]
    assert names == list(COLUMNS)
    assert all(f.get("description") for f in metrics["schema"]["fields"])


# ---- bad data: one clear line per problem ---------------------------------------
@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def _edit(data, line, column, value):
    path = data / "metrics.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[line - 1][COLUMNS.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (2, "value", "5.3亿", r"metrics.csv:2: column value: '5.3亿' is not a number"),
        (3, "theme", "money", r"metrics.csv:3: column theme: unknown theme 'money'; expected one of funding"),
        (4, "qualifier", "more", r"metrics.csv:4: column qualifier: unknown qualifier 'more'"),
        (
            5,
            "metric_id",
            "funding.aid_total",
            r"metrics.csv:5: column metric_id: duplicate 'funding.aid_total' \(first on line 2\)",
        ),
        (
            2,
            "quote",
            "2023年累计投入5.4亿元",
            r"metrics.csv:2: column quote: '2023年累计投入5.4亿元' not found",
        ),
        (
            2,
            "value",
            "540000000",
            r"metrics.csv:2: column value: 540000000 disagrees with the quote .* which states 530000000",
        ),
        (
            8,
            "qualifier",
            "exact",
            r"metrics.csv:8: column qualifier: 'exact' disagrees with the quote .*: expected 'over'",
        ),
        (2, "unit", "人", r"metrics.csv:2: column unit: '人' disagrees with the quote"),
        (2, "period", "FY23", r"metrics.csv:2: column period: 'FY23' is not a period"),
        (5, "part_of", "funding.total", r"metrics.csv:5: column part_of: 'funding.total' is not a metric_id"),
        (
            2,
            "sector_crs",
            "12",
            r"metrics.csv:2: column sector_crs: '12' is not a 3-digit OECD CRS sector code",
        ),
    ],
)
def test_bad_rows(data_copy, line, column, value, message):
    _edit(data_copy, line, column, value)
    with pytest.raises(MetricsError, match=message):
        load_metrics(data_copy)


def test_missing_column(data_copy):
    path = data_copy / "metrics.csv"
    text = path.read_text(encoding="utf-8").replace(",qualifier,", ",hedge,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MetricsError, match=r"metrics.csv:1: column qualifier: missing column"):
        load_metrics(data_copy)


def test_empty_file(data_copy):
    (data_copy / "metrics.csv").write_text("", encoding="utf-8")
    with pytest.raises(MetricsError, match=r"metrics.csv: file is empty"):
        load_metrics(data_copy)


def test_non_utf8_file(data_copy):
    path = data_copy / "metrics.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(MetricsError, match=r"metrics.csv:2: not UTF-8 \(byte \d+\)"):
        load_metrics(data_copy)


def test_changed_source_checksum(data_copy):
    raw = data_copy / "raw" / "guangzhou_shufu_2023.txt"
    raw.write_bytes(raw.read_bytes().replace(b"5.3", b"5.4"))
    problems = validate(data_copy)
    assert "does not match sources.csv" in str(problems[0])


def test_error_lists_every_problem(data_copy):
    _edit(data_copy, 2, "theme", "money")
    _edit(data_copy, 3, "qualifier", "more")
    with pytest.raises(MetricsError, match=r"\(and 1 more\)") as info:
        load_metrics(data_copy)
    assert len(info.value.problems) == 2


# ---- aidlib check ------------------------------------------------------------
def test_check_clean(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("aidlib check: ") and "74 metrics OK" in out


def test_check_reports_problems_without_traceback(data_copy):
    _edit(data_copy, 2, "value", "lots")
    _edit(data_copy, 3, "theme", "money")
    done = subprocess.run(
        [sys.executable, "-m", "aidlib.cli", "check", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in done.stderr
    assert lines[0].endswith(
        "metrics.csv:2: column value: 'lots' is not a number; expected a float in base units (ASCII digits)"
    )
    assert lines[-1] == "aidlib check: 2 problem(s)"


def test_check_missing_data_folder(tmp_path, capsys):
    assert main(["check", "--data", str(tmp_path / "none")]) == 1
    assert "data folder" in capsys.readouterr().err


# ---- one reader: check passes if and only if load succeeds ---------------------
def _rows(data):
    with (data / "metrics.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _write_rows(data, rows):
    with (data / "metrics.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _check_and_load(data):
    """Both entry points on the same data: they must agree."""
    problems = validate(data)
    try:
        load_metrics(data)
        loaded = True
    except MetricsError:
        loaded = False
    assert loaded == (problems == []), problems
    return problems


def _cut_after(data, marker, keep_rest):
    path = data / "metrics.csv"
    text = path.read_text(encoding="utf-8")
    cut = text.index(marker) + len(marker)
    rest = text[text.index("\n", cut) :] if keep_rest else ""
    path.write_text(text[:cut] + rest, encoding="utf-8")


def _append_to_line(data, line, suffix):
    path = data / "metrics.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] += suffix
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: _append_to_line(d, 5, ",extra"), r"metrics.csv:5: 17 cells, expected 16"),
        # the file cut inside a quoted note
        (lambda d: _cut_after(d, '"Probably the same', keep_rest=False), r"metrics.csv:60: malformed CSV"),
        # a row cut inside a quoted note: its open quote swallows the rows after it
        (lambda d: _cut_after(d, '"Probably the same', keep_rest=True), r"metrics.csv:60: "),
        (
            lambda d: (d / "metrics.csv").write_text(
                (d / "metrics.csv").read_text(encoding="utf-8").replace("援疆资金", "援疆\n资金", 1),
                encoding="utf-8",
            ),
            r"metrics.csv:\d+: \d+ cells, expected 16",  # a row cut inside a label (unquoted)
        ),
        (
            lambda d: (d / "metrics.csv").write_bytes(
                b"\xef\xbb\xbf\xef\xbb\xbf" + (d / "metrics.csv").read_bytes()
            ),
            r"metrics.csv:1: a byte-order mark \(U\+FEFF\) inside the header",
        ),
        (lambda d: ((d / "metrics.csv").unlink(), (d / "metrics.csv").mkdir()), r"metrics.csv: is a folder"),
    ],
)
def test_damaged_metrics_file_fails_check_and_load_alike(data_copy, damage, message):
    damage(data_copy)
    problems = _check_and_load(data_copy)
    assert problems and any(re.search(message, str(p)) for p in problems), problems


def test_bom_and_unicode_separators_load(data_copy):
    path = data_copy / "metrics.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a UTF-8 BOM is accepted (documented)
    _edit(data_copy, 3, "note", "first\u2028second\u2029third")  # a line separator is not a row break
    assert _check_and_load(data_copy) == []
    assert load_metrics(data_copy).loc[1, "note"] == "first\u2028second\u2029third"


def test_quoted_newlines_keep_physical_line_numbers(data_copy):
    _edit(data_copy, 3, "note", "line one\nline two\nline three")  # the record spans lines 3-5
    rows = _rows(data_copy)
    rows[4][COLUMNS.index("theme")] = "money"  # the 5th record, now on physical line 7
    _write_rows(data_copy, rows)
    (problem,) = _check_and_load(data_copy)
    assert str(problem).endswith(
        "metrics.csv:7: column theme: unknown theme 'money'; expected one of " + ", ".join(THEMES)
    )


# ---- values: one digit form ---------------------------------------------------
@pytest.mark.parametrize(
    "value",
    ["1_0", "１０", "530,000,000", " 530000000", "530000000 ", "inf", "nan", "0x1f", "1e999", "5.3亿"],
)
def test_value_forms_refused(data_copy, value):
    _edit(data_copy, 2, "value", value)
    with pytest.raises(MetricsError, match=r"metrics.csv:2: column value: .* is not a number.*ASCII digits"):
        load_metrics(data_copy)


# ---- the part_of / duplicate_of graph ------------------------------------------
def _line_of(data, metric_id):
    return next(i for i, row in enumerate(_rows(data), start=1) if row[0] == metric_id)


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (
            [("housing.funds", "part_of", "housing.funds")],
            r"column part_of: 'housing.funds' is this row itself",
        ),
        (
            [("agriculture.demo_projects", "duplicate_of", "agriculture.demo_projects")],
            r"column duplicate_of: 'agriculture.demo_projects' is this row itself",
        ),
        (  # a cycle of equal values: neither total exceeds the other, yet it is nonsense
            [
                ("housing.funds", "part_of", "education.funds"),
                ("education.funds", "part_of", "housing.funds"),
            ],
            r"column part_of: a cycle: (housing|education).funds → (education|housing).funds → ",
        ),
        ([("housing.households", "part_of", "funding.aid_total")], r"column unit: '户' differs from '元'"),
        (
            [("agriculture.demo_projects_restated", "value", "5")],
            r"column value: '5' differs from '4' of 'agriculture.demo_projects'",
        ),
        (
            [("culture.exchange_audience", "qualifier", "exact")],
            r"column qualifier: 'exact' differs from 'over' of 'culture.heritage_tour_audience'",
        ),
        (
            [("culture.exchange_shows", "duplicate_of", "agriculture.demo_projects_restated")],
            r"'agriculture.demo_projects_restated' restates 'agriculture.demo_projects' itself",
        ),
    ],
)
def test_graph_rules(data_copy, edits, message):
    for metric_id, column, value in edits:
        _edit(data_copy, _line_of(data_copy, metric_id), column, value)
    problems = _check_and_load(data_copy)
    assert any(re.search(message, str(p)) for p in problems), problems


def test_restatement_may_switch_to_a_same_measure_word(metrics):
    # 10场 and 10场次 of the same shows: documented in metrics.SAME_MEASURE
    row = metrics.set_index("metric_id").loc["culture.exchange_shows"]
    assert (row["unit"], row["duplicate_of"]) == ("场次", "culture.heritage_tour_shows")


def test_self_duplicate_never_vanishes_from_views(data_copy):
    _edit(data_copy, _line_of(data_copy, "housing.funds"), "duplicate_of", "housing.funds")
    with pytest.raises(MetricsError, match="is this row itself"):
        load_metrics(data_copy)


# ---- one root cause, one message -------------------------------------------------
def test_failed_source_is_reported_once(data_copy):
    raw = data_copy / "raw" / "guangzhou_shufu_2023.txt"
    raw.write_bytes(raw.read_bytes().replace(b"5.3", b"5.4"))
    problems = _check_and_load(data_copy)
    assert len(problems) == 1, problems
    assert re.search(r"sources.csv:2: column path: .* does not match sources.csv", str(problems[0]))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda s: s.unlink(), r"sources.csv: file not found"),
        (
            lambda s: s.write_bytes(s.read_text(encoding="utf-8").encode("gb18030")),
            r"sources.csv:2: not UTF-8",
        ),
        (lambda s: (s.unlink(), s.mkdir()), r"sources.csv: is a folder"),
        (
            lambda s: s.write_text("source_id\nx\n", encoding="utf-8"),
            r"sources.csv:1: column title: missing column",
        ),
    ],
)
def test_broken_sources_file_is_one_root_cause(data_copy, damage, message):
    damage(data_copy / "sources.csv")
    problems = _check_and_load(data_copy)
    assert re.search(message, str(problems[0]))
    assert not any("unknown source" in str(p) for p in problems), problems


def test_sources_csv_with_bom_loads(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _check_and_load(data_copy) == []


def test_raw_source_that_is_a_folder(data_copy):
    raw = data_copy / "raw" / "guangzhou_shufu_2023.txt"
    raw.unlink()
    raw.mkdir()
    (problem,) = _check_and_load(data_copy)
    assert "is a folder; expected a file" in str(problem)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "guangzhou_shufu_2023,不在原文的100人,x",
            r"exclusions.csv:2: column quote: '不在原文的100人' not found",
        ),
        (
            "guangzhou_shufu_2023,珠水润天山,x",
            r"exclusions.csv:2: column quote: '珠水润天山' holds no quantity",
        ),
        ("nope,珠水润天山,x", r"exclusions.csv:2: column source_id: unknown source 'nope'"),
        ("guangzhou_shufu_2023,5.3亿元,", r"exclusions.csv:2: column reason: is empty"),
        ("guangzhou_shufu_2023,5.3亿元", r"exclusions.csv:2: 2 cells, expected 3"),
    ],
)
def test_bad_exclusions(data_copy, row, message):
    (data_copy / "exclusions.csv").write_text(f"source_id,quote,reason\n{row}\n", encoding="utf-8")
    with pytest.raises(MetricsError, match=message):
        load_exclusions(data_copy)
    assert main(["check", "--data", str(data_copy)]) == 1


# ---- found by a fresh pair of eyes -------------------------------------------------
@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2023-09/2023-01", r"'2023-09/2023-01' is not a period: expected .*start before end"),
        ("2023-13/2023-14", r"'2023-13/2023-14' is not a period"),
    ],
)
def test_periods_run_forwards(data_copy, period, message):
    _edit(data_copy, 2, "period", period)
    with pytest.raises(MetricsError, match=rf"metrics.csv:2: column period: {message}"):
        load_metrics(data_copy)


def test_header_alone_is_not_a_metrics_file(data_copy):
    path = data_copy / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(MetricsError, match=r"metrics.csv: no rows, the header alone"):
        load_metrics(data_copy)


def test_an_unreadable_row_is_not_echoed_by_the_links_to_it(data_copy):
    _append_to_line(data_copy, 2, ",extra")  # funding.aid_total, the total three parts point at
    (problem,) = _check_and_load(data_copy)
    assert str(problem).endswith("metrics.csv:2: 17 cells, expected 16 (the header's columns)")


def test_a_duplicated_id_keeps_its_first_row_for_links(data_copy):
    _edit(data_copy, _line_of(data_copy, "funding.projects_major"), "metric_id", "funding.aid_total")
    problems = [str(p) for p in _check_and_load(data_copy)]
    assert any("duplicate 'funding.aid_total' (first on line 2)" in p for p in problems)
    assert not any("of 'funding.aid_total', its total" in p for p in problems), problems  # not 大项


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("published", "20x3", r"sources.csv:2: column published: '20x3' is not a date"),
        ("url", "not a url", r"sources.csv:2: column url: 'not a url' is not an http\(s\) URL"),
        ("url", "javascript:alert(1)", r"column url: 'javascript:alert\(1\)' is not an http\(s\) URL"),
    ],
)
def test_source_records_are_checked(data_copy, column, value, message):
    path = data_copy / "sources.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    problems = _check_and_load(data_copy)
    assert re.search(message, str(problems[0])) and len(problems) == 1, problems


def test_a_bad_source_row_is_not_reported_through_another(data_copy):
    path = data_copy / "sources.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")  # a duplicate record
    problems = [str(p) for p in _check_and_load(data_copy)]
    assert problems and all(p.count("sources.csv") == 1 for p in problems), problems
