"""The curated metrics (``data/metrics.csv``): load, validate schema and provenance.

Every row is one quantitative statement of a source, with the quote it comes from.
Validation runs on plain CSV rows, so each problem can name its file, line and
column; :func:`load_metrics` returns a typed DataFrame only when there are none.
"""

from __future__ import annotations

import csv
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib import paths

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

METRICS_FILE = "metrics.csv"

COLUMNS = (
    "metric_id", "source_id", "theme", "label_en", "label_zh", "value", "unit", "unit_en",
    "qualifier", "period", "quote", "duplicate_of", "part_of", "sector_crs", "note",
)  # fmt: skip

# The theme vocabulary (documented in data/datapackage.json).
THEMES = (
    "funding", "housing", "agriculture", "health", "education", "security", "industry",
    "investment", "trade", "employment", "consumption_aid", "talent_exchange", "culture",
    "ethnic_exchange", "tourism",
)  # fmt: skip
QUALIFIERS = ("exact", "over", "about", "under")

_METRIC_ID = re.compile(r"[a-z][a-z_]*\.[a-z0-9_]+")
# 2023; 2023-01/2023-09 for 1-9月; cumulative where the text says 累计 without a period.
_PERIOD = re.compile(r"\d{4}|\d{4}-\d{2}/\d{4}-\d{2}|cumulative")
_CRS = re.compile(r"\d{3}")
_DAMAGE_MARKS = "\ufffd?"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located by line and column."""

    path: Path
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: column {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class MetricsError(ValueError):
    """The curated metrics failed validation; ``problems`` lists every failure."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{problems[0]}{more}\n{lines}" if more else str(problems[0]))


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]], list[Problem]]:
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return [], [], [Problem(path, 0, "", "file not found")]
    if not blob.strip():
        return [], [], [Problem(path, 0, "", "file is empty; expected a CSV header and rows")]
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as err:
        line = blob[: err.start].count(b"\n") + 1
        return [], [], [Problem(path, line, "", f"not UTF-8 (byte {err.start}); save the file as UTF-8")]
    reader = csv.DictReader(text.splitlines())
    header = list(reader.fieldnames or [])
    return header, list(reader), []


def _check_row(path: Path, line: int, row: dict[str, str], ctx: _Context) -> list[Problem]:
    """Check one row's schema and provenance."""
    from aidlib.quantities import UNITS, QuantityError, parse_quantity

    out = []

    def bad(column: str, message: str) -> None:
        out.append(Problem(path, line, column, message))

    mid = row["metric_id"]
    if not _METRIC_ID.fullmatch(mid):
        bad("metric_id", f"{mid!r} is not a metric id like 'funding.aid_total'")
    if row["source_id"] not in ctx.texts:
        bad("source_id", f"unknown source {row['source_id']!r}; expected one of {sorted(ctx.texts)}")
    if row["theme"] not in THEMES:
        bad("theme", f"unknown theme {row['theme']!r}; expected one of {', '.join(THEMES)}")
    if row["qualifier"] not in QUALIFIERS:
        bad("qualifier", f"unknown qualifier {row['qualifier']!r}; expected one of {', '.join(QUALIFIERS)}")
    if row["unit"] not in UNITS:
        bad("unit", f"unknown unit {row['unit']!r}; expected a measure word such as 元, 户, 人次")
    elif row["unit_en"] != UNITS[row["unit"]]:
        bad(
            "unit_en",
            f"{row['unit_en']!r} does not match unit {row['unit']}: expected {UNITS[row['unit']]!r}",
        )
    if not _PERIOD.fullmatch(row["period"]):
        bad("period", f"{row['period']!r} is not a period: expected 2023, 2023-01/2023-09 or cumulative")
    if row["sector_crs"] and not _CRS.fullmatch(row["sector_crs"]):
        bad("sector_crs", f"{row['sector_crs']!r} is not a 3-digit OECD CRS sector code")
    for col in ("duplicate_of", "part_of"):
        if row[col] and row[col] not in ctx.ids:
            bad(col, f"{row[col]!r} is not a metric_id in this file")
    try:
        value = float(row["value"])
    except ValueError:
        bad("value", f"{row['value']!r} is not a number; expected a float in base units")
        return out
    if math.isnan(value):
        bad("value", "is NaN; expected the value the quote states")
        return out
    text = ctx.texts.get(row["source_id"])
    quote = row["quote"]
    if text is None:
        return out
    if not quote or quote not in text:
        bad("quote", f"{quote!r} not found in the normalized text of {row['source_id']}")
        return out
    try:
        q = parse_quantity(quote)
        if q.damaged:  # read the surviving digits; the row must say so in its note
            q = parse_quantity(quote.strip(_DAMAGE_MARKS).replace("\ufffd", ""))
            if "damaged" not in row["note"].lower():
                bad("note", "the quote is damaged (U+FFFD next to the number); the note must say so")
    except QuantityError as err:
        bad("quote", f"{err}")
        return out
    if not math.isclose(q.value, value, rel_tol=1e-9):
        bad("value", f"{row['value']} disagrees with the quote {quote!r}, which states {q.value:g}")
    if row["unit"] in UNITS and q.unit != row["unit"]:
        bad("unit", f"{row['unit']!r} disagrees with the quote {quote!r}, which states {q.unit!r}")
    if row["qualifier"] in QUALIFIERS and q.qualifier != row["qualifier"]:
        bad("qualifier", f"{row['qualifier']!r} disagrees with the quote {quote!r}: expected {q.qualifier!r}")
    return out


