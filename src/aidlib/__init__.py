"""aidlib: repair, parse, curate and analyse a damaged Chinese report on counterpart aid.

The public names are imported on first use, so ``import aidlib`` stays light:
pandas and the plotting stack load only when a function that needs them runs.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.3.0"

# public name -> (module, name there). Grouped as a notebook uses them.
_EXPORTS = {
    # text: repair a damaged report
    "normalize": ("aidlib.text.normalizer", "normalize"),
    "normalize_text": ("aidlib.text.normalizer", "normalize_text"),
    "Normalized": ("aidlib.text.normalizer", "Normalized"),
    "Repair": ("aidlib.text.normalizer", "Repair"),
    # quantities: read numbers with their measure word and hedge
    "Quantity": ("aidlib.quantities.chinese", "Quantity"),
    "QuantityError": ("aidlib.quantities.chinese", "QuantityError"),
    "find_quantities": ("aidlib.quantities.chinese", "find_quantities"),
    "parse_quantity": ("aidlib.quantities.chinese", "parse_quantity"),
    # data: load and check the sources, curated metrics and cited figures
    "read_raw": ("aidlib.data.sources", "read_raw"),
    "source_record": ("aidlib.data.sources", "source_record"),
    "source_text": ("aidlib.data.sources", "source_text"),
    "SourceError": ("aidlib.data.sources", "SourceError"),
    "load_sources": ("aidlib.data.sources", "load_sources"),
    "load_metrics": ("aidlib.data.metrics", "load_metrics"),
    "load_indicators": ("aidlib.data.declarations", "load_indicators"),
    "load_exclusions": ("aidlib.data.metrics", "load_exclusions"),
    "MetricsError": ("aidlib.data.metrics", "MetricsError"),
    "validate": ("aidlib.data.metrics", "validate"),
    "load_figures": ("aidlib.data.figures", "load_figures"),
    "FigureError": ("aidlib.data.figures", "FigureError"),
    "figure": ("aidlib.data.figures", "figure"),
    "citation": ("aidlib.data.figures", "citation"),
    "compare": ("aidlib.data.figures", "compare"),
    "conflicts": ("aidlib.data.figures", "conflicts"),
    "series": ("aidlib.analysis.tables", "series"),
    "spans": ("aidlib.data.figures", "spans"),
    # analysis: views, derived figures and charts
    "metric": ("aidlib.analysis.tables", "metric"),
    "indicator": ("aidlib.analysis.tables", "indicator"),
    "metric_view": ("aidlib.analysis.tables", "metric_view"),
    "count_view": ("aidlib.analysis.tables", "count_view"),
    "rescale": ("aidlib.analysis.tables", "rescale"),
    "indicator_table": ("aidlib.analysis.indicators", "table"),
    "context_table": ("aidlib.analysis.context", "table"),
    "convert_cny": ("aidlib.analysis.indicators", "convert_cny"),
    "set_theme": ("aidlib.analysis.plotting", "set_theme"),
    "bar_chart": ("aidlib.analysis.plotting", "bar_chart"),
    "interval_chart": ("aidlib.analysis.plotting", "interval_chart"),
    "split_chart": ("aidlib.analysis.plotting", "split_chart"),
    "growth_chart": ("aidlib.analysis.plotting", "growth_chart"),
    "series_chart": ("aidlib.analysis.plotting", "series_chart"),
    "panel_chart": ("aidlib.analysis.plotting", "panel_chart"),
    "bounds_key_text": ("aidlib.analysis.plotting", "bounds_key_text"),
    "chart_text": ("aidlib.analysis.plotting", "chart_text"),
    # the reader's view: one number style, reader tables, published charts, the sources' limits
    "value_text": ("aidlib.analysis.numbers", "value_text"),
    "growth_text": ("aidlib.analysis.numbers", "growth_text"),
    "period_text": ("aidlib.analysis.reader_words", "period_text"),
    "periods_text": ("aidlib.analysis.reader_words", "periods_text"),
    "grades_text": ("aidlib.analysis.reader_words", "grades_text"),
    "reader_table": ("aidlib.analysis.reader_tables", "reader_table"),
    "limits_note": ("aidlib.analysis.limits", "limits_note"),
    "publish": ("aidlib.analysis.publish", "publish"),
    "figures_source": ("aidlib.analysis.publish", "figures_source"),
    "set_chart_source": ("aidlib.analysis.publish", "set_chart_source"),
    "chart_source": ("aidlib.analysis.publish", "chart_source"),
    "load_references": ("aidlib.data.references", "load_references"),
}
# whole modules reachable as attributes: aidlib.indicators.Interval, aidlib.vocabulary.unit("名")
_MODULES = {
    "indicators": "aidlib.analysis.indicators",
    "context": "aidlib.analysis.context",
    "vocabulary": "aidlib.data.vocabulary",
}

__all__ = sorted([*_EXPORTS, *_MODULES])


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first access."""
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _EXPORTS:
        module, attr = _EXPORTS[name]
        value = getattr(importlib.import_module(module), attr)
    else:
        raise AttributeError(f"module 'aidlib' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names with the module's own."""
    return sorted(set(globals()) | set(__all__))
