"""What a notebook needs of the data, kept in its metadata: the report skips a notebook whose needs are unmet.

A study notebook reads one source and certain metric, indicator and cited-figure ids.
It says so in its metadata (JupyterLab: Notebook metadata; the paired script: its
header), which the report reads before running anything::

    "aidlib": {"needs": {"source": "guangzhou_shufu_2023",
                         "metrics": ["funding.aid_total", ...],
                         "indicators": ["share.itemized", ...],
                         "figures": ["shufu.gdp.2022", ...]}}

``aidlib report`` runs the notebooks whose needs the data folder meets and skips the
others, each with one line naming what it lacks (an indicator is there when the
declarations compute it for the source). A notebook without needs always runs.

The lists are written by :func:`scan` from the notebook's own code (its string
literals that are ids of the data), so they cannot drift from what the code reads:
``python -m aidlib.report.needs notebooks/*.ipynb`` rewrites them, and a test compares
them with a fresh scan.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

KEY = "aidlib"
KINDS = ("metrics", "indicators", "figures")


@dataclass(frozen=True)
class Needs:
    """The source and the ids a notebook reads."""

    source: str = ""
    metrics: tuple[str, ...] = field(default=())
    indicators: tuple[str, ...] = field(default=())
    figures: tuple[str, ...] = field(default=())

    def as_metadata(self) -> dict:
        """The ``needs`` entry of a notebook's ``aidlib`` metadata."""
        out: dict = {"source": self.source} if self.source else {}
        out |= {kind: list(getattr(self, kind)) for kind in KINDS if getattr(self, kind)}
        return out


def read(nb) -> Needs:
    """The needs a notebook's metadata states (none: an empty :class:`Needs`).

    Raises:
        ValueError: the metadata is not shaped as the module docstring shows.
    """
    meta = nb.get("metadata", {}).get(KEY, {}).get("needs", {})
    if not isinstance(meta, dict) or not isinstance(meta.get("source", ""), str):
        raise ValueError(f"notebook metadata {KEY}.needs must be a mapping with a source id, got {meta!r}")
    lists = {}
    for kind in KINDS:
        ids = meta.get(kind, [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ValueError(f"notebook metadata {KEY}.needs.{kind} must be a list of ids, got {ids!r}")
        lists[kind] = tuple(ids)
    return Needs(meta.get("source", ""), **lists)


def _literals(nb) -> list[str]:
    """Every string literal of the notebook's code cells, in order (IPython magics skipped)."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        code = "\n".join(ln for ln in cell.source.splitlines() if not ln.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        out += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return out


def scan(nb, sources: Iterable[str], metrics, indicators: Iterable[str], figures: Iterable[str]) -> Needs:
    """The needs of a notebook read off its code: the literals that are ids of the data.

    Args:
        nb: the notebook.
        sources: the source ids of the data folder.
        metrics: the metrics frame (``source_id``, ``metric_id``).
        indicators: the indicator ids computed for any source.
        figures: the cited figure ids.
    """
    literals = list(dict.fromkeys(_literals(nb)))
    source = next((s for s in literals if s in set(sources)), "")
    stated = metrics.loc[metrics["source_id"] == source, "metric_id"] if source else metrics["metric_id"]
    kinds = {"metrics": set(stated), "indicators": set(indicators), "figures": set(figures)}
    found = {kind: tuple(sorted(s for s in literals if s in ids)) for kind, ids in kinds.items()}
    found["indicators"] = tuple(i for i in found["indicators"] if i not in found["metrics"])
    return Needs(source, **found)


def lacking(needs: Needs, sources: Iterable[str], metrics, indicators, figures) -> list[str]:
    """What the data lacks of a notebook's needs, in words; empty when it can run.

    Args:
        needs: the notebook's needs.
        sources: the source ids of the data folder.
        metrics: the metrics frame.
        indicators: the computed indicators and context indicators (``source_id``, ``indicator_id``).
        figures: the cited figures frame.
    """
    if needs.source and needs.source not in set(sources):
        return [f"source {needs.source!r}"]
    mine = metrics if not needs.source else metrics[metrics["source_id"] == needs.source]
    computed = indicators if not needs.source else indicators[indicators["source_id"] == needs.source]
    have = {"metrics": set(mine["metric_id"]), "indicators": set(computed["indicator_id"]),
            "figures": set(figures["figure_id"])}  # fmt: skip
    words = {"metrics": "metric", "indicators": "indicator", "figures": "cited figure"}
    out = []
    for kind in KINDS:
        missing = [i for i in getattr(needs, kind) if i not in have[kind]]
        if missing:
            out.append(f"{words[kind]}{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Write each notebook's needs, scanned from its code against the data folder, into its metadata."""
    import nbformat

    from aidlib.analysis.context import table as context_table
    from aidlib.analysis.indicators import table as indicator_table
    from aidlib.data.figures import load_figures
    from aidlib.data.metrics import load_metrics
    from aidlib.data.sources import source_ids

    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    metrics, figures = load_metrics(), load_figures()
    computed = [*indicator_table(metrics)["indicator_id"], *context_table(metrics, figures)["indicator_id"]]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        needs = scan(nb, source_ids(), metrics, computed, figures["figure_id"])
        nb.metadata.setdefault(KEY, {})["needs"] = needs.as_metadata()
        nbformat.write(nb, path)
        counts = ", ".join(f"{len(getattr(needs, k))} {k}" for k in KINDS)
        print(f"{path}: needs source {needs.source or '(none)'}, {counts}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
