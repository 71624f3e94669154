"""The curator's path on reports invented for these tests: init, add-source, draft, label, check.

Every Chinese sentence in this file is INVENTED for the tests (no real report, no real
figure): each case says one thing the draft must read from the text (a plan name, a
"since", a founding year to ignore, a shared id, a basis, a multiple, a lost digit).
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from aidlib.cli import main
from aidlib.data.curate import add_source, guess_basis, guess_period, init_data, propose_shared
from aidlib.data.metrics import COLUMNS, MetricsError, load_metrics
from aidlib.data.sources import read_sources
from aidlib.quantities.chinese import find_quantities

# INVENTED: a county report for 2024 (the place, the money and every count are made up).
REPORT = (
    "示例县对口援疆工作综述（测试用虚构报道）。\n"
    "“十三五”期间，示例市累计投入援疆资金28.6亿元，实施援疆项目312个。"
    "2021年以来，安排援疆资金9.8亿元，其中教育援疆资金1.2亿元，实施教育援疆项目15个。"
    "对口援疆以来，引进招商引资项目86个，累计到位资金45亿元。"
    "该县2015年成立的合作社带动就业120人。"
    "现有卫星工厂42家，吸纳就业1860人。"
    "外贸进出口额同比增长1.5倍，引进投资3亿元。"
    "带动当\ufffd?00多人增收。"
    "今年以来，计划投入2亿元建设安居房，农民收入翻一番。\n"
)
# What the draft of REPORT proposes: metric_id, value, unit, qualifier, ratio, period, basis.
EXPECTED = [
    ("funding.aid_total", "2860000000", "元", "exact", "", "2016/2020", "invested"),  # 十三五 beats 累计
    ("funding.projects", "312", "个", "exact", "", "2016/2020", ""),  # a count has no basis
    # the shared id is taken: a second aid amount gets an id of the source's own
    ("funding.yuan_demo_county_2024", "980000000", "元", "exact", "", "2021/2024", "arranged"),
    # 教育 narrows 援疆资金 to a part: education's funds, not the aid total
    ("education.funds", "120000000", "元", "exact", "", "2021/2024", ""),
    # 教育援疆项目: not every aid project
    ("funding.units_demo_county_2024", "15", "个", "exact", "", "2021/2024", ""),
    ("investment.projects", "86", "个", "exact", "", "cumulative", ""),  # 对口援疆以来: no start stated
    ("investment.funds_received", "4500000000", "元", "exact", "", "cumulative", "arrived"),
    ("employment.jobs", "120", "人", "exact", "", "2024", ""),  # 2015年成立的: a founding year, no period
    ("employment.satellite_factories", "42", "家", "exact", "", "2024", ""),
    # 卫星工厂 is in the clause before, whose number took an id by that keyword: the factories' jobs
    ("employment.satellite_factory_jobs", "1860", "人", "exact", "", "2024", ""),
    # 增长1.5倍: 2.5 times the base
    ("trade.times_the_base_demo_county_2024", "1.5", "倍", "exact", "2.5", "2024", ""),
    # 外贸 belongs to the clause before (the growth rate), so 引进投资 is no trade figure
    ("investment.yuan_demo_county_2024", "300000000", "元", "exact", "", "2024", ""),
    # �?00多人: a digit lost, at least 100
    ("investment.people_demo_county_2024", "100", "人", "over", "", "2024", ""),
    ("housing.funds", "200000000", "元", "exact", "", "2024", "plan"),  # 今年以来, 计划投入, 安居
    # 翻一番: twice the base
    ("housing.times_the_base_demo_county_2024", "2", "倍", "exact", "2", "2024", ""),
]


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "mydata"
    init_data(data, title="An invented county, for the tests")
    return data


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _add(report, folder, source_id="demo_county_2024"):
    return main(["add-source", str(report), "--id", source_id, "--outlet", "测试报", "--published", "2024",
                 "--data", str(folder)])  # fmt: skip


def _draft(tmp_path, folder, source_id="demo_county_2024"):
    out = tmp_path / f"{source_id}.draft.csv"
    assert main(["draft", source_id, "--out", str(out), "--data", str(folder)]) == 0
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def _label(rows):
    for r in rows:  # the curator's step: a label for every row kept
        r["label_en"], r["label_zh"] = f"label of {r['metric_id']}", "标签"
    return rows


def _append(folder, rows):
    buf = io.StringIO()
    csv.DictWriter(buf, COLUMNS, lineterminator="\n").writerows(rows)
    with (folder / "metrics.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())


# ---- the whole path, in a temporary folder -------------------------------------------------
def test_init_add_source_draft_label_check(tmp_path, folder, report, capsys):
    assert main(["check", "--data", str(folder)]) == 0  # empty, and valid
    assert _add(report, folder) == 0
    rows = _draft(tmp_path, folder)
    got = [(r["metric_id"], r["value"], r["unit"], r["qualifier"], r["ratio"], r["period"], r["basis"])
           for r in rows]  # fmt: skip
    assert got == EXPECTED
    assert all(r["note"].startswith("DRAFT") and not r["label_en"] for r in rows)
    assert not any("does not read back" in r["note"] for r in rows)  # every quote is its one number
    capsys.readouterr()
    _append(folder, rows)
    assert main(["check", "--data", str(folder)]) == 1  # unlabelled: check says so, once per row
    assert capsys.readouterr().err.count("column label_en: is empty") == len(EXPECTED)
    (folder / "metrics.csv").write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    _append(folder, _label(rows))
    assert main(["check", "--data", str(folder)]) == 0, capsys.readouterr().err
    assert f"{len(EXPECTED)} metrics of 1 source(s) OK" in capsys.readouterr().out
    metrics = load_metrics(folder, source="demo_county_2024").set_index("metric_id")
    assert metrics.loc["funding.aid_total", "value"] == 2.86e9
    assert metrics.loc["trade.times_the_base_demo_county_2024", "ratio"] == 2.5
    lost = metrics.loc["investment.people_demo_county_2024"]
    assert (lost["value"], lost["qualifier"]) == (100, "over")
    assert "a digit before them was lost" in lost["note"] and "at least 100 人" in lost["note"]
    _frictionless_validates(folder)


def _frictionless_validates(folder):
    import shutil
    import subprocess

    from aidlib.data.paths import PROJECT_ROOT

    venv = str(PROJECT_ROOT / ".venv" / "bin")
    exe = shutil.which("frictionless", path=venv) or shutil.which("frictionless")
    assert exe, "frictionless is a dev dependency"
    done = subprocess.run([exe, "validate", str(folder / "datapackage.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]


def test_a_second_report_shares_the_ids_and_the_same_text_is_flagged(tmp_path, folder, report, capsys):
    assert _add(report, folder) == 0
    _append(folder, _label(_draft(tmp_path, folder)))
    # INVENTED: a second county's report, one sentence
    other = tmp_path / "other.txt"
    other.write_text("2023年，示例区投入援疆资金3.5亿元，实施援疆项目40个。\n", encoding="utf-8")
    assert main(["add-source", str(other), "--id", "demo_district_2023", "--outlet", "测试报",
                 "--published", "2023", "--data", str(folder)]) == 0  # fmt: skip
    rows = _draft(tmp_path, folder, "demo_district_2023")
    assert [(r["metric_id"], r["period"], r["basis"]) for r in rows] == [
        ("funding.aid_total", "2023", "invested"), ("funding.projects", "2023", ""),
    ]  # the same ids as the first report's: the two compare by them
    _append(folder, _label(rows))
    capsys.readouterr()
    assert main(["check", "--data", str(folder)]) == 0, capsys.readouterr().err
    both = load_metrics(folder)
    totals = both[both["metric_id"] == "funding.aid_total"]
    assert list(zip(totals["source_id"], totals["value"], totals["period"], strict=True)) == [
        ("demo_county_2024", 2.86e9, "2016/2020"), ("demo_district_2023", 3.5e8, "2023"),
    ]
    # the first report again, under another id: recorded, with a warning naming the first
    again = tmp_path / "copy.txt"
    again.write_bytes(report.read_bytes())
    capsys.readouterr()
    assert _add(again, folder, "demo_county_copy") == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and re.fullmatch(
        r"aidlib add-source: warning: .*copy.txt is byte for byte the text already recorded as "
        r"'demo_county_2024' \(sha256 [0-9a-f]{12}…\); recorded as 'demo_county_copy' all the same", err[0]
    ), err


def test_what_the_curator_gets_wrong_is_refused(tmp_path, folder, report):
    assert _add(report, folder) == 0
    rows = _label(_draft(tmp_path, folder))
    from aidlib.data.curate import write_draft

    with pytest.raises(FileExistsError, match=r"county_2024.draft.csv already exists; .* never overwrites"):
        write_draft("demo_county_2024", tmp_path / "demo_county_2024.draft.csv", folder)
    with pytest.raises(FileExistsError, match=r"mydata: exists and is not empty"):
        init_data(folder)
    _append(folder, [*rows, rows[0]])  # the total copied twice: a shared id is once per source
    duplicate = r"metrics.csv:\d+: column metric_id: duplicate 'funding.aid_total' in source 'demo_\w+'"
    with pytest.raises(MetricsError, match=duplicate + r" \(first on line 2\)"):
        load_metrics(folder)
    (folder / "metrics.csv").write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    lost = next(r for r in rows if r["metric_id"] == "investment.people_demo_county_2024")
    lost["value"] = "200"  # a guess at the lost digit is not what survives
    _append(folder, rows)
    with pytest.raises(MetricsError, match=r"column value: 200 is not the bound the surviving digits of .* "
                                           r"allow: expected 100 \(at least\)"):  # fmt: skip
        load_metrics(folder)


# ---- periods -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "covered", "period"),
    [
        # INVENTED sentences; the number read is the last one of each
        ("“十三五”期间，累计投入援疆资金30亿元", "2023", "2016/2020"),  # the plan beats 累计
        ("十二五时期投入10亿元", "2023", "2011/2015"),
        ("十四五以来，投入援疆资金12亿元", "2023", "2021/2023"),  # since the plan began: to the year covered
        ("十五五期间计划投入20亿元", "2025", "2026/2030"),  # a plan ahead of the report: its own years
        ("十四五援疆规划项目32个", "2023", "2021/2025"),  # a bare plan name counts in the number's clause
        # ... but not in another clause: there it names the year, it does not date the number
        ("2023年是十四五规划实施的关键之年，投入3亿元", "2023", "2023"),
        ("2016年以来，广州累计投入援疆资金30亿元", "2023", "2016/2023"),
        ("2016年以来，累计投入30亿元，2023年，投入5亿元", "2023", "2023"),  # a nearer year wins
        ("2023年以来组织企业参加展会33场次", "2023", "2023"),  # since the year covered: that year
        ("自2021年6月起，投入资金2亿元", "2023", "2021/2023"),  # 起 as 以来; the month drops out of a span
        ("援疆以来，累计投入援疆资金50亿元", "2023", "cumulative"),  # since an unstated start
        ("对口援疆以来，建成学校12所", "2023", "cumulative"),
        ("今年以来，培训教师300人", "2023", "2023"),
        ("去年以来，培训教师300人", "2023", "2022/2023"),
        ("2016年以来，累计投入30亿元", "cumulative", "cumulative"),  # a report of no known year: no end
        # founding years are never a period
        ("2015年成立的合作社带动200户", "2023", "2023"),
        ("合作社于2015年成立，现有社员80人", "2023", "2023"),
        ("该医院始建于1958年，有床位300张", "2023", "2023"),
        ("该校创建于2010年，在校学生1200名", "2023", "2023"),
        ("自2015年成立以来，累计带动就业500人", "2023", "cumulative"),  # since its founding: no year taken
        ("2022年成立合作社10家", "2023", "2022"),  # founding ten cooperatives in 2022 is what 2022 did
        # the base of a change is not the period: the change is of the year before it
        ("2020年，农民收入比2015年增长2倍", "2023", "2020"),
        ("全年销售额较2022年增长3.2亿元", "2023", "2023"),
        ("与2019年相比，投入增加1亿元", "2023", "2023"),
    ],
)
def test_guess_period_on_invented_sentences(text, covered, period):
    q = find_quantities(text)[-1]
    assert guess_period(text, q.start, q.end, covered) == period


# ---- bases ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "basis"),
    [
        # INVENTED clauses holding one money amount
        ("累计投入5.3亿元援疆资金", "invested"),
        ("安排援疆资金2.32亿元", "arranged"),
        ("落实援疆资金2亿元", "delivered"),
        ("累计到位资金20.43亿元", "arrived"),
        ("拨付资金3亿元", "arrived"),
        ("援疆资金到疆8亿元", "arrived"),
        ("签约金额12亿元", "signed"),
        ("计划投入2亿元", "plan"),  # 计划 before the verb makes it a plan
        ("拟安排资金1亿元", "plan"),
        ("规划总投资10亿元", "plan"),
        ("共计3亿元", ""),  # no verb: the text does not say
        ("投入资金，完成投资3亿元", ""),  # a verb in another clause does not count
    ],
)
def test_guess_basis_on_invented_clauses(text, basis):
    q = find_quantities(text)[-1]
    assert guess_basis(text, q.start) == basis


# ---- shared ids ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        # INVENTED sentences: the id proposed for each number in turn (None: none)
        ("投入援疆资金5亿元，实施援疆项目30个", ["funding.aid_total", "funding.projects"]),
        ("援疆资金5亿元，援疆资金3亿元", ["funding.aid_total", None]),  # once per source
        ("产业援疆资金2亿元", ["industry.funds"]),  # narrowed to a part: industry's, not the total
        ("民生援疆资金2亿元", [None]),  # narrowed, and no shared id for livelihood
        ("实施援疆项目30大项", [None]),  # 大项 is not a unit of funding.projects
        ("援疆资金投入120人", [None]),  # people are no money
        ("卫星车间15个，带动就业600人", ["employment.satellite_factories", "employment.jobs"]),
        ("现有卫星工厂42家，吸纳就业1860人", ["employment.satellite_factories",
                                         "employment.satellite_factory_jobs"]),  # fmt: skip
        ("外贸进出口额下降3.2%，引进投资3亿元", [None, None]),  # 外贸 is the growth rate's clause
        ("到疆援疆干部人才120名", ["talent_exchange.cadres"]),
        ("2100余名当地干部群众到广州交流", [None]),  # local cadres visiting are not cadres sent
    ],
)
def test_propose_shared_on_invented_sentences(text, proposed):
    from aidlib.data import curate

    index = curate._Index(text)
    claimed = {index.span(q.start, q.end, curate._CLAUSE_END)[0]: set() for q in find_quantities(text)}
    taken: set[str] = set()
    got = []
    for q in find_quantities(text):
        mid, _ = propose_shared(text, q, taken, index, claimed)
        if mid:
            taken.add(mid)
            claimed[index.span(q.start, q.end, curate._CLAUSE_END)[0]].add(mid)
        got.append(mid)
    assert got == proposed


def test_several_shared_ids_alike_propose_none_and_are_named():
    text = "投入5亿元用于教育、医疗"  # INVENTED: one amount, two sectors: which is the curator's call
    (q,) = find_quantities(text)
    assert propose_shared(text, q, set()) == (None, ["education.funds", "health.funds"])


def test_a_source_may_cover_a_span_of_years(tmp_path, folder, report):
    # INVENTED: a report since 2021 covers 2021/2023; its undated numbers default to its last year
    assert main(["add-source", str(report), "--id", "span_2023", "--outlet", "测试报", "--published", "2023",
                 "--period", "2021/2023", "--data", str(folder)]) == 0  # fmt: skip
    assert read_sources(folder)[0]["span_2023"]["period_covered"] == "2021/2023"
    cases = (("2023/2021", "ends before it starts"), ("2023/20", "is not a year or a span of years"))
    for bad, message in cases:
        with pytest.raises(ValueError, match=rf"--period '{bad}' .*{message}"):
            add_source(report, f"bad_{bad[-2:]}", outlet="测试报", published="2023", period_covered=bad,
                       data=folder)  # fmt: skip
