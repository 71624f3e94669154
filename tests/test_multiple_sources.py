"""Sources as the unit: a report alone, two or three in one folder (the invented reports of tests/invented/).

The invented reports (made up for the tests: see tests/invented/README.md) share metric ids
with the shipped Shufu study, count their totals on other bases, state spans of years and
a number whose leading digit was lost.
"""

from __future__ import annotations

import pandas as pd
import pytest
from invented import A, B, add_reports, empty_folder, shipped_copy

import aidlib
from aidlib.cli import main
from aidlib.data.metrics import MetricsError, load_metrics
from aidlib.report import source_pages

SHUFU = "guangzhou_shufu_2023"


@pytest.fixture(scope="module")
def alone(tmp_path_factory):
    return add_reports(empty_folder(tmp_path_factory.mktemp("alone") / "data"), (A,))


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return add_reports(shipped_copy(tmp_path_factory.mktemp("three") / "data"))


def test_a_new_report_alone_checks_with_no_shufu_id_anywhere(alone, capsys):
    assert main(["check", "--data", str(alone)]) == 0
    out = capsys.readouterr().out
    assert "7 metrics of 1 source(s) OK" in out and "guangzhou" not in out


def test_a_new_report_alone_gets_its_generic_indicators(alone):
    metrics = load_metrics(alone)
    found = aidlib.indicator_table(metrics, data=alone).set_index("indicator_id")
    total, projects = 320_000_000, 40
    assert found.loc["spend.per_project", "low"] == total / projects  # its total ÷ its projects
    assert found.loc["share.housing", "text_en"] == "25%" and found.loc["share.industry", "low"] == 34.375
    assert found.loc["funding.unitemized", "low"] == total - 80_000_000 - 110_000_000
    assert found.loc["spend.per_household", "text_en"] == "5,000 yuan per household"  # same period: 2024
    assert found.loc["facts.distinct", "low"] == 7
    assert set(found["source_id"]) == {A}
    ctx = aidlib.context_table(metrics, data=alone).set_index("indicator_id")  # its own cited figure
    assert ctx.loc["context.aid_to_gdp", "text_en"] == "4%"
    assert ctx.loc["context.aid_to_gdp", "caveat"].endswith("Compares 2024 aid with 2023 GDP.")


def test_the_same_id_in_two_sources_is_the_same_concept_stated_twice(three):
    metrics = load_metrics(three)
    totals = metrics[metrics["metric_id"] == "funding.aid_total"]
    assert list(totals["source_id"]) == [SHUFU, A, B]
    assert list(totals["basis"]) == ["invested", "invested", "arranged"]  # 投入, 投入, 安排: not one measure
    with pytest.raises(KeyError, match=r"'funding.aid_total' is stated by 3 sources .*: give source="):
        aidlib.metric(metrics, "funding.aid_total")
    assert aidlib.metric(metrics, "funding.aid_total", source=B)["value"] == 250_000_000
    view = aidlib.metric_view(metrics, ids=["funding.aid_total"])
    assert list(view["source_id"]) == [SHUFU, A, B]


def test_nothing_counts_across_sources_unless_asked(three):
    everything = load_metrics(three)
    assert len(everything) == 74 + 7 + 4
    shufu = load_metrics(three, source=SHUFU)
    facts = aidlib.indicator_table(everything, data=three).set_index(["source_id", "indicator_id"])
    assert facts.loc[(SHUFU, "facts.distinct"), "low"] == 71  # Shufu's own, whatever else the folder holds
    assert facts.loc[(A, "facts.distinct"), "low"] == 7 and facts.loc[(B, "facts.distinct"), "low"] == 4
    assert len(load_metrics(three, source=[A, B])) == 11
    with pytest.raises(
        KeyError, match="unknown source .invented_c.; did you mean invented_b_2023, invented_a_2024"
    ):
        load_metrics(three, source="invented_c")
    assert len(shufu) == 74


def test_shufu_numbers_do_not_change_beside_other_reports(three):
    def shufu(folder):
        metrics = load_metrics(folder, source=SHUFU)
        return (aidlib.indicator_table(metrics, data=folder), aidlib.context_table(metrics, data=folder))

    alone, beside = shufu(aidlib.data.paths.data_dir()), shufu(three)
    for before, after in zip(alone, beside, strict=True):
        pd.testing.assert_frame_equal(before, after)
    assert len(alone[0]) == 17 and len(alone[1]) == 11


def test_a_lost_digit_is_kept_as_the_bound_its_digits_allow(alone):
    jobs = aidlib.metric(load_metrics(alone), "employment.jobs")
    assert (jobs["value"], jobs["qualifier"]) == (100, "over")  # 带动当�?00多人: at least 100
    assert aidlib.value_text(jobs["value"], jobs["qualifier"], jobs["unit_en"]) == "≥ 100 people"


@pytest.mark.parametrize(
    ("value", "qualifier", "message"),
    [
        (0, "over", "is not the bound the surviving digits of .* allow: expected 100 \\(at least\\)"),
        (100, "exact", "'exact', but the quote .* is damaged \\(a digit may be lost\\): only a lower bound"),
        (900, "over", "expected 100"),  # more than the digits guarantee: not a bound they allow
    ],
)
def test_a_damaged_number_must_state_the_bound_of_its_digits(tmp_path, value, qualifier, message):
    folder = add_reports(empty_folder(tmp_path / "data"), (A,), figures=False)
    path = folder / "metrics.csv"
    text = path.read_text(encoding="utf-8").replace(
        ",100,人,people,over,", f",{value},人,people,{qualifier},"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MetricsError, match=message):
        load_metrics(folder)


