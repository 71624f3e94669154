"""aidlib: repair, parse, curate and analyse a damaged Chinese report on counterpart aid.

The public names are imported on first use, so ``import aidlib`` stays light:
pandas and the plotting stack load only when a function that needs them runs.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.2.0"

# public name -> module that defines it
_EXPORTS = {
    "normalize": "aidlib.text.normalizer",
    "normalize_text": "aidlib.text.normalizer",
    "Normalized": "aidlib.text.normalizer",
    "Repair": "aidlib.text.normalizer",
    "read_raw": "aidlib.data.sources",
    "source_record": "aidlib.data.sources",
    "source_text": "aidlib.data.sources",
    "SourceError": "aidlib.data.sources",
    "Quantity": "aidlib.quantities.chinese",
    "QuantityError": "aidlib.quantities.chinese",
    "find_quantities": "aidlib.quantities.chinese",
    "parse_quantity": "aidlib.quantities.chinese",
    "load_sources": "aidlib.data.sources",
    "load_metrics": "aidlib.data.metrics",
    "MetricsError": "aidlib.data.metrics",
    "validate": "aidlib.data.metrics",
}

__all__ = sorted([*_EXPORTS, "indicators"])


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first access."""
    if name == "indicators":
        return importlib.import_module("aidlib.analysis.indicators")
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'aidlib' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names with the module's own."""
    return sorted(set(globals()) | set(__all__))
