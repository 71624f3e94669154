"""The curated metrics (``data/metrics.csv``): load, validate schema and provenance.

Every row is one quantitative statement of a source, with the quote it comes from.
A row is identified by its source and its id, ``(source_id, metric_id)``: the same
metric id in two sources names the same concept (each report's ``funding.aid_total``),
so reports compare by id; ``duplicate_of`` and ``part_of`` link rows of one source.
Validation runs on plain CSV rows, so each problem can name its file, line and
column; :func:`load_metrics` returns a typed DataFrame only when there are none.
Every cell is checked by the data package's schema (:mod:`aidlib.data.schema`: ids,
vocabularies, numbers, periods, labels); this module checks the rest: a row's
columns together (a range's high end, ``unit_en``), the links between rows, and
provenance (the quote is in the source text and states the row's value).

A number whose digit was lost in the source (``带动当�?00多人``) is kept as the lower
bound its surviving digits allow (:func:`damaged_bound`: at least 100), with a note
saying what was lost.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib.data import paths
from aidlib.data.csvfile import DataError, Problem, Table, parse_value, plain_number, read_table
from aidlib.data.periods import metric_period_problem
from aidlib.data.schema import row_checker
from aidlib.data.vocabulary import (
    BASIS_NAMES,
    QUALIFIERS,
    THEMES,
    UNITS,
    basis_in,
    same_measure,
    same_measure_groups,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

METRICS_FILE = "metrics.csv"

COLUMNS = (
    "metric_id", "source_id", "theme", "label_en", "label_zh", "value", "unit", "unit_en",
    "qualifier", "high", "ratio", "period", "basis", "quote", "duplicate_of", "part_of", "sector_crs",
    "note",
)  # fmt: skip
#: A row's key: the same metric id in two sources is the same concept, stated twice.
KEY = ("source_id", "metric_id")

_DAMAGE_MARKS = "\ufffd?"
# Measure words that count the same thing (10场 and 10场次 of the same shows; 人, 名
# and 位): a restatement may switch between them, a part may use the other of its
# total's. They are the families of :mod:`aidlib.data.vocabulary`.
SAME_MEASURE = same_measure_groups()


class MetricsError(DataError):
    """The curated metrics failed validation; ``problems`` lists every failure."""


def _check_row(path: Path, line: int, row: dict[str, str], ctx: _Context, cells: set[str]) -> list[Problem]:
    """Check what the schema cannot say of one row: its columns together, and its provenance.

    ``cells`` are the columns whose cells already broke a rule of the schema (reported
    once, by :class:`aidlib.data.schema.RowChecker`): nothing here reads them again.
    """
    from aidlib.quantities.chinese import QuantityError, parse_quantity

    out = []

    def bad(column: str, message: str) -> None:
        out.append(Problem(path, line, column, message))

    source_id = row["source_id"]
    if source_id in ctx.failed or "source_id" in cells:
        pass  # the source itself failed: reported once, on its own line of sources.csv
    elif source_id not in ctx.texts:
        ctx.unknown.setdefault(source_id, []).append(line)  # one line per unknown id, after the rows
    if not {"unit", "unit_en"} & cells and row["unit_en"] != UNITS[row["unit"]].en:
        bad(
            "unit_en",
            f"{row['unit_en']!r} does not match unit {row['unit']}: expected {UNITS[row['unit']].en!r}",
        )
    problem = metric_period_problem(row["period"]) if "period" not in cells else None
    if problem:  # a span that runs backwards, or a span of one year
        bad("period", problem)
    if "value" in cells or "high" in cells:
        return out
    value = parse_value(row["value"])
    high = parse_value(row["high"]) if row["high"] else None
    if row["qualifier"] == "range":
        if high is None:
            bad("high", f"{row['high']!r} is not a number; a range needs its high end (ASCII digits)")
            return out
        if not high > value:
            bad("high", f"{row['high']} is not above value {row['value']}; a range runs from value to high")
    elif row["high"]:
        bad("high", f"{row['high']!r} given for qualifier {row['qualifier']!r}; only a range has a high end")
    ratio = parse_value(row["ratio"]) if row["ratio"] and "ratio" not in cells else None
    text = ctx.texts.get(source_id)
    quote = row["quote"]
    if text is None or "quote" in cells:
        return out
    if quote not in text:
        bad("quote", f"{quote!r} not found in the normalized text of {source_id}")
        return out
    try:
        q = parse_quantity(quote)
    except QuantityError as err:
        bad("quote", f"{err}")
        return out
    if q.damaged:  # a digit may be lost: only the bound the surviving digits allow is stated
        _check_damaged(row, quote, value, bad, cells)
        return out
    if not math.isclose(q.value, value, rel_tol=1e-9):
        stated = plain_number(q.value)
        bad("value", f"{row['value']} disagrees with the quote {quote!r}, which states {stated}")
    if high is not None and q.high is not None and not math.isclose(q.high, high, rel_tol=1e-9):
        high = plain_number(q.high)
        bad("high", f"{row['high']} disagrees with the quote {quote!r}, whose range ends at {high}")
    if "unit" not in cells and q.unit != row["unit"]:
        bad("unit", f"{row['unit']!r} disagrees with the quote {quote!r}, which states {q.unit!r}")
    if "qualifier" not in cells and q.qualifier != row["qualifier"]:
        bad("qualifier", f"{row['qualifier']!r} disagrees with the quote {quote!r}: expected {q.qualifier!r}")
    money = q.unit in UNITS and UNITS[q.unit].kind == "currency"
    said = basis_in(quote, q.start) if row["basis"] and money else ""
    if "basis" not in cells and said and said != row["basis"]:  # the verb before the amount says otherwise
        bad("basis", f"{row['basis']!r} disagrees with the quote {quote!r}, whose verb before the amount "
                     f"says {said!r} ({BASIS_NAMES[said]})")  # fmt: skip
    if "ratio" in cells:
        return out
    if q.ratio is not None and q.unit == "倍":  # a multiple: what it means is data, checked here
        if ratio is None:
            bad("ratio", f"is empty; the quote {quote!r} states a multiple whose ratio to its base is "
                         f"{plain_number(q.ratio)}")  # fmt: skip
        elif not math.isclose(q.ratio, ratio, rel_tol=1e-9):
            bad("ratio", f"{row['ratio']} disagrees with the quote {quote!r}, whose ratio to its base is "
                         f"{plain_number(q.ratio)}")  # fmt: skip
    elif ratio is not None:
        bad("ratio", f"{row['ratio']!r} given, but the quote {quote!r} states no multiple (倍, 番)")
    return out


def damaged_bound(quote: str):
    """The least value a damaged number can have: its surviving digits, with a lost leading digit.

    A U+FFFD (or the literal ``?`` of the damage) next to a number may hide a lost digit,
    so the number is *at least* what survives. Surviving digits that start with 0
    (``�?00多人``) cannot start a number: a digit was lost, so the number is at least a
    1 before them (100).

    Returns:
        The surviving :class:`~aidlib.quantities.chinese.Quantity` read as a lower bound
        (``value`` the least value, ``qualifier`` ``over``).

    Raises:
        QuantityError: nothing readable survives.

    Examples:
        >>> damaged_bound("带动当\ufffd?00多人").value, damaged_bound("培训当地教\ufffd1700余人次").value
        (100.0, 1700.0)
    """
    import dataclasses

    from aidlib.quantities.chinese import QuantityError, parse_quantity

    q = parse_quantity(quote)
    if not q.damaged:
        raise QuantityError(f"{quote!r} is not damaged: read it with parse_quantity")
    survived = q.text.lstrip(_DAMAGE_MARKS)
    again = parse_quantity("1" + survived if survived[:1] == "0" else survived)
    return dataclasses.replace(again, qualifier="over", damaged=True, high=None, ratio=None)


def _check_damaged(row: dict[str, str], quote: str, value: float, bad, cells: set[str]) -> None:
    """A damaged quote's row states the lower bound its surviving digits allow, and says so."""
    from aidlib.quantities.chinese import QuantityError

    if "damaged" not in row["note"].lower():
        what = "the quote is damaged (U+FFFD next to the number): the note must say 'damaged'"
        bad("note", f"{what} and what was lost")
    try:
        least = damaged_bound(quote)
    except QuantityError as err:
        bad("quote", f"the quote is damaged and no number survives it ({err}); list it in exclusions.csv")
        return
    if row["qualifier"] != "over":
        bad("qualifier", f"{row['qualifier']!r}, but the quote {quote!r} is damaged (a digit may be lost): "
                         "only a lower bound is known; expected 'over'")  # fmt: skip
    if not math.isclose(least.value, value, rel_tol=1e-9):
        bad("value", f"{row['value']} is not the bound the surviving digits of {quote!r} allow: "
                     f"expected {plain_number(least.value)} (at least)")  # fmt: skip
    if "unit" not in cells and least.unit != row["unit"]:
        bad("unit", f"{row['unit']!r} disagrees with the quote {quote!r}, which states {least.unit!r}")