def test_a_span_of_years_is_a_period_of_its_own(alone):
    firms = aidlib.metric(load_metrics(alone), "investment.firms")
    assert firms["period"] == "2021/2024" and aidlib.period_text(firms["period"]) == "2021–2024"


def test_a_subject_the_folder_adds_is_a_subject_of_its_cited_figures(tmp_path):
    folder = add_reports(empty_folder(tmp_path / "data"), (A,))
    assert aidlib.load_figures(folder)["subject"].tolist() == ["Example County (invented)"]
    (folder / "subjects.csv").write_text("subject,description\n", encoding="utf-8")
    with pytest.raises(aidlib.FigureError, match="unknown subject 'Example County \\(invented\\)'"):
        aidlib.load_figures(folder)


def test_the_comparison_sets_shared_ids_side_by_side_and_draws_only_like_with_like(three):
    metrics = load_metrics(three)
    records = [aidlib.source_record(s, three) for s in (SHUFU, A, B)]
    indicators = aidlib.indicator_table(metrics, data=three)
    body = source_pages.compare_body(records, metrics, indicators)
    totals = body[body.index("<h3>Aid funds, total</h3>") : body.index("<h3>", body.index("<h3>") + 1)]
    rows = (("530 million yuan", "2023", "put in (投入)"), ("320 million yuan", "2024", "put in (投入)"),
            ("250 million yuan", "2023", "arranged (安排)"))  # fmt: skip
    for shown, period, basis in rows:
        assert shown in totals and period in totals and basis in totals
    # the two totals put in (投入) are alike and drawn together, the one arranged (安排) apart
    assert "Not all drawn together, because the bases differ: put in (投入) and arranged (安排)." in totals
    assert totals.count("<figure class=chart>") == 1
    chart = totals[totals.index("<figure class=chart>") :]
    assert "530 million yuan" in chart and "320 million yuan" in chart and "250 million yuan" not in chart
    projects = body[body.index("<h3>Aid projects</h3>") :]
    assert "<figure class=chart>" in projects.split("<h3>")[1]  # one unit, no basis needed, a year each
    assert "<h3>Aid per project</h3>" in body  # a derived figure the invented reports share


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        ({"unit": ["元", "户"], "basis": ["", ""], "period": ["2023", "2023"]}, "the units differ"),
        ({"unit": ["元", "元"], "basis": ["", ""], "period": ["2023", "2023"]}, "the basis is not stated"),
        ({"unit": ["个", "个"], "basis": ["", ""], "period": ["2023", "2024"]}, ""),  # counts need no basis
        ({"unit": ["人", "名"], "basis": ["", ""], "period": ["2023", "2023"]}, ""),  # one family: people
        ({"unit": ["个", "个"], "basis": ["", ""], "period": ["2023", "cumulative"]}, "the periods differ"),
        ({"unit": ["元", "元"], "basis": ["plan", "plan"], "period": ["2016/2020", "2021/2025"]}, ""),
        (
            {"unit": ["元", "元"], "basis": ["plan", "plan"], "period": ["2016/2020", "2021/2023"]},
            "the periods differ in length",
        ),
    ],
)
def test_like_with_like(rows, why):
    assert (
        source_pages.like_with_like(pd.DataFrame(rows)).startswith(why)
        if why
        else (source_pages.like_with_like(pd.DataFrame(rows)) == "")
    )


def test_a_frame_remembers_its_folder_so_its_declarations_apply(alone):
    # load_metrics records the folder (frame.attrs): indicators need no data= to read its indicators.csv
    metrics = load_metrics(alone)
    assert aidlib.context_table(metrics)["indicator_id"].tolist() == ["context.aid_to_gdp"]
    kept = metrics[metrics["metric_id"] != "housing.funds"]  # a filtered frame keeps it
    assert aidlib.context_table(kept)["indicator_id"].tolist() == ["context.aid_to_gdp"]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"metric_id": ["a.b"]}), "the metrics have no column 'source_id'"),
        (pd.DataFrame({c: ["1"] for c in ("source_id", "metric_id", "label_en", "value", "unit", "qualifier",
                                          "period", "duplicate_of", "part_of")}), "value column holds text"),
    ],
)
def test_a_frame_that_is_no_metrics_frame_is_named(frame, message):
    with pytest.raises(ValueError, match=message):
        aidlib.indicator_table(frame)


def test_metric_view_names_a_missing_column():
    with pytest.raises(ValueError, match="metric_view: the metrics have no column 'basis'"):
        aidlib.metric_view(load_metrics().drop(columns="basis"))


def test_a_basis_that_the_quotes_verb_contradicts_is_refused(tmp_path):
    # 甲市累计投入援疆资金3.2亿元 says 投入 (invested): a curator's arranged is a slip, named in one line
    folder = add_reports(empty_folder(tmp_path / "data"), (A,), figures=False)
    path = folder / "metrics.csv"
    text = path.read_text(encoding="utf-8").replace(",2024,invested,甲市", ",2024,arranged,甲市")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MetricsError, match="column basis: 'arranged' disagrees with the quote .*'invested'"):
        load_metrics(folder)
