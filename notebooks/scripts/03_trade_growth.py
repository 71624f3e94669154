# ---
# jupyter:
#   aidlib:
#     needs:
#       figures:
#       - kashgar.trade_growth.2023_jan_sep
#       - xinjiang.trade_growth.2023_jan_sep
#       indicators:
#       - consumption.price_per_tonne
#       - context.trade_share_kashgar
#       - context.trade_share_xinjiang
#       - investment.per_aid_yuan
#       - trade.base_jan_sep_2022
#       - trade.increase_jan_sep
#       metrics:
#       - consumption_aid.fairs
#       - consumption_aid.produce_sold
#       - consumption_aid.sales
#       - investment.events
#       - investment.funds_received
#       - investment.projects
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
# # 03 · Trade, investment and consumption aid
#
# **Question.** What do the report's trade and investment figures imply: how big was
# Shufu's foreign trade before the reported 70% growth, how much investment came per yuan
# of aid, and what did the produce sold through consumption aid fetch per tonne?
#
# **Source.** 南方农村报 (2023): each number with its quote (notebook 00). Every derived
# figure is computed from the report's own, with its formula (under "ids and formula").

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report`, or run all cells in JupyterLab. The report's figures are curated
# in `data/metrics.csv`; the derived ones are the indicators of `aidlib.indicators`.

# %% tags=["remove-cell"]
import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
aidlib.set_chart_source("南方农村报 (2023)")  # the source line of every chart drawn from the report
metrics = aidlib.load_metrics(source=SOURCE)
ind = aidlib.indicator_table(metrics)

# %% [markdown]
# ## 1. Foreign trade, January–September
#
# The report states the January–September 2023 total and its growth; the 2022 base and
# the increase are derived from them.

# %%
trade = aidlib.metric_view(metrics, ids=["trade.value_jan_sep", "trade.growth_yoy"])
aidlib.reader_table(trade, {"label": "figure", "shown": "value", "period": "period"})

# %%
derived = aidlib.indicator(ind, ["trade.base_jan_sep_2022", "trade.increase_jan_sep"])
derived = derived[["indicator_id", "label", "text_en", "formula", "caveat"]]
aidlib.reader_table(derived, {"label": "derived", "text_en": "value", "caveat": "caveat"})

# %% tags=["remove-output"]
parts = aidlib.indicator(ind, ["trade.base_jan_sep_2022", "trade.increase_jan_sep"])
parts = parts.assign(label=["2022 level", "increase"], value=parts["low"] / 1e6, shown=parts["text_en"])
ax = aidlib.split_chart(parts, title=f"Shufu foreign trade, January–September 2023: {trade.loc[0, 'shown']}, "
                      "split into the 2022 level and the increase (both derived)", xlabel="million yuan")  # fmt: skip
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# A 70% rise on about 696 million yuan gives the reported 1,183 million. This is the
# whole county's trade; the report credits aid with trade-fair support (the 134th Canton
# Fair, the Kashgar fair) but does not say how much of the growth that explains.

# %% tags=["remove-cell"]
assert round(aidlib.indicator(ind, "trade.base_jan_sep_2022")["low"] / 1e6) == 696

# %% [markdown]
# **In context.** Is 70% unusual? Over the same nine months Kashgar's trade grew faster and
# Xinjiang's slower; notebook 05 draws the three rates and Shufu's share of each total.

# %%

ctx = aidlib.context_table(metrics)
figures = aidlib.load_figures()
kashgar = aidlib.figure(figures, "kashgar.trade_growth.2023_jan_sep")["value"]
xinjiang = aidlib.figure(figures, "xinjiang.trade_growth.2023_jan_sep")["value"]
shufu = aidlib.metric(metrics, "trade.growth_yoy")["value"]
assert xinjiang < shufu < kashgar
aidlib.reader_table(
    {"Shufu County": aidlib.growth_text(shufu), "Kashgar Prefecture": aidlib.growth_text(kashgar),
     "Xinjiang": aidlib.growth_text(xinjiang)},
    {"item": "foreign trade, Jan–Sep 2023", "value": "growth on a year earlier"},
)

# %%
aidlib.reader_table(
    aidlib.indicator(ctx, ["context.trade_share_kashgar", "context.trade_share_xinjiang"]),
    {"label": "share", "text_en": "value", "caveat": "caveat"},
)

# %% [markdown]
# ## 2. Investment promotion: leverage on the aid

# %%
invest = aidlib.metric_view(metrics, ids=["investment.events", "investment.projects", "investment.funds_received"])
aidlib.reader_table(invest, {"label": "figure", "shown": "value", "period": "period"})

# %%
leverage = aidlib.indicator(ind, "investment.per_aid_yuan")
aidlib.reader_table(aidlib.indicator(ind, ["investment.per_aid_yuan"]), {"label": "derived", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# Investment received is about 3.9 times the year's aid. This is a ratio, not a return:
# the investment figure is cumulative (累计) and investors' money, and the report does
# not claim the aid caused it.

# %% tags=["remove-cell"]
assert round(leverage["low"], 1) == 3.9

# %% [markdown]
# ## 3. Consumption aid: produce sold to Guangdong

# %%
consumption = aidlib.metric_view(
    metrics, ids=["consumption_aid.produce_sold", "consumption_aid.sales", "consumption_aid.fairs"]
)
price = aidlib.indicator(ind, "consumption.price_per_tonne")
aidlib.reader_table(consumption, {"label": "figure", "shown": "value", "period": "period"})

# %%
aidlib.reader_table(aidlib.indicator(ind, ["consumption.price_per_tonne"]), {"label": "derived", "text_en": "value", "caveat": "caveat"})

# %% [markdown]
# About 28,600 yuan per tonne (28.6 yuan per kilogram) on average, across a product mix
# the report does not break down.

# %% tags=["remove-cell"]
assert round(price["low"], -2) == 28_600

# %% [markdown]
# ## 4. Fairs and events
#
# Events are counted in two units: 场 (events) and 场次 (event sessions). They are shown
# side by side, not summed.

# %%
events = aidlib.metric_view(metrics, ids=["consumption_aid.fairs", "investment.events"])
aidlib.reader_table(events, {"label": "figure", "shown": "value", "period": "period"})
