"""The report in context: indicators that set its figures against cited outside figures.

Is 5.3亿元 a lot for Shufu County? Each indicator here divides a curated metric
(``data/metrics.csv``) by a cited figure (``data/cited_figures.tsv``) with the same
interval arithmetic as :mod:`aidlib.analysis.indicators`, so hedges stay bounds: Kashgar's
"over 60 billion yuan" of trade makes Shufu's share *at most* 1.97 %. Every
indicator names its formula and input ids, and its caveat says when it mixes
periods (2023 aid against 2022 GDP) or bases (a plan against money put in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from aidlib.analysis.indicators import Indicator, Interval, to_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

AID = "funding.aid_total"
TRADE = "trade.value_jan_sep"
JOBS = "employment.satellite_factory_jobs"


@dataclass(frozen=True)
class Term:
    """One input: its bounds, its period and where it comes from."""

    id: str
    interval: Interval
    period: str
    origin: str  # "metric" (the report) or "cited" (data/cited_figures.tsv)


def _terms(metrics: pd.DataFrame, figures: pd.DataFrame) -> dict[str, Term]:
    terms = {
        r.metric_id: Term(
            r.metric_id, Interval.from_qualifier(r.value, r.qualifier, r.high), r.period, "metric"
        )  # a range row has its high end
        for r in metrics.itertuples(index=False)
    }
    terms.update(
        {
            r.figure_id: Term(r.figure_id, Interval.from_qualifier(r.value, r.qualifier), r.period, "cited")
            for r in figures.itertuples(index=False)
        }
    )
    return terms


def _years(period: str) -> int:
    """Calendar years a ``start/end`` period spans (2011/2015 → 5)."""
    start, _, end = period.partition("/")
    return int((end or start)[:4]) - int(start[:4]) + 1


def periods_caveat(terms: list[Term]) -> str:
    """Say which periods an indicator mixes, or nothing when they agree.

    Examples:
        >>> a = Term("funding.aid_total", Interval(5.3e8), "2023", "metric")
        >>> g = Term("shufu.gdp.2022", Interval(6e9), "2022", "cited")
        >>> periods_caveat([a, g])
        'Mixes periods: funding.aid_total (2023) with shufu.gdp.2022 (2022).'
        >>> periods_caveat([a, a])
        ''
    """
    if len({t.period for t in terms}) <= 1:
        return ""
    first, *rest = terms
    return (
        f"Mixes periods: {first.id} ({first.period}) with "
        + ", ".join(f"{t.id} ({t.period})" for t in rest)
        + "."
    )


# Ratios: (id, label, numerator, denominator, unit, scale, caveat). The periods
# caveat is added by compute().
RATIOS = (
    (
        "context.aid_per_resident",
        "2023 aid per resident (2020 census)",
        AID,
        "shufu.population.2020",
        "元/人",
        1,
        "Resident (常住) population from a secondary copy of the census county volume (grade C).",
    ),
    (
        "context.aid_to_gdp",
        "2023 aid against 2022 GDP",
        AID,
        "shufu.gdp.2022",
        "%",
        100,
        "A scale comparison, not a share of GDP: aid money is not value added. GDP is the county's estimate.",
    ),
    (
        "context.aid_to_budget_revenue",
        "2023 aid against 2022 general budget revenue",
        AID,
        "shufu.budget_revenue.2022",
        "%",
        100,
        "Aid is not budget revenue; the ratio says how large it is next to it.",
    ),
    (
        "context.aid_to_fixed_asset_investment",
        "2023 aid against 2022 fixed-asset investment",
        AID,
        "shufu.fixed_asset_investment.2022",
        "%",
        100,
        "Not a share: only part of the aid is investment, and the county's FAI counts every source.",
    ),
    (
        "context.trade_share_kashgar",
        "Shufu's share of Kashgar's foreign trade, Jan–Sep 2023",
        TRADE,
        "kashgar.foreign_trade.2023_jan_sep",
        "%",
        100,
        "At most: Kashgar's trade is 'over 60 billion yuan', a lower bound.",
    ),
    (
        "context.trade_share_xinjiang",
        "Shufu's share of Xinjiang's foreign trade, Jan–Sep 2023",
        TRADE,
        "xinjiang.foreign_trade.2023_jan_sep",
        "%",
        100,
        "Xinjiang's figure is from a grade C repost of Urumqi Customs data.",
    ),
    (
        "context.factory_jobs_to_working_age",
        "Satellite-factory jobs against the working-age population (2021)",
        JOBS,
        "shufu.working_age_population.2021",
        "%",
        100,
        "Jobs may be held by people counted elsewhere; the population is a 2021 point figure.",
    ),
    (
        "context.factory_jobs_to_new_jobs_2022",
        "Satellite-factory jobs against the county's 2022 new jobs",
        JOBS,
        "shufu.new_jobs.2022",
        "%",
        100,
        "Different counts: jobs in the factories now, against jobs newly created in 2022; not additive.",
    ),
    (
        "context.aid_share_xinjiang_2019",
        "2023 aid against all-Xinjiang aid in 2019",
        AID,
        "xinjiang.aid_funds.2019",
        "%",
        100,
        "At most: 2019's total is 'more than 18.8 billion yuan'. No all-Xinjiang total is "
        "published for 2020–2023.",
    ),
    (
        "context.aid_share_xinjiang_2024",
        "2023 aid against all-Xinjiang aid in 2024",
        AID,
        "xinjiang.aid_funds.2024",
        "%",
        100,
        "About: 2024's total is 'nearly 20 billion yuan'. No all-Xinjiang total is published for 2020–2023.",
    ),
)

PLAN = "guangzhou_shufu.aid_funds.plan_2011_2015"


def compute(metrics: pd.DataFrame | None = None, figures: pd.DataFrame | None = None) -> list[Indicator]:
    """Compute every context indicator from the metrics and the cited figures (loaded if not given)."""
    if metrics is None:
        from aidlib.data.metrics import load_metrics

        metrics = load_metrics()
    if figures is None:
        from aidlib.data.figures import load_figures

        figures = load_figures()
    t = _terms(metrics, figures)
    out = []
    for iid, label, num, den, unit, scale, caveat in RATIOS:
        formula = f"{num} / {den}" + (f" × {scale}" if scale != 1 else "")
        value = t[num].interval / t[den].interval * Interval(scale)
        mixed = periods_caveat([t[num], t[den]])
        out.append(
            Indicator(iid, label, formula, (num, den), value, unit, " ".join(filter(None, [caveat, mixed])))
        )
    years = _years(t[PLAN].period)
    yearly = t[PLAN].interval / Interval(years)
    out.append(
        Indicator("context.aid_vs_plan_2011_2015", "2023 aid above the 2011–2015 plan's yearly average",
                  f"({AID} / ({PLAN} / {years}) − 1) × 100", (AID, PLAN),
                  (t[AID].interval / yearly - Interval(1)) * Interval(100), "%",
                  "Different bases: a five-year plan (安排) averaged per year, against money put in (投入) "
                  "in 2023; nominal yuan, no price adjustment. " + periods_caveat([t[AID], t[PLAN]]))
    )  # fmt: skip
    return out


def table(metrics: pd.DataFrame | None = None, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every context indicator as a DataFrame, with the columns of the indicators table."""
    return to_frame(compute(metrics, figures))
