# ---
# jupyter:
#   aidlib:
#     needs:
#       figures:
#       - xinjiang.livelihood_share.guideline
#       indicators:
#       - context.aid_per_resident
#       - context.aid_to_budget_revenue
#       - context.aid_to_gdp
#       - funding.unitemized
#       - share.education
#       - share.housing
#       - share.industry
#       - share.itemized
#       - share.livelihood
#       - spend.per_education_project
#       - spend.per_funded_student
#       - spend.per_household
#       - spend.per_major_project
#       - spend.per_minor_project
#       metrics:
#       - education.funds
#       - education.projects
#       - funding.aid_total
#       - funding.projects_major
#       - funding.projects_minor
#       - housing.funds
#       - industry.funds
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
# # 01 · Where did the 5.3亿元 go?
#
# **Question.** Guangzhou put 5.3亿元 (530 million yuan) of aid into Shufu County in 2023.
# How much of it does the report itemize, on what, what does it buy per household,
# project or student, and how does the livelihood share compare with the published
# "two 80%" guideline for counterpart aid to Xinjiang?
#
# **Source.** 南方农村报 (2023): each number with its quote (notebook 00). The guideline is
# a figure published by 中国西藏网 (2025-09-23).

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report`, or run all cells in JupyterLab. The report's figures are curated
# in `data/metrics.csv`, the guideline in `data/cited_figures.tsv`.

# %% tags=["remove-cell"]
import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
aidlib.set_chart_source("南方农村报 (2023)")  # the source line of every chart drawn from the report
metrics = aidlib.load_metrics(source=SOURCE)
ind = aidlib.indicator_table(metrics)
total = aidlib.metric(metrics, "funding.aid_total")
assert total["value"] == 530_000_000 and total["qualifier"] == "exact"
print(f"aid total 2023: {aidlib.value_text(total['value'], 'exact', 'yuan')} ({total['quote']})")

# %% [markdown]
# ## 1. The itemized lines within the total
#
# Three lines carry an amount: housing, education and industry. They are *parts* of the
# total (the data records each as part of it), so they are never added to it.

# %%
lines = aidlib.metric_view(metrics, ids=["funding.aid_total", "industry.funds", "housing.funds", "education.funds"])
aidlib.reader_table(lines, {"label": "line", "shown": "amount", "period": "period"})

# %% tags=["remove-output"]
money = aidlib.rescale(lines.iloc[1:], 1e6, "million yuan").reset_index(drop=True)
parts = money[["label", "value", "shown"]].assign(label=money["metric_id"].str.split(".").str[0], itemized=True)
parts["shown"] = [aidlib.value_text(v * 1e6, "exact", "yuan") for v in parts["value"]]
unitemized = aidlib.indicator(ind, "funding.unitemized")
parts.loc[len(parts)] = ["not itemized", unitemized["low"] / 1e6, unitemized["text_en"], False]  # derived: rounded, as on the index  # fmt: skip
ax = aidlib.split_chart(parts, title="Guangzhou aid to Shufu, 2023: the itemized lines and the unitemized third",
                      xlabel="million yuan")  # fmt: skip
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# The shares, and the remainder the report does not itemize:

# %%
shares = aidlib.indicator(ind, ["share.industry", "share.housing", "share.education", "share.itemized"])
remainder = aidlib.indicator(ind, "funding.unitemized")
low = dict(zip(shares["indicator_id"], shares["low"], strict=True))
assert round(low["share.itemized"]) == 67
assert low["share.industry"] > low["share.housing"] + low["share.education"]
aidlib.reader_table(shares, {"label": "share", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# Two thirds (67%) of the money is itemized; industry alone takes more than housing and
# education together.
# The remaining third covers everything the report describes without an amount: health
# (free clinics, cataract surgery, TB treatment), the video surveillance system, culture,
# and the exchanges.

# %% [markdown]
# ## 2. What the money buys per unit, with honest bounds
#
# Per-unit figures divide a total by a count. When the count is a lower bound (4万余户 =
# *at least* 40,000 households), the result is an *upper* bound.

# %%
per_unit = aidlib.indicator(
    ind, ["spend.per_household", "spend.per_funded_student", "spend.per_education_project",
          "spend.per_minor_project", "spend.per_major_project"],
)[["indicator_id", "label", "text_en", "formula", "caveat"]]  # fmt: skip
aidlib.reader_table(per_unit, {"label": "figure", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# The two first figures are not comparable, so no chart sets them side by side: a
# household's housing upgrade and a university student's share of the education money are
# different things. Housing upgrades come to **at most** about 1,600 yuan per household: the
# household count is a lower bound (and cumulative), so the figure is a ceiling, and the
# true one may be well below it. The education figure is not a grant size: the 5907万元
# also paid for IT and recording classrooms. The projects: 22 major items split into 47
# minor ones, which must not be added together.

# %%
assert aidlib.indicator(ind, "spend.per_household")["high"] < 1_606
projects = aidlib.metric_view(metrics, ids=["funding.projects_major", "funding.projects_minor", "education.projects"])
aidlib.reader_table(projects, {"label": "projects", "shown": "count"})

# %% [markdown]
# ## 3. The livelihood share and the "two 80%" guideline
#
# The guideline for counterpart aid to Xinjiang asks that 80% of funds go to livelihoods
# (民生) and 80% to county level and below. The report files housing and education under
# "put livelihoods first" (优先改善民生); industry has its own section. So the itemized
# livelihood share is known only within bounds: the low end counts only housing and
# education, the high end also counts every unitemized yuan as livelihood.

# %%
figures = aidlib.load_figures()
guideline = aidlib.figure(figures, "xinjiang.livelihood_share.guideline")
livelihood = aidlib.indicator(ind, "share.livelihood")
assert livelihood["high"] < guideline["value"]
aidlib.reader_table(
    {"'two 80%' guideline, to livelihoods": f"{guideline['value']:.0f}%, published by {guideline['outlet']} on "
                                            f"{guideline['published']}: {aidlib.grades_text(guideline['reliability'])}",
     "this report, livelihood share": f"{livelihood['text_en']}. {livelihood['caveat']}"},
    {"item": "share", "value": "value"},
)  # fmt: skip

# %% tags=["remove-output"]
compare = aidlib.indicator(ind, ["share.livelihood", "share.industry"])[["label", "low", "high", "text"]]
compare.loc[len(compare)] = ["'Two 80%' guideline: livelihood share", guideline["value"], guideline["value"],
                            f"{guideline['value']:.0f}%"]  # fmt: skip
ax = aidlib.interval_chart(compare, title="Livelihood share of the 2023 aid, against the guideline", xlabel="percent of the 2023 aid total")
aidlib.publish(ax, source=f"{aidlib.chart_source()}; the guideline: {guideline['outlet']} ({guideline['published'][:4]})")
aidlib.chart_text(ax)

# %% [markdown]
# Even counting every unitemized yuan as livelihood, the share stays below 80%. That does
# **not** show the guideline was missed: the guideline applies across the aid programme
# and its accounting may count industry's employment subsidies (part of the 2.32亿元) as
# livelihood spending. What it shows is that this report alone cannot confirm it.
# The second 80% (county level and below) cannot be checked at all: the report gives no
# split by administrative level.
#
# **In context.** Is 5.3亿元 a lot for Shufu? Notebook 05 sets it against the county's own
# economy (a cited figure for each, with its grade):

# %%

ctx = aidlib.context_table(metrics)
aidlib.reader_table(
    aidlib.indicator(ctx, ["context.aid_per_resident", "context.aid_to_gdp", "context.aid_to_budget_revenue"]),
    {"label": "comparison", "text_en": "value", "caveat": "caveat"},
)

# %% [markdown]
# ## 4. What the report does not say
#
# - amounts for health, security, culture, exchange and talent programmes;
# - how the 2.32亿元 for industry splits between parks, the tourism town and subsidies;
# - how many of the 47 project items are education's 14;
# - any spending by administrative level (for the second "80%");
# - whether the cumulative household count (累计) covers earlier years' money too.