@dataclass
class _Context:
    texts: dict[str, str]  # normalized text of every source that could be read
    failed: set[str]  # sources recorded in sources.csv whose file failed (reported there)
    unknown: dict[str, list[int]] = field(default_factory=dict)  # unknown source id → lines quoting it


def _source_texts(data: Path) -> tuple[dict[str, str], set[str], list[Problem], bool]:
    """Normalized text of every source whose record and checksum hold.

    Returns the texts, the ids of sources that failed, the problems (each on the
    line of ``sources.csv`` that names the failed source), and whether
    ``sources.csv`` itself could be read.
    """
    from aidlib.data.sources import SOURCES_FILE, SourceError, read_raw_record, read_sources
    from aidlib.text.cache import cached_normalized_text

    records, problems, rejected = read_sources(data)
    readable = bool(records or rejected or not problems)  # else the file as a whole failed
    texts, failed = {}, set(rejected)
    for source_id, record in records.items():
        try:
            texts[source_id] = cached_normalized_text(read_raw_record(record, data))
        except SourceError as err:
            failed.add(source_id)
            problems.append(Problem(data / SOURCES_FILE, int(record["line"]), "path", str(err)))
    return texts, failed, problems, readable


def check_metrics(data: str | os.PathLike[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check ``metrics.csv`` and the sources it quotes, in one pass.

    Both :func:`validate` (``aidlib check``) and :func:`load_metrics` use this, so
    a file passes the check if and only if it loads. A file of the header alone is
    valid: a data folder starts empty (``aidlib init``).
    """
    folder = paths.data_dir(data)
    table, problems = read_table(folder / METRICS_FILE, COLUMNS)
    texts, failed, source_problems, readable = _source_texts(folder)
    problems = source_problems + problems
    if table is None:
        return None, problems
    path = table.path
    rows_lost = bool(problems) and any(p.path == path for p in problems)  # a row the reader could not parse
    if not readable:  # sources.csv itself is broken: no row's source can be judged
        failed |= {row["source_id"] for row in table.rows}
    ctx = _Context(texts, failed)
    rows = row_checker("metrics", path)  # every cell by the schema, and the key (source_id, metric_id)
    seen: dict[tuple[str, str], int] = {}
    broken: dict[int, set[str]] = {}  # line → the columns whose cells broke a rule of the schema
    for line, row in table:
        seen.setdefault((row["source_id"], row["metric_id"]), line)
        bad, broken[line] = rows.check(line, row)
        problems += bad + _check_row(path, line, row, ctx, broken[line])
    problems += unknown_sources(path, ctx.unknown, ctx.texts)
    if not rows_lost:  # links to a row that could not be read would only echo its problem
        problems += _check_links(table, seen, broken)
    return table, problems


def unknown_sources(path: Path, unknown: dict[str, list[int]], known) -> list[Problem]:
    """One problem per unknown source id (a renamed source is one cause), on its first line."""
    out = []
    for source_id, lines in unknown.items():
        more = f" (and {len(lines) - 1} more rows quote it)" if len(lines) > 1 else ""
        out.append(
            Problem(path, lines[0], "source_id",
                    f"unknown source {source_id!r}; expected one of {', '.join(sorted(known)) or 'none'}"
                    f"{more}")
        )  # fmt: skip
    return out


def validate(data: str | os.PathLike[str] | None = None) -> list[Problem]:
    """Check ``metrics.csv`` and the sources it quotes; return every problem found."""
    return check_metrics(data)[1]


def _check_links(
    table: Table, first_line: dict[tuple[str, str], int], broken: dict[int, set[str]] | None = None
) -> list[Problem]:
    """The ``duplicate_of`` and ``part_of`` graph, within each source.

    A link whose cell broke a rule of the schema (``broken``: line → columns) was reported
    already: it is not named again as a link to nowhere.

    - a link names another metric of the same source, never the row itself;
    - a restatement (``duplicate_of``) points at an original, which restates
      nothing, and states the same value, unit (or a :data:`SAME_MEASURE` word)
      and qualifier;
    - a part (``part_of``) has its total's unit (or a :data:`SAME_MEASURE` word);
      ``part_of`` has no cycles;
    - parts never add up to more than a total that is exact or an upper bound.
    """
    path = table.path
    by_key: dict[tuple[str, str], dict[str, str]] = {}
    for row in table.rows:  # a duplicated key means its first row (the duplicate is reported)
        by_key.setdefault((row["source_id"], row["metric_id"]), row)
    out = []
    for line, row in table:
        mid, source = row["metric_id"], row["source_id"]
        for col in ("duplicate_of", "part_of"):
            target = row[col]
            if not target or col in (broken or {}).get(line, ()):
                continue
            if target == mid:
                out.append(Problem(path, line, col, f"{target!r} is this row itself"))
            elif (source, target) not in by_key:
                out.append(Problem(path, line, col, f"{target!r} is not a metric_id of source {source!r}"))
        # an empty link is no link (a row whose metric_id is empty must not be everyone's original)
        original = by_key.get((source, row["duplicate_of"])) if row["duplicate_of"] not in ("", mid) else None
        if original is not None:
            if original["duplicate_of"]:
                out.append(
                    Problem(
                        path, line, "duplicate_of",
                        f"{row['duplicate_of']!r} restates {original['duplicate_of']!r} itself;"
                        " point at the original",
                    )
                )  # fmt: skip
            for col in ("value", "unit", "qualifier", "high"):
                mine, theirs = row[col], original[col]
                if col in ("value", "high"):
                    same = parse_value(mine) == parse_value(theirs)
                elif col == "unit":
                    same = same_measure(mine, theirs)
                else:
                    same = mine == theirs
                if not same:
                    out.append(
                        Problem(
                            path, line, col,
                            f"{mine!r} differs from {theirs!r} of {row['duplicate_of']!r},"
                            " which this row restates",
                        )
                    )  # fmt: skip
        total = by_key.get((source, row["part_of"])) if row["part_of"] not in ("", mid) else None
        if total is not None and not same_measure(total["unit"], row["unit"]):
            out.append(
                Problem(
                    path, line, "unit",
                    f"{row['unit']!r} differs from {total['unit']!r} of {row['part_of']!r}, its total",
                )
            )  # fmt: skip
    out += _part_cycles(table, first_line)
    out += _parts_within_totals(table, by_key, first_line)
    return out


def _part_cycles(table: Table, first_line: dict[tuple[str, str], int]) -> list[Problem]:
    parent = {
        (r["source_id"], r["metric_id"]): (r["source_id"], r["part_of"])
        for r in table.rows
        if r["part_of"] and r["part_of"] != r["metric_id"]
    }
    done: set[tuple[str, str]] = set()  # nodes whose chain has been followed to its end: linear in all
    out = []
    for start in parent:
        chain: dict[tuple[str, str], int] = {}  # node → position in this walk
        node = start
        while node in parent and node not in done and node not in chain:
            chain[node] = len(chain)
            node = parent[node]
        if node in chain:  # the walk came back to itself: a cycle, reported once
            cycle = list(chain)[chain[node] :]
            first = min(cycle, key=first_line.__getitem__)
            ring = [*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first]
            loop = " → ".join(mid for _, mid in ring)
            out.append(Problem(table.path, first_line[first], "part_of", f"a cycle: {loop}"))
        done.update(chain)
    return out


def _parts_within_totals(
    table: Table, by_key: dict[tuple[str, str], dict[str, str]], first_line: dict[tuple[str, str], int]
) -> list[Problem]:
    """Parts never add up to more than their stated total (same unit)."""
    sums: dict[tuple[str, str], float] = {}
    for r in table.rows:
        if r["part_of"] in ("", r["metric_id"]):
            continue  # no total; or "is this row itself", reported, whose sum would only echo that
        key = (r["source_id"], r["part_of"])
        total = by_key.get(key)
        value = parse_value(r["value"])
        if total is not None and value is not None and same_measure(total["unit"], r["unit"]):
            sums[key] = sums.get(key, 0.0) + value
    out = []
    for key, parts in sums.items():
        total = by_key[key]
        stated = parse_value(total["value"])
        if stated is None:
            continue
        if total["qualifier"] == "range":  # parts add their low ends; the total's bound is its high end
            stated = parse_value(total["high"]) if total["high"] else None
            if stated is None:
                continue
        if parts > stated * (1 + 1e-9) and total["qualifier"] in ("exact", "under", "range"):
            out.append(
                Problem(
                    table.path,
                    first_line[key],
                    "value",
                    f"its parts add up to {plain_number(parts)}, more than {plain_number(stated)}",
                )
            )
    return out


EXCLUSIONS_FILE = "exclusions.csv"
EXCLUSION_COLUMNS = ("source_id", "quote", "reason")


def check_exclusions(data: str | os.PathLike[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check ``exclusions.csv``: quantities found but deliberately not curated.

    Each row names a known source, quotes its normalized text (the quote holds a
    quantity) and gives a reason.
    """
    from aidlib.quantities.chinese import find_quantities

    folder = paths.data_dir(data)
    table, problems = read_table(folder / EXCLUSIONS_FILE, EXCLUSION_COLUMNS)
    if table is None:
        return None, problems
    texts, failed, _, _ = _source_texts(folder)  # source problems are reported by check_metrics
    unknown: dict[str, list[int]] = {}
    rows = row_checker("exclusions", table.path)
    for line, row in table:
        bad, cells = rows.check(line, row)  # given source, quote and reason
        problems += bad
        source_id = row["source_id"]
        if source_id in failed or "source_id" in cells:
            continue
        if source_id not in texts:
            unknown.setdefault(source_id, []).append(line)
            continue
        quote = row["quote"]
        if "quote" in cells:
            continue
        if quote not in texts[source_id]:
            problems.append(Problem(table.path, line, "quote", f"{quote!r} not found in {source_id}"))
        elif not find_quantities(quote):
            problems.append(Problem(table.path, line, "quote", f"{quote!r} holds no quantity to exclude"))
    return table, problems + unknown_sources(table.path, unknown, texts)


def load_exclusions(data: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load ``exclusions.csv`` after checking it (see :func:`check_exclusions`).

    Raises:
        MetricsError: any problem; the message names file, line and column.
    """
    table, problems = check_exclusions(data)
    if problems or table is None:
        raise MetricsError(problems)
    import pandas as pd

    return pd.DataFrame(list(table.rows), columns=list(EXCLUSION_COLUMNS))


def load_metrics(
    data: str | os.PathLike[str] | None = None,
    *,
    source: str | Iterable[str] | None = None,
    data_dir: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Load the curated metrics after validating schema and provenance.

    The whole file is checked (a file passes ``aidlib check`` if and only if it loads);
    ``source`` then keeps the rows of one source (or of several, in file order).

    Args:
        data: the data folder; None takes ``$AIDLIB_DATA`` or the project's ``data/``.
        source: a source id of ``sources.csv``, or several; None keeps every source.
        data_dir: the old name of ``data`` (deprecated).

    Returns:
        One row per quantitative statement, columns in ``COLUMNS`` order (``attrs["data"]``
        names the folder, so that indicators computed from the frame read that folder's
        declarations):
        ``value`` float in base units (negative for a fall); ``high`` float, the
        high end of a range, NaN for other qualifiers; ``ratio`` float, a multiple's
        ratio to its base, NaN for other rows; ``theme``, ``unit`` and ``qualifier``
        categorical; empty text cells as empty strings.

    Raises:
        MetricsError: any problem; the message names file, line and column.
        KeyError: ``source`` names a source that ``sources.csv`` does not record.
    """
    if data_dir is not None:
        import warnings

        if data is not None:
            raise TypeError("load_metrics() got both data and data_dir: give data only")
        warnings.warn(
            "load_metrics(data_dir=...) is deprecated: use data=...", DeprecationWarning, stacklevel=2
        )
        data = data_dir
    table, problems = check_metrics(data)
    if problems or table is None:
        raise MetricsError(problems)
    frame = metrics_frame(table)
    frame.attrs["data"] = str(paths.data_dir(data))  # the folder it came from: its declarations apply
    if source is None:
        return frame
    from aidlib.data.sources import source_ids

    return select_sources(frame, source, source_ids(data))


def select_sources(frame: pd.DataFrame, source: str | Iterable[str], known: Iterable[str]) -> pd.DataFrame:
    """Keep the rows of ``source`` (an id or several); an id not in ``known`` names near matches.

    A known source with no rows gives an empty frame: a source may be recorded before
    it is curated.

    Raises:
        KeyError: a source id that is not known.
    """
    import difflib

    wanted = [source] if isinstance(source, str) else list(source)
    known = list(known)
    for sid in wanted:
        if sid not in known:
            near = difflib.get_close_matches(sid, known, n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(near)}?" if near else f"known: {', '.join(known) or 'none'}"
            raise KeyError(f"unknown source {sid!r}; {hint}")
    return frame[frame["source_id"].isin(wanted)].reset_index(drop=True)


def metrics_frame(table: Table) -> pd.DataFrame:
    """Turn a checked metrics table into the DataFrame :func:`load_metrics` returns."""
    import pandas as pd

    frame = pd.DataFrame(list(table.rows), columns=list(COLUMNS))
    frame["value"] = frame["value"].map(parse_value).astype(float)
    frame["high"] = frame["high"].map(lambda s: parse_value(s) if s else math.nan).astype(float)
    frame["ratio"] = frame["ratio"].map(lambda s: parse_value(s) if s else math.nan).astype(float)
    frame["theme"] = pd.Categorical(frame["theme"], categories=THEMES)
    frame["qualifier"] = pd.Categorical(frame["qualifier"], categories=QUALIFIERS)
    frame["unit"] = pd.Categorical(frame["unit"], categories=list(UNITS))
    return frame
