# ---
# jupyter:
#   aidlib:
#     needs:
#       metrics:
#       - education.local_teachers_trained
#       - education.student_grants
#       - ethnic_exchange.letter_students
#       - health.cataract_surgeries
#       - health.tb_patients
#       - talent_exchange.cadres_placed
#       - talent_exchange.placement_months
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
# # 04 · Health, education, culture and exchange at a glance
#
# **Question.** Beyond money and jobs, what does the report say the aid delivered in
# health, education, culture and ethnic exchange — and how much of it is exact?
#
# **Source.** 南方农村报 (2023): each number with its quote (notebook 00). Restated facts
# are shown once.

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report`, or run all cells in JupyterLab. The report's figures are curated
# in `data/metrics.csv`.

# %% tags=["remove-cell"]
import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
aidlib.set_chart_source("南方农村报 (2023)")  # the source line of every chart drawn from the report
metrics = aidlib.load_metrics(source=SOURCE)
THEMES = ["health", "education", "culture", "ethnic_exchange", "talent_exchange", "tourism"]

# %% [markdown]
# ## How many facts per theme

# %% tags=["remove-output"]
distinct = aidlib.metric_view(metrics)
themes = metrics.set_index("metric_id").loc[distinct["metric_id"], "theme"].astype(str).reset_index(drop=True)
per_theme = (
    distinct.assign(theme=themes)
    .groupby("theme")
    .agg(facts=("metric_id", "size"), bounds=("qualifier", lambda q: int((q != "exact").sum())))
    .loc[THEMES]
)
counts = aidlib.count_view(per_theme["facts"].rename(lambda theme: theme.replace("_", " ")))
counts["shown"] = [f"{shown} ({'no' if n == 0 else n} {'bound' if n == 1 else 'bounds'})"
                   for shown, n in zip(counts["shown"], per_theme["bounds"], strict=True)]  # fmt: skip
ax = aidlib.bar_chart(counts, title="Distinct quantitative facts per social theme, and how many are bounds "
                        "(≥, ≤ or ≈)", xlabel="number of facts")  # fmt: skip
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# ## Health

# %%
health = aidlib.metric_view(metrics, theme="health")
assert aidlib.metric(health, "health.cataract_surgeries")["value"] == 290
assert aidlib.metric(health, "health.tb_patients")["value"] == 364
aidlib.reader_table(health, {"label": "figure", "shown": "value", "period": "period"})

# %% [markdown]
# Medical teams and visiting experts: free clinics, 290 cataract cases screened and
# treated, tuberculosis treatment. The TB patient count is a stock (现有, "now under
# treatment"), not a flow.

# %% [markdown]
# ## Education

# %%
education = aidlib.metric_view(metrics, theme="education")
assert aidlib.metric(education, "education.local_teachers_trained")["shown"] == "≥ 1,700 person-times"
aidlib.reader_table(education, {"label": "figure", "shown": "value", "period": "period"})

# %% tags=["remove-output"]
taught = education.query("unit == 'people'")
ax = aidlib.bar_chart(taught, title="Education: the people funded, sent, trained or visiting", xlabel="people")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# Funding for university students reaches by far the most people (3,500); the teacher
# exchanges count dozens to a few hundred each.
#
# The teachers trained locally (≥ 1,700 person-times) is the one damaged number of the
# report: the character before it is lost in the published copy, so it is kept as a lower
# bound.

# %% [markdown]
# ## Culture

# %%
culture = aidlib.metric_view(metrics, theme="culture")
aidlib.reader_table(culture, {"label": "figure", "shown": "value", "period": "period"})

# %% tags=["remove-output"]
visits = culture[culture["unit"] == "person-times"]
ax = aidlib.bar_chart(visits, title="Culture: attendances", xlabel="person-times")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# The Guangzhou heritage troupe's tour appears twice in the report (10 shows, 1.2万余人次);
# the second telling is marked as restated and left out above.

# %%
restated = aidlib.metric_view(metrics, theme="culture", include_restated=True).query("duplicate_of != ''")
labels = dict(zip(metrics["metric_id"], metrics["label_en"]))
aidlib.reader_table(
    restated.assign(original=restated["duplicate_of"].map(labels)),
    {"label": "restated figure", "shown": "value", "original": "restates"},
)

# %% [markdown]
# ## Ethnic exchange, talent exchange and tourism

# %%
exchange = aidlib.metric_view(metrics, theme=True).query("theme in ['ethnic_exchange', 'talent_exchange', 'tourism']")
aidlib.reader_table(
    exchange.assign(theme=exchange["theme"].str.replace("_", " ")),
    {"theme": "theme", "label": "figure", "shown": "value", "period": "period"},
)

# %% tags=["remove-output"]
people = exchange.query("unit == 'people'")
ax = aidlib.bar_chart(people, title="Exchange and tourism: the counts of people", xlabel="people")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# The letter exchange is the largest count by far (at least 40,000 students); the cadres
# placed in Guangzhou are 16, for three months each.

# %% tags=["remove-cell"]
shown = exchange.set_index("metric_id")["shown"]
assert aidlib.metric(education, "education.student_grants")["value"] == 3_500
assert people["value"].max() == 40_000 and shown["ethnic_exchange.letter_students"] == "≥ 40,000 people"
assert (shown["talent_exchange.cadres_placed"], shown["talent_exchange.placement_months"]) == ("16 people", "3 months")
