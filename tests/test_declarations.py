"""Indicator declarations (indicators.csv): the rows' rules, which source gets what, overrides, no raise."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aidlib.analysis.indicators import compute, table
from aidlib.cli import main
from aidlib.data.declarations import (
    COLUMNS,
    Declaration,
    apply,
    check_declarations,
    generic_declarations,
    load_indicators,
)
from aidlib.data.metrics import load_metrics
from aidlib.data.paths import PROJECT_ROOT
from aidlib.data.vocabulary import OPERATIONS

DATA = PROJECT_ROOT / "data"


def _write(folder, rows):
    with (folder / "indicators.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(dict.fromkeys(COLUMNS, "") | r for r in rows)


GOOD = {"indicator_id": "spend.per_x", "label_en": "Per x", "label_zh": "每个", "operation": "per_unit",
        "inputs": "funding.aid_total;funding.projects_major", "source_id": "guangzhou_shufu_2023",
        "caveat": "An average."}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"indicator_id": "Spend per x"}, "indicator_id", "is not an indicator id"),
        ({"label_zh": " "}, "label_zh", "is empty; every indicator has a label"),
        ({"operation": "mean"}, "operation", "unknown operation 'mean'; expected one of share"),
        ({"inputs": "funding.aid_total"}, "inputs", "1 input\\(s\\) for per_unit, which takes 2 \\(a; b\\)"),
        ({"inputs": "funding.aid_total;x"}, "inputs", "'funding.aid_total;x' is not a metric id or cited"),
        # an expression is never evaluated: it is no id at all
        ({"inputs": "funding.aid_total*2;funding.projects_major"}, "inputs", "is not a metric id"),
        (
            {"indicator_id": "share.{part}"},
            "indicator_id",
            "has \\{part\\} in its id, which only part_shares",
        ),
        (
            {"operation": "part_shares", "inputs": "funding.aid_total"},
            "indicator_id",
            "needs \\{part\\} in its id",
        ),
        ({"requires": "same_year"}, "requires", "unknown requirement 'same_year'"),
        ({"caveat": ""}, "caveat", "is empty; every indicator says what it cannot show"),
        ({"source_id": "elsewhere_2020"}, "source_id", "unknown source 'elsewhere_2020'"),
    ],
)
def test_a_bad_row_is_named_by_file_line_and_column(data_copy, change, column, message):
    _write(data_copy, [GOOD | change])
    _, _, problems = check_declarations(data_copy, ["guangzhou_shufu_2023"])
    assert len(problems) == 1, problems
    assert problems[0].line == 2 and problems[0].column == column
    assert __import__("re").search(message, problems[0].message), problems[0].message


def test_a_duplicate_id_for_one_source_is_refused_but_not_across_sources(data_copy):
    _write(data_copy, [GOOD, GOOD, GOOD | {"source_id": ""}])
    _, _, problems = check_declarations(data_copy, ["guangzhou_shufu_2023"])
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "column indicator_id: duplicate 'spend.per_x' in source 'guangzhou_shufu_2023' (first on line 2)"
    ]


def test_a_declaration_for_a_source_must_find_its_inputs_there(data_copy, capsys):
    _write(data_copy, [GOOD | {"inputs": "funding.aid_total;funding.projects"}])
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(
        "indicators.csv:2: column inputs: the indicators declared for source 'guangzhou_shufu_2023' need "
        "what it lacks: 'funding.projects' (spend.per_x) (is neither a metric of it nor a cited figure)"
    )


def test_units_must_fit_the_operation(data_copy, capsys):
    # a share of money in households is no share: the check says so, for the source named
    _write(data_copy, [GOOD | {"operation": "share", "inputs": "housing.funds;housing.households"}])
    assert main(["check", "--data", str(data_copy)]) == 1
    said = capsys.readouterr().err
    assert "units do not fit share, whose inputs count the same thing: housing.funds in 元, " in said
    assert "housing.households in 户" in said


def test_the_shipped_declarations_check_and_every_operation_computes():
    assert generic_declarations()  # the shipped file reads with no problem
    used = {d.operation for d in generic_declarations()} | set(load_indicators()["operation"])
    assert used <= set(OPERATIONS)
    assert {"share", "share_bounds", "part_shares", "percent", "per_unit", "remainder", "growth_base",
            "growth_increase", "above_yearly_average", "distinct_facts"} <= used  # fmt: skip


def _rows(*rows):
    cols = ("source_id", "metric_id", "label_en", "label_zh", "value", "unit", "unit_en", "qualifier", "high",
            "ratio", "period", "duplicate_of", "part_of")  # fmt: skip
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], columns=cols)


def _decl(iid, op, inputs, source="", requires="", generic=False):
    return Declaration(
        iid, iid, iid, op, tuple(inputs), source, requires, "caveat", DATA / "x.csv", 2, generic
    )


def _metric(source, mid, value, unit="元", period="2023", part_of="", qualifier="exact", duplicate_of=""):
    return (
        source,
        mid,
        mid,
        mid,
        value,
        unit,
        "yuan",
        qualifier,
        math.nan,
        math.nan,
        period,
        duplicate_of,
        part_of,
    )


NONE = pd.DataFrame(
    columns=["figure_id", "value", "qualifier", "unit", "period", "measure", "basis", "subject"]
)


def test_blank_source_applies_where_the_inputs_are_and_nowhere_else():
    rows = _rows(_metric("a", "x.total", 100), _metric("a", "x.count", 4, "个"), _metric("b", "x.total", 50))
    found = compute(rows, NONE, declarations=[_decl("x.per", "per_unit", ["x.total", "x.count"])])
    assert [(i.source_id, i.indicator_id, i.interval.low) for i in found] == [("a", "x.per", 25.0)]


def test_same_period_keeps_an_average_to_one_period():
    rows = _rows(_metric("a", "x.total", 100), _metric("a", "x.count", 4, "个", period="cumulative"))
    decl = _decl("x.per", "per_unit", ["x.total", "x.count"], requires="same_period")
    assert compute(rows, NONE, declarations=[decl]) == []


def test_a_folder_declaration_overrides_the_generic_one_of_its_id():
    rows = _rows(_metric("a", "x.total", 100), _metric("a", "x.count", 4, "个"), _metric("b", "x.total", 60),
                 _metric("b", "x.count", 3, "个"))  # fmt: skip
    generic = _decl("x.per", "per_unit", ["x.total", "x.count"], generic=True)
    mine = _decl("x.per", "percent", ["x.count", "x.total"], source="a")  # for a only
    found = {(i.source_id, i.indicator_id): i for i in compute(rows, NONE, declarations=[mine, generic])}
    assert found["a", "x.per"].unit == "%" and found["a", "x.per"].interval.low == 4.0
    assert found["b", "x.per"].unit == "元/个" and found["b", "x.per"].interval.low == 20.0  # generic for b


def test_parts_come_from_part_of_when_only_the_total_is_given():
    again = _metric("a", "school.funds_again", 20, part_of="x.total", duplicate_of="school.funds")
    rows = _rows(_metric("a", "x.total", 100), _metric("a", "housing.funds", 30, part_of="x.total"),
                 _metric("a", "school.funds", 20, part_of="x.total"), again)  # fmt: skip
    declared = [_decl("share.{part}", "part_shares", ["x.total"]), _decl("x.rest", "remainder", ["x.total"]),
                _decl("x.itemized", "share", ["x.total"])]  # fmt: skip
    found = {i.indicator_id: i for i in compute(rows, NONE, declarations=declared)}
    assert found["share.housing"].interval.low == 30 and found["share.school"].interval.low == 20
    assert found["x.rest"].interval.low == 50  # the restatement is not a second part
    assert found["x.itemized"].interval.low == 50
    assert found["x.rest"].formula == "x.total − (housing.funds + school.funds)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 73), unique=True, max_size=74))
def test_indicator_table_never_raises_for_a_missing_input(dropped):
    # any subset of the curated rows: indicators whose inputs are gone are simply absent
    metrics = load_metrics()
    kept = metrics.drop(index=dropped).reset_index(drop=True)
    frame = table(kept)
    present = set(kept["metric_id"])
    for inputs in frame["inputs"]:
        assert set(inputs.split(", ")) - {""} <= present


def test_apply_reports_nothing_for_a_generic_declaration_that_does_not_apply():
    rows = _rows(_metric("a", "x.total", 100))
    applied, problems = apply([_decl("x.per", "per_unit", ["x.total", "x.count"], generic=True)],
                              rows.to_dict("records"), [])  # fmt: skip
    assert applied == [] and problems == []


def test_the_library_names_no_metric_id_of_the_shufu_study_but_the_shared_ones():
    # the study's choices are data and notebook content; the library keeps the machinery
    import re

    from aidlib.data.vocabulary import shared_metrics

    study = set(load_metrics(source="guangzhou_shufu_2023")["metric_id"]) - set(shared_metrics())
    found = []
    for path in sorted((PROJECT_ROOT / "src" / "aidlib").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        named = [mid for mid in study if re.search(rf"(?<![\w.]){re.escape(mid)}(?!\w)", text)]
        found += [f"{path.name}: {mid}" for mid in named]
    assert found == []


def test_a_declaration_for_every_source_naming_an_unknown_input_is_a_typo(data_copy, capsys):
    _write(data_copy, [GOOD | {"source_id": "", "inputs": "funding.aid_total;education.schools"}])
    assert main(["check", "--data", str(data_copy)]) == 1
    assert (
        "indicators.csv:2: column inputs: 'education.schools': no source states it and no cited figure is it"
        in (capsys.readouterr().err)
    )


def test_check_names_the_declarations_that_apply_to_no_source_yet(data_copy, capsys):
    # inputs that exist, but in no one source together: not an error, and said
    _write(
        data_copy,
        [
            GOOD
            | {"source_id": "", "requires": "same_period", "inputs": "funding.aid_total;housing.households"}
        ],
    )  # 2023 against cumulative
    assert main(["check", "--data", str(data_copy)]) == 0
    assert "1 apply to no source yet: spend.per_x" in capsys.readouterr().out
