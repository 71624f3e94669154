# ---
# jupyter:
#   aidlib:
#     needs:
#       indicators:
#       - context.factory_jobs_to_new_jobs_2022
#       - context.factory_jobs_to_working_age
#       - employment.jobs_per_factory
#       metrics:
#       - agriculture.cooperatives
#       - agriculture.households_income
#       - agriculture.processing_firms
#       - agriculture.produce_purchased
#       - agriculture.tech_guidance
#       - agriculture.training
#       - employment.cooperative_model_jobs
#       - employment.mandarin_certified
#       - employment.mandarin_training
#       - employment.satellite_factories
#       - employment.satellite_factory_jobs
#       - employment.technical_talent
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
# # 02 · Jobs and livelihoods
#
# **Question.** How many jobs and livelihoods does the report attribute to Guangzhou's
# aid in Shufu — through satellite factories, the "company + cooperative + farmer"
# model, processing firms and training — and which of these figures can be added up?
#
# **Source.** 南方农村报 (2023): each number with its quote (notebook 00).

# %% [markdown] tags=["remove-cell"]
# **Rerun.** `make report`, or run all cells in JupyterLab. The report's figures are curated
# in `data/metrics.csv`.

# %% tags=["remove-cell"]
from pathlib import Path

import aidlib

aidlib.set_theme()
SOURCE = "guangzhou_shufu_2023"
aidlib.set_chart_source("南方农村报 (2023)")  # the source line of every chart drawn from the report
metrics = aidlib.load_metrics(source=SOURCE)
ind = aidlib.indicator_table(metrics)

# %% [markdown]
# ## 1. Jobs: satellite factories and the cooperative model
#
# The "headquarters + satellite factory" model puts small workshops in villages; the
# "company + cooperative + farmer" model employs farmers near home.

# %%
jobs = aidlib.metric_view(
    metrics,
    ids=["employment.satellite_factory_jobs", "employment.cooperative_model_jobs", "employment.satellite_factories"],
)
aidlib.reader_table(jobs, {"label": "figure", "shown": "value", "period": "period"})

# %%
per_factory = aidlib.indicator(ind, "employment.jobs_per_factory")
aidlib.reader_table(aidlib.indicator(ind, ["employment.jobs_per_factory"]), {"label": "derived", "text_en": "value", "caveat": "caveat"})

# %% tags=["remove-output"]
people = jobs[jobs["unit"] == "people"]
ax = aidlib.bar_chart(people, title="Jobs the report attributes to two employment models", xlabel="people employed")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# The two job figures should **not** be added: a farmer working in a satellite factory
# may also sell to a cooperative, and the report does not say the groups are distinct.
# The factories average about 22 workers each.
#
# **What these figures cannot show.**

# %%
aidlib.limits_note(Path("limits.md").read_text(encoding="utf-8"))

# %% tags=["remove-cell"]
assert round(per_factory["low"]) == 22

# %% [markdown]
# ## 2. Processing firms, cooperatives and household incomes

# %%
agri = aidlib.metric_view(
    metrics,
    ids=["agriculture.processing_firms", "agriculture.cooperatives", "agriculture.produce_purchased",
         "agriculture.households_income"],
)  # fmt: skip
aidlib.reader_table(agri, {"label": "figure", "shown": "value", "period": "period"})

# %% [markdown]
# Fifteen processing firms work with 97 cooperatives and bought more than 20,000 tonnes of
# produce; more than 61,000 households saw their income rise. Both large figures are lower
# bounds (超过, 多). The household count is households, not jobs.

# %%
shown = agri.set_index("metric_id")["shown"]
assert shown["agriculture.processing_firms"] == "15 establishments"
assert shown["agriculture.cooperatives"] == "97 establishments"
assert shown["agriculture.produce_purchased"] == "≥ 20,000 tonnes"
assert shown["agriculture.households_income"] == "≥ 61,000 households"

# %% [markdown]
# ## 3. Training: people versus person-times
#
# Training figures come in two units. **Person-times** (人次) count attendances: one
# farmer at three sessions counts three times. **People** count heads. The two cannot be
# added, and person-times cannot be compared with population.

# %%
training = aidlib.metric_view(
    metrics,
    ids=["agriculture.training", "employment.mandarin_training", "employment.mandarin_certified",
         "employment.technical_talent", "agriculture.tech_guidance"],
)  # fmt: skip
aidlib.reader_table(training, {"label": "figure", "shown": "value", "period": "period"})

# %% tags=["remove-output"]
attendances = training[training["unit"] == "person-times"]
ax = aidlib.bar_chart(attendances, title="Training attendances (person-times, not people)", xlabel="person-times")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% tags=["remove-output"]
heads = training[training["unit"] == "people"]
ax = aidlib.bar_chart(heads, title="People trained or certified", xlabel="people")
aidlib.publish(ax)
aidlib.chart_text(ax)

# %% [markdown]
# The Mandarin figures show why the units matter: 115,000 person-times of training stand
# behind 1,200 staff who passed the test. The training figure is cumulative (累计), the
# pass count is for 2023, so even their ratio would mislead.

# %%
trained = aidlib.metric(training, "employment.mandarin_training")
certified = aidlib.metric(training, "employment.mandarin_certified")
assert (trained["value"], trained["period"]) == (115_000, "cumulative")
assert (certified["value"], certified["period"]) == (1_200, "2023")

# %% [markdown]
# **In context.** How many jobs is 2,846? Notebook 05 sets the satellite-factory jobs
# against the county's working-age population and its 2022 new jobs (cited figures):

# %%

ctx = aidlib.context_table(metrics)
assert aidlib.metric(metrics, "employment.satellite_factory_jobs")["value"] == 2_846
aidlib.reader_table(
    aidlib.indicator(ctx, ["context.factory_jobs_to_working_age", "context.factory_jobs_to_new_jobs_2022"]),
    {"label": "comparison", "text_en": "value", "caveat": "caveat"},
)

# %% [markdown]
# ## What can and cannot be added
#
# | figures | add them? | why |
# | --- | --- | --- |
# | satellite-factory jobs + cooperative-model jobs | no | the groups may overlap; the report does not say |
# | jobs + households with higher income | no | different units (people, households) |
# | training person-times + people trained | no | attendances versus heads |
# | agricultural + Mandarin person-times | only as "attendances" | both person-times, but cumulative and yearly periods differ |