@dataclass
class _Context:
    texts: dict[str, str]
    ids: set[str]


def _source_texts(data: Path) -> tuple[dict[str, str], list[Problem]]:
    """Normalized text of every source whose checksum holds."""
    from aidlib.sources import SourceError, read_raw, source_ids
    from aidlib.text import cached_normalized_text

    texts, problems = {}, []
    for source_id in source_ids(data):
        try:
            texts[source_id] = cached_normalized_text(read_raw(source_id, data))
        except SourceError as err:
            problems.append(Problem(data / "sources.csv", 0, "", str(err)))
    return texts, problems


def validate(data: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Check ``metrics.csv`` and the sources it quotes; return every problem found."""
    folder = paths.data_dir(data)
    path = folder / METRICS_FILE
    header, rows, problems = _read_rows(path)
    if problems:
        return problems
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [Problem(path, 1, c, "missing column; expected header " + ",".join(COLUMNS)) for c in missing]
    texts, problems = _source_texts(folder)
    ids = [r["metric_id"] for r in rows]
    ctx = _Context(texts, set(ids))
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        if row["metric_id"] in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    "metric_id",
                    f"duplicate {row['metric_id']!r} (first on line {seen[row['metric_id']]})",
                )
            )
        seen.setdefault(row["metric_id"], line)
        problems += _check_row(path, line, row, ctx)
    problems += _check_parts(path, rows)
    return problems


def _check_parts(path: Path, rows: list[dict[str, str]]) -> list[Problem]:
    """Parts never add up to more than their stated total (same unit)."""
    by_id = {r["metric_id"]: (line, r) for line, r in enumerate(rows, start=2)}
    sums: dict[str, float] = {}
    for r in rows:
        if r["part_of"] in by_id:
            try:
                sums[r["part_of"]] = sums.get(r["part_of"], 0.0) + float(r["value"])
            except ValueError:
                continue
    out = []
    for total_id, parts in sums.items():
        line, total = by_id[total_id]
        try:
            stated = float(total["value"])
        except ValueError:
            continue
        if parts > stated * (1 + 1e-9) and total["qualifier"] in ("exact", "under"):
            out.append(Problem(path, line, "value", f"its parts add up to {parts:g}, more than {stated:g}"))
    return out


def load_metrics(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the curated metrics after validating schema and provenance.

    Returns:
        One row per quantitative statement, columns in ``COLUMNS`` order:
        ``value`` float in base units; ``theme``, ``unit`` and ``qualifier``
        categorical; empty text cells as empty strings.

    Raises:
        MetricsError: any problem; the message names file, line and column.
    """
    problems = validate(data_dir)
    if problems:
        raise MetricsError(problems)
    import pandas as pd

    from aidlib.quantities import UNITS

    path = paths.data_dir(data_dir) / METRICS_FILE
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame[list(COLUMNS)]
    frame["value"] = frame["value"].astype(float)
    frame["theme"] = pd.Categorical(frame["theme"], categories=THEMES)
    frame["qualifier"] = pd.Categorical(frame["qualifier"], categories=QUALIFIERS)
    frame["unit"] = pd.Categorical(frame["unit"], categories=list(UNITS))
    return frame
