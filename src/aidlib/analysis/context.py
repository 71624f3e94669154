"""The report in context: indicators that set a source's figures against cited outside figures.

Is 5.3亿元 a lot for Shufu County? A declaration of ``indicators.csv`` whose inputs
include a cited figure (``cited_figures.tsv``) is a context indicator: it is computed
with the same interval arithmetic as every indicator (:mod:`aidlib.analysis.indicators`),
so hedges stay bounds (Kashgar's "over 60 billion yuan" of trade makes Shufu's share *at
most* 1.97 %), and its caveat says which periods it mixes (2023 aid against 2022 GDP),
since the cited figures come from other publications with periods of their own
(:func:`aidlib.data.declarations.periods_caveat`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def table(
    metrics: pd.DataFrame | None = None,
    figures: pd.DataFrame | None = None,
    *,
    source: str | None = None,
    data: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Return the context indicators (those with a cited input) as a DataFrame, one row per source and id.

    The columns of :func:`aidlib.analysis.indicators.to_frame`; a source that lacks an
    input simply has no such row.
    """
    from aidlib.analysis.indicators import compute_table

    return compute_table(metrics, figures, source=source, data=data, cited=True)
