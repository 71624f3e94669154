"""Curated metrics: loading, provenance, coverage, and every bad-data case."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import pytest

from aidlib.cli import main
from aidlib.data.metrics import (
    COLUMNS,
    THEMES,
    MetricsError,
    check_exclusions,
    load_exclusions,
    load_metrics,
    validate,
)
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
            r"metrics.csv:5: column metric_id: duplicate 'funding.aid_total' in source "
            r"'guangzhou_shufu_2023' \(first on line 2\)",
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
    assert out.startswith("aidlib check: ") and "74 metrics of 1 source(s) OK" in out


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
        (lambda d: _append_to_line(d, 5, ",extra"), r"metrics.csv:5: 19 cells, expected 18"),
        # the file cut inside a quoted note
        (lambda d: _cut_after(d, '"Probably the same', keep_rest=False), r"metrics.csv:60: malformed CSV"),
        # a row cut inside a quoted note: its open quote swallows the rows after it
        (lambda d: _cut_after(d, '"Probably the same', keep_rest=True), r"metrics.csv:60: "),
        (
            lambda d: (d / "metrics.csv").write_text(
                (d / "metrics.csv").read_text(encoding="utf-8").replace("援疆资金", "援疆\n资金", 1),
                encoding="utf-8",
            ),
            r"metrics.csv:\d+: \d+ cells, expected 18",  # a row cut inside a label (unquoted)
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
        ("2023-09/2023-01", r"'2023-09/2023-01' ends before it starts"),
        ("2020/2016", r"'2020/2016' ends before it starts"),
        ("2023-13/2023-14", r"'2023-13/2023-14' is not a period"),
    ],
)
def test_periods_run_forwards(data_copy, period, message):
    _edit(data_copy, 2, "period", period)
    with pytest.raises(MetricsError, match=rf"metrics.csv:2: column period: {message}"):
        load_metrics(data_copy)


def test_the_header_alone_is_a_metrics_file_with_no_rows(data_copy):
    # a data folder starts empty (aidlib init): no rows is valid, and loads as an empty frame
    path = data_copy / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert validate(data_copy) == []
    frame = load_metrics(data_copy)
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_an_unreadable_row_is_not_echoed_by_the_links_to_it(data_copy):
    _append_to_line(data_copy, 2, ",extra")  # funding.aid_total, the total three parts point at
    (problem,) = _check_and_load(data_copy)
    assert str(problem).endswith("metrics.csv:2: 19 cells, expected 18 (the header's columns)")


def test_a_duplicated_id_keeps_its_first_row_for_links(data_copy):
    _edit(data_copy, _line_of(data_copy, "funding.projects_major"), "metric_id", "funding.aid_total")
    problems = [str(p) for p in _check_and_load(data_copy)]
    assert any(
        "duplicate 'funding.aid_total' in source 'guangzhou_shufu_2023' (first on line 2)" in p
        for p in problems
    )
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


# ---- ids are names; one cause gives one line; linear checks; check is the report's gate ----
def _set_source_id(data, new):
    for name in ("sources.csv", "metrics.csv"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace("guangzhou_shufu_2023,", f"{new},"),
                        encoding="utf-8")  # fmt: skip


@pytest.mark.parametrize("bad_id", ["../../x", "/abs/x", "a/b", "Upper", "a.b", "-x", "a b", "x\u00e9"])
def test_a_source_id_that_is_not_a_name_fails_check(data_copy, bad_id, capsys):
    _set_source_id(data_copy, f'"{bad_id}"')
    problems = validate(data_copy)
    assert re.search(rf"sources.csv:2: column source_id: '{re.escape(bad_id)}' is not an id: use lowercase",
                     str(problems[0])), problems  # fmt: skip
    assert main(["check", "--data", str(data_copy)]) == 1


def test_a_renamed_source_is_one_line(data_copy):
    path = data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("guangzhou_shufu_2023,", "renamed_2023,", 1),
                    encoding="utf-8")  # fmt: skip
    problems = [str(p) for p in validate(data_copy)]
    assert len(problems) == 1, problems  # not one per row that quotes it
    assert problems[0].endswith(
        "metrics.csv:2: column source_id: unknown source 'guangzhou_shufu_2023'; "
        "expected one of renamed_2023 (and 73 more rows quote it)"
    )


def test_an_exclusion_of_an_unknown_source_is_one_line_per_source(data_copy):
    rows = "".join(f"nope,5.3亿元,reason {i}\n" for i in range(5)) + "other,5.3亿元,x\n"
    (data_copy / "exclusions.csv").write_text("source_id,quote,reason\n" + rows, encoding="utf-8")
    messages = [p.message for p in check_exclusions(data_copy)[1]]
    assert messages == [
        "unknown source 'nope'; expected one of guangzhou_shufu_2023 (and 4 more rows quote it)",
        "unknown source 'other'; expected one of guangzhou_shufu_2023",
    ]


def _edit_row(data, metric_id, **cells):
    path = data / "metrics.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for r in rows:
        if r["metric_id"] == metric_id:
            r.update(cells)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_a_row_that_is_part_of_itself_is_one_problem(data_copy):
    _edit_row(data_copy, "housing.funds", part_of="housing.funds")
    problems = [str(p) for p in validate(data_copy)]
    assert len(problems) == 1 and problems[0].endswith("column part_of: 'housing.funds' is this row itself")


def test_parts_adding_up_to_more_than_an_exact_total(data_copy):
    _edit_row(data_copy, "housing.funds", part_of="funding.aid_total")
    _edit_row(data_copy, "education.funds", part_of="funding.aid_total")
    assert validate(data_copy) == []  # 6423万 + 1445万 fit in 5.3亿
    rows = _edit_row(data_copy, "industry.funds", part_of="funding.aid_total")
    total = next(r for r in rows if r["metric_id"] == "industry.funds")
    assert float(total["value"]) > 0
    # make the parts overflow: the total's quote and value are the source's, so point at a smaller total
    _edit_row(data_copy, "funding.aid_total", part_of="")
    _edit_row(data_copy, "industry.funds", part_of="housing.funds")
    problems = [p for p in validate(data_copy) if p.column == "value"]
    assert problems and "its parts add up to" in problems[0].message
    assert "more than 64230000" in problems[0].message


def test_a_long_part_of_chain_is_checked_in_linear_time(tmp_path):
    from growth import assert_linear

    from aidlib.data.csvfile import Table
    from aidlib.data.metrics import _check_links

    def table(n):
        link = [f"t.m{i + 1}" if i + 1 < n else "" for i in range(n)]
        cells = {"value": "1", "unit": "元", "qualifier": "over"}
        blank = dict.fromkeys(COLUMNS, "")
        rows = [blank | cells | {"metric_id": f"t.m{i}", "part_of": link[i]} for i in range(n)]
        return Table(tmp_path / "metrics.csv", COLUMNS, tuple(rows), tuple(range(2, n + 2)))

    def check(t):
        return _check_links(t, {(r["source_id"], r["metric_id"]): line for line, r in t})

    t, quarter = table(3200), table(800)  # 3,200 deep took 52 s when each step searched the chain so far
    assert check(t) == []
    assert_linear(lambda: check(quarter), lambda: check(t), factor=4, bound=10)  # quadratic: 16×
    # and a cycle at the end of a long chain is still found, once
    rows = list(t.rows)
    rows[-1] = rows[-1] | {"part_of": "t.m3190"}
    t = Table(t.path, COLUMNS, tuple(rows), t.lines)
    problems = _check_links(t, {(r["source_id"], r["metric_id"]): line for line, r in t})
    assert [p.message.split(" → ")[0] for p in problems] == ["a cycle: t.m3190"]


def test_an_unreadable_data_folder_is_one_line(data_copy, monkeypatch, capsys):
    import aidlib.data.check

    real = aidlib.data.check.os.scandir

    def scandir(path="."):
        if str(path) == str(data_copy):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(aidlib.data.check.os, "scandir", scandir)  # root ignores chmod 000
    assert main(["check", "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{data_copy}: the data folder cannot be read: Permission denied",
        "aidlib check: 1 problem(s)",
    ]


def test_check_is_the_reports_gate_for_indicator_inputs(data_copy, capsys):
    path = data_copy / "metrics.csv"
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith("trade.growth_yoy,")), encoding="utf-8")  # fmt: skip
    assert validate(data_copy) == []  # the file itself is fine
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    declared = data_copy / "indicators.csv"
    line = next(i for i, ln in enumerate(declared.read_text(encoding="utf-8").splitlines(), 1)
                if ln.startswith("trade.base_jan_sep_2022,"))  # fmt: skip
    assert err == [  # one cause, one line, naming every declaration that needs it
        f"{declared}:{line}: column inputs: the indicators declared for source 'guangzhou_shufu_2023' need "
        "what it lacks: 'trade.growth_yoy' (trade.base_jan_sep_2022, trade.increase_jan_sep) (is neither a "
        "metric of it nor a cited figure)",
        "aidlib check: 1 problem(s)",
    ]


def test_check_names_an_unusable_file_the_package_lists(data_copy, capsys):
    import os

    (data_copy / "cited_figures.tsv").unlink()
    os.mkfifo(data_copy / "cited_figures.tsv")  # would hang a reader
    (data_copy / "stray.fifo").unlink(missing_ok=True)
    os.mkfifo(data_copy / "stray.fifo")  # not listed: not read, not published, not a problem
    (data_copy / "dangling.csv").symlink_to(data_copy / "gone.csv")
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{data_copy / 'cited_figures.tsv'}: is not a regular file (a FIFO, socket or device); "
        "expected a file",
        "aidlib check: 1 problem(s)",
    ]


def test_check_names_a_resource_the_package_lists_but_is_missing(data_copy, capsys):
    import json

    package = data_copy / "datapackage.json"
    meta = json.loads(package.read_text(encoding="utf-8"))
    meta["resources"].append({"name": "notes", "path": "notes.csv"})
    package.write_text(json.dumps(meta), encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{data_copy / 'notes.csv'}: file not found (datapackage.json lists it)",
        "aidlib check: 1 problem(s)",
    ]
    (data_copy.parent / "outside.csv").write_text("x\n")
    (data_copy / "notes.csv").symlink_to(data_copy / ".." / "outside.csv")  # inside by name only
    meta["resources"].append({"name": "escape", "path": "../outside.csv"})
    package.write_text(json.dumps(meta), encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{package}: '../outside.csv' is not a path inside the data folder",
        "aidlib check: 1 problem(s)",
    ]
    meta["resources"].pop()
    package.write_text(json.dumps(meta), encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{package}: 'notes.csv' is not a path inside {data_copy}",
        "aidlib check: 1 problem(s)",
    ]


def test_a_folder_that_is_no_data_folder_is_one_line(tmp_path, capsys):
    assert main(["check", "--data", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path}: not a data folder: none of datapackage.json, sources.csv, metrics.csv, "
        "cited_figures.tsv, exclusions.csv, indicators.csv is there",
        "aidlib check: 1 problem(s)",
    ]


def test_an_empty_metric_id_is_nobodys_original_or_total(data_copy):
    path = data_copy / "metrics.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(",".join([""] * 5 + ["1"] + [""] * 10) + "\n")  # one cell filled: a row, all wrong
    problems = validate(data_copy)
    assert {p.line for p in problems} == {76}, problems  # not one per row whose link is empty
    assert len(problems) < 12


# ---- ranges, exact sums and one-month spans (rules the mutation run found unasserted) ----------
def _with_demo_source(data, rows):
    from aidlib.data.curate import add_source

    text = "引进投资3至5万元，其中住房2万元，教育3万元。总投入5万元。"
    (data.parent / "demo.txt").write_text(text, encoding="utf-8")
    add_source(data.parent / "demo.txt", "demo_2024", outlet="测试报", published="2024", data=data)
    filled = {"source_id": "demo_2024", "theme": "investment", "label_en": "x", "label_zh": "x", "unit": "元",
              "unit_en": "yuan"}  # fmt: skip
    blank = dict.fromkeys(COLUMNS, "") | filled
    with (data / "metrics.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, COLUMNS, lineterminator="\n").writerows(blank | r for r in rows)


RANGE = {"metric_id": "investment.demo_range", "value": "30000", "high": "50000", "qualifier": "range",
         "period": "2024", "quote": "引进投资3至5万元"}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({}, None),  # a range row with both ends right passes
        ({"high": "60000"}, "column high: 60000 disagrees with the quote '引进投资3至5万元'"),
        ({"high": "30000"}, "column high: 30000 is not above value 30000"),  # high == value is no range
        ({"high": ""}, "column high: '' is not a number; a range needs its high end"),
        ({"period": "2024-03/2024-03"}, None),  # a one-month span: end not before start
        ({"period": "2024-03/2024-02"}, "column period: '2024-03/2024-02' ends before it starts"),
    ],
)
def test_range_rows(data_copy, change, message):
    _with_demo_source(data_copy, [RANGE | change])
    problems = [str(p) for p in validate(data_copy)]
    if message is None:
        assert problems == []
    else:
        assert any(message in p for p in problems), problems


def test_parts_adding_up_exactly_to_their_total_pass(data_copy):
    total = {"metric_id": "investment.demo_total", "value": "50000", "qualifier": "exact", "period": "2024",
             "quote": "总投入5万元"}  # fmt: skip
    parts = [
        {"metric_id": "investment.demo_housing", "value": "20000", "qualifier": "exact", "period": "2024",
         "quote": "住房2万元", "part_of": "investment.demo_total"},
        {"metric_id": "investment.demo_education", "value": "30000", "qualifier": "exact", "period": "2024",
         "quote": "教育3万元", "part_of": "investment.demo_total"},
    ]  # fmt: skip
    _with_demo_source(data_copy, [total, *parts])
    assert validate(data_copy) == []  # 2万 + 3万 = 5万: not more than the total


def test_parts_half_again_over_their_total_are_flagged(data_copy):
    total = {"metric_id": "investment.demo_housing", "value": "20000", "qualifier": "exact",
             "period": "2024", "quote": "住房2万元"}  # fmt: skip
    part = {"metric_id": "investment.demo_education", "value": "30000", "qualifier": "exact",
            "period": "2024", "quote": "教育3万元", "part_of": "investment.demo_housing"}  # fmt: skip
    _with_demo_source(data_copy, [total, part])
    (problem,) = validate(data_copy)
    assert problem.message == "its parts add up to 30000, more than 20000"
