# ---
# jupyter:
#   aidlib:
#     needs:
#       figures:
#       - kashgar.trade_growth.2023_jan_sep
#       - xinjiang.trade_growth.2023_jan_sep
#       indicators:
#       - consumption.price_per_tonne
#       - context.factory_jobs_to_new_jobs_2022
#       - context.factory_jobs_to_working_age
#       - context.trade_share_kashgar
#       - employment.jobs_per_factory
#       - facts.distinct
#       - funding.unitemized
#       - investment.per_aid_yuan
#       - share.itemized
#       - share.livelihood
#       - spend.per_household
#       - trade.base_jan_sep_2022
#       metrics:
#       - agriculture.households_income
#       - education.funds
#       - education.student_grants
#       - employment.satellite_factories
#       - employment.satellite_factory_jobs
#       - funding.aid_total
#       - funding.projects_major
#       - funding.projects_minor
#       - housing.funds
#       - housing.households
#       - industry.funds
#       - investment.funds_received
#       - trade.growth_yoy
#       - trade.value_jan_sep
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
# # Guangzhou's counterpart aid to Shufu County, 2023
#
# **Question.** What did Guangzhou's 2023 aid to Shufu County buy, by one report's own
# figures, and how large is it next to the county and its neighbours?
#
# In 2023 Guangzhou put **5.3亿元** (530 million yuan) of counterpart aid into Shufu County
# (疏附县), Xinjiang, according to one 南方农村报 report. These pages repair that report's
# damaged text, take every number from it with its quote, and set the numbers against
# published outside figures.

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report` (this summary opens the report's index page), or run all cells
# in JupyterLab.

# %% tags=["remove-cell"]
from pathlib import Path

import pandas as pd

import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
REPORT = "南方农村报 (2023)"  # the source line of every chart drawn from the report alone
aidlib.set_chart_source(REPORT)
metrics = aidlib.load_metrics(source=SOURCE)
figures = aidlib.load_figures()
ind = aidlib.indicator_table(metrics)
ctx = aidlib.context_table(metrics, figures)
total = aidlib.metric(metrics, "funding.aid_total")
assert aidlib.value_text(total["value"], total["qualifier"], "元") == "5.3亿元"
assert aidlib.value_text(total["value"], total["qualifier"], "yuan") == "530 million yuan"

# %% [markdown]
# ## What the report says
#
# **Where it went.** The report gives amounts for three lines: industry 232 million yuan
# (44%), housing 64.23 million yuan (12%) and education 59.07 million yuan (11%). The other
# 175 million yuan or so (33%) pays for health, security, culture and exchanges, with no
# amounts.

# %% tags=["remove-cell"]
lines = aidlib.metric_view(metrics, ids=["industry.funds", "housing.funds", "education.funds"])
assert lines["shown"].tolist() == ["232 million yuan", "64.23 million yuan", "59.07 million yuan"]
shares = [round(aidlib.indicator(ind, f"share.{name}")["low"]) for name in ("industry", "housing", "education")]
assert shares == [44, 12, 11]
assert aidlib.indicator(ind, "funding.unitemized")["text_en"] == "≈ 175 million yuan"
assert round(100 - aidlib.indicator(ind, "share.itemized")["low"]) == 33

# %% tags=["remove-output"]
parts = lines.assign(label=lines["metric_id"].str.split(".").str[0], value=lines["value"] / 1e6, itemized=True)
parts = parts[["label", "value", "shown", "itemized"]]
unitemized = aidlib.indicator(ind, "funding.unitemized")
parts.loc[len(parts)] = ["not itemized", unitemized["low"] / 1e6, unitemized["text_en"], False]
ax = aidlib.split_chart(parts, title="Where the 2023 aid went: the report gives amounts for three lines; "
                      "the hatched third has no itemized amount", xlabel="million yuan")  # fmt: skip
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# **What it bought.** 22 major project items (47 minor items); housing upgrades for at least
# 40,000 households, so at most 1,606 yuan per household; 3,500 students funded at
# university.

# %% tags=["remove-cell"]
bought = aidlib.metric_view(metrics, ids=["funding.projects_major", "funding.projects_minor", "housing.households",
                                          "education.student_grants"])  # fmt: skip
assert bought["shown"].tolist() == ["22 major items", "47 minor items", "≥ 40,000 households", "3,500 people"]
assert aidlib.indicator(ind, "spend.per_household")["text_en"] == "≤ 1,606 yuan per household"

# %% [markdown]
# **Trade.** Shufu's foreign trade in January–September 2023 was 1.183 billion yuan, up 70%
# on a year earlier, against Kashgar Prefecture's 89.7% and Xinjiang's 47.3% over the same
# months. It is at most 1.98% of Kashgar's trade.

# %% tags=["remove-cell"]
trade = aidlib.metric_view(metrics, ids=["trade.value_jan_sep", "trade.growth_yoy"])
assert trade["shown"].tolist() == ["1.183 billion yuan", "70%"]
peers = {"Kashgar Prefecture": "kashgar.trade_growth.2023_jan_sep", "Xinjiang": "xinjiang.trade_growth.2023_jan_sep"}
assert [aidlib.figure(figures, fid)["value"] for fid in peers.values()] == [89.7, 47.3]
assert aidlib.indicator(ctx, "context.trade_share_kashgar")["text_en"] == "≤ 1.98%"

# %% tags=["remove-output"]
growth = pd.DataFrame({"label": ["Shufu County (this report)", *peers],
                       "value": [aidlib.metric(metrics, "trade.growth_yoy")["value"],
                                 *(aidlib.figure(figures, fid)["value"] for fid in peers.values())],
                       "highlight": [True, False, False]})  # fmt: skip
ax = aidlib.growth_chart(growth, title="Foreign-trade growth, Jan–Sep 2023 on Jan–Sep 2022: Shufu's was "
                         "faster than Xinjiang's and slower than Kashgar Prefecture's")  # fmt: skip
cited = figures[figures["figure_id"].isin(list(peers.values()))]
aidlib.publish(ax, source=f"Shufu: {REPORT}; {aidlib.figures_source(cited, figures)}")
aidlib.chart_text(ax)

# %% [markdown]
# **Jobs.** The report counts 131 satellite factories employing 2,846 people: about 2.45%
# of the county's working-age population (2021), and about 73% of the new jobs it reported
# for 2022 (different counts, not additive). What such jobs are like is not in these
# figures: see the limits below.

# %% tags=["remove-cell"]
factories = aidlib.metric_view(metrics, ids=["employment.satellite_factories", "employment.satellite_factory_jobs"])
assert factories["value"].tolist() == [131, 2846]
assert aidlib.indicator(ctx, "context.factory_jobs_to_working_age")["text_en"] == "≈ 2.45%"
assert aidlib.indicator(ctx, "context.factory_jobs_to_new_jobs_2022")["text_en"] == "≈ 73%"

# %% [markdown]
# ## What these figures cannot show

# %%
aidlib.limits_note(Path("limits.md").read_text(encoding="utf-8"))

# %% [markdown]
# ## Key figures
#
# Stated figures as the report prints them; derived ones computed from them with their
# bounds. ≥ means at least, ≤ at most, ≈ about; a derived value is rounded to the precision
# its inputs support, and a bound is rounded outward (up for ≤, down for ≥), so it stays true.

# %%
stated = aidlib.metric_view(metrics, ids=["funding.aid_total", "trade.value_jan_sep", "trade.growth_yoy",
                                          "investment.funds_received", "employment.satellite_factory_jobs",
                                          "agriculture.households_income"])  # fmt: skip
stated = stated.assign(note="Stated in the report (" + stated["period"].map(aidlib.period_text) + ").")
derived = aidlib.indicator(ind, ["share.itemized", "share.livelihood", "spend.per_household", "trade.base_jan_sep_2022",
                                 "investment.per_aid_yuan", "consumption.price_per_tonne", "employment.jobs_per_factory",
                                 "facts.distinct"])  # fmt: skip
derived = derived.assign(shown=derived["text_en"],
                         note=[c if c.lower().startswith("derived") else f"Derived. {c}" for c in derived["caveat"]])
key = [*stated[["label", "shown", "note"]].to_dict("records"), *derived[["label", "shown", "note", "formula"]]
       .to_dict("records")]  # fmt: skip
aidlib.reader_table(pd.DataFrame(key), {"label": "figure", "shown": "value", "note": "note"})

# %% [markdown]
# ## In context
#
# The report's figures set against published outside figures, each with its citation on
# the data page. Read each caveat: most of these compare different years or different kinds
# of money.

# %%
aidlib.reader_table(ctx, {"label": "figure", "text_en": "value", "caveat": "caveat"})
