# ---
# jupyter:
#   aidlib:
#     needs:
#       figures:
#       - dongguan.aid_funds.2016_2020
#       - dongguan.aid_funds.2017_2020
#       - dongguan.aid_funds.2020
#       - dongguan.investment_attracted.2017_2019
#       - guangdong.aid_funds.2014
#       - guangdong.aid_funds.fiscal_2010_2017
#       - guangdong.aid_funds.total_2010_2017
#       - guangdong_3rddiv.aid_funds.2011_housing
#       - guangzhou_shufu.aid_funds.2023
#       - guangzhou_shufu.aid_funds.plan_2011_2015
#       - kashgar.foreign_trade.2013
#       - kashgar.foreign_trade.2022
#       - kashgar.foreign_trade.2023
#       - kashgar.foreign_trade.2023_jan_nov
#       - kashgar.foreign_trade.2023_jan_sep
#       - kashgar.trade_growth.2023_jan_sep
#       - shenzhen.aid_funds.2020
#       - shenzhen.aid_funds.cum_2010_2023
#       - shufu.budget_revenue.2022
#       - shufu.fixed_asset_investment.2022
#       - shufu.gdp.2022
#       - shufu.working_age_population.2021
#       - xinjiang.trade_growth.2023_jan_sep
#       indicators:
#       - context.aid_per_resident
#       - context.aid_share_xinjiang_2019
#       - context.aid_share_xinjiang_2024
#       - context.aid_to_budget_revenue
#       - context.aid_to_fixed_asset_investment
#       - context.aid_to_gdp
#       - context.aid_vs_plan_2011_2015
#       - context.factory_jobs_to_new_jobs_2022
#       - context.factory_jobs_to_working_age
#       - context.trade_share_kashgar
#       - context.trade_share_xinjiang
#       metrics:
#       - employment.satellite_factory_jobs
#       - funding.aid_total
#       - trade.growth_yoy
#       source: guangzhou_shufu_2023
#   jupytext:
#     formats: ipynb,scripts//py:percent
#     notebook_metadata_filter: aidlib
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Shufu in context
#
# **Question.** Is 5.3亿元 a lot for Shufu County? Is counterpart aid to Xinjiang growing?
# How does Shufu's 70% trade growth compare with Kashgar's and Xinjiang's over the same
# months, and what share of the county's working-age people hold the satellite-factory jobs?
# The report alone cannot say; published figures from other sources can.
#
# **Source.** The figures of the 南方农村报 (2023) report (notebook 00) set against figures
# published by other outlets, each a number as printed with its outlet, date, web page and a
# reliability grade (A: the original page of a government or state outlet; B: a named
# outlet's piece reposted elsewhere; C: unattributed, wiki, Q&A or aggregator); the data
# page lists every one. Every derived figure below comes with its formula, inputs, bounds
# and caveat.

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report`, or run all cells in JupyterLab. The report's figures are curated
# in `data/metrics.csv`, the cited figures in `data/cited_figures.tsv`; the derived ones are
# the indicators of `aidlib.context`.

# %% tags=["remove-cell"]
import pandas as pd

import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
REPORT = "南方农村报 (2023)"  # the source line of every chart drawn from the report alone
aidlib.set_chart_source(REPORT)
metrics = aidlib.load_metrics(source=SOURCE)
figures = aidlib.load_figures()
ctx = aidlib.context_table(metrics, figures)

# %%
aidlib.reader_table(figures["reliability"].value_counts().sort_index().rename(aidlib.grades_text).rename("figures"),
                    {"item": "grade", "figures": "cited figures"})  # fmt: skip

# %% [markdown]
# ## 1. Is counterpart aid to Xinjiang growing?
#
# The 19 partner provinces' aid to Xinjiang is published unevenly: plans for some years,
# partial-year totals for others, full-year totals for 2017–2019 and 2024–2025, and nothing
# for 2010, 2012, 2016 or 2020–2023. The chart marks each point by its basis and joins
# only consecutive full years: a plan is not an outcome, and nine months are not a year.
# Gaps stay gaps. Guangzhou's 2023 aid to Shufu is the star, for scale: it is not a point
# of the Xinjiang series.

# %% tags=["remove-output"]
xinjiang = aidlib.series(figures, "19 provinces→Xinjiang", "aid_funds")
shufu = xinjiang.iloc[:0].copy()
aid = aidlib.metric(metrics, "funding.aid_total")
shufu.loc[0] = {"figure_id": "funding.aid_total", "year": 2023, "period": aid["period"], "basis": "annual",
                "value": aid["value"], "qualifier": aid["qualifier"], "unit": aid["unit"], "reliability": "report",
                "shown": aidlib.value_text(aid["value"], aid["qualifier"], "yuan")}  # fmt: skip
shufu["label"] = "Guangzhou→Shufu, 2023 (this report)"
assert shufu.loc[0, "value"] / 1e9 == 0.53
ax = aidlib.series_chart(xinjiang, title="Counterpart aid to Xinjiang, 19 partner provinces", ylabel="billion yuan",
             scale=1e9, extra=shufu)  # fmt: skip
aidlib.publish(ax, source=f"{aidlib.figures_source(xinjiang, figures)}; Shufu: {REPORT}")
aidlib.chart_text(ax)

# %% [markdown]
# Where full years are published, the total rose from 15.18 billion yuan (2017) to at least
# 18.8 billion (2019) and nearly 20 billion in 2024 (近200亿: approaching, so at most 20
# billion); 2025's 19.7 billion is a little lower. The 2020–2023 gap means the trend across
# it is not known. Guangzhou's 5.3亿元 for one county is at most 2.82% of the 2019 total
# and at least 2.65% of 2024's.

# %%
annual = xinjiang[xinjiang["basis"] == "annual"].set_index("year")
assert sorted(annual.index) == [2017, 2018, 2019, 2024, 2025]
assert not {2010, 2012, 2016, 2020, 2021, 2022, 2023} & set(xinjiang["year"])  # the gaps
assert annual.loc[2017, "value"] == 15.18e9
assert (annual.loc[2019, "value"], annual.loc[2019, "qualifier"]) == (18.8e9, "over")
assert (annual.loc[2024, "value"], annual.loc[2024, "qualifier"]) == (20e9, "under")
assert annual.loc[2025, "value"] == 19.7e9
assert aidlib.indicator(ctx, "context.aid_share_xinjiang_2019")["text_en"] == "≤ 2.82%"
assert aidlib.indicator(ctx, "context.aid_share_xinjiang_2024")["text_en"] == "≥ 2.65%"
aidlib.reader_table(
    aidlib.indicator(ctx, ["context.aid_share_xinjiang_2019", "context.aid_share_xinjiang_2024"]),
    {"label": "comparison", "text_en": "value", "caveat": "caveat"},
)

# %% [markdown]
# Cumulative totals cannot join the series: they span different years and, as their notes
# say, different scopes. They appear in the table of conflicts at the end.

# %%
spans = aidlib.spans(figures, "19 provinces→Xinjiang", "aid_funds")
described = figures.set_index("figure_id")["description_en"]
aidlib.reader_table(
    spans.assign(what=spans["figure_id"].map(described)),
    {"what": "figure", "period": "years", "stated": "as printed", "reliability": "grade"},
)

# %% [markdown]
# ## 2. Is 5.3亿元 a lot for Shufu?
#
# Against the county's own economy, yes. Per resident of the 2020 census the 2023 aid comes
# to about 2,015 yuan. It is about 8.8% of the county's 2022 GDP, 186% of its 2022 general
# budget revenue, and about 15% of its 2022 fixed-asset investment. These ratios set 2023
# aid against 2022 figures (the only year published) and are scale comparisons, not shares:
# aid money is neither value added nor budget revenue. Each ratio has a panel of its own, for
# its own denominator; the panels share one scale, so the bars show how much larger the aid
# looms next to the county's budget than next to its economy.

# %% tags=["remove-output"]
names = {"context.aid_to_gdp": "of 2022 GDP", "context.aid_to_budget_revenue": "of 2022 budget revenue",
         "context.aid_to_fixed_asset_investment": "of 2022 fixed-asset investment"}  # fmt: skip
economy = aidlib.indicator(ctx, list(names))
economy = economy.assign(text=economy["text_en"], label="2023 aid")
axes = aidlib.panel_chart({names[i]: economy[economy["indicator_id"] == i] for i in names},
                          title="Guangzhou's 2023 aid against three parts of Shufu's 2022 economy", xlabel="percent",
                          same_scale=True)  # fmt: skip
ids = ["shufu.gdp.2022", "shufu.budget_revenue.2022", "shufu.fixed_asset_investment.2022"]
aidlib.publish(axes, source=f"{REPORT}; {aidlib.figures_source(figures[figures['figure_id'].isin(ids)], figures)}")
aidlib.chart_text(axes)

# %%
per_resident = aidlib.indicator(ctx, "context.aid_per_resident")
assert per_resident["text_en"] == "≈ 2,015 yuan per person"
assert round(aidlib.indicator(ctx, "context.aid_to_gdp")["low"], 1) == 8.8
assert aidlib.indicator(ctx, "context.aid_to_budget_revenue")["text_en"] == "≈ 186%"
assert round(aidlib.indicator(ctx, "context.aid_to_fixed_asset_investment")["low"]) == 15
aidlib.reader_table(aidlib.indicator(ctx, ["context.aid_per_resident"]), {"label": "comparison", "text_en": "value", "caveat": "caveat"})

# %%
gdp = aidlib.figure(figures, "shufu.gdp.2022")
aidlib.reader_table({"Shufu GDP 2022": f"{gdp['outlet']}, {gdp['published']}; {aidlib.grades_text(gdp['reliability'])}"},
                    {"item": "figure", "value": "citation"})  # fmt: skip

# %% [markdown]
# ## 3. Shufu's trade growth against Kashgar's and Xinjiang's
#
# The report gives Shufu's foreign trade for January–September 2023 and its growth. The
# same months are published for Kashgar Prefecture and for Xinjiang. Kashgar's total is
# printed as "over 60 billion yuan", a lower bound, so Shufu's share of it is an upper
# bound: at most 1.98%. Of Xinjiang's trade, Shufu's is about 0.47%.

# %%
shares = aidlib.indicator(ctx, ["context.trade_share_kashgar", "context.trade_share_xinjiang"])
aidlib.reader_table(shares, {"label": "share", "text_en": "value", "caveat": "caveat"})

# %% tags=["remove-cell"]
assert aidlib.indicator(shares, "context.trade_share_kashgar")["text_en"] == "≤ 1.98%"
assert aidlib.figure(figures, "kashgar.foreign_trade.2023_jan_sep")["stated"] == "over 60 billion yuan"
assert round(aidlib.indicator(shares, "context.trade_share_xinjiang")["low"], 2) == 0.47

# %% [markdown]
# Growth over January–September 2022: Shufu's 70% is below Kashgar's 89.7% and above
# Xinjiang's 47.3%. All three are year-on-year rates for the same nine months.

# %% tags=["remove-output"]
peers = {"Kashgar Prefecture": "kashgar.trade_growth.2023_jan_sep", "Xinjiang": "xinjiang.trade_growth.2023_jan_sep"}
growth = pd.DataFrame({"label": ["Shufu County (this report)", *peers],
                       "value": [aidlib.metric(metrics, "trade.growth_yoy")["value"],
                                 *(aidlib.figure(figures, fid)["value"] for fid in peers.values())],
                       "highlight": [True, False, False]})  # fmt: skip
assert growth["value"].tolist() == [70.0, 89.7, 47.3]
ax = aidlib.growth_chart(growth, title="Foreign-trade growth, Jan–Sep 2023 on Jan–Sep 2022: Shufu's was "
                         "faster than Xinjiang's and slower than Kashgar Prefecture's")  # fmt: skip
cited = figures[figures["figure_id"].isin(list(peers.values()))]
aidlib.publish(ax, source=f"Shufu: {REPORT}; {aidlib.figures_source(cited, figures)}")
aidlib.chart_text(ax)

# %% [markdown]
# Kashgar's own trade grew fast across the decade: from 12.44 billion yuan in 2013 to
# 49.31 billion in 2022 and 83.68 billion in 2023 (a grade C figure, consistent with the
# grade A 77.15 billion for January–November). Part-year figures are marked apart.

# %% tags=["remove-output"]
kashgar = aidlib.series(figures, "Kashgar Prefecture", "foreign_trade")
k = kashgar.set_index("figure_id")["value"]
assert (k["kashgar.foreign_trade.2013"], k["kashgar.foreign_trade.2022"]) == (12.44e9, 49.31e9)
assert round(k["kashgar.foreign_trade.2023"] / 1e9, 2) == 83.68 and k["kashgar.foreign_trade.2023_jan_nov"] == 77.15e9
ax = aidlib.series_chart(kashgar, title="Kashgar Prefecture's foreign trade", ylabel="billion yuan", scale=1e9)
aidlib.publish(ax, source=aidlib.figures_source(kashgar, figures))
aidlib.chart_text(ax)

# %% [markdown]
# ## 4. The factory jobs against the county's labour force
#
# The 2,846 satellite-factory jobs are about 2.5% of the county's working-age population
# (116,000 in 2021) and equal to about 73% of the new jobs the county reported for 2022.
# The two comparisons are loose: the jobs are counted now, the population in 2021, and
# new jobs created in one year are a different count from jobs held.

# %%
jobs = aidlib.indicator(ctx, ["context.factory_jobs_to_working_age", "context.factory_jobs_to_new_jobs_2022"])
assert round(aidlib.indicator(jobs, "context.factory_jobs_to_working_age")["low"], 1) == 2.5
assert round(aidlib.indicator(jobs, "context.factory_jobs_to_new_jobs_2022")["low"]) == 73
assert aidlib.figure(figures, "shufu.working_age_population.2021")["value"] == 116_000
assert aidlib.metric(metrics, "employment.satellite_factory_jobs")["value"] == 2_846
aidlib.reader_table(jobs, {"label": "comparison", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# ## 5. Guangzhou's aid over time, and Guangdong's other pairs
#
# Guangzhou's 2011–2015 plan for Shufu was 17.96亿元 over five years, about 3.6亿元 a year.
# The 2023 figure is about 48% above that yearly average, in nominal yuan and on a
# different basis (a plan then, money put in now).

# %%
plan = aidlib.indicator(ctx, "context.aid_vs_plan_2011_2015")
assert round(plan["low"]) == 48
plan_2011_2015 = aidlib.figure(figures, "guangzhou_shufu.aid_funds.plan_2011_2015")
assert (plan_2011_2015["value"], plan_2011_2015["period"]) == (17.96e8, "2011/2015")
assert round(plan_2011_2015["value"] / 5 / 1e8, 1) == 3.6
aidlib.reader_table(aidlib.indicator(ctx, ["context.aid_vs_plan_2011_2015"]), {"label": "comparison", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# Guangdong's other pairs publish single-year figures for different years and scopes. Only
# the full-year ones are drawn, a panel for each year on one scale, so that a bar twice as
# long is twice as much; they say how large a year of pairing aid is, not who gives more.

# %% tags=["remove-output"]
pairs = ["guangdong.aid_funds.2014", "dongguan.aid_funds.2020", "shenzhen.aid_funds.2020",
         "guangzhou_shufu.aid_funds.2023"]  # fmt: skip
side = figures.set_index("figure_id").loc[pairs]
assert (side["basis"] == "annual").all() and (side["measure"] == "aid_funds").all()
bars = aidlib.rescale(side.assign(label=side["subject"], low=side["value"], high=side["value"]), 1e6, "million yuan")
axes = aidlib.panel_chart({year: bars[bars["period"] == year][["label", "low", "high", "text"]]
                          for year in sorted(bars["period"].unique())},
                         title="One year of aid from Guangdong's pairs, each in its own year", xlabel="million yuan",
                         same_scale=True)  # fmt: skip
aidlib.publish(axes, source=aidlib.figures_source(side.reset_index(), figures))
aidlib.chart_text(axes)

# %% [markdown]
# What cannot be compared, and why:
#
# - Guangdong's 432亿元 for 2010–2017 includes enterprise investment; its 155亿元 of fiscal
#   aid for the same years is the comparable part.
# - Dongguan's 173.08亿元 is investment attracted, not aid.
# - Cumulative totals span different years (Shenzhen from 2010, Dongguan from 2016 or
#   2017), so they do not rank the pairs.
# - The 2011 Guangdong → 3rd Division figure (3亿元) covers housing projects only, and
#   Shenzhen's 2020 figure is the value of the projects launched that year.
# - Guangzhou's 2023 amount is confirmed by a second, grade C copy of the Guangzhou team's
#   summary that states the same 5.3亿元.

# %%
assert aidlib.figure(figures, "guangdong.aid_funds.total_2010_2017")["value"] == 432e8
assert aidlib.figure(figures, "guangdong.aid_funds.fiscal_2010_2017")["value"] == 155e8
dongguan = aidlib.figure(figures, "dongguan.investment_attracted.2017_2019")
assert (dongguan["measure"], dongguan["value"]) == ("investment_attracted", 173.08e8)
assert [aidlib.figure(figures, f)["period"][:4] for f in ("shenzhen.aid_funds.cum_2010_2023", "dongguan.aid_funds.2016_2020",
                                                   "dongguan.aid_funds.2017_2020")] == ["2010", "2016", "2017"]
assert aidlib.figure(figures, "guangdong_3rddiv.aid_funds.2011_housing")["value"] == 3e8
assert aidlib.figure(figures, "guangzhou_shufu.aid_funds.2023")["value"] == aid["value"]
same = aidlib.compare(figures, "Guangzhou→Shufu", "aid_funds", "annual", "2023")
aidlib.reader_table(same, {"stated": "as printed", "outlet": "outlet", "published": "published",
                           "reliability": "grade", "preferred": "preferred"})  # fmt: skip

# %% [markdown]
# ## 6. Where published figures may disagree
#
# Figures that share subject, measure, basis and period answer the same question and are
# compared directly (the table says whether their values agree); the figure preferred is
# the best graded, then a primary page over a repost, then the later publication. Others
# were linked by the curators as conflicting because their levels cannot all be right on
# one definition: they cover different periods, so none is preferred. Nothing is averaged.

# %%
table = aidlib.conflicts(figures)
assert len(table) == 5 and (~table["agree"]).sum() == 4
preferred = table["preferred"].map(lambda fid: described.get(fid, "none: different periods") if fid else "none: different periods")
aidlib.reader_table(
    table.assign(preferred=preferred, periods=table["periods"].str.split(", ").map(aidlib.periods_text),
                 stated=table["stated"].str.replace(" | ", "; "), grades=table["grades"].map(aidlib.grades_text)),
    {"subject": "subject", "periods": "periods", "stated": "as printed", "grades": "grades", "agree": "agree",
     "preferred": "preferred figure"},
)  # fmt: skip
