# ---
# jupyter:
#   aidlib:
#     needs:
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
# # 00 · The source and the method
#
# **Question.** What exactly are we analysing, how damaged is it, and can every number
# in the later notebooks be traced back to a sentence of the report?
#
# **Source.** 南方农村报 (2023), report on Guangzhou's counterpart aid to Shufu County
# (疏附县), Xinjiang; reporter 欧晓嫦, correspondent 广州援疆. The copy we have is the one
# published online, kept byte for byte. Every figure below is computed from it; none is
# typed in by hand.

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report` (all notebooks, HTML report) or open this notebook in
# JupyterLab (`.venv/bin/jupyter lab notebooks/`) and run all cells. The files: the raw
# copy in `data/raw/`, its checksum in `data/sources.csv`, the curated rows in
# `data/metrics.csv`, the quantities left out on purpose in `data/exclusions.csv`; the
# repair is `aidlib.normalize`, the parser `aidlib.find_quantities`.

# %%
import pandas as pd

import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
aidlib.set_chart_source("南方农村报 (2023)")  # the source line of every chart below
record = aidlib.source_record(SOURCE)
aidlib.reader_table(
    {"outlet": record["outlet"], "author": record["author"], "published": record["published"],
     "period covered": record["period_covered"], "checksum": "SHA-256 checked against the one recorded for the source"},
    {"item": "source", "value": "record"},
)  # fmt: skip

# %% [markdown]
# ## 1. The damage, and what the repair did
#
# Reading the raw file checks its SHA-256 against the checksum recorded when the source was
# added. The repair runs in code, never on the file, and records every change it makes.

# %%
raw = aidlib.read_raw(SOURCE)
result = aidlib.normalize(raw)
counts = result.counts()
kinds = {"gbk_shift": "GBK byte shift (mojibake) undone", "html": "HTML fragment removed",
         "pinyin": "pinyin annotation removed", "punctuation": "punctuation fixed", "spacing": "spacing fixed",
         "t2s": "traditional → simplified character"}  # fmt: skip
aidlib.reader_table({kinds.get(k, k): n for k, n in counts.items()}, {"item": "repair", "value": "count"})

# %% [markdown]
# The pinyin annotations and the traditional characters are the bulk of the work; the
# byte-shifted GBK spans are few but the hardest. Each `?` in the raw text belongs to one
# of them, and every character whose bytes are truly lost is marked U+FFFD (�) rather
# than guessed:

# %%
gbk = [r for r in result.repairs if r.kind == "gbk_shift"]
question_marks = raw.count("?")
lost = result.text.count("\ufffd")
assert sum(raw[r.raw_start : r.raw_end].count("?") for r in gbk) == question_marks
aidlib.reader_table(
    pd.DataFrame({"before": [r.before for r in gbk], "after": [r.after for r in gbk]}),
    {"before": "as published", "after": "repaired"},
    caption=f"{len(gbk)} GBK spans repaired, covering all {question_marks} '?' marks; {lost} characters marked lost",
)

# %% [markdown]
# A sentence before and after repair. The clean text maps back to the raw bytes, so any
# quote can be checked against the published copy:

# %%
start = result.text.index("让当地群众切身感受到")
end = result.text.index("温暖", start) + 2
raw_start, raw_end = result.raw_span(start, end)
print("raw:  ", raw[raw_start:raw_end])
print("clean:", result.text[start:end])

# %% [markdown]
# ## 2. Curation: every number, with its quote
#
# The curated metrics hold one row for every quantitative statement: its value in base
# units, the measure word, whether it is exact or a bound, the period, and the shortest
# clause of the clean text that states it. Loading them checks that every quote is in the
# clean text and that re-parsing the quote gives the row's value, unit and qualifier.

# %%
metrics = aidlib.load_metrics(source=SOURCE)
found = aidlib.find_quantities(result.text)
print(f"{len(metrics)} curated rows; the parser finds {len(found)} quantities in the clean text")

# %% [markdown]
# **Coverage.** Every quantity the parser finds in the clean text lies inside some
# curated quote (or would be listed as left out, with a reason; none is today):

# %%
spans = []
for quote in metrics["quote"]:
    at = result.text.find(quote)
    while at != -1:
        spans.append((at, at + len(quote)))
        at = result.text.find(quote, at + 1)
uncovered = [q.text for q in found if not any(a <= q.start and q.end <= b for a, b in spans)]
assert uncovered == []
print(f"quantities outside every curated quote: {len(uncovered) or 'none'}")

# %% [markdown]
# ## 3. Restated facts
#
# The report tells some facts twice. The second telling is marked as restating the first,
# and every table and chart in these notebooks leaves it out, so nothing is counted twice:

# %%
restated = aidlib.metric_view(metrics, include_restated=True).query("duplicate_of != ''")
labels = dict(zip(metrics["metric_id"], metrics["label_en"]))
aidlib.reader_table(
    restated.assign(original=restated["duplicate_of"].map(labels)),
    {"label": "restated figure", "shown": "value", "original": "restates"},
)

# %% [markdown]
# ## 4. Exact values and bounds
#
# Many figures are hedged: 4万余户 is *at least* 40,000 households. The qualifier mix of
# the distinct facts:

# %% tags=["remove-cell"]
distinct = aidlib.metric_view(metrics)
mix = distinct["qualifier"].value_counts().reindex(["exact", "over", "about", "under"], fill_value=0)
bound_share = mix["over"] / len(distinct)
assert 0.2 < bound_share < 0.3  # "about a quarter", below
print(f"lower bounds: {mix['over']} of {len(distinct)} distinct facts ({bound_share:.0%})")
readable = {"exact": "exact", "over": "at least", "about": "about", "under": "at most"}

# %% tags=["remove-output"]
ax = aidlib.bar_chart(
    aidlib.count_view(mix.rename(readable)),
    title=f"How the report states its {len(distinct)} distinct numbers",
    xlabel="number of distinct facts",
)
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# About a quarter of the numbers are lower bounds (余, 多, 超过). Figures derived from them
# carry the bound through: a total divided by "at least N" is "at most" something. One number is damaged (the teachers trained, 1700余人次: the
# character before it is lost); it is kept as a lower bound, which a lost leading digit
# could only raise.

# %%
damaged = aidlib.metric_view(metrics, quote=True).loc[lambda v: v["metric_id"].isin(
    metrics.loc[metrics["note"].str.contains("Damaged"), "metric_id"])]
aidlib.reader_table(damaged, {"label": "figure", "quote": "quote", "shown": "value"})
