"""Cited figures: the table loads, every kind of bad row is caught, conflicts are side by side."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from aidlib.cli import main
from aidlib.data.figures import (
    BASES,
    COLUMNS,
    MEASURES,
    FigureError,
    check_figures,
    citation,
    compare,
    conflicts,
    figure,
    load_figures,
)
from aidlib.data.paths import PROJECT_ROOT
from aidlib.quantities.chinese import QuantityError
from aidlib.quantities.english import find_english_quantities, parse_english_quantity

DATA = PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def figures():
    return load_figures()


def test_loads_every_figure(figures):
    assert list(figures.columns) == list(COLUMNS)
    assert len(figures) == 83 and figures["figure_id"].is_unique
    assert figures["value"].dtype == float
    assert (figures["url"].str.match(r"https?://")).all()
    assert (figures["published"] != "").all()


def test_figure_and_citation(figures):
    gdp = figure(figures, "shufu.gdp.2022")
    assert (gdp["value"], gdp["unit"], gdp["period"]) == (6e9, "元", "2022")
    assert citation(figures, "shufu.gdp.2022").endswith("(grade B)")
    with pytest.raises(KeyError, match=r"unknown cited figure 'shufu.gdp.2021'; did you mean shufu.gdp.2022"):
        figure(figures, "shufu.gdp.2021")
    with pytest.raises(TypeError, match=r"figure\(\) needs a figure_id: figure\(figures, figure_id\)"):
        figure(figures)


def test_the_old_argument_order_still_works_with_a_warning(figures):
    # before 0.2 the id came first and the frame was optional
    with pytest.warns(DeprecationWarning, match=r"give the frame first, figure\(figures, figure_id\)"):
        assert figure("shufu.gdp.2022", figures)["value"] == 6e9
    with pytest.warns(DeprecationWarning, match="citation"):
        assert citation("shufu.gdp.2022", figures) == citation(figures, "shufu.gdp.2022")
    with pytest.warns(DeprecationWarning):
        assert figure("shufu.gdp.2022")["value"] == 6e9  # no frame: loaded
    assert figure(None, "shufu.gdp.2022")["value"] == 6e9  # None loads them, no warning


# ---- English wire figures ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("more than 18.8 billion yuan", 18.8e9, "元", "over"),
        ("about 3.45 billion yuan", 3.45e9, "元", "about"),
        ("nearly 120 billion yuan", 120e9, "元", "under"),  # nearly = at most, as 近
        ("over 60 billion yuan", 60e9, "元", "over"),
        ("680 million yuan", 680e6, "元", "exact"),
        ("89.7 percent", 89.7, "%", "exact"),
        ("47.3 per cent", 47.3, "%", "exact"),
        ("up to 5 million US dollars", 5e6, "美元", "under"),  # dollars stay dollars
        ("RMB 5.3 billion", 5.3e9, "元", "exact"),  # currency before the number
        ("¥100", 100, "元", "exact"),
        ("263,014 people", 263014, "人", "exact"),  # thousands separators
        ("Less than 2 percent", 2, "%", "under"),  # case-insensitive
    ],
)
def test_english_reader(text, value, unit, qualifier):
    q = parse_english_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("in 2019", "no quantity"),  # a year: no unit
        ("the 3rd symposium", "no quantity"),
        ("5 billion yuan and 6 billion yuan", "2 quantities"),
        ("$5 billion yuan", "no quantity"),  # contradictory currencies
    ],
)
def test_english_reader_refuses(text, message):
    with pytest.raises(QuantityError, match=message):
        parse_english_quantity(text)


def test_hedge_only_counts_right_before_the_number():
    (q,) = find_english_quantities("under the plan, 5 billion yuan")
    assert q.qualifier == "exact" and q.text == "5 billion yuan"


# ---- every kind of bad row ----------------------------------------------------------
@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def _edit(data, figure_id, column, value):
    path = data / "cited_figures.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == figure_id)
    rows[line - 1][COLUMNS.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)
    return line


@pytest.mark.parametrize(
    ("figure_id", "column", "value", "message"),
    [
        # stated and value disagree: the main guarantee
        ("shufu.gdp.2022", "value", "6500000000", r"column value: 6500000000 disagrees with stated '60亿元'"),
        ("shufu.gdp.2022", "stated", "65亿元", r"column value: 6000000000 disagrees with stated '65亿元'"),
        (
            "xinjiang.aid_funds.2019",
            "value",
            "1880000000",
            r"column value: .* disagrees with stated 'more than 18.8 billion yuan'",
        ),
        (
            "xinjiang.aid_funds.2019",
            "qualifier",
            "exact",
            r"column qualifier: 'exact' disagrees .* expected 'over'",
        ),
        ("shufu.gdp.2022", "qualifier", "about", r"column qualifier: 'about' disagrees with stated '60亿元'"),
        (
            "xinjiang.aid_funds.2024",
            "qualifier",
            "exact",
            r"column qualifier: .* disagrees with stated '近200亿元': expected 'under'",
        ),
        ("shufu.gdp.2022", "stated", "sixty", r"column stated: no quantity in 'sixty'"),
        ("shufu.gdp.2022", "value", "６０亿", r"column value: '６０亿' is not a number"),
        # vocabularies
        ("shufu.gdp.2022", "subject", "Shufu", r"column subject: unknown subject 'Shufu'; expected one of"),
        ("shufu.gdp.2022", "measure", "GDP", r"column measure: unknown measure 'GDP'"),
        ("shufu.gdp.2022", "basis", "yearly", r"column basis: unknown basis 'yearly'"),
        ("shufu.gdp.2022", "reliability", "D", r"column reliability: unknown reliability 'D'"),
        ("shufu.gdp.2022", "unit", "人", r"column unit: '人' does not fit measure 'gdp': expected '元'"),
        ("shufu.gdp.2022", "qualifier", "roughly", r"column qualifier: unknown qualifier 'roughly'"),
        # periods
        ("shufu.gdp.2022", "period", "FY2022", r"column period: 'FY2022' is not a period"),
        ("shufu.gdp.2022", "period", "2022/2020", r"column period: '2022/2020' ends before it starts"),
        (
            "shufu.gdp.2022",
            "period",
            "2021/2022",
            r"column period: '2021/2022' does not fit basis 'annual': expected one year",
        ),
        (
            "kashgar.foreign_trade.2023_jan_sep",
            "period",
            "2023-01/2023-06",
            r"column period: .* does not fit basis 'jan_sep': expected 2023-01/2023-09",
        ),
        (
            "shenzhen.aid_funds.cum_2010_2020",
            "period",
            "2020",
            r"column period: .* does not fit basis 'cumulative': expected a span",
        ),
        ("shufu.gdp.2022", "period", "2022-13", r"column period: '2022-13' is not a period"),
        # citations
        ("shufu.gdp.2022", "url", "", r"column url: is empty; every cited figure has one"),
        (
            "shufu.gdp.2022",
            "url",
            "xjsf.gov.cn/page",
            r"column url: 'xjsf.gov.cn/page' is not an http\(s\) URL",
        ),
        ("shufu.gdp.2022", "published", "", r"column published: is empty; every cited figure has one"),
        ("shufu.gdp.2022", "published", "2023-02-30", r"column published: '2023-02-30' is not a date"),
        ("shufu.gdp.2022", "published", "Jan 2023", r"column published: 'Jan 2023' is not a date"),
        ("shufu.gdp.2022", "outlet", "", r"column outlet: is empty"),
        ("shufu.gdp.2022", "published", "2099-01-01", r"column published: '2099-01-01' is in the future"),
        (
            "shufu.gdp.2022",
            "published",
            "2021-06",
            r"column published: '2021-06' is before the period 2022 starts",
        ),
        ("xinjiang.aid_funds.2011_plan", "note", "", r"column note: is empty, but published is n.d."),
        # ids and links
        (
            "shufu.budget_revenue.2022",
            "figure_id",
            "shufu.gdp.2022",
            r"column figure_id: duplicate 'shufu.gdp.2022' \(first on line \d+\)",
        ),
        ("shufu.gdp.2022", "figure_id", "Shufu GDP", r"column figure_id: 'Shufu GDP' is not a figure id"),
        (
            "shufu.gdp.2022",
            "conflicts_with",
            "shufu.gdp.2021",
            r"column conflicts_with: 'shufu.gdp.2021' is not a figure_id",
        ),
        (
            "shufu.gdp.2022",
            "conflicts_with",
            "shufu.gdp.2022",
            r"column conflicts_with: 'shufu.gdp.2022' is this row",
        ),
        # no article text
        (
            "shufu.gdp.2022",
            "note",
            "全县生产总值预计完成六十亿元同比增长百分之五点五左右",
            r"column note: holds 20 or more Chinese characters in a row",
        ),
    ],
)
def test_bad_rows(data_copy, figure_id, column, value, message):
    line = _edit(data_copy, figure_id, column, value)
    with pytest.raises(FigureError, match=rf"cited_figures.tsv:{line}: {message}"):
        load_figures(data_copy)


def test_check_reports_figures_like_metrics(data_copy, capsys):
    line = _edit(data_copy, "shufu.gdp.2022", "value", "6500000000")
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(
        f"cited_figures.tsv:{line}: column value: 6500000000 disagrees with stated '60亿元',"
        " which says 6000000000"
    )
    assert err[-1] == "aidlib check: 1 problem(s)"


def test_check_passes_iff_load_succeeds(data_copy):
    path = data_copy / "cited_figures.tsv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\tn.d.\t", "\tn.d.\textra\t", 1), encoding="utf-8"
    )
    _, problems = check_figures(data_copy)
    assert problems and "18 cells, expected 17" in str(problems[0])
    with pytest.raises(FigureError):
        load_figures(data_copy)


def test_stated_without_unit_reads_with_the_rows_unit(figures):
    row = figure(figures, "xinjiang.aid_funds.2014_plan")
    assert (row["stated"], row["value"], row["unit"]) == ("110亿", 11e9, "元")


# ---- conflicts and bases ----------------------------------------------------------
def test_compare_same_key_prefers_by_grade(figures):
    side = compare(figures, "19 provinces→Xinjiang", "aid_funds", "annual", "2025")
    assert side["figure_id"].tolist() == ["xinjiang.aid_funds.2025_en", "xinjiang.aid_funds.2025"]
    assert side["preferred"].tolist() == [True, False]
    assert compare(figures, "Shufu County", "gdp", "annual", "1999").empty


def test_conflicts_table(figures):
    table = conflicts(figures)
    xikeerkule = table[table["figures"].str.contains("xikeerkule")].iloc[0]
    assert (xikeerkule["low"], xikeerkule["high"], xikeerkule["agree"]) == (3e8, 4.5e8, False)
    assert xikeerkule["preferred"] == ""  # different periods: none is preferred
    same = table.set_index("figures").loc["xinjiang.aid_funds.2025, xinjiang.aid_funds.2025_en"]
    assert same["agree"] and same["kind"].startswith("same subject") and same["preferred"].endswith("2025_en")
    shenzhen = table[table["figures"].str.contains("shenzhen.aid_funds.cum_2010_2019")]
    assert len(shenzhen) == 1 and shenzhen["figures"].iloc[0].count("shenzhen") == 3


def test_vocabularies_match_the_datapackage():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == "cited_figures")
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    assert list(fields) == list(COLUMNS)
    assert all(f.get("description") for f in fields.values())
    # a subject is aidlib's or the folder's (subjects.csv): no enum of the descriptor can list both
    subject = fields["subject"]
    assert "enum" not in subject["constraints"] and "subjects.csv" in subject["description"]
    assert fields["measure"]["constraints"]["enum"] == list(MEASURES)
    assert fields["basis"]["constraints"]["enum"] == list(BASES)
